"""The dashboard chart's date labels stay inside the chart: the last day's label, centred
under the last bar, used to overflow the SVG's right edge and was cut off."""

import re

import pytest
from freezegun import freeze_time

from visits.counting import fold
from visits.panels import RIGHT_MARGIN, WIDTH

pytestmark = pytest.mark.django_db

# A generous width of one character of the 11-unit labels ("05/12"): 0.6 em.
CHARACTER = 11 * 0.6


def date_labels(html):
    panel = re.search(r'<section class="panel visits-panel".*?</section>', html, re.S).group(0)
    group = re.search(r'<g [^>]*class="visits-panel__dates">(.*?)</g>', panel, re.S).group(1)
    return [
        (float(x), anchor, text)
        for x, anchor, text in re.findall(
            r'<text x="([^"]+)" y="[^"]+" text-anchor="(\w+)">([^<]+)</text>', group
        )
    ]


def extent(x, anchor, text):
    width = len(text) * CHARACTER
    start = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return start, start + width


@freeze_time("2024-12-05T03:00:00Z")
def test_every_date_label_fits_in_the_chart(admin_client, beacon):
    beacon(ip="203.0.113.1")
    fold()
    html = admin_client.get("/admin/").content.decode()
    assert f'viewBox="0 0 {WIDTH} ' in html
    labels = date_labels(html)
    assert [text for _x, _anchor, text in labels] == [
        "06/11", "11/11", "16/11", "21/11", "26/11", "01/12", "05/12"
    ]  # fmt: skip
    assert labels[-1][:2] == (WIDTH - RIGHT_MARGIN, "end")
    for label in labels:
        start, end = extent(*label)
        assert start >= 0 and end <= WIDTH, label
    # Neighbours do not overlap either.
    ends = [extent(*label) for label in labels]
    assert all(left[1] < right[0] for left, right in zip(ends, ends[1:], strict=False))
