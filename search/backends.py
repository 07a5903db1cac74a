"""Any Wagtail search backend, made to search Vietnamese with or without diacritics.

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends",
"WRAPPED_BACKEND": "wagtail.search.backends.database", ...}}`: the wrapped backend (the
database one: SQLite FTS5, PostgreSQL or the fallback; or Elasticsearch/OpenSearch) gets
every other parameter, and its `search()` receives the query folded:

- the query's words, without punctuation or operator characters (no backend syntax error
  from what a reader types; "KH&CN" is the words "kh" and "cn");
- a query typed with diacritics becomes `Or(original words, folded words)`: the models index
  folded copies of their text (`search_folded_*` fields, see `search.text.fold`), so a
  folded query finds "thi đua" from "thi dua", and a page holding the words as typed matches
  both halves and ranks above pages that only match the folded half.

Everything that searches through the backend gets this: the search page, the API's `search`
parameter, the admin.
"""

from functools import cache

from django.utils.module_loading import import_string
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

from .text import fold, query_words

DEFAULT_WRAPPED_BACKEND = "wagtail.search.backends.database"


def fold_query(query, operator):
    """The query to send to the backend for `query` (a string or a search query object)."""
    if isinstance(query, str):
        return _words_query(" ".join(query_words(query)), operator)
    if isinstance(query, PlainText):
        return _words_query(" ".join(query_words(query.query_string)), query.operator) or query
    if isinstance(query, Phrase):
        original = " ".join(query_words(query.query_string))
        folded = fold(original)
        return Phrase(folded) if folded == original else Or([Phrase(original), Phrase(folded)])
    if isinstance(query, (And, Or)):
        return type(query)([fold_query(subquery, operator) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(fold_query(query.subquery, operator))
    if isinstance(query, Boost):
        return Boost(fold_query(query.subquery, operator), query.boost)
    return query


def _words_query(original, operator):
    if not original:
        return ""
    folded = fold(original)
    if folded == original:
        return PlainText(folded, operator=operator)
    return Or([PlainText(original, operator=operator), PlainText(folded, operator=operator)])


class FoldingSearchMixin:
    def search(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        operator = operator or self.query_compiler_class.DEFAULT_OPERATOR
        return super().search(
            fold_query(query, operator.lower()),
            model_or_queryset,
            fields=fields,
            operator=operator,
            order_by_relevance=order_by_relevance,
        )


@cache
def folding_backend_class(backend_class):
    return type(f"Folding{backend_class.__name__}", (FoldingSearchMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    params = dict(params)
    wrapped = import_string(
        params.pop("WRAPPED_BACKEND", DEFAULT_WRAPPED_BACKEND) + ".SearchBackend"
    )
    # The database backend's SearchBackend is a function choosing a class by database vendor.
    backend_class = wrapped if isinstance(wrapped, type) else type(wrapped(dict(params)))
    return folding_backend_class(backend_class)(params)
