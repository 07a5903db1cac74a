"""Banners as <picture>: WebP first, the image's own format as the fallback, no layout shift."""

import re

import pytest

from snippets.models import Banner

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("placement", "priority"),
    [
        (Banner.Placement.HEADER, 'fetchpriority="high"'),
        (Banner.Placement.SIDEBAR, 'loading="lazy"'),
    ],
)
def test_banners_offer_webp_with_their_own_format_as_fallback(
    client, home, make_banner, placement, priority
):
    make_banner(placement, alt_text="Cổng thông tin thành phố")
    html = client.get("/").content.decode()
    picture = next(
        match
        for match in re.findall(r"<picture>.*?</picture>", html, re.S)
        if 'alt="Cổng thông tin thành phố"' in match
    )
    source = re.search(r"<source [^>]*>", picture).group(0)
    img = re.search(r"<img [^>]*>", picture).group(0)
    assert 'type="image/webp"' in source and ".webp " in source
    assert re.search(r'src="[^"]+\.(png|jpg|gif)"', img)
    assert re.search(r' width="\d+"', img) and re.search(r' height="\d+"', img)
    assert priority in img and 'decoding="async"' in img
