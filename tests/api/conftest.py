"""Pages and agencies in Vietnamese, with English translations made the Wagtail way."""

from datetime import timedelta
from itertools import count

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.models import ArticleIndexPage, NewsArticlePage
from snippets.models import Agency

_serial = count(1)


def publish(obj):
    obj.save_revision().publish()
    obj.refresh_from_db()
    return obj


@pytest.fixture
def news_index(home):
    return publish(
        home.add_child(instance=ArticleIndexPage(title="Tin tức - Sự kiện", slug="tin-tuc"))
    )


@pytest.fixture
def make_article(news_index):
    def make(title=None):
        number = next(_serial)
        page = news_index.add_child(
            instance=NewsArticlePage(
                title=title or f"Bài viết {number}",
                slug=f"bai-viet-{number}",
                lead=f"Tóm tắt {number}",
                date=timezone.now() - timedelta(days=number),
            )
        )
        return publish(page)

    return make


@pytest.fixture
def translate_page(locale_en):
    """Copy a page (and its missing parents) into English; publish all unless told not to."""

    def translate(page, title=None, publish_it=True):
        english = page.copy_for_translation(locale_en, copy_parents=True)
        english.title = title or f"{page.title} (EN)"
        english.slug = f"{page.slug}-en"
        english.save()
        if publish_it:
            for ancestor in english.get_ancestors().filter(depth__gt=1, live=False):
                publish(ancestor.specific)
            publish(english)
        else:
            english.save_revision()
        return english

    return translate


@pytest.fixture
def make_private():
    def make(page):
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="mật khẩu"
        )
        return page

    return make


def save_snippet(instance, publish_it=True):
    instance.live = False
    instance.save()
    revision = instance.save_revision()
    if publish_it:
        revision.publish()
        instance.refresh_from_db()
    return instance


@pytest.fixture
def make_agency(locale_vi):
    def make(name=None):
        number = next(_serial)
        return save_snippet(
            Agency(name=name or f"Sở số {number}", slug=f"so-{number}", locale=locale_vi)
        )

    return make


@pytest.fixture
def translate_agency(locale_en):
    def translate(agency, name=None, publish_it=True):
        english = agency.copy_for_translation(locale_en)
        english.name = name or f"{agency.name} (EN)"
        english.slug = f"{agency.slug}-en"
        return save_snippet(english, publish_it)

    return translate


@pytest.fixture
def wsgi_app():
    """Django's WSGI application for schemathesis, which calls it directly.

    A request's start and end close the database connection (`close_old_connections`); the
    test client turns that off, and so must a test that calls the application itself, or the
    test's transaction dies with the connection (PostgreSQL: "the connection is closed").
    """
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
