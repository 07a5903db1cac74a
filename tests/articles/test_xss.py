"""No script can be injected through what editors, translators or readers type: rich text,
every StreamField block, tables, embeds, link URLs, search queries, translated strings.

Each test puts a payload in through the way it enters (the editor's widget, a form, a
query string, a translation file) and asserts on the page's HTML and the API's JSON.
"""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.forms import modelform_factory
from django.utils import translation
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.documents import get_document_model
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.finders import get_finders
from wagtail.embeds.models import Embed
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from articles.blocks import RICH_TEXT_FEATURES
from snippets.models import Agency, Banner

SCRIPT = "<script>alert(1)</script>"
HANDLER = '<img src=x onerror="alert(2)">'
PAYLOAD = f"{SCRIPT}{HANDLER}"
BAD_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]


def assert_no_markup_injected(text):
    """Neither the script element nor the event handler reached the document as markup."""
    assert "<script>alert" not in text
    assert "<img src=x" not in text
    assert "javascript:" not in text.lower()
    assert "vbscript:" not in text.lower()


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def api_json(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    return response.json()


def republish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def draftail_html(url, text="Xem chi tiết"):
    """What the rich text editor's widget makes of what a browser submitted: a block of
    text that looks like markup and a link, as Draftail sends them (contentstate JSON)."""
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "text": f"{PAYLOAD} {text}",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": len(PAYLOAD) + 1, "length": len(text), "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
    }
    widget = get_rich_text_editor_widget(features=RICH_TEXT_FEATURES)
    return widget.value_from_datadict({"intro": json.dumps(contentstate)}, {}, "intro")


@pytest.mark.parametrize("url", BAD_URLS)
def test_rich_text_from_the_editor(client, article_factory, url):
    html = draftail_html(url)
    article = article_factory()
    article.body = [("paragraph", html)]
    republish(article)
    page = page_html(client, article)
    assert_no_markup_injected(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Xem chi tiết</a>" in page  # the link text stays, without its address
    body = json.dumps(api_json(client, article)["body"])
    assert_no_markup_injected(body)


def test_every_streamfield_block_escapes_its_text(client, article_factory, image_factory):
    document = get_document_model().objects.create(
        title=PAYLOAD, file=ContentFile(b"%PDF-1.4", name="giao-uoc.pdf")
    )
    image = image_factory(PAYLOAD)
    captioned = {"image": {"image": image, "decorative": False, "alt_text": PAYLOAD}}
    captioned.update(caption=PAYLOAD, credit=PAYLOAD)
    article = article_factory(title=PAYLOAD, lead=PAYLOAD, author=PAYLOAD, hero_caption=PAYLOAD)
    article.body = [
        ("heading", {"text": PAYLOAD, "level": "h2"}),
        ("quote", {"text": PAYLOAD, "attribution": PAYLOAD}),
        ("image", captioned),
        ("gallery", {"title": PAYLOAD, "images": [captioned]}),
        ("document", {"document": document, "title": PAYLOAD}),
        ("document", {"document": document, "title": ""}),
    ]
    republish(article)
    html = page_html(client, article)
    assert_no_markup_injected(html)
    # Each text shows as text: escaped once, not dropped.
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 12
    data = api_json(client, article)
    # The API hands plain-text fields over as text (JSON strings) for consumers to escape.
    assert data["body"][0]["value"]["text"] == PAYLOAD
    assert data["title"] == PAYLOAD


def test_table_cells_and_caption_are_escaped(client, article_factory):
    article = article_factory()
    table = {
        "data": [[PAYLOAD, "Đơn vị"], ["Sở KH&CN", PAYLOAD]],
        "first_row_is_table_header": True,
        "first_col_is_header": True,
        "table_caption": PAYLOAD,
    }
    article.body = [("table", {"caption": PAYLOAD, "table": table})]
    republish(article)
    html = page_html(client, article)
    assert_no_markup_injected(html)
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3
    cells = api_json(client, article)["body"][0]["value"]["table"]["data"]
    assert cells[0][0] == PAYLOAD


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example.com/video/1",
        "https://www.dailymotion.com/video/x7tgad0",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_embeds_outside_the_allow_list_are_refused_in_vietnamese(db, url):
    assert not any(finder.accept(url) for finder in get_finders())
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        EmbedBlock().clean(EmbedValue(url))
    assert error.value.messages == ["Không tìm thấy nội dung nhúng cho URL này."]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://vimeo.com/76979871",
    ],
)
def test_youtube_and_vimeo_are_allowed(url):
    assert any(finder.accept(url) for finder in get_finders())


def test_allowed_embed_renders_in_a_frame_the_policy_permits(client, article_factory):
    url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    iframe = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Video"></iframe>'
    Embed.objects.create(
        url=url, hash=get_embed_hash(url), type="video", html=iframe, provider_name="YouTube"
    )
    article = article_factory()
    article.body = [("embed", EmbedValue(url))]
    republish(article)
    response = client.get(article.url)
    assert iframe in response.content.decode()
    assert "frame-src https://www.youtube.com " in response["Content-Security-Policy"]


@pytest.mark.parametrize("model, field", [(Agency, "website"), (Banner, "link_url")])
@pytest.mark.parametrize("url", BAD_URLS)
def test_url_fields_refuse_script_urls_in_vietnamese(db, model, field, url):
    form = modelform_factory(model, fields=[field])({field: url})
    with translation.override("vi"):
        assert not form.is_valid()
        assert form.errors[field] == ["Nhập một URL hợp lệ."]


@pytest.mark.parametrize("path", ["/tim-kiem/", "/en/search/"])
def test_search_query_is_reflected_as_text(client, article_factory, path):
    article_factory(title="Giao ước thi đua")
    response = client.get(path, {"q": PAYLOAD})
    assert response.status_code == 200
    html = response.content.decode()
    assert_no_markup_injected(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_api_search_does_not_reflect_markup(client, article_factory):
    article_factory(title="Giao ước thi đua")
    response = client.get("/api/v2/pages/", {"search": PAYLOAD})
    assert response.status_code in (200, 400)
    assert response["Content-Type"] == "application/json"
    assert_no_markup_injected(response.content.decode())


def test_malicious_translation_renders_escaped(client, article_factory, home, news_index):
    """A translator's file (PO) with markup in every string, rich text included."""
    english = Locale.objects.create(language_code="en")
    article = article_factory()
    article.body = [
        ("heading", {"text": "Kết quả", "level": "h2"}),
        ("paragraph", draftail_html("https://hoi-nghi.example.gov.vn/")),
    ]
    republish(article)
    for page in (home, news_index, article):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        job = Translation.objects.create(source=source, target_locale=english)
        po = job.export_po()
        for entry in po:
            entry.msgstr = PAYLOAD
        job.import_po(po)
        job.save_target(publish=False)
        page.get_translation(english).get_latest_revision().publish()
    translated = article.get_translation(english)
    html = page_html(client, translated)
    assert_no_markup_injected(html)
    # wagtail-localize refuses markup in a translation: each string is marked as an error
    # and the page keeps the source text in its place.
    strings = StringTranslation.objects.filter(locale=english)
    assert strings.count() >= 5
    assert all(strings.values_list("has_error", flat=True))
    assert translated.title == article.title
    data = api_json(client, translated)
    assert data["title"] == article.title
    assert_no_markup_injected(json.dumps(data["body"]))
