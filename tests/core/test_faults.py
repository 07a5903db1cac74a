"""Faults: the database or Redis going away, a save dying half-way, two editors at once.

(Redis down for the visitor counter, and counting resuming, is in tests/visits/test_resilience.)
"""

import re
from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.db.models.signals import post_save
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from articles.models import AnnouncementIndexPage, AnnouncementPage
from snippets.models import Agency

on_postgresql = connection.vendor == "postgresql"


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def site(home, locale_en):
    """A home page and an announcements section with one announcement, in Vietnamese."""
    section = publish(
        home.add_child(instance=AnnouncementIndexPage(title="Thông báo", slug="thong-bao"))
    )
    notice = publish(
        section.add_child(
            instance=AnnouncementPage(title="Lịch tiếp công dân", slug="lich-tiep", summary="Lịch")
        )
    )
    return {"home": home, "section": section, "notice": notice}


@pytest.fixture
def anonymous():
    # The 5xx answer is what the test inspects: no exception raised into the test.
    return Client(raise_request_exception=False)


@contextmanager
def database_down(monkeypatch):
    """Every new query fails as if the server had gone (connection refused)."""

    def refuse(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    with monkeypatch.context() as patch:
        patch.setattr(connection, "ensure_connection", refuse)
        yield


def assert_outage_page(response, language):
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    for leak in ("Traceback", "OperationalError", "5432", "django"):
        assert leak not in html


def test_database_down_answers_a_vietnamese_503_page(site, anonymous, monkeypatch):
    url = site["notice"].url
    with database_down(monkeypatch):
        response = anonymous.get(url)
    assert_outage_page(response, "vi")
    assert "Hệ thống tạm thời gián đoạn" in response.content.decode()


def test_database_down_answers_english_under_en(site, anonymous, monkeypatch):
    with database_down(monkeypatch):
        response = anonymous.get("/en/")
    assert_outage_page(response, "en")
    assert "Service temporarily unavailable" in response.content.decode()


def test_database_down_on_the_search_page_admin_and_api(site, anonymous, monkeypatch):
    with database_down(monkeypatch):
        search = anonymous.get("/tim-kiem/", {"q": "thi đua"})
        admin = anonymous.get("/admin/", HTTP_COOKIE="sessionid=" + "a" * 32)
        api = anonymous.get("/api/v2/pages/")
    assert_outage_page(search, "vi")
    assert_outage_page(admin, "vi")
    assert api.status_code == 503
    assert api["Retry-After"].isdigit()
    assert api.json()["message"]


def test_the_next_request_after_the_database_returns_is_served(site, anonymous, monkeypatch):
    url = site["notice"].url
    with database_down(monkeypatch):
        assert anonymous.get(url).status_code == 503
    response = anonymous.get(url)
    assert response.status_code == 200
    assert "Lịch tiếp công dân" in response.content.decode()


def test_other_errors_stay_the_500_page(site, anonymous, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(AnnouncementPage, "get_context", broken)
    response = anonymous.get(site["notice"].url)
    assert response.status_code == 500
    assert "Đã xảy ra lỗi" in response.content.decode()


@pytest.mark.skipif(not on_postgresql, reason="a real dead server needs PostgreSQL (PG pass)")
@pytest.mark.django_db(transaction=True)
def test_postgresql_on_a_closed_port_then_back(site, anonymous):
    url = site["notice"].url
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        response = anonymous.get(url)
    finally:
        connection.settings_dict["PORT"] = port
    assert_outage_page(response, "vi")
    assert anonymous.get(url).status_code == 200


def test_redis_down_keeps_listings_search_feeds_and_api_up(site, anonymous, redis_down):
    with redis_down:
        for url in (
            "/",
            "/thong-bao/",
            site["notice"].url,
            "/tim-kiem/?q=lich",
            "/sitemap.xml",
            "/api/v2/pages/",
            f"/api/v2/pages/{site['notice'].pk}/",
        ):
            assert anonymous.get(url).status_code == 200, url


# A save that dies half-way ---------------------------------------------------------------------


@contextmanager
def failing_after_save(model):
    """The step after writing a `model` row fails, as a worker killed at that moment would."""

    def fail(sender, **kwargs):
        raise RuntimeError("worker killed")

    post_save.connect(fail, sender=model, dispatch_uid="faults-fail")
    try:
        yield
    finally:
        post_save.disconnect(sender=model, dispatch_uid="faults-fail")


def announcement_form(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Tóm tắt",
            "body": rich_text("<p>Nội dung</p>"),
            "date": "2024-02-01 08:00:00",
            "valid_until": "",
            "attachments": inline_formset([]),
            **extra,
        }
    )


@pytest.fixture
def admin(admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize("action", ["action-publish", "save"])
def test_a_page_creation_that_fails_half_way_leaves_nothing(site, admin, action):
    url = reverse(
        "wagtailadmin_pages:add", args=("articles", "announcementpage", site["section"].pk)
    )
    pages_before = Page.objects.count()
    data = announcement_form("Thông báo dở dang", "do-dang", **{action: action})
    with failing_after_save(Revision):  # the page row is written, its revision fails
        response = admin.post(url, data)
    assert response.status_code == 500
    assert Page.objects.count() == pages_before
    assert not Page.objects.filter(slug="do-dang").exists()
    # Page.numchild of the parent is part of the same transaction.
    assert Page.objects.get(pk=site["section"].pk).numchild == 1
    response = admin.post(url, data)
    assert response.status_code == 302
    assert AnnouncementPage.objects.get(slug="do-dang").live == (action == "action-publish")


def test_a_page_publish_that_fails_half_way_changes_nothing(site, admin):
    notice = site["notice"]
    url = reverse("wagtailadmin_pages:edit", args=(notice.pk,))
    revisions_before = notice.revisions.count()
    data = announcement_form("Lịch tiếp công dân mới", "lich-tiep", **{"action-publish": "1"})
    with failing_after_save(AnnouncementPage):  # the revision is written, the publish fails
        response = admin.post(url, data)
    assert response.status_code == 500
    notice.refresh_from_db()
    assert notice.title == "Lịch tiếp công dân"
    assert notice.revisions.count() == revisions_before
    assert "Lịch tiếp công dân mới" not in Client().get(notice.url).content.decode()


def test_a_snippet_creation_that_fails_half_way_leaves_nothing(site, admin):
    url = reverse("wagtailsnippets_snippets_agency:add")
    data = {"name": "Sở Nội vụ", "slug": "so-noi-vu", "kind": "department", "action-publish": "1"}
    with failing_after_save(Revision):
        response = admin.post(url, data)
    assert response.status_code == 500
    assert not Agency.objects.filter(slug="so-noi-vu").exists()


# Two editors -----------------------------------------------------------------------------------


def edit_form_state(client, page):
    """The hidden inputs of the edit form that say which revision the editor loaded."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    html = response.content.decode()
    return {
        name: re.search(rf'name="{name}" value="([^"]+)"', html).group(1)
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def test_two_editors_on_one_page_neither_loses_work(site, django_user_model):
    notice = site["notice"]
    first, second = Client(), Client()
    first.force_login(django_user_model.objects.create_superuser("an", "an@example.vn", "x"))
    second.force_login(django_user_model.objects.create_superuser("binh", "binh@example.vn", "x"))
    url = reverse("wagtailadmin_pages:edit", args=(notice.pk,))
    loaded_first = edit_form_state(first, notice)
    loaded_second = edit_form_state(second, notice)

    # An saves first.
    response = first.post(url, announcement_form("Bản của An", "lich-tiep", **loaded_first))
    assert response.status_code == 302

    # Binh's form was loaded before An's save: Wagtail's autosave refuses to overwrite...
    stale = announcement_form("Bản của Bình", "lich-tiep", **loaded_second)
    response = second.post(url, stale, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    # ...and reopening the page shows An's version, which is still the latest revision.
    notice.refresh_from_db()
    assert notice.get_latest_revision_as_object().title == "Bản của An"
    reopened = second.get(url)
    assert "Bản của An" in reopened.content.decode()

    # An explicit save by Binh makes a new revision: An's stays in the history.
    response = second.post(url, stale)
    assert response.status_code == 302
    titles = [r.as_object().title for r in notice.revisions.order_by("created_at", "pk")]
    assert titles[-2:] == ["Bản của An", "Bản của Bình"]


def test_a_locked_page_cannot_be_saved_by_another_editor(site, django_user_model):
    notice = site["notice"]
    owner = django_user_model.objects.create_superuser("an", "an@example.vn", "x")
    other = Client()
    other.force_login(django_user_model.objects.create_superuser("binh", "binh@example.vn", "x"))
    notice.locked, notice.locked_by = True, owner
    notice.save()
    url = reverse("wagtailadmin_pages:edit", args=(notice.pk,))
    response = other.post(url, announcement_form("Bản của Bình", "lich-tiep"))
    assert response.status_code == 200  # the form again, with the lock's message
    notice.refresh_from_db()
    assert notice.get_latest_revision_as_object().title == "Lịch tiếp công dân"
