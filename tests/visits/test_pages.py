"""Where the figures show: every page's sidebar box, the article, the API, the dashboard."""

import re

import pytest
from django.test import override_settings
from django.utils import translation
from freezegun import freeze_time

from visits.counting import fold
from visits.models import DailyVisits

from .conftest import CHROME

pytestmark = pytest.mark.django_db


def box(html):
    return re.search(r'<section class="box box--visitor-stats".*?</section>', html, re.S).group(0)


def test_every_page_has_the_box_with_the_seeds_labels(client, demo_content, beacon):
    beacon(ip="203.0.113.1")
    for url in ("/", demo_content.news_index.url, demo_content.seed_report.url):
        html = client.get(url).content.decode()
        section = box(html)
        labels = re.findall(r"<dt>([^<]+)</dt>", section)
        assert labels == ["Đang online", "Hôm nay", "Trong tuần", "Tất cả"]
        assert re.findall(r'data-visits-figure="\w+">([^<]+)<', section) == ["1", "1", "1", "1"]
        assert 'data-visits-beacon="/visits/beacon/"' in section
        assert "<noscript><img" in section and "/visits/pixel.gif" in section


@freeze_time("2024-11-20T03:00:00Z")
def test_the_page_holds_nothing_of_the_visitor(client, demo_content):
    url = demo_content.seed_report.url
    first = client.get(url, REMOTE_ADDR="203.0.113.1", HTTP_USER_AGENT=CHROME)
    second = client.get(url, REMOTE_ADDR="198.51.100.2", HTTP_USER_AGENT="Firefox")
    assert first.content == second.content
    assert "Set-Cookie" not in first
    assert "203.0.113.1" not in first.content.decode()
    # Serving the page counted nothing: the beacon does.
    assert re.findall(r'data-visits-figure="today">([^<]+)<', first.content.decode()) == ["0"]


def test_english_labels_on_english_pages():
    from django.template import Context, Template

    with translation.override("en"):
        html = Template("{% load visits_tags %}{% visitor_stats %}").render(Context({}))
    assert re.findall(r"<dt>([^<]+)</dt>", html) == ["Online now", "Today", "This week", "All time"]


def test_article_shows_its_views_and_the_beacon_updates_them(client, demo_content, beacon):
    report = demo_content.seed_report
    html = client.get(report.url).content.decode()
    token = re.search(r'data-visits-page="([^"]+)"', html).group(1)
    assert re.search(r"Lượt xem: <span data-visits-page-views>0</span>", html)
    for n in range(3):
        beacon(ip=f"203.0.113.{n}", page=token)
    html = client.get(report.url).content.decode()
    assert re.search(r"Lượt xem: <span data-visits-page-views>3</span>", html)


def test_error_pages_and_previews_do_not_count(client, demo_content, admin_client):
    with override_settings(DEBUG=False):
        response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Đang online" in html
    assert "data-visits-beacon" not in html and "pixel.gif" not in html
    report = demo_content.seed_report
    preview = admin_client.get(f"/admin/pages/{report.pk}/edit/preview/")
    if preview.status_code == 200:
        assert "data-visits-beacon" not in preview.content.decode()


def test_admin_pages_are_not_counted(admin_client, beacon):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "data-visits-beacon" not in response.content.decode()
    assert DailyVisits.objects.count() == 0
    assert beacon().json()["today"] == 1


def test_dashboard_panel(admin_client, beacon):
    for n in range(4):
        beacon(ip=f"203.0.113.{n}")
    fold()
    html = admin_client.get("/admin/").content.decode()
    panel = re.search(r'<section class="panel visits-panel".*?</section>', html, re.S).group(0)
    assert "Thống kê truy cập" in panel
    assert re.search(
        r'<svg role="img" aria-labelledby="visits-chart-title visits-chart-desc"', panel
    )
    assert '<title id="visits-chart-title">Lượt truy cập theo ngày, 30 ngày qua</title>' in panel
    assert "tổng cộng 4" in panel
    assert len(re.findall(r"<rect ", panel)) == 30
    # SVG numbers are never localised (Vietnamese writes 166,0 for 166.0).
    coordinates = re.findall(r' (?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"', panel)
    assert coordinates and all(re.fullmatch(r"-?\d+(\.\d+)?%?", value) for value in coordinates)
    rows = re.findall(r"<tr><th scope=\"row\">[^<]+</th><td>(\d+)</td>", panel)
    assert len(rows) == 30 and rows[-1] == "4"
    assert "<script" not in panel


def test_api_figures_and_daily(client, beacon):
    with freeze_time("2024-11-19T03:00:00Z"):
        beacon(ip="203.0.113.1")
        beacon(ip="203.0.113.2")
        fold()
    with freeze_time("2024-11-20T03:00:00Z"):
        beacon(ip="203.0.113.1")
        response = client.get("/api/v2/visits/", {"start": "2024-11-18", "end": "2024-11-20"})
        assert response.status_code == 200
        assert response.json() == {
            "online": 1,
            "today": 1,
            "this_week": 3,
            "total": 3,
            "daily": [
                {"date": "2024-11-18", "visitors": 0, "views": 0},
                {"date": "2024-11-19", "visitors": 2, "views": 2},
                {"date": "2024-11-20", "visitors": 1, "views": 1},
            ],
        }
        assert "public" in response["Cache-Control"]
        default = client.get("/api/v2/visits/").json()["daily"]
        assert len(default) == 30 and default[-1]["date"] == "2024-11-20"


@pytest.mark.parametrize(
    "params, message",
    [
        ({"start": "2024-13-01"}, "start: cần một ngày"),
        ({"end": "hôm qua"}, "end: cần một ngày"),
        ({"start": "2024-11-20", "end": "2024-11-01"}, "start: không được sau end"),
        ({"start": "2020-01-01", "end": "2024-01-01"}, "tối đa 366 ngày"),
        ({"limit": "5"}, "tham số không được hỗ trợ: limit"),
    ],
)
def test_api_bad_parameters(client, params, message):
    response = client.get("/api/v2/visits/", params)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_pages_api_has_page_views_without_a_query_per_item(
    client, demo_content, beacon, django_assert_max_num_queries
):
    from visits.requests import page_token

    report = demo_content.seed_report
    beacon(page=page_token(report.pk))
    detail = client.get(f"/api/v2/pages/{report.pk}/").json()
    assert detail["page_views"] == 1
    url = "/api/v2/pages/?type=articles.NewsArticlePage&fields=page_views&limit=2"
    with django_assert_max_num_queries(100) as few:
        client.get(url)
    url_many = "/api/v2/pages/?type=articles.NewsArticlePage&fields=page_views&limit=20"
    with django_assert_max_num_queries(len(few)):
        items = client.get(url_many).json()["items"]
    assert len(items) > 2
    assert {item["id"]: item["page_views"] for item in items}[report.pk] == 1


@pytest.mark.parametrize(
    ("params", "days"),
    [
        ({"end": "0001-01-01"}, ["0001-01-01"]),
        ({"start": "0001-01-01", "end": "0001-01-02"}, ["0001-01-01", "0001-01-02"]),
        ({"start": "9999-12-31", "end": "9999-12-31"}, ["9999-12-31"]),
        ({"start": "9999-12-30"}, None),
    ],
)
def test_api_dates_at_the_ends_of_the_calendar(client, params, days):
    """The first and last days a date holds: an answer, never an overflow (a 500)."""
    response = client.get("/api/v2/visits/", params)
    if days is None:
        assert response.status_code == 400  # after today's default end
    else:
        assert response.status_code == 200
        assert [day["date"] for day in response.json()["daily"]] == days
