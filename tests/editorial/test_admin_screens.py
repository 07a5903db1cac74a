"""The admin screens, rendered for each role, show no English (issue 16, item 5)."""

import json
import re
from html import unescape
from io import StringIO
from pathlib import Path

import pytest
import wagtail.admin
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command

from editorial.english_words import english_words, words
from editorial.management.commands.admin_translation_coverage import screen_coverage


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues():
    call_command("compile_catalogues", stdout=StringIO())


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Tiếng Việt to English translation", ["to", "English", "translation"]),
        ("Xuất bản bằng English", ["English"]),
        ("More actions", ["More", "actions"]),
        ("Locale", ["Locale"]),
        ("4 December 2026", ["December"]),
        ("Image", ["Image"]),
    ],
)
def test_the_english_the_issue_saw_is_found(text, english):
    # "to" is a Vietnamese word too; the sentence is English by its other words.
    assert set(english_words(text)) >= set(english) - {"to"}
    assert english_words(text)


@pytest.mark.parametrize(
    "text",
    ["Xuất bản bằng Tiếng Anh", "Đường dẫn (slug)", "Tải lên tệp PDF", "04/12/2026", "Đang online"],
)
def test_vietnamese_is_not_english(text):
    assert not english_words(text)


def test_code_and_numbers_are_not_words():
    assert words("articles.newsarticlepage Africa/Abidjan demo-1.jpg https://example.org 42") == []


def test_rendered_admin_has_no_english(demo_content_en):
    groups, findings, total = screen_coverage()
    assert total > 500
    for name in ["dashboard", "explorer", "page edit", "page create", "translation editor"]:
        assert name in groups
    for name in ["snippet edit", "images chooser", "documents upload", "search", "account"]:
        assert name in groups
    assert not findings, {text: sorted(f.places)[:2] for text, f in findings.items()}


def test_command_reports_the_rendered_figure(demo_content):
    out = StringIO()
    call_command("admin_translation_coverage", "--min-percent", "100", stdout=out)
    assert "Rendered screens in Vietnamese: 100.0%" in out.getvalue()


def test_translation_editor_props_read_in_vietnamese(demo_content_en, client, django_user_model):
    editor = django_user_model.objects.create_user(username="bientapvien")
    editor.groups.add(Group.objects.get(name="Biên tập viên"))
    client.force_login(editor)
    english_report = demo_content_en.seed_report.get_translation(
        demo_content_en.seed_report.locale.__class__.objects.get(language_code="en")
    )
    response = client.get(f"/admin/pages/{english_report.pk}/edit/")
    assert response.status_code == 200
    props = json.loads(unescape(re.search(r'data-props="([^"]*)"', response.content.decode())[1]))
    assert props["locale"]["displayName"] == "Tiếng Anh"
    assert props["sourceLocale"]["displayName"] == "Tiếng Việt"
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", props["object"]["lastPublishedDate"])


OVERRIDES = {
    "shared/header.html": [('value="Search"', 'value="{% trans "Search" %}"')],
    "home.html": [('value="Search"', 'value="{% trans "Search" %}"')],
    "shared/headers/_actions.html": [
        ("", "{% load i18n %}\n"),
        ('aria-label="Actions"', 'aria-label="{% trans "Actions" %}"'),
    ],
    "tables/boolean_cell.html": [
        ("", "{% load i18n %}\n"),
        ("title=value|stringformat:'s' name=\"help\"", 'title=_("Unknown") name="help"'),
        ("title=value|stringformat:'s' name=\"check\"", 'title=_("Yes") name="check"'),
        ("title=value|stringformat:'s' name=\"cross\"", 'title=_("No") name="cross"'),
    ],
    "reports/aging_pages_results.html": [
        (
            "username=page.last_published_by_user %}",
            'username=page.last_published_by_user|default:_("System") %}',
        )
    ],
}


@pytest.mark.parametrize("name", OVERRIDES)
def test_admin_template_overrides_differ_from_wagtail_only_by_the_marked_strings(name):
    """When Wagtail changes one of these templates, copy it again and re-apply the change."""
    original = (Path(wagtail.admin.__file__).parent / "templates/wagtailadmin" / name).read_text()
    for old, new in OVERRIDES[name]:
        original = new + original if not old else original.replace(old, new)
    ours = (Path(settings.BASE_DIR) / "site/templates/wagtailadmin" / name).read_text()
    assert ours == original


def test_public_language_switcher_names_each_language_in_its_own_language(client, demo_content_en):
    """The admin says "Tiếng Anh"; readers are offered "English" and "Tiếng Việt"."""
    vietnamese = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert re.search(r'<a href="/en/" lang="en" hreflang="en"[^>]*>English</a>', vietnamese)
    assert re.search(r'lang="vi" hreflang="vi"[^>]*>Tiếng Việt</a>', english)
