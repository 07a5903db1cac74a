"""Previews for other front ends: the admin's link, the token, and `/api/v2/preview/`."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import Page

from articles.models import AnnouncementPage, ArticleAgency
from core.purging import api_paths
from organisation.models import OrganisationPage
from tests.roles import ADMINISTRATORS, EDITORS, MODERATORS, member_of

FRONT_END = "https://front.example/preview"
API = "/api/v2/preview/"
DRAFT_LEAD = "Tóm tắt chưa xuất bản"
# modelcluster's check of an inline row's objects, one by one, when a revision is loaded.
ROW_CHECK = re.compile(
    r'FROM "(taggit_tag|snippets_agency|wagtailcore_locale|articles_newsarticlepage)"'
    r'.* WHERE "\1"\."(id|page_ptr_id)" = \d+ LIMIT 21$'
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def front_ends(settings):
    settings.HEADLESS_PREVIEW_CLIENT_URLS = {
        "default": FRONT_END,
        "en": "https://front.example/{language}/preview",
    }
    settings.HEADLESS_PREVIEW_TOKEN_SECONDS = 600


@pytest.fixture
def drafted(make_article):
    """A published article with a later, unpublished revision."""
    page = make_article("Bài đã xuất bản")
    page.lead = DRAFT_LEAD
    page.save_revision()
    return page


def admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def preview_link(user, page):
    """The front end's URL the admin's preview link leads to, as `user`."""
    response = admin_client(user).get(reverse("headless_preview", args=[page.pk]))
    assert response.status_code == 302, response.status_code
    return response["Location"]


def token_of(link):
    return parse_qs(urlsplit(link).query)["token"][0]


def read(token, content_type="articles.newsarticlepage", **headers):
    return Client().get(API, {"content_type": content_type, "token": token}, **headers)


@pytest.mark.parametrize("group", [EDITORS, MODERATORS, ADMINISTRATORS])
def test_each_role_gets_the_link_in_the_preview_panel_and_a_token(
    group, drafted, django_user_model
):
    user = member_of(django_user_model, group, "nguoidung")
    edit = admin_client(user).get(reverse("wagtailadmin_pages:edit", args=[drafted.pk]))
    html = edit.content.decode()
    assert f'href="{reverse("headless_preview", args=[drafted.pk])}"' in html
    assert "Xem trước trên trang khác" in html
    link = preview_link(user, drafted)
    assert link.startswith(f"{FRONT_END}?content_type=articles.newsarticlepage&token=")
    assert read(token_of(link)).json()["lead"] == DRAFT_LEAD


def test_the_front_end_of_the_pages_language(drafted, translate_page, editor):
    english = translate_page(drafted, "Published article")
    link = preview_link(editor, english)
    assert link.startswith("https://front.example/en/preview?content_type=")


def test_no_link_without_a_front_end(settings, drafted, editor):
    settings.HEADLESS_PREVIEW_CLIENT_URLS = {}
    client = admin_client(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[drafted.pk])).content.decode()
    assert reverse("headless_preview", args=[drafted.pk]) not in html
    assert client.get(reverse("headless_preview", args=[drafted.pk])).status_code == 404


def test_no_token_without_the_right_to_edit_the_page(drafted, django_user_model):
    reader = django_user_model.objects.create_user(username="docgia", password="mat-khau-dai-2024")
    access = Group.objects.create(name="Chỉ vào trang quản trị")
    access.permissions.add(Permission.objects.get(codename="access_admin"))
    reader.groups.add(access)
    # Wagtail's answer to a PermissionDenied in the admin: back to the dashboard, with its
    # "Sorry, you do not have permission" message; no token, no front end.
    response = admin_client(reader).get(reverse("headless_preview", args=[drafted.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    anonymous = Client().get(reverse("headless_preview", args=[drafted.pk]))
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]


def test_anyone_with_the_token_reads_the_draft_never_cached(drafted, editor):
    response = read(token_of(preview_link(editor, drafted)), HTTP_ORIGIN="https://front.example")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == drafted.pk
    assert body["lead"] == DRAFT_LEAD
    assert body["meta"]["type"] == "articles.NewsArticlePage"
    assert body["meta"]["preview"] is True
    assert response["Cache-Control"] == "private, no-store"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Last-Modified" not in response


def test_the_draft_never_reaches_the_public_pages_endpoint(drafted, editor):
    assert read(token_of(preview_link(editor, drafted))).status_code == 200
    public = Client().get(f"/api/v2/pages/{drafted.pk}/", {"fields": "*"})
    assert public.json()["lead"] != DRAFT_LEAD
    listing = Client().get("/api/v2/pages/", {"type": "articles.NewsArticlePage", "fields": "*"})
    assert DRAFT_LEAD not in listing.content.decode()


def test_an_expired_token_is_gone(drafted, editor):
    token = token_of(preview_link(editor, drafted))
    with freeze_time(timezone.now() + timedelta(seconds=599)):
        assert read(token).status_code == 200
    with freeze_time(timezone.now() + timedelta(seconds=601)):
        response = read(token)
    assert response.status_code == 410
    assert "expired" in response.json()["message"]
    assert response["Cache-Control"] == "private, no-store"


def test_a_token_opens_its_own_page_only(drafted, make_article, news_index, editor):
    other = make_article("Bài khác")
    token = token_of(preview_link(editor, other))
    body = read(token).json()
    assert body["id"] == other.pk and body["lead"] != DRAFT_LEAD
    announcement = news_index.add_child(instance=AnnouncementPage(title="Thông báo", slug="tb"))
    assert read(token, "articles.announcementpage").status_code == 403
    response = read(token_of(preview_link(editor, announcement)), "articles.announcementpage")
    assert response.json()["title"] == "Thông báo"


@pytest.mark.parametrize(
    "query, status",
    [
        ({}, 400),
        ({"content_type": "articles.newsarticlepage"}, 400),
        ({"token": "x"}, 400),
        ({"content_type": "articles.newsarticlepage", "token": "khong-hop-le"}, 403),
        ({"content_type": "articles.newsarticlepage", "token": "x" * 5000}, 400),
        ({"content_type": "articles.newsarticlepage", "token": "x", "fields": "*"}, 400),
        ({"content_type": "x" * 500, "token": "x"}, 400),
        ({"content_type": "articles.newsarticlepage", "token": "a\x00b"}, 400),
    ],
)
def test_bad_requests_are_clear_json_answers(query, status):
    response = Client().get(API, query)
    assert response.status_code == status
    assert response.json()["message"]
    assert response["Cache-Control"] == "private, no-store"


def test_a_tampered_token_is_refused(drafted, editor):
    token = token_of(preview_link(editor, drafted))
    payload, stamp, signature = token.rsplit(":", 2)
    forged = f"{payload[:-2]}{'A' if payload[-2] != 'A' else 'B'}{payload[-1]}:{stamp}:{signature}"
    assert read(forged).status_code == 403
    assert read(f"{payload}:{stamp}:{signature[:-1]}x").status_code == 403


def test_a_token_dies_with_its_editors_right_to_edit(drafted, editor):
    token = token_of(preview_link(editor, drafted))
    assert read(token).status_code == 200
    editor.groups.clear()
    assert read(token).status_code == 403
    editor.groups.add(Group.objects.get(name=EDITORS))
    assert read(token).status_code == 200
    editor.is_active = False
    editor.save()
    response = read(token)
    assert response.status_code == 403
    assert "revoked" in response.json()["message"]


def test_a_deleted_page_is_gone(drafted, editor):
    token = token_of(preview_link(editor, drafted))
    drafted.delete()
    assert read(token).status_code == 410


def edit_form_data(client, page):
    """The page editor's form as the browser would send it (lxml reads its fields; the
    article's StreamField, empty here, is drawn by JavaScript: its count is added)."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    form = next(f for f in lxml.html.fromstring(html).forms if f.get("id") == "page-edit-form")
    return {**dict(form.form_values()), "body-count": "0"}


