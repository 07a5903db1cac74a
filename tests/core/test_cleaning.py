"""Control characters pasted from Word (U+000B...) are stripped from everything saved, and
what was stored before is still served without them: feeds, pages; the API's JSON escapes
them (issue 16, item 4)."""

import feedparser
import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from articles.models import NewsArticlePage
from core.cleaning import FORBIDDEN, clean_text
from snippets.models import Agency
from tests.roles import member_of

pytestmark = pytest.mark.django_db

PASTED = "Dòng một\x0bdòng hai\x0c\x01\x1f\ufffe\uffff hết"
CLEAN = "Dòng một dòng hai  hết"


def test_clean_text_keeps_tabs_and_new_lines():
    assert clean_text(PASTED) == CLEAN
    assert clean_text("a\tb\nc\r\nd") == "a\tb\nc\r\nd"
    assert clean_text("Tiếng Việt 🇻🇳") == "Tiếng Việt 🇻🇳"


def test_an_editors_draft_is_saved_without_them(demo_content, django_user_model):
    """An editor saves a draft in the admin with pasted text in every kind of field."""
    editor = member_of(django_user_model, "Biên tập viên", "bientapvien")
    client = Client()
    client.force_login(editor)
    page = NewsArticlePage.objects.live().exact_type(NewsArticlePage).first()
    data = {
        "title": f"Tiêu đề{PASTED}",
        "slug": page.slug,
        "lead": f"Tóm tắt{PASTED}",
        "hero_caption": f"Chú thích{PASTED}",
        "author": "Chiêu Minh",
        "date": "2024-01-26 08:00:00",
        "tags": "",
        "body": streamfield(
            [
                ("paragraph", rich_text(f"<p>Đoạn{PASTED}</p>")),
                ("heading", {"text": f"Tiêu đề phụ{PASTED}", "level": "h2"}),
            ]
        ),
        "related_agencies-TOTAL_FORMS": "0",
        "related_agencies-INITIAL_FORMS": "0",
        "related_people-TOTAL_FORMS": "0",
        "related_people-INITIAL_FORMS": "0",
    }
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), nested_form_data(data)
    )
    assert response.status_code == 302, response.context["form"].errors
    revision = Page.objects.get(pk=page.pk).get_latest_revision()
    assert revision.user == editor
    draft = revision.as_object()
    assert draft.title == f"Tiêu đề{CLEAN}"
    assert draft.lead == f"Tóm tắt{CLEAN}"
    assert draft.hero_caption == f"Chú thích{CLEAN}"
    assert draft.body[1].value["text"] == f"Tiêu đề phụ{CLEAN}"
    assert not FORBIDDEN.search(str(revision.content))
    assert not FORBIDDEN.search(draft.body.raw_data.__repr__())
    assert f"Đoạn{CLEAN}" in draft.body[0].value.source


def test_a_snippet_is_saved_without_them(demo_content):
    agency = Agency.objects.first()
    agency.name = f"Sở{PASTED}"
    agency.save()
    agency.refresh_from_db()
    assert agency.name == f"Sở{CLEAN}"


@pytest.fixture
def stored_before(demo_content):
    """A published article whose lead and title were stored with control characters before
    they were stripped on save (written past the model's save)."""
    page = NewsArticlePage.objects.live().order_by("-date").first()
    NewsArticlePage.objects.filter(pk=page.pk).update(lead=f"Tóm tắt{PASTED}")
    Page.objects.filter(pk=page.pk).update(title=f"Tiêu đề{PASTED}")
    return NewsArticlePage.objects.get(pk=page.pk)


@pytest.mark.parametrize("route", ["rss/", "atom/"])
def test_feeds_serve_what_was_stored_before(client, stored_before, route):
    response = client.get(stored_before.get_parent().url + route)
    assert response.status_code == 200
    assert not FORBIDDEN.search(response.content.decode())
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    (entry,) = [entry for entry in feed.entries if entry.link.endswith(stored_before.url)]
    assert entry.title == f"Tiêu đề{CLEAN}"
    assert entry.summary == f"Tóm tắt{CLEAN}"


def test_api_and_page_serve_what_was_stored_before(client, stored_before):
    response = client.get(f"/api/v2/pages/{stored_before.pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == f"Tiêu đề{PASTED}"  # JSON escapes them: still valid
    page = client.get(stored_before.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert not FORBIDDEN.search(html)
    assert f"Tóm tắt{CLEAN}" in html
    listing = client.get(stored_before.get_parent().url).content.decode()
    assert f"Tiêu đề{CLEAN}" in listing and not FORBIDDEN.search(listing)


def test_a_cleaned_answer_says_its_own_length(client, db):
    """CommonMiddleware sets Content-Length before the body is cleaned: a stale, longer length
    makes nginx wait for bytes that never come (a search echoing `?q=ab%01cd` did it)."""
    response = client.get("/tim-kiem/", {"q": "ab\x01cd"})
    assert response.status_code == 200
    assert b"\x01" not in response.content
    assert int(response["Content-Length"]) == len(response.content)
