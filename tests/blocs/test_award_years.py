"""An award's year is said once: not again after a title or recipients' description that
already says it ("… phong trào thi đua năm 2023 (năm 2023)")."""

import re

import pytest

from articles.models import EventReportPage
from blocs.models import BlocMembership
from demo.data import SEED_TITLE

pytestmark = pytest.mark.django_db


def text_of(response):
    assert response.status_code == 200
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_seed_report_says_each_awards_year_once(client, demo_content):
    text = text_of(client.get(EventReportPage.objects.get(title=SEED_TITLE).url))
    assert "năm 2023 (năm 2023)" not in text
    # The flag's title has no year: the year follows it.
    assert re.search(r"Đơn vị dẫn đầu khối thi đua” .*?\(năm 2023\)", text)
    assert "xuất sắc trong phong trào thi đua năm 2023" in text


def test_the_agency_page_leaves_out_a_year_the_title_says(
    client, make_agency, make_award, make_year
):
    agency = make_agency("Sở Thử nghiệm", slug="so-test")
    make_award("Cờ thi đua năm 2022", 2022, recipients=[agency])
    make_award("Bằng khen", 2021, recipients=[agency])
    make_year(2022, members=[(agency, BlocMembership.Role.MEMBER)])
    text = text_of(client.get("/khoi-thi-dua/don-vi/so-test/"))
    assert "2022 : Cờ thi đua năm 2022" not in text and "Cờ thi đua năm 2022" in text
    assert "2021 : Bằng khen" in text
