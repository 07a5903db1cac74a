"""An article's "Related articles": those sharing a tag or an agency, else the newest."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.visibility import restricted_paths

pytestmark = pytest.mark.django_db


def tagged(article, *tags):
    article.tags.add(*tags)
    article.save_revision().publish()
    return article


def titles(article):
    return [related.title for related in article.related_articles()]


def test_articles_sharing_a_tag_come_before_newer_ones(article_factory):
    article = tagged(article_factory(title="Bài chính"), "chuyển đổi số")
    article_factory(title="Mới nhất")
    sharing = tagged(article_factory(title="Cùng chủ đề"), "chuyển đổi số")
    assert titles(article)[0] == sharing.title


def test_fewer_related_than_three_are_followed_by_the_newest(article_factory):
    article = tagged(article_factory(title="Bài chính"), "khoa học")
    newest = article_factory(title="Mới nhất")
    tagged(article_factory(title="Cùng chủ đề"), "khoa học")
    second = article_factory(title="Thứ hai")
    article_factory(title="Cũ nhất")
    assert titles(article) == ["Cùng chủ đề", newest.title, second.title]


def test_drafts_and_the_article_itself_are_never_related(article_factory):
    article = tagged(article_factory(title="Bài chính"), "khoa học")
    draft = article_factory(title="Bản nháp", publish_it=False)
    draft.tags.add("khoa học")
    draft.save_revision()
    assert "Bản nháp" not in titles(article)
    assert "Bài chính" not in titles(article)


def test_three_related_cost_three_queries_and_none_for_the_newest(article_factory):
    article = tagged(article_factory(title="Bài chính"), "khoa học")
    article_factory(title="Không liên quan")
    for number in range(2):
        tagged(article_factory(title=f"Liên quan {number}"), "khoa học")
    article.tag_list, article.live_related_agencies  # noqa: B018 (read before counting)
    restricted_paths()  # Read once per version with the site-wide fragments.
    with CaptureQueriesContext(connection) as fewer:
        assert len(article.related_articles()) == 3
    tagged(article_factory(title="Liên quan 2"), "khoa học")
    restricted_paths()
    with CaptureQueriesContext(connection) as enough:
        assert all(a.title.startswith("Liên quan") for a in article.related_articles())
    assert len(enough) == 3  # the ids, the articles with their hero images, the renditions
    assert len(fewer) == 4  # and the newest's ids
