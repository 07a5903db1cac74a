"""A result's excerpt is cut from the page's text (lead, paragraphs), never from an image's
alt text or caption, even when the body begins with an image."""

import json
import re

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from articles.models import ArticleIndexPage, NewsArticlePage
from demo.ensure import publish

pytestmark = pytest.mark.django_db

ALT = "Toàn cảnh hội trường lớn nhìn từ ban công"
CAPTION = "Đại biểu dự hội nghị tại hội trường lớn của Sở"
CREDIT = "Ảnh: Phòng Văn phòng hội trường"
LEAD = "Sở Khoa học và Công nghệ tổng kết công tác năm 2024."
PARAGRAPH = "Hội nghị đánh giá kết quả ứng dụng công nghệ tại các đơn vị."


def article_beginning_with_an_image(index):
    image = get_image_model().objects.create(title="hoi-nghi.jpg", file=get_test_image_file())
    figure = {
        "image": {"image": image.pk, "alt_text": ALT, "decorative": False},
        "caption": CAPTION,
        "credit": CREDIT,
    }
    body = [
        {"type": "image", "value": figure},
        {"type": "heading", "value": {"text": "Kết quả nổi bật", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{PARAGRAPH}</p>"},
        {"type": "gallery", "value": {"title": "Hội trường", "images": [figure]}},
        {"type": "quote", "value": {"text": "Khoa học là động lực", "attribution": "Giám đốc"}},
    ]
    page = NewsArticlePage(title="Tổng kết năm 2024", lead=LEAD, body=json.dumps(body))
    index.add_child(instance=page)
    return publish(page)


@pytest.fixture
def news_index(home):
    return publish(home.add_child(instance=ArticleIndexPage(title="Tin tức", slug="tin-tuc")))


def excerpts(client, query):
    html = client.get("/tim-kiem/", {"q": query}).content.decode()
    found = re.findall(r'<p class="search-result__excerpt">(.*?)</p>', html, re.S)
    return [re.sub(r"</?mark>", "", text) for text in found]


@pytest.mark.parametrize("query", ["hoi truong ban cong", "tong ket"])
def test_the_excerpt_is_the_text_not_the_image(client, news_index, query):
    article_beginning_with_an_image(news_index)
    # The page is found by its image's words too (the index keeps them)...
    (excerpt,) = [text for text in excerpts(client, query) if LEAD in text]
    # ...but the excerpt says what the page says.
    assert excerpt.startswith(LEAD)
    assert "Kết quả nổi bật" in excerpt and PARAGRAPH in excerpt
    assert "Khoa học là động lực Giám đốc" in excerpt
    for image_text in (ALT, CAPTION, CREDIT, "hoi-nghi.jpg"):
        assert image_text not in excerpt
    assert "h2" not in excerpt
