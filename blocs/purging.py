"""Purging agency profiles when the news naming them changes.

An agency's profile lists the news that name it (`agency_news`), through rows the articles
own. Publishing an article saves its rows again and deletes the removed ones; unpublishing
keeps them. Either way the profiles of the agencies concerned are purged, with the agency
index beside them (`BlocIndexPage.get_cached_urls_of`).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_unpublished

from core.purging import purge_on_commit
from snippets.models import Agency


def purge_agency_profiles(agency_ids):
    from .models import BlocIndexPage

    def fill(batch):
        for agency in Agency.objects.filter(pk__in=set(agency_ids)):
            batch.add_urls(BlocIndexPage.get_cached_urls_of(agency, batch))

    purge_on_commit(fill)


def agency_row_changed(sender, instance, **kwargs):
    purge_agency_profiles([instance.agency_id])


def news_unpublished(sender, instance, **kwargs):
    from .models.agency_news import agency_row_models

    agency_ids = []
    for row_model in agency_row_models():
        agency_ids += row_model.objects.filter(page_id=instance.pk).values_list(
            "agency_id", flat=True
        )
    if agency_ids:
        purge_agency_profiles(agency_ids)


def connect():
    from .models.agency_news import agency_row_models

    for row_model in agency_row_models():
        label = row_model._meta.label_lower
        post_save.connect(agency_row_changed, sender=row_model, dispatch_uid=f"blocs_{label}_s")
        post_delete.connect(agency_row_changed, sender=row_model, dispatch_uid=f"blocs_{label}_d")
    page_unpublished.connect(news_unpublished, dispatch_uid="blocs_agency_news_unpub")
