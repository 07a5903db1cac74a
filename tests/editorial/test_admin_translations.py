"""The admin an editor meets speaks Vietnamese: catalogues, coverage and rendered screens."""

import json
import re
from collections import Counter
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from articles.models import ArticleIndexPage
from editorial.catalogue_coverage import coverage

LC_MESSAGES = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"
OUR_CATALOGUES = ["django.po", "wagtail_admin.po", "djangojs_wagtail.po"]

# Python %-placeholders (named or positional), brace placeholders, and HTML tags.
PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%%"
    r"|\{[A-Za-z_0-9]*\}|<[^<>]*>"
)
ENGLISH_LABELS = ["Publish", "Save draft", "Dashboard", "Pages"]


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues():
    """Compile locale/ (a no-op when `make` already did); the command resets the caches."""
    call_command("compile_catalogues", stdout=StringIO())


# The catalogues themselves -------------------------------------------------------------


@pytest.mark.parametrize("name", OUR_CATALOGUES)
def test_catalogue_is_complete_and_keeps_placeholders(name):
    catalogue = polib.pofile(str(LC_MESSAGES / name))
    assert catalogue.metadata["Plural-Forms"].startswith("nplurals=1;")
    assert len(catalogue) > 100
    assert not catalogue.fuzzy_entries()
    assert not catalogue.untranslated_entries()
    assert not catalogue.obsolete_entries()
    for entry in catalogue:
        if entry.msgid_plural:
            assert set(entry.msgstr_plural) == {0}, entry.msgid
            translation = entry.msgstr_plural[0]
            # One form for every n: it may use the singular's or the plural's placeholders.
            allowed = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
            found = set(PLACEHOLDER.findall(translation))
            assert found <= allowed, entry.msgid
            # It serves n != 1 too, so it keeps the plural's placeholders (the one exception
            # is flagged no-python-format and explained in the catalogue).
            if "no-python-format" not in entry.flags:
                assert set(PLACEHOLDER.findall(entry.msgid_plural)) <= found, entry.msgid
        else:
            translation = entry.msgstr
            expected = Counter(PLACEHOLDER.findall(entry.msgid))
            assert Counter(PLACEHOLDER.findall(translation)) == expected, entry.msgid
        assert translation.strip(), entry.msgid
        assert edges(translation) == edges(entry.msgid), entry.msgid


def edges(text):
    """Leading and trailing whitespace, newlines included."""
    return re.match(r"\s*", text)[0], re.search(r"\s*$", text)[0]


def test_compile_catalogues_splits_domains_and_our_django_po_wins(tmp_path, settings):
    folder = tmp_path / "vi" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    (folder / "django.po").write_text(header + 'msgid "Save"\nmsgstr "Lưu lại"\n')
    (folder / "wagtail_admin.po").write_text(
        header + 'msgid "Save"\nmsgstr "Lưu"\n\nmsgid "Pages"\nmsgstr "Trang"\n'
    )
    (folder / "djangojs_wagtail.po").write_text(
        header + 'msgid "Page explorer"\nmsgstr "Duyệt trang"\n'
    )
    settings.LOCALE_PATHS = [tmp_path]

    call_command("compile_catalogues", stdout=StringIO())

    django_mo = {entry.msgid: entry.msgstr for entry in polib.mofile(str(folder / "django.mo"))}
    djangojs_mo = {entry.msgid: entry.msgstr for entry in polib.mofile(str(folder / "djangojs.mo"))}
    assert django_mo == {"Save": "Lưu lại", "Pages": "Trang"}
    assert djangojs_mo == {"Page explorer": "Duyệt trang"}


# Coverage --------------------------------------------------------------------------------


def test_coverage_of_the_editing_path(db):
    out = StringIO()
    call_command("admin_translation_coverage", "--catalogues", stdout=out)
    assert re.search(r"Catalogue entries translated \(vi\): (99\.[5-9]|100\.0)%", out.getvalue())
    areas = {area.name: area for area in coverage("vi")}
    screens = ["dashboard", "explorer", "editor", "publishing & workflow", "snippets"]
    screens += ["images", "documents", "search", "localize"]
    for name in screens:
        assert areas[name].percent >= 99, (name, areas[name].missing)
    assert sum(area.total for area in areas.values()) > 2000


