"""Any Wagtail search backend, made to search Vietnamese with or without diacritics.

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends",
"WRAPPED_BACKEND": "wagtail.search.backends.database", ...}}`: the wrapped backend (the
database one: SQLite FTS5, PostgreSQL or the fallback; or Elasticsearch/OpenSearch) gets
every other parameter, and its `search()` receives the query folded:

- the query's words, without punctuation or operator characters (no backend syntax error
  from what a reader types; "KH&CN" is the words "kh" and "cn");
- a query typed with diacritics becomes `Or(original words, folded words)`: the models index
  folded copies of their text (`search_folded_*` fields, see `core.text.fold`), so a
  folded query finds "thi đua" from "thi dua", and a page holding the words as typed matches
  both halves and ranks above pages that only match the folded half.

Everything that searches through the backend gets this: the search page, the API's `search`
parameter, the admin.

On PostgreSQL, a search ordered by relevance ranks only the newest `SEARCH_RANKED_MATCHES`
matches (see `NewestMatchesCompiler`), so that its cost stops growing with the site.
"""

import json
from functools import cache

from django.conf import settings
from django.db.models import BigIntegerField, F
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from django.utils.module_loading import import_string
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from core.text import fold, query_words

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


# How much more an entry read by walking costs than a match collected through the GIN index
# (measured at 100,000 articles: about 20-30 us against 7 us).
WALK_COST_RATIO = 4


class NewestMatchesCompiler(PostgresSearchQueryCompiler):
    """PostgreSQL full-text search that ranks at most the newest N matches.

    Wagtail's compiler ranks every match before taking a page of results: `ts_rank` reads
    each match's whole body vector, so a common word costs more with every article
    published. Here the matches are first cut to the `SEARCH_RANKED_MATCHES` most recently
    indexed ones that pass the queryset's filters (an index scan that stops early for common
    words; the GIN index of `search.0001` serves rare ones), and only those are ranked.
    The count of such a search stops at that number too: the search page says "at least".
    Searches on named fields, unranked searches and the rest go to Wagtail's compiler.
    """

    def search(self, config, start, stop, score_field=None, backend=None):
        capped = (
            self.order_by_relevance
            and self.fields is None
            and not isinstance(self.query, (MatchAll, Not, Fuzzy))
        )
        if not capped:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        # Results and count each call this: find the newest matches once, and narrow the
        # queryset for this call only.
        if getattr(self, "_newest_matches", None) is None:
            search_query = self.build_tsquery(self.query, config=config)
            self._newest_matches = list(self.newest_matches(search_query))
        queryset = self.queryset
        self.queryset = queryset.filter(pk__in=self._newest_matches)
        try:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        finally:
            self.queryset = queryset

    def newest_matches(self, search_query):
        """The primary keys of the newest matches."""
        model = self.queryset.model
        entries = (
            model._meta.get_field("index_entries")
            .related_model.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(model)
            )
            .annotate(
                matched_pk=Cast("object_id", BigIntegerField()),
                matched_vector=CombinedExpression(F("title"), "||", F("body")),
            )
        )
        matches = entries.filter(
            matched_vector=search_query, matched_pk__in=self.queryset.values("pk")
        )
        limit = settings.SEARCH_RANKED_MATCHES
        # Ordering by `pk + 0` keeps PostgreSQL off the primary key's index: it collects the
        # matches through the GIN index, then keeps the newest.
        newest = F("pk") if walk_newest_first(entries, matches, limit) else F("pk") + 0
        return matches.order_by(newest.desc()).values_list("matched_pk", flat=True)[:limit]


def planned_rows(queryset):
    """PostgreSQL's estimate of the rows `queryset` returns (a plan, no execution)."""
    plan = queryset.values("pk").explain(format="json")
    # An empty plan: Django found the query can match nothing (an empty IN list).
    return json.loads(plan)[0]["Plan"]["Plan Rows"] if plan else 0


def walk_newest_first(entries, matches, limit):
    """Whether to walk the index entries from the newest until `limit` matches are found.

    The walk reads about `limit * entries / matches` entries and checks each against the
    query, reading its vectors from disk; collecting every match through the GIN index costs
    about a quarter of that per match. PostgreSQL's planner prices the check as nearly free,
    so it walks even where matches are sparse among the newest entries (seconds at 100,000
    articles): its row estimates decide here instead, by the cost of each way.
    """
    found = planned_rows(matches)
    return found * found > WALK_COST_RATIO * limit * planned_rows(entries)


class NewestMatchesPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = NewestMatchesCompiler

    @property
    def ranked_matches(self):
        """The most matches a ranked search counts and ranks (the search page says so)."""
        return settings.SEARCH_RANKED_MATCHES


@cache
def folding_backend_class(backend_class):
    if issubclass(backend_class, PostgresSearchBackend):
        backend_class = NewestMatchesPostgresSearchBackend
    return type(f"Folding{backend_class.__name__}", (FoldingSearchMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    params = dict(params)
    wrapped = import_string(
        params.pop("WRAPPED_BACKEND", DEFAULT_WRAPPED_BACKEND) + ".SearchBackend"
    )
    # The database backend's SearchBackend is a function choosing a class by database vendor.
    backend_class = wrapped if isinstance(wrapped, type) else type(wrapped(dict(params)))
    return folding_backend_class(backend_class)(params)
