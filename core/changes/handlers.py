"""The signals that record changes (connected in `CoreConfig.ready()`).

Pages (and the endpoints serving page types: blocs, legal documents) follow
`core.visibility`: live and outside any restricted subtree. Snippets with `DraftStateMixin`
follow `live`. A served model whose publication is its parent's (a work calendar entry, by
its week) names the parent's foreign key in a class attribute `change_log_parent`. Images
and documents are public in a public collection when published content uses them
(`core.visibility.is_published_media`).

A delete is recorded only for what was public just before: the state is read before the
change (pre_delete, pre_save), since the log may predate the object.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    CollectionViewRestriction,
    DraftStateMixin,
    Page,
    PageViewRestriction,
)
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from core.visibility import is_published_media, is_restricted

from .recording import delete, endpoints_serving, record, upsert

# Page id -> (its model, locale id, translation key) while a deletion of public pages runs.
_pages_being_deleted = {}
# Image or document key -> whether it was public, read before a save or a deletion.
_media_before = {}


def restriction_paths(exclude=None):
    restrictions = PageViewRestriction.objects.all()
    if exclude is not None:
        restrictions = restrictions.exclude(pk=exclude)
    return list(restrictions.values_list("page__path", flat=True))


def public_subtree(path, paths):
    """(model, id, locale id) of the live pages of the subtree at `path` outside `paths`."""
    pages = Page.objects.live().filter(path__startswith=path)
    for restricted in paths:
        if restricted.startswith(path):
            pages = pages.exclude(path__startswith=restricted)
    return [
        (ContentType.objects.get_for_id(type_id).model_class(), pk, locale_id)
        for pk, type_id, locale_id in pages.values_list("pk", "content_type_id", "locale_id")
    ]


# Pages ------------------------------------------------------------------------------------


def page_published_handler(sender, instance, **kwargs):
    if not is_restricted(instance):
        record([upsert(instance)])


def page_unpublished_handler(sender, instance, **kwargs):
    """A page unpublished; not one Wagtail unpublishes (unsaved: its row still says live)
    because it is being deleted, which `page_deleted` records."""
    if not is_restricted(instance) and not live_in_database(instance):
        record([delete(instance, reason="unpublished")])


def live_in_database(page):
    return Page.objects.filter(pk=page.pk, live=True).exists()


def page_deleting(sender, instance, **kwargs):
    """Before any row goes (the restrictions with it): whether readers could see the page.
    Wagtail has unpublished the instance (unsaved) by now: its row says whether it was live."""
    if live_in_database(instance) and not any(
        instance.path.startswith(p) for p in restriction_paths()
    ):
        model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
        _pages_being_deleted[instance.pk] = (model, instance.locale_id, instance.translation_key)
    else:
        _pages_being_deleted[instance.pk] = None


def page_deleted(sender, instance, **kwargs):
    """A deleted public page; "translation_removed" when a version in another language
    remains (the source or another translation): the consumer keeps that one."""
    before = _pages_being_deleted.pop(instance.pk, None)
    if before is None:
        return
    model, locale_id, key = before
    remains = Page.objects.filter(translation_key=key).exclude(locale_id=locale_id).exists()
    reason = "translation_removed" if remains else "deleted"
    record([delete(model, instance.pk, locale_id, reason=reason)])


def restriction_saved(sender, instance, created, **kwargs):
    """A new restriction takes its subtree's public pages out of the public set."""
    if not created:
        return  # a changed password or group: the pages were private already
    page = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    others = restriction_paths(exclude=instance.pk)
    if page is None or any(page.startswith(p) for p in others):
        return
    record([delete(*page_key, reason="made_private") for page_key in public_subtree(page, others)])


def restriction_deleted(sender, instance, **kwargs):
    """A restriction removed (not with its page): its subtree's pages become public again,
    those not under another restriction."""
    if instance.page_id in _pages_being_deleted:
        return
    page = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    others = restriction_paths(exclude=instance.pk)
    if page is None or any(page.startswith(p) for p in others):
        return
    record([upsert(*page_key, reason="made_public") for page_key in public_subtree(page, others)])


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """A page moved to another section: its URL and its descendants' changed ("updated");
    moved under a restricted section: "moved_out"; out of one: "made_public"."""
    if kwargs.get("url_path_before") == kwargs.get("url_path_after"):
        return  # reordered among its siblings
    paths = restriction_paths()
    before = any(parent_page_before.path.startswith(p) for p in paths)
    after = any(parent_page_after.path.startswith(p) for p in paths)
    if before and after:
        return
    subtree = public_subtree(instance.path, paths)
    if after:
        record([delete(*key, reason="moved_out") for key in subtree])
    else:
        reason = "made_public" if before else "updated"
        record([upsert(*key, reason=reason) for key in subtree])


