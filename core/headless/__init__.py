"""Previews for other front ends: an editor's draft shown by a headless front end.

The contract (docs/api.md, "Previews for other front ends"):

- In the page editor's preview panel, an editor who may edit the page gets the link "Xem
  trước trên trang khác" (`core/templates/wagtailadmin/shared/side_panels/preview.html`). It
  opens `admin/headless-preview/<page id>/` (`admin.HeadlessPreviewView`), which issues a
  token and redirects to the front end configured for the page's site and language
  (`HEADLESS_PREVIEW_CLIENT_URLS`): `https://front.example/preview?content_type=
  articles.newsarticlepage&token=<token>`.
- The token (`tokens`) is signed with the secret key, salted, timed: it names one page, its
  content type, the editor who asked, and what they saw: their unsaved edits as the preview
  panel last sent them (Wagtail keeps them as a `FormState` row of that editor and page) or
  else the page's latest revision. It expires after `HEADLESS_PREVIEW_TOKEN_SECONDS`.
- `GET /api/v2/preview/?content_type=<app.model>&token=<token>` (`articles.preview`) answers
  that draft as the pages endpoint's detail with `?fields=*`, plus `meta.preview: true`,
  never cacheable. The token alone authorises it, not a session; it stops working when the
  editor may no longer edit the page (`drafts.draft_for`).

Why not `wagtail-headless-preview` (0.9.0, tried on Wagtail 8.0.1: it imports, migrates and
round-trips our pages through its `PagePreview` rows): its token never expires (it unsigns
without `max_age`; rows are only swept after a day or two), names no user (so it cannot be
revoked when the editor loses the right to edit), replaces every preview mode of the models
it is mixed into (so editors would lose the site's own preview in the panel), must be mixed
into every page model of every app, and ships no API route. Overriding each of those leaves
only its 20-line model, and Wagtail 8 already keeps the unsaved edits (`FormState`).
"""
