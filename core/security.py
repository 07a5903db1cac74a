"""Security headers that Django does not set itself: Content-Security-Policy and
Permissions-Policy (SecurityMiddleware already sends nosniff, Referrer-Policy and
Cross-Origin-Opener-Policy; XFrameOptionsMiddleware sends X-Frame-Options).

Two policies. Public pages, the API, feeds and error pages get a strict one: scripts and
styles only from the site itself, no inline script or event handler, no `eval`, no plugin,
frames only from the embed providers (`WAGTAILEMBEDS_FINDERS`), never framed by others.
The Wagtail admin (`/admin/`, which also serves page previews) gets a looser one: Wagtail's
editor needs inline styles and a few inline scripts, and its previews sit in an admin frame.

Least privilege, widened per response where a page needs it: a view may add sources to one
directive of the public policy for its own answer (`allow_sources`: a legal document's page
frames its PDFs, `frame-src 'self'`; the template tag that writes the EMC monitoring script,
set in the site settings, allows that script's origin in `script-src` and `connect-src`
of the page carrying it, and only when it is set: core knows no setting of another app).
Documents served inline (PDFs) may be framed by the site's own pages only (`frame-ancestors
'self'`, `X-Frame-Options: SAMEORIGIN`); everything else stays unframeable.

Why no nonces: public pages are cached by nginx or a CDN and served to many readers, so a
per-request nonce would be shared by all of them and be predictable to anyone who reads
a cached copy. The public pages carry no inline script at all instead: the scripts are
files in static/, and the JSON-LD blocks (`<script type="application/ld+json">`) are data
blocks, which browsers never execute and CSP does not govern (the browser test checks that
Chromium reports no violation on an article page).
"""

from django.conf import settings


def is_admin(path):
    return path.startswith(settings.CSP_ADMIN_PATH_PREFIXES)


def build_policy(directives):
    return "; ".join(f"{name} {' '.join(sources)}".strip() for name, sources in directives.items())


def allow_sources(request, directive, *sources):
    """Add `sources` to `directive` of the public policy of this request's answer."""
    added = request.__dict__.setdefault("portal_csp_sources", {})
    added.setdefault(directive, []).extend(sources)


def added_sources(request):
    """What `allow_sources` added for this request (kept with a cached answer)."""
    return getattr(request, "portal_csp_sources", None)


def restore_added_sources(request, sources):
    """Give a request answered from Django's cache the sources its page added."""
    if sources:
        request.portal_csp_sources = sources


def policy_for(path, added=None):
    directives = settings.CSP_ADMIN if is_admin(path) else settings.CSP_PUBLIC
    if added and not is_admin(path):
        directives = {
            name: [*directives.get(name, []), *added.get(name, [])]
            for name in {**directives, **added}
        }
    if settings.CSP_REPORT_URI:
        directives = {**directives, "report-uri": [settings.CSP_REPORT_URI]}
    return build_policy(directives)


class SecurityHeadersMiddleware:
    """Adds Content-Security-Policy and Permissions-Policy to every response.

    Sits just below SecurityMiddleware, so that it also sees redirects and the answers of
    every middleware further down (error pages included). Headers a view set are kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            # A Wagtail preview renders the page through the middleware again, with the
            # page's own path: the admin view that asked for it sets the admin's policy.
            return response
        header = (
            "Content-Security-Policy-Report-Only"
            if settings.CSP_REPORT_ONLY
            else "Content-Security-Policy"
        )
        added = added_sources(request)
        response.headers.setdefault(header, policy_for(request.path_info, added))
        if is_inline_document(request, response):
            frame_from_self_only(response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def is_inline_document(request, response):
    """A document served by Django to show in the browser (a PDF), not as a download."""
    match = getattr(request, "resolver_match", None)
    return (
        match is not None
        and match.url_name == "wagtaildocs_serve"
        and response.status_code == 200
        and response.get("Content-Disposition", "").startswith("inline")
    )


def frame_from_self_only(response):
    """Let the site's own pages frame the response (a PDF preview), and no one else."""
    response["X-Frame-Options"] = "SAMEORIGIN"
    for header in ("Content-Security-Policy", "Content-Security-Policy-Report-Only"):
        if header in response:
            kept = [
                directive.strip()
                for directive in response[header].split(";")
                if directive.split()[:1] != ["frame-ancestors"]
            ]
            response[header] = "; ".join([*kept, "frame-ancestors 'self'"])
