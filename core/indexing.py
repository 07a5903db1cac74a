"""What models add to their `search_fields` to be found without diacritics."""

from wagtail.search import index

from .text import folded_for_index, searchable_text


class FoldedSearchMixin:
    """The folded copies of an object's searchable text (see `core.text.fold`).

    `search_text_parts()` lists the texts that are searched besides the title (by default
    the `intro`); `search_title_text()` the title. `search.backends` folds queries the
    same way.
    """

    def search_title_text(self):
        return self.title

    def search_text_parts(self):
        return [searchable_text(self, "intro")] if hasattr(self, "intro") else []

    def search_folded_title(self):
        return folded_for_index(self.search_title_text())

    def search_folded_text(self):
        # Backends read a field several times while indexing one object: build it once.
        if "_search_folded_text" not in self.__dict__:
            self._search_folded_text = folded_for_index(*self.search_text_parts())
        return self._search_folded_text


FOLDED_SEARCH_FIELDS = [
    index.SearchField("search_folded_title", boost=2),
    index.SearchField("search_folded_text"),
]
