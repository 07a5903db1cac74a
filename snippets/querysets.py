"""The queryset of the reference data: every snippet has a draft/publish cycle."""

from django.db import models


class PublishedQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def translated_slug(self, slug, from_locale_id, to_locale_id):
        """The slug of the published translation in `to_locale_id` of the object that has
        `slug` in `from_locale_id`, or None: a sub-page's address in another language (slugs
        may differ by language)."""
        sources = self.filter(locale_id=from_locale_id, slug=slug).values("translation_key")
        return (
            self.live()
            .filter(locale_id=to_locale_id, translation_key__in=sources)
            .values_list("slug", flat=True)
            .first()
        )
