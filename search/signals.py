"""Keep the index of pages current when what they show of reference data changes.

Articles are indexed with the names of their published agencies, people and awards, and bloc
pages with their years' mottos (`search_related_text`, `search_mottos`). Wagtail reindexes an
object when it is saved; this reindexes, when a reference object is saved (published,
unpublished, renamed) or deleted, the pages that refer to it, found in Wagtail's reference
index, and the bloc page of a bloc year.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, ReferenceIndex
from wagtail.search.tasks import insert_or_update_object_task

from blocs.models import BlocYear
from snippets.models import Agency, Award, Person

REFERENCED_MODELS = (Agency, Person, Award, BlocYear)


def reindex_pages(page_ids):
    for page in Page.objects.filter(pk__in=page_ids).specific():
        insert_or_update_object_task.enqueue(
            page._meta.app_label, page._meta.model_name, str(page.pk)
        )


def referring_page_ids(instance):
    references = ReferenceIndex.get_references_to(instance).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return {int(object_id) for object_id in references.values_list("object_id", flat=True)}


def reindex_referrers(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page_ids = referring_page_ids(instance)
    if isinstance(instance, BlocYear) and instance.bloc_id:
        page_ids.add(instance.bloc_id)
    if page_ids:
        reindex_pages(page_ids)


for model in REFERENCED_MODELS:
    receiver(post_save, sender=model, dispatch_uid=f"search_reindex_{model.__name__}")(
        reindex_referrers
    )
    receiver(post_delete, sender=model, dispatch_uid=f"search_reindex_del_{model.__name__}")(
        reindex_referrers
    )
