"""PostgreSQL: a ranked search ranks and counts only the newest SEARCH_RANKED_MATCHES matches,
so its cost stays flat as the site grows; the page says the count is a lower bound."""

import pytest
from django.db import connection
from django.test import override_settings

from .test_search import add_article, api_titles, result_titles

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the ranking limit is PostgreSQL's (SQLite ranks every match): DATABASE_URL",
    ),
]


@pytest.fixture
def five_matches(demo_content):
    """Five articles about boat racing, oldest first; the oldest says it most often."""
    index = demo_content.news_index
    oldest = add_article(
        index,
        "Đua thuyền rồng: đua thuyền trên sông Cấm",
        lead="Đua thuyền, đua thuyền và đua thuyền rồng.",
    )
    newer = [
        add_article(index, f"Tin vắn số {number}", lead="Có giải đua thuyền.")
        for number in range(4)
    ]
    return oldest, newer


@override_settings(SEARCH_RANKED_MATCHES=3)
def test_only_the_newest_matches_are_ranked_and_counted(client, five_matches):
    oldest, newer = five_matches
    titles = result_titles(client, q="đua thuyền")
    assert sorted(titles) == sorted(page.title for page in newer[-3:])
    assert oldest.title not in titles
    html = client.get("/tim-kiem/", {"q": "dua thuyen"}).content.decode()
    assert "Ít nhất 3 kết quả cho “dua thuyen”" in html
    response = client.get("/api/v2/pages/", {"search": "đua thuyền"})
    assert response.json()["meta"]["total_count"] == 3


@override_settings(SEARCH_RANKED_MATCHES=10)
def test_below_the_limit_every_match_is_ranked(client, five_matches):
    oldest, newer = five_matches
    titles = result_titles(client, q="đua thuyền")
    assert titles[0] == oldest.title
    assert len(titles) == 5
    html = client.get("/tim-kiem/", {"q": "đua thuyền"}).content.decode()
    assert "5 kết quả cho “đua thuyền”" in html
    assert "Ít nhất" not in html
    assert api_titles(client, search="đua thuyền")[0] == oldest.title


@override_settings(SEARCH_RANKED_MATCHES=3)
def test_filters_apply_before_the_limit(client, five_matches, demo_content):
    """Matches that the filters exclude don't use up the limit."""
    oldest, newer = five_matches
    for page in newer:
        page.unpublish()
    assert result_titles(client, q="đua thuyền") == [oldest.title]


def test_the_combined_vector_is_indexed():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_indexentry_title_body_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "(title || body)" in definition
