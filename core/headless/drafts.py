"""The draft a grant shows, read with the rights of the editor who asked for the token."""

from django.contrib.auth import get_user_model
from django.db.models import ForeignKey, prefetch_related_objects
from django.http import QueryDict
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from wagtail.admin.models import FormState
from wagtail.models import Page

from .tokens import PreviewExpired, PreviewRefused, content_type_label


def draft_for(grant):
    """The draft of `grant` (see `find_draft`), with its rows' related objects fetched."""
    return with_related_objects(find_draft(grant))


def with_related_objects(draft):
    """Fetch, one query per relation, the objects the draft's inline rows point to (an
    article's agencies, its tags): a draft's rows live in memory, outside any queryset that
    could prefetch them, and would otherwise be read one by one."""
    for relation in get_all_child_relations(draft):
        rows = list(getattr(draft, relation.get_accessor_name()).all())
        names = [
            field.name
            for field in relation.related_model._meta.get_fields()
            if isinstance(field, ForeignKey) and not isinstance(field, ParentalKey)
        ]
        if rows and names:
            prefetch_related_objects(rows, *names)
    return draft


def find_draft(grant):
    """The page object of `grant`: the editor's unsaved edits, a revision or the saved page.

    Refused when the page is of another type than the token says, and when its editor is
    deactivated or may no longer edit the page (the token is revoked with their right).
    """
    page = Page.objects.filter(pk=grant.page_id).select_related("locale").first()
    if page is None:
        raise PreviewExpired("the page of this preview no longer exists")
    if content_type_label(page.specific_class) != grant.content_type:
        raise PreviewRefused("this preview token is for another content_type")
    user = get_user_model().objects.filter(pk=grant.user_id, is_active=True).first()
    if user is None or not page.permissions_for_user(user).can_edit():
        raise PreviewRefused(
            "this preview token was revoked: its editor may no longer edit the page"
        )
    if grant.form_state_id is not None:
        return unsaved_edits(page, user, grant.form_state_id)
    if grant.revision_id is not None:
        revision = page.revisions.filter(pk=grant.revision_id).first()
        if revision is None:
            raise PreviewExpired("the revision of this preview no longer exists")
        return revision.as_object()
    return page.specific


def unsaved_edits(page, user, form_state_id):
    """The page with the edits its editor's preview panel last sent, as Wagtail's own
    preview builds it (wagtail.admin.views.pages.preview.PreviewOnEditView: the latest
    revision, the stored form data on it, required fields deferred), never saved."""
    draft = page.get_latest_revision_as_object()
    state = (
        FormState.objects.for_preview(user=user, instance=draft).filter(pk=form_state_id).first()
    )
    if state is None:
        raise PreviewExpired("the editor's preview data is no longer available")
    form_class = draft.get_edit_handler().get_form_class()
    form = form_class(
        QueryDict(state.data),
        instance=draft,
        parent_page=draft.get_parent().specific,
        for_user=user,
    )
    form.defer_required_fields()
    if not form.is_valid():
        raise PreviewExpired("the editor's preview data is no longer valid")
    return form.save(commit=False)
