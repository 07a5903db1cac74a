"""Serialiser fields shared by every app's API: an object's language and translations, the
published objects behind a list of inline rows, tags, the address of an object in a named
endpoint. Safe to import from models.py (for `APIField(serializer=...)`): nothing
here touches the app registry at import time.
"""

from django.urls import NoReverseMatch, reverse
from rest_framework.fields import Field, SkipField
from wagtail.api.utils import get_full_url

from core.internals import api_serializer_class
from core.visibility import shown


class LocaleField(Field):
    """The object's language code, e.g. "vi"."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return instance.locale.language_code

    def openapi_schema(self, builder, model):
        return builder.language()


class LocaleFallbackField(Field):
    """`meta.fallback` on a listing with `?locale=en&fallback=vi`: true on an item given in
    the fallback language (no English one is published), false on the others. Absent
    without `?fallback=` (the view's `locale_fallback` is set by the locale filter)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        view = self.context.get("view")
        wanted = getattr(view, "locale_fallback", None)
        if wanted is None or not isinstance(instance, view.model):
            raise SkipField
        return instance.locale.language_code != wanted[0]

    def to_representation(self, value):
        return value

    def openapi_schema(self, builder, model):
        return {
            "type": "boolean",
            "description": "With ?fallback=: whether the item is in the fallback language.",
        }


class PublishedObjectListField(Field):
    """The published objects behind a list of inline rows, nested as their endpoint nests them.

    `PublishedObjectListField("recipients", "agency")` serialises an award's recipient rows
    as the list of their published agencies. With `extra_fields`, each item is a dict of the
    nested object under `attribute` plus those fields of the row (an official's role).
    Rows whose object is unpublished are left out.
    """

    def __init__(self, relation, attribute, extra_fields=(), **kwargs):
        self.relation = relation
        self.attribute = attribute
        self.extra_fields = extra_fields
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.relation).all()

    def nested_serializer(self, model):
        cache = self.context.setdefault("nested_serializers", {})
        if model not in cache:
            router = self.context["router"]
            endpoint = router.get_model_endpoint(model)[1]
            serializer_class = api_serializer_class(endpoint, router, model, [], nested=True)
            cache[model] = serializer_class(context=self.context)
        return cache[model]

    def to_representation(self, rows):
        items = []
        for row in rows:
            obj = getattr(row, self.attribute)
            if not shown(obj):
                continue
            nested = self.nested_serializer(type(obj)).to_representation(obj)
            if self.extra_fields:
                nested = {
                    self.attribute: nested,
                    **{name: getattr(row, name) for name in self.extra_fields},
                }
            items.append(nested)
        return items

    def openapi_schema(self, builder, model):
        row_model = model._meta.get_field(self.relation).related_model
        item = builder.model_ref(row_model._meta.get_field(self.attribute).related_model)
        if self.extra_fields:
            item = {
                "type": "object",
                "properties": {
                    self.attribute: item,
                    **{
                        name: builder.model_field_schema(row_model, name)
                        for name in self.extra_fields
                    },
                },
                "required": [self.attribute, *self.extra_fields],
                "additionalProperties": False,
            }
        return {"type": "array", "items": item}


def endpoint_detail_url(context, endpoint_name, pk):
    """The full URL of an object in a named endpoint of the context's router, or None."""
    router = context["router"]
    try:
        path = reverse(f"{router.url_namespace}:{endpoint_name}:detail", args=(pk,))
    except NoReverseMatch:
        return None
    return get_full_url(context["request"], path)


class TranslationsField(Field):
    """The object's other published translations, as the endpoint serving it serves them.

    Example (a page; snippets have no `html_url`)::

        "translations": [
            {
                "locale": "en",
                "id": 12,
                "detail_url": "http://.../api/v2/pages/12/",
                "html_url": "http://.../en/news/science-conference/"
            }
        ]

    Only objects the endpoint itself would serve to this request are listed: live ones (and
    for pages, public ones on the requested site; for banners, inside their schedule).
    The view finds them: `view.get_translations(instance)` (see
    `core.api.views.TranslationsMixin`), one query for all the items of a listing page.
    Objects of another model nested in an item (an award's recipients) have no
    `translations`: their own endpoint lists them.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        view = self.context.get("view")
        if not hasattr(view, "get_translations") or not isinstance(instance, view.model):
            raise SkipField
        return instance

    def detail_url(self, pk):
        """The object's address in the endpoint serving this request (a bloc page's is in
        the blocs endpoint, not the pages one, whatever the router would say for its model;
        the view's `name` cannot tell: Django REST framework clears it)."""
        request = self.context["request"]
        match = request.resolver_match
        if match is None or not match.namespace:
            return None
        try:
            path = reverse(f"{match.namespace}:detail", args=(pk,))
        except NoReverseMatch:
            return None
        return get_full_url(request, path)

    def to_representation(self, instance):
        from wagtail.models import Page

        view = self.context["view"]
        request = self.context["request"]
        items = []
        for translation in view.get_translations(instance):
            item = {
                "locale": translation.locale.language_code,
                "id": translation.pk,
                "detail_url": self.detail_url(translation.pk),
            }
            if isinstance(translation, Page):
                item["html_url"] = translation.get_full_url(request)
            items.append(item)
        return items

    def openapi_schema(self, builder, model):
        translation = {
            "type": "object",
            "properties": {
                "locale": builder.language(),
                "id": {"type": "integer"},
                "detail_url": builder.nullable(builder.url()),
                "html_url": builder.nullable(builder.url()),
            },
            "required": ["locale", "id", "detail_url"],
            "additionalProperties": False,
        }
        return {"type": "array", "items": builder.component("Translation", translation)}


class TagNamesField(Field):
    """Tags as a sorted list of names, read from prefetched tags when there are some
    (Wagtail's TagsField orders them in the database: one query per object)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())

    def openapi_schema(self, builder, model):
        return {"type": "array", "items": {"type": "string"}}


class PrefetchedTagsMixin:
    """For a serialiser: its tags fields are TagNamesFields (use with prefetch_related("tags"))."""

    def build_property_field(self, field_name, model_class):
        from taggit.managers import _TaggableManager

        if isinstance(getattr(model_class, field_name, None), _TaggableManager):
            return TagNamesField, {}
        return super().build_property_field(field_name, model_class)
