"""What a view restriction guards is never cacheable, for whoever asks; a made-up session
cookie neither makes an answer uncacheable nor writes a session; editors get the signed
`portal_editor` cookie nginx checks."""

import base64
import hashlib

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from core import fragments
from core.middleware import EDITOR_COOKIE, editor_token
from core.visibility import is_visible

pytestmark = pytest.mark.django_db

NEVER = "private, no-store"
PUBLIC = "public, max-age=60, s-maxage=3600"


@pytest.fixture(autouse=True)
def _midday(local_midday):
    """Far from midnight, which cuts a page's lifetime (tests/core/test_response_cache.py)."""


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("bandoc", "r@example.vn", "mật khẩu dài")


@pytest.mark.parametrize(
    "kind", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS]
)
def test_a_restricted_page_is_never_cacheable(client, demo_content, reader, kind):
    page = demo_content.seed_report
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="bi-mat" if kind == "password" else ""
    )
    group = Group.objects.create(name="Nội bộ")
    restriction.groups.add(group)
    reader.groups.add(group)

    anonymous = client.get(page.url)
    assert anonymous.status_code in (200, 302)
    assert anonymous["Cache-Control"] == NEVER

    if kind == PageViewRestriction.PASSWORD:
        form = client.post(
            f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
            {"password": "bi-mat", "return_url": page.url},
        )
        assert form.status_code == 302
    else:
        client.force_login(reader)
    allowed = client.get(page.url)
    assert allowed.status_code == 200
    assert allowed["Cache-Control"] == NEVER


def test_the_api_lists_no_restricted_page_even_to_a_session_that_passed(client, demo_content):
    page = demo_content.seed_report
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "bi-mat", "return_url": page.url},
    )
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    ids = [item["id"] for item in client.get("/api/v2/pages/", {"limit": 100}).json()["items"]]
    assert page.pk not in ids


def test_a_private_collection_document_is_never_cacheable(client, db, reader):
    collection = Collection.get_first_root_node().add_child(name="Hồ sơ nội bộ")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Biên bản", collection=collection, file=ContentFile(b"%PDF-1.4", name="bb.pdf")
    )
    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert anonymous["Cache-Control"] == NEVER
    client.force_login(reader)
    allowed = client.get(document.url)
    assert allowed.status_code == 200
    assert allowed["Cache-Control"] == NEVER


@pytest.mark.parametrize("value", ["x", "a" * 32])
def test_a_made_up_session_cookie_changes_nothing(client, demo_content, value):
    sessions = Session.objects.count()
    client.cookies["sessionid"] = value
    for url in ["/", demo_content.seed_report.url, "/api/v2/pages/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"], url
        assert "Set-Cookie" not in response, url
        assert "cookie" not in response.get("Vary", "").lower(), url
    assert Session.objects.count() == sessions


def test_signed_in_editors_get_the_signed_editor_cookie(
    client, demo_content, django_user_model, settings
):
    settings.CACHE_BYPASS_SECRET = "bi-mat-chung"
    django_user_model.objects.create_superuser("quantri", "q@example.vn", "mật khẩu dài")
    response = client.post(
        "/admin/login/", {"username": "quantri", "password": "mật khẩu dài"}, follow=False
    )
    assert response.status_code == 302
    token = response.cookies[EDITOR_COOKIE].value
    digest, expires = token.split(".")
    expected = hashlib.md5(f"{expires} bi-mat-chung".encode(), usedforsecurity=False).digest()
    assert base64.urlsafe_b64decode(digest + "==") == expected
    # Signed-in pages stay private; signing out removes the cookie.
    assert client.get("/")["Cache-Control"] == NEVER
    response = client.post("/admin/logout/")
    assert response.cookies[EDITOR_COOKIE].value == ""


def test_a_made_up_editor_cookie_is_public_at_the_origin(client, demo_content, settings):
    settings.CACHE_BYPASS_SECRET = "bi-mat-chung"
    client.cookies[EDITOR_COOKIE] = editor_token()
    client.cookies["sessionid"] = "x"
    response = client.get("/")
    assert response["Cache-Control"] == PUBLIC
    assert "Set-Cookie" not in response


def test_readers_signed_in_for_a_restricted_page_get_no_editor_cookie(
    client, demo_content, reader, settings
):
    """The cookie lets a client past nginx's cache: only admin users get one, so a reader's
    account cannot hand it to others (issue 16 review)."""
    settings.CACHE_BYPASS_SECRET = "bi-mat-chung"
    response = client.post("/_util/login/", {"username": "bandoc", "password": "mật khẩu dài"})
    assert response.status_code == 302
    assert EDITOR_COOKIE not in response.cookies
    assert EDITOR_COOKIE not in client.get("/").cookies


def test_a_restriction_made_before_its_commit_is_not_cached_as_public(
    demo_content, django_capture_on_commit_callbacks
):
    """A reader's request between the restriction's save and its commit stores the old set of
    restricted paths; the commit replaces the fragments' version again, so it is not used."""
    page = demo_content.seed_report
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        # A concurrent reader, before the commit, reads and caches the set without it.
        fragments.cached(None, ("restricted-paths",), lambda: ())
    assert not is_visible(page)
