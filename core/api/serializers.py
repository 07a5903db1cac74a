"""Serialisers built on Wagtail's API serialisers: the base of translatable endpoints, and
nested objects as their own endpoints serve them. Not for models.py: Wagtail's API modules
read the app registry when imported (use `core.api.fields` there).
"""

from wagtail.api.v2.serializers import BaseSerializer, RelatedField
from wagtail.api.v2.views import BaseAPIViewSet

from core.internals import api_serializer_class
from core.visibility import shown

from .fields import LocaleFallbackField, LocaleField, TranslationsField


class PublishedRelatedField(RelatedField):
    """A nested related object, or null while readers may not see it (`core.visibility`)."""

    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        if related is not None and not shown(related):
            return None
        return related


class TranslatableSerializer(BaseSerializer):
    """An object of a `TranslatableAPIViewSet`: its language and translations in `meta`, its
    related objects nested, or null while readers may not see them."""

    serializer_related_field = PublishedRelatedField
    locale = LocaleField(read_only=True)
    translations = TranslationsField()
    fallback = LocaleFallbackField()


class NestedSerializers:
    """Serialisers of related objects as their own endpoints nest them (as a plain API object
    for a model no endpoint serves), built once per model and list of fields. Call it with
    `(model, obj, fields)`; a missing object gives None."""

    def __init__(self, context):
        self.context = context
        self._serializers = {}

    def __call__(self, model, obj, fields=()):
        if obj is None:
            return None
        key = (model, fields)
        if key not in self._serializers:
            router = self.context["router"]
            endpoint = router.get_model_endpoint(model)
            endpoint_class = endpoint[1] if endpoint else BaseAPIViewSet
            config = [(name, False, None) for name in fields]
            serializer_class = api_serializer_class(
                endpoint_class, router, model, config, nested=True
            )
            self._serializers[key] = serializer_class(context=self.context)
        return self._serializers[key].to_representation(obj)