# Snippets and models published with a parent ---------------------------------------------


def children_changes(instance, make, reason):
    """Changes of the served objects published with `instance` (`change_log_parent`)."""
    changes = []
    for model in served_models():
        parent = getattr(model, "change_log_parent", None)
        if parent is None:
            continue
        field = model._meta.get_field(parent)
        if isinstance(instance, field.related_model):
            for pk, locale_id in model.objects.filter(**{parent: instance}).values_list(
                "pk", "locale_id"
            ):
                changes.append(make(model, pk, locale_id, reason=reason))
    return changes


def served_models():
    from django.apps import apps

    return [model for model in apps.get_models() if endpoints_serving(model)]


def snippet_published(sender, instance, **kwargs):
    if isinstance(instance, Page):
        return  # page_published records pages
    changes = [upsert(instance)] if endpoints_serving(type(instance)) else []
    record(changes + children_changes(instance, upsert, "published"))


def snippet_unpublished(sender, instance, **kwargs):
    if isinstance(instance, Page):
        return
    changes = [delete(instance, reason="unpublished")] if endpoints_serving(type(instance)) else []
    record(changes + children_changes(instance, delete, "unpublished"))


def object_deleted(sender, instance, **kwargs):
    """A served snippet deleted while live, or a served child of a live parent."""
    if isinstance(instance, Page) or not endpoints_serving(type(instance)):
        return
    parent = getattr(type(instance), "change_log_parent", None)
    if parent is not None:
        field = type(instance)._meta.get_field(parent)
        live = field.related_model._default_manager.filter(
            pk=getattr(instance, field.attname), live=True
        )
        if live.exists():
            record([delete(instance)])
    elif isinstance(instance, DraftStateMixin) and instance.live:
        record([delete(instance)])


# Images and documents -----------------------------------------------------------------------


def media_public(obj):
    if obj.collection_id is None:
        return False
    collection = obj.collection
    ancestors = collection.get_ancestors(inclusive=True)
    if CollectionViewRestriction.objects.filter(collection__in=ancestors).exists():
        return False
    return is_published_media(obj)


def media_saving(sender, instance, **kwargs):
    if instance.pk is not None:
        old = sender.objects.filter(pk=instance.pk).first()
        _media_before[(sender, instance.pk)] = old is not None and media_public(old)


def media_saved(sender, instance, **kwargs):
    was_public = _media_before.pop((sender, instance.pk), False)
    if media_public(instance):
        record([upsert(instance)])
    elif was_public:
        record([delete(instance, reason="made_private")])


def media_deleting(sender, instance, **kwargs):
    _media_before[(sender, instance.pk)] = media_public(instance)


def media_deleted(sender, instance, **kwargs):
    if _media_before.pop((sender, instance.pk), False):
        record([delete(instance)])


def connect():
    uid = "portal_changes_"
    page_published.connect(page_published_handler, dispatch_uid=uid + "page_published")
    page_unpublished.connect(page_unpublished_handler, dispatch_uid=uid + "page_unpublished")
    post_page_move.connect(page_moved, dispatch_uid=uid + "page_moved")
    pre_delete.connect(page_deleting, sender=Page, dispatch_uid=uid + "page_deleting")
    post_delete.connect(page_deleted, sender=Page, dispatch_uid=uid + "page_deleted")
    post_save.connect(
        restriction_saved, sender=PageViewRestriction, dispatch_uid=uid + "restriction_saved"
    )
    post_delete.connect(
        restriction_deleted, sender=PageViewRestriction, dispatch_uid=uid + "restriction_deleted"
    )
    published.connect(snippet_published, dispatch_uid=uid + "published")
    unpublished.connect(snippet_unpublished, dispatch_uid=uid + "unpublished")
    post_delete.connect(object_deleted, dispatch_uid=uid + "object_deleted")
    for model in (get_document_model(), get_image_model()):
        name = model._meta.label_lower
        pre_save.connect(media_saving, sender=model, dispatch_uid=uid + "saving_" + name)
        post_save.connect(media_saved, sender=model, dispatch_uid=uid + "saved_" + name)
        pre_delete.connect(media_deleting, sender=model, dispatch_uid=uid + "deleting_" + name)
        post_delete.connect(media_deleted, sender=model, dispatch_uid=uid + "deleted_" + name)