def test_coverage_fails_below_the_minimum(db):
    with pytest.raises(CommandError, match="below the minimum"):
        call_command("admin_translation_coverage", "--min-percent", "101", stdout=StringIO())


# Rendered screens ------------------------------------------------------------------------


class VisibleText(HTMLParser):
    """Text nodes a reader sees: not scripts, styles, templates or attribute values."""

    HIDDEN = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_text(response):
    assert response.status_code == 200, response.status_code
    parser = VisibleText()
    parser.feed(response.content.decode())
    return parser.texts


def assert_vietnamese(response, *expected):
    texts = visible_text(response)
    joined = "\n".join(texts)
    for words in expected:
        assert words in joined, words
    for label in ENGLISH_LABELS:
        english = [text for text in texts if re.search(rf"\b{label}\b", text)]
        assert not english, (label, english)


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="bientapvien", email="bientapvien@example.gov.vn", password="mat-khau-thu"
    )
    client.force_login(user)
    return client


@pytest.fixture
def home(home):
    """The site's home page with a news section under it."""
    home.add_child(instance=ArticleIndexPage(title="Tin tức - Sự kiện", slug="tin-tuc"))
    return home


def test_dashboard(editor_client, home):
    response = editor_client.get(reverse("wagtailadmin_home"))
    assert_vietnamese(response, "Tài khoản", "Hướng dẫn biên tập Wagtail", "trang")
    assert "<title>Bảng điều khiển" in response.content.decode()


def test_page_explorer(editor_client, home):
    response = editor_client.get(reverse("wagtailadmin_explore", args=[home.pk]))
    assert_vietnamese(response, "Tiêu đề", "Cập nhật lúc", "Trạng thái", "Đang xuất bản")


def test_page_editor_add_form(editor_client, home):
    url = reverse("wagtailadmin_pages:add", args=["articles", "articleindexpage", home.pk])
    response = editor_client.get(url)
    assert_vietnamese(
        response,
        "Lưu nháp",
        "Xuất bản",
        "Nội dung",
        "Quảng bá",
        "Đường dẫn (slug)",
        "Tiêu đề SEO",
        "Hiển thị trong menu",
        "Chưa đặt lịch xuất bản",
        "Ai cũng có thể sửa trang này",
    )


def test_page_editor_edit_form(editor_client, home):
    index = home.get_children().get().specific
    index.save_revision().publish()
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[index.pk]))
    assert_vietnamese(response, "Lưu nháp", "Hủy xuất bản", "Xuất bản")


def test_snippet_index(editor_client, db):
    # Our snippets sit in their own menu group, so Wagtail's index of snippet types is
    # empty (and refused); each model has its own listing.
    model = get_snippet_models()[0]
    response = editor_client.get(reverse(model.snippet_viewset.get_url_name("list")))
    assert_vietnamese(response, "Từ khóa tìm kiếm", "Lọc theo", "Thao tác hàng loạt", "Chưa có")


def test_images_index(editor_client, db):
    response = editor_client.get(reverse("wagtailimages:index"))
    assert_vietnamese(response, "Hình ảnh", "Thêm hình ảnh", "Bạn chưa tải lên hình ảnh nào")


def test_documents_index(editor_client, db):
    response = editor_client.get(reverse("wagtaildocs:index"))
    assert_vietnamese(response, "Tài liệu", "Thêm tài liệu", "Bạn chưa tải lên tài liệu nào")


@pytest.mark.parametrize(
    ("url_name", "english", "vietnamese"),
    [
        ("wagtailadmin_javascript_catalog", "Page explorer", "Duyệt trang"),
        ("wagtail_localize:javascript_catalog", "Translate with ", "Dịch bằng "),
    ],
)
def test_javascript_catalogues(editor_client, url_name, english, vietnamese):
    response = editor_client.get(reverse(url_name))
    content = response.content.decode()
    assert f"{json.dumps(english)}: {json.dumps(vietnamese)}" in content