def test_the_token_shows_the_editors_unsaved_edits(drafted, editor):
    client = admin_client(editor)
    data = edit_form_data(client, drafted)
    data["lead"] = "Đang sửa, chưa lưu"
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[drafted.pk])
    assert client.post(preview, data).json() == {"is_valid": True, "is_available": True}
    token = token_of(preview_link(editor, drafted))
    assert read(token).json()["lead"] == "Đang sửa, chưa lưu"
    # The session is not what opens it; another editor's edits are not what it shows.
    drafted.refresh_from_db()
    assert drafted.get_latest_revision_as_object().lead == DRAFT_LEAD
    client.delete(preview)  # Wagtail's panel discards the edits: the token's data is gone
    assert read(token).status_code == 410


def preview_queries(count, make_article, make_agency, editor):
    """The queries of a preview answer for a draft with `count` tags and agencies."""
    page = make_article(f"Bài có {count} thẻ")
    for number in range(count):
        page.tags.add(f"thẻ {number}")
        page.related_agencies.add(ArticleAgency(agency=make_agency()))
    page.save_revision()
    token = token_of(preview_link(editor, page))
    with CaptureQueriesContext(connection) as queries:
        body = read(token).json()
    assert len(body["tags"]) == count and len(body["related_agencies"]) == count
    return [query["sql"] for query in queries.captured_queries]


