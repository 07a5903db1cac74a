"""Responsive images on article pages and listings: <picture> with WebP and a JPEG fallback,
width and height, lazy loading below the fold; renditions drawn before the reader comes."""

import io
import json
import re

from django.core.management import call_command
from wagtail.images import get_image_model

Rendition = get_image_model().get_rendition_model()


def body_with_image(image):
    return json.dumps(
        [
            {"type": "paragraph", "value": "<p>Nội dung</p>"},
            {"type": "image", "value": {"image": image.pk, "caption": "Chú thích", "credit": ""}},
        ]
    )


def test_article_page_shows_responsive_images(client, article_factory, image_factory):
    page = article_factory(body=body_with_image(image_factory("Ảnh thân bài")))
    html = client.get(page.url).content.decode()

    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 2
    hero, body = pictures
    for picture in pictures:
        assert '<source sizes="(min-width: 60rem) 48rem, 100vw"' in picture
        assert 'type="image/webp"' in picture
        img = re.search(r"<img [^>]*>", picture).group(0)
        assert re.search(r' width="\d+"', img) and re.search(r' height="\d+"', img)
        assert re.search(r'<source [^>]*srcset="[^"]+\.webp \d+w, [^"]+\.webp \d+w"', picture)
        assert 'decoding="async"' in picture
    assert 'fetchpriority="high"' in hero and 'loading="lazy"' not in hero
    assert 'loading="lazy"' in body and "fetchpriority" not in body
    assert f'alt="{page.hero_image.default_alt_text}"' in hero
    assert 'alt="Ảnh thân bài"' in body


def test_listing_cards_are_pictures_lazy_after_the_first(client, article_factory, news_index):
    article_factory()
    article_factory()
    html = client.get(news_index.url).content.decode()
    first, second = re.findall(r"<picture>.*?</picture>", html, re.S)
    for card in (first, second):
        assert 'class="article-card__image"' in card and 'type="image/webp"' in card
        assert ' width="480"' in card and ' height="320"' in card
    assert 'fetchpriority="high"' in first and 'loading="lazy"' not in first
    assert 'loading="lazy"' in second and "fetchpriority" not in second


def test_a_page_view_draws_no_rendition_once_generated(
    client, article_factory, image_factory, news_index
):
    page = article_factory(body=body_with_image(image_factory("Ảnh thân bài")))
    article_factory()  # a related article, shown as a card
    call_command("generate_renditions", stdout=io.StringIO())
    drawn = Rendition.objects.count()
    assert drawn > 0

    assert client.get(page.url).status_code == 200
    assert client.get(news_index.url).status_code == 200
    assert client.get(news_index.url + "rss/").status_code == 200
    assert Rendition.objects.count() == drawn
