"""Translations go through the same permissions and moderation as any other change.

Each of wagtail-localize's routes that can publish is tried by HTTP as an editor (Biên tập
viên, no publish permission): nothing goes live, nothing live changes. A moderator still
publishes translations, and history names who did. wagtail-localize publishes after the
transaction: the tests run those callbacks (`on_commit`), as a real request would.
"""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, Page, PageLogEntry, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from articles.models import ArticleAgency, NewsArticlePage
from demo.english import translate
from snippets.models import Agency
from tests.api.conftest import make_article, news_index, publish  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

TITLE = "Bài viết đã đăng"
TITLE_EN = "Published article"
DEFACED = "Defaced by an editor"
# Wagtail's admin answers a refusal with a redirect to the dashboard and a message.
REFUSED = (302, 403)


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what a request leaves for after its transaction (wagtail-localize's publishes)."""

    def run(request, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return request(*args, **kwargs)

    return run


@pytest.fixture
def article(make_article):  # noqa: F811
    return make_article(TITLE)


@pytest.fixture
def english_article(article, home, locale_en):
    """The article's English translation, made and published with wagtail-localize."""
    for page in (home, article.get_parent().specific):
        translate(page, locale_en, {})
    return NewsArticlePage.objects.get(pk=translate(article, locale_en, {TITLE: TITLE_EN}).pk)


@pytest.fixture
def agency(locale_vi):
    agency = Agency.objects.create(name="Sở Tư pháp", slug="so-tu-phap", locale=locale_vi)
    return publish(agency)


def unpublish(instance, user=None):
    """Unpublish the stored `instance` (demo.english.translate returns it as it was before)."""
    type(instance).objects.get(pk=instance.pk).unpublish(user=user)


def live_english_pages(locale_en):
    return list(Page.objects.filter(locale=locale_en, live=True))


def source_of(instance):
    return TranslationSource.objects.get_for_instance(instance)


def translation_of(instance, locale):
    return Translation.objects.get(source=source_of(instance), target_locale=locale)


def live_title(page):
    return Page.objects.get(pk=page.pk).title


def publishers(page):
    return [
        entry.user.username if entry.user else None
        for entry in PageLogEntry.objects.filter(page=page, action="wagtail.publish")
    ]


def put_string(client, translation, source_text, value):
    """What the translation editor sends when a segment is translated."""
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, f"value={value}", content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 201)


# "Dịch trang này" (translate this page, its subtree, a snippet)


def test_editor_translating_a_live_page_gets_drafts_only(
    client, article, agency, editor, locale_en, run_on_commit
):
    ArticleAgency.objects.create(page=article, agency=agency, locale=article.locale)
    publish(article)
    client.force_login(editor)
    url = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    response = run_on_commit(client.post, url, {"locales": [locale_en.pk]}, follow=True)
    assert response.status_code == 200
    # Editors may not add agencies: the one the page names is left untranslated, and said so.
    assert not agency.has_translation(locale_en)
    assert "Chưa dịch, vì bạn không có quyền tạo: Sở Tư pháp" in response.content.decode()
    english = article.get_translation(locale_en)
    assert not english.live
    # Its untranslated parents are drafts too, not live aliases of the Vietnamese pages.
    assert english.get_ancestors().filter(depth__gt=1, alias_of__isnull=False).count() == 0
    assert live_english_pages(locale_en) == []
    assert not PageLogEntry.objects.filter(page__locale=locale_en, user=None).exists()


def test_editor_translating_a_subtree_gets_drafts_only(
    client, article, editor, locale_en, run_on_commit
):
    client.force_login(editor)
    news = article.get_parent()
    url = reverse("wagtail_localize:submit_page_translation", args=[news.pk])
    data = {"locales": [locale_en.pk], "include_subtree": "on"}
    assert run_on_commit(client.post, url, data).status_code == 302
    assert article.has_translation(locale_en)
    assert live_english_pages(locale_en) == []


def test_editor_cannot_translate_an_agency(client, agency, editor, locale_en, run_on_commit):
    """Editors may not add agencies, so they may not add one in English either."""
    client.force_login(editor)
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["snippets", "agency", agency.pk]
    )
    response = run_on_commit(client.post, url, {"locales": [locale_en.pk]})
    assert response.status_code in REFUSED
    assert not agency.has_translation(locale_en)