def test_queries_grow_only_by_wagtails_checks_of_the_revisions_rows(
    make_article, make_agency, editor
):
    """Serialising the draft costs the same for 3 and 30 related items (their objects are
    fetched one query per relation). Loading the revision (Wagtail's `as_object()`) has
    modelcluster check that each inline row's objects still exist, one query each: a tag row
    its tag and its article, an agency row its agency and its locale; those grow, nothing
    else."""
    few, many = (preview_queries(n, make_article, make_agency, editor) for n in (3, 30))

    def others(queries):
        return [sql for sql in queries if not ROW_CHECK.search(sql)]

    assert len(others(few)) == len(others(many)), (len(others(few)), len(others(many)))
    assert len(many) - len(few) == 27 * (2 + 2)


def test_publishing_purges_nothing_on_the_preview_route(drafted):
    paths = api_paths(drafted)
    assert f"/api/v2/pages/{drafted.pk}/" in paths
    assert not [path for path in paths if path.startswith(API)]


def test_every_page_type_of_the_demo_previews(demo_content, django_user_model):
    administrator = member_of(django_user_model, ADMINISTRATORS, "quantrivien")
    home = Page.objects.get(depth=2)
    home.add_child(instance=OrganisationPage(title="Giới thiệu", slug="gioi-thieu"))
    first_of_each_type = {}
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        first_of_each_type.setdefault(type(page), page)
    assert {
        "HomePage",
        "NewsArticlePage",
        "EventReportPage",
        "AnnouncementPage",
        "OrganisationPage",
    } <= {model.__name__ for model in first_of_each_type}
    for model, page in first_of_each_type.items():
        page.title = f"{page.title} (bản nháp)"
        page.save_revision()
        link = preview_link(administrator, page)
        content_type = parse_qs(urlsplit(link).query)["content_type"][0]
        assert content_type == f"{model._meta.app_label}.{model._meta.model_name}"
        response = read(token_of(link), content_type)
        assert response.status_code == 200, (model, response.json())
        body = response.json()
        assert body["title"] == page.title and body["meta"]["preview"] is True


def test_a_session_opens_nothing_without_a_token(drafted, editor):
    client = admin_client(editor)
    response = client.get(API, {"content_type": "articles.newsarticlepage"})
    assert response.status_code == 400
    assert DRAFT_LEAD not in response.content.decode()


def test_a_private_pages_draft_opens_by_token_only(drafted, make_private, editor):
    make_private(drafted)
    assert read(token_of(preview_link(editor, drafted))).json()["lead"] == DRAFT_LEAD
    assert Client().get(f"/api/v2/pages/{drafted.pk}/").status_code == 404
