from django.db.models import Model
from rest_framework.fields import Field

from .counting import page_view_counts


class PageViewsField(Field):
    """A page's views ("Lượt xem") in the API. A listing reads those of all its items at once
    (one query), so the query count does not grow with the number of items."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        root = self.root
        counts = getattr(root, "_visits_page_views", None)
        if counts is None or page.pk not in counts:
            instance = root.instance
            items = [page] if instance is None or isinstance(instance, Model) else list(instance)
            counts = page_view_counts({item.pk for item in items} | {page.pk})
            root._visits_page_views = counts
        return counts[page.pk]

    def openapi_schema(self, builder, model):
        return {
            "type": "integer",
            "minimum": 0,
            "description": "Views of the page (Lượt xem), folded from the visitor counter.",
        }
