"""What the translation editor's JavaScript draws reads in Vietnamese (issue 16, item 5).

The server-side measure (admin_translation_coverage) reads the HTML and the JSON the
editor is given; the strings wagtail-localize's bundle writes itself are only seen here.
"""

import pytest
from wagtail.models import Locale

from editorial.admin_screens import content_values
from editorial.english_words import content_strings, english_words, without_content

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The segments' source and translated text (each segment's `li > p` and `li > div`) are
# content; the rest of the page is interface.
VISIBLE_TEXT = """() => {
    const editor = document.querySelector('.js-translation-editor');
    editor.querySelectorAll('li > p, li > div').forEach((node) => { node.style.display = 'none'; });
    const texts = document.body.innerText.split('\\n');
    for (const element of document.querySelectorAll('[aria-label], [title], .w-sr-only')) {
        texts.push(element.getAttribute('aria-label') || '', element.getAttribute('title') || '');
        if (element.classList.contains('w-sr-only')) texts.push(element.textContent);
    }
    return texts.map((text) => text.replace(/\\s+/g, ' ').trim()).filter(Boolean);
}"""


def test_translation_editor_draws_no_english(new_page, live_server, demo_content_en, make_member):
    make_member("bientapvien", "Biên tập viên")
    english = demo_content_en.seed_report.get_translation(Locale.objects.get(language_code="en"))
    page = new_page()
    log_in(page, live_server.url, "bientapvien")
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    page.locator(".js-translation-editor section h3").first.wait_for()
    page.wait_for_load_state("networkidle")

    headings = page.locator(".js-translation-editor section h3").all_inner_texts()
    assert "Bản dịch từ Tiếng Việt sang Tiếng Anh" in headings
    texts = page.evaluate(VISIBLE_TEXT)
    assert "Thao tác khác" in texts
    content = content_strings(content_values())
    found = {text: english_words(without_content(text, content)) for text in set(texts)}
    assert not {text: words for text, words in found.items() if words}