def test_translating_a_page_leaves_an_unpublished_english_agency_alone(
    client, article, agency, editor, locale_en, run_on_commit
):
    """A moderator unpublished the English agency; translating a page that names it kept
    re-publishing it."""
    english_agency = translate(agency, locale_en, {"Sở Tư pháp": "Department of Justice"})
    unpublish(english_agency)
    ArticleAgency.objects.create(page=article, agency=agency, locale=article.locale)
    publish(article)
    client.force_login(editor)
    url = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    assert run_on_commit(client.post, url, {"locales": [locale_en.pk]}).status_code == 302
    english_agency.refresh_from_db()
    assert not english_agency.live
    assert english_agency.name == "Department of Justice"


def test_editor_cannot_turn_a_live_alias_into_a_translation(
    client, article, home, editor, locale_en, run_on_commit
):
    for page in (home, article.get_parent().specific):
        translate(page, locale_en, {})
    alias = article.copy_for_translation(locale_en, alias=True)
    assert alias.live
    client.force_login(editor)
    url = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    response = run_on_commit(client.post, url, {"locales": [locale_en.pk]})
    assert response.status_code == 200
    assert "bản sao liên kết đã xuất bản" in response.content.decode()
    alias.refresh_from_db()
    assert alias.alias_of_id == article.pk


# "Đồng bộ bản dịch" (update translations) with "Xuất bản ngay"


def test_editor_sync_with_publish_cannot_deface_a_live_english_page(
    client, english_article, article, editor, locale_en, run_on_commit
):
    translation = translation_of(article, locale_en)
    client.force_login(editor)
    put_string(client, translation, TITLE, DEFACED)
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    response = run_on_commit(client.post, url, {"publish_translations": "on"})
    assert response.status_code == 302
    assert live_title(english_article) == TITLE_EN
    # The editor's change waits as a draft, as the form says.
    english_article.refresh_from_db()
    assert english_article.get_latest_revision_as_object().title == DEFACED
    assert "Lưu thành bản nháp" in client.get(url).content.decode()


def test_editor_sync_cannot_republish_an_unpublished_english_page(
    client, english_article, article, editor, moderator, locale_en, run_on_commit
):
    english_article.unpublish(user=moderator)
    client.force_login(editor)
    url = reverse("wagtail_localize:update_translations", args=[source_of(article).pk])
    run_on_commit(client.post, url, {"publish_translations": "on"})
    assert not Page.objects.get(pk=english_article.pk).live


def test_editor_sync_cannot_republish_an_unpublished_agency(
    client, agency, editor, locale_en, run_on_commit
):
    english_agency = translate(agency, locale_en, {"Sở Tư pháp": "Department of Justice"})
    unpublish(english_agency)
    client.force_login(editor)
    url = reverse("wagtail_localize:update_translations", args=[source_of(agency).pk])
    response = run_on_commit(client.post, url, {"publish_translations": "on"})
    assert response.status_code in REFUSED
    english_agency.refresh_from_db()
    assert not english_agency.live


# "Chuyển thành trang bản sao liên kết" (convert to alias)


def test_editor_cannot_convert_a_translation_to_an_alias(
    client, english_article, editor, moderator, run_on_commit
):
    """An alias shows the source's live version: converting an unpublished English page
    published the Vietnamese text under /en/."""
    english_article.unpublish(user=moderator)
    client.force_login(editor)
    url = reverse("wagtail_localize:convert_to_alias", args=[english_article.pk])
    assert client.get(url).status_code in REFUSED
    assert "Chuyển thành" not in client.get(url, follow=True).content.decode()
    assert run_on_commit(client.post, url).status_code in REFUSED
    page = Page.objects.get(pk=english_article.pk)
    assert page.alias_of_id is None
    assert not page.live
    # Nor is it offered, in the translation editor or once the translation is not synchronised.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[english_article.pk]))
    assert "convert_to_alias" not in edit.content.decode()
    Translation.objects.filter(target_locale=english_article.locale).update(enabled=False)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[english_article.pk]))
    assert edit.status_code == 200
    assert "localize-convert-to-alias" not in edit.content.decode()


