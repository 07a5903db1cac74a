"""Previews for other front ends: the admin's link, the token, and `/api/v2/preview/`."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from articles.models import AnnouncementPage

EDITORS = "Biên tập viên"
MODERATORS = "Kiểm duyệt viên"
ADMINISTRATORS = "Quản trị viên"
FRONT_END = "https://front.example/preview"
API = "/api/v2/preview/"
DRAFT_LEAD = "Tóm tắt chưa xuất bản"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def front_ends(settings):
    settings.HEADLESS_PREVIEW_CLIENT_URLS = {
        "default": FRONT_END,
        "en": "https://front.example/{language}/preview",
    }
    settings.HEADLESS_PREVIEW_TOKEN_SECONDS = 600


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username=username, password="mat-khau-dai-2024")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    return member_of(django_user_model, EDITORS, "bientapvien")


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
        ({"content_type": "articles.newsarticlepage", "token": "x" * 5000}, 403),
        ({"content_type": "articles.newsarticlepage", "token": "x", "fields": "*"}, 400),
        ({"content_type": "x" * 500, "token": "x"}, 403),
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
