"""The admin's side: the link in the preview panel and the view that issues the token."""

from django.http import Http404
from django.shortcuts import redirect
from wagtail.admin.views.pages.preview import PreviewOnEditView

from . import tokens


def front_end_base(page):
    """The front end's preview URL for a saved page, or None (not configured, not a page)."""
    if page is None or page.pk is None or not hasattr(page, "get_site"):
        return None
    return tokens.front_end_url(page, page.get_site())


class HeadlessPreviewView(PreviewOnEditView):
    """Issues a token for what the editor previews and sends them to the front end.

    Wagtail's own preview view does the checks: the page exists (404) and the user may edit
    it (403). What the token shows: the editor's unsaved edits, as the preview panel last
    sent them, when they are valid; else the latest revision.
    """

    http_method_names = ("get",)

    def get(self, request, *args, **kwargs):
        base_url = front_end_base(self.object)
        if base_url is None:
            raise Http404("No front end is configured for this page's previews.")
        form_state = self._get_form_state()
        if form_state is not None and self.validate_form(
            self.get_form(self._get_form_data(form_state))
        ):
            token = tokens.issue(self.object, request.user, form_state_id=form_state.pk)
        else:
            token = tokens.issue(
                self.object, request.user, revision_id=self.object.latest_revision_id
            )
        return redirect(tokens.preview_link(base_url, self.object, token))