def test_moderator_converts_a_translation_to_an_alias(client, english_article, article, moderator):
    client.force_login(moderator)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[english_article.pk]))
    assert "convert_to_alias" in edit.content.decode()
    Translation.objects.filter(target_locale=english_article.locale).update(enabled=False)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[english_article.pk]))
    assert "localize-convert-to-alias" in edit.content.decode()
    Translation.objects.filter(target_locale=english_article.locale).update(enabled=True)
    url = reverse("wagtail_localize:convert_to_alias", args=[english_article.pk])
    assert client.post(url).status_code == 302
    page = Page.objects.get(pk=english_article.pk)
    assert page.alias_of_id == article.pk
    entry = PageLogEntry.objects.get(page=page, action="wagtail_localize.convert_to_alias")
    assert entry.user == moderator


# The translation editor's own actions (also reached from "revert" to an old revision)


def test_editor_cannot_publish_from_the_translation_editor(
    client, english_article, article, editor, locale_en, run_on_commit
):
    translation = translation_of(article, locale_en)
    client.force_login(editor)
    put_string(client, translation, TITLE, DEFACED)
    revision = english_article.get_latest_revision()
    for url in (
        reverse("wagtailadmin_pages:edit", args=[english_article.pk]),
        reverse("wagtailadmin_pages:revisions_revert", args=[english_article.pk, revision.pk]),
    ):
        response = run_on_commit(client.post, url, {"action": "publish"})
        assert response.status_code in REFUSED, url
        assert live_title(english_article) == TITLE_EN


def test_editor_submits_a_translation_that_a_moderator_approves(
    client, english_article, article, editor, moderator, locale_en, run_on_commit
):
    translation = translation_of(article, locale_en)
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[english_article.pk])
    assert "Lưu nháp và gửi duyệt" in client.get(edit_url).content.decode()
    put_string(client, translation, TITLE, "Published article, revised")
    response = run_on_commit(client.post, edit_url, {"action": "submit"}, follow=True)
    assert "đã được lưu nháp và gửi duyệt" in response.content.decode()
    assert live_title(english_article) == TITLE_EN
    state = WorkflowState.objects.for_instance(english_article).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor

    client.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[english_article.pk, "approve", state.current_task_state.pk],
    )
    assert run_on_commit(client.post, url, {"comment": ""}).status_code == 302
    assert live_title(english_article) == "Published article, revised"
    assert publishers(english_article)[0] == "kiemduyetvien"


# A moderator publishes translations, in their name


def test_moderator_translates_then_publishes_in_their_name(
    client, article, moderator, locale_en, run_on_commit
):
    client.force_login(moderator)
    url = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    assert run_on_commit(client.post, url, {"locales": [locale_en.pk]}).status_code == 302
    english = article.get_translation(locale_en)
    assert not english.live  # untranslated: published when translated, not before
    put_string(client, translation_of(article, locale_en), TITLE, TITLE_EN)
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    response = run_on_commit(client.post, edit_url, {"action": "publish"}, follow=True)
    assert "Đã xuất bản" in response.content.decode()
    assert live_title(english) == TITLE_EN
    assert publishers(english) == ["kiemduyetvien"]
    history = client.get(reverse("wagtailadmin_pages:history", args=[english.pk]))
    assert "kiemduyetvien" in history.content.decode()


def test_moderator_sync_publishes_in_their_name(
    client, english_article, article, moderator, locale_en, run_on_commit
):
    client.force_login(moderator)
    put_string(client, translation_of(article, locale_en), TITLE, "Published article, synced")
    url = reverse("wagtail_localize:update_translations", args=[source_of(article).pk])
    assert run_on_commit(client.post, url, {"publish_translations": "on"}).status_code == 302
    assert live_title(english_article) == "Published article, synced"
    assert publishers(english_article)[0] == "kiemduyetvien"


def test_administrator_publishes_an_agency_translation_in_their_name(
    client, agency, administrator, locale_en, run_on_commit
):
    client.force_login(administrator)
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["snippets", "agency", agency.pk]
    )
    assert run_on_commit(client.post, url, {"locales": [locale_en.pk]}).status_code == 302
    english = agency.get_translation(locale_en)
    assert not english.live
    put_string(client, translation_of(agency, locale_en), "Sở Tư pháp", "Department of Justice")
    edit_url = reverse("wagtailsnippets_snippets_agency:edit", args=[english.pk])
    assert run_on_commit(client.post, edit_url, {"action": "publish"}).status_code == 302
    english.refresh_from_db()
    assert english.live and english.name == "Department of Justice"
    publishes = ModelLogEntry.objects.for_instance(english).filter(action="wagtail.publish")
    assert [entry.user for entry in publishes] == [administrator]
