"""The data migrations that made inline rows translatable keep every existing row."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_existing_rows_get_their_page_locale_and_a_key_of_their_own():
    old = [("articles", "0002_eventreport_bloc_term"), ("snippets", "0001_initial")]
    new = [
        ("articles", "0004_inline_rows_translatable"),
        ("snippets", "0003_awardrecipient_translatable"),
    ]
    apps = migrate(old)
    try:
        Locale = apps.get_model("wagtailcore", "Locale")
        Page = apps.get_model("wagtailcore", "Page")
        ArticleIndexPage = apps.get_model("articles", "ArticleIndexPage")
        NewsArticlePage = apps.get_model("articles", "NewsArticlePage")
        Agency = apps.get_model("snippets", "Agency")
        Award = apps.get_model("snippets", "Award")
        ContentType = apps.get_model("contenttypes", "ContentType")
        english, _ = Locale.objects.get_or_create(language_code="en")
        agency = Agency.objects.create(name="Sở Y tế", slug="so-y-te", locale=english)
        award = Award.objects.create(kind="other", title="Bằng khen", year=2023, locale=english)
        apps.get_model("snippets", "AwardRecipient").objects.create(
            award_id=award.pk, agency=agency, sort_order=0
        )
        # A transactional test that ran before in this process flushed Wagtail's root page.
        page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
        root = Page.objects.filter(depth=1).first() or Page.objects.create(
            title="Root",
            slug="root",
            path="0001",
            depth=1,
            url_path="/",
            locale=english,
            content_type=page_type,
        )
        content_type, _ = ContentType.objects.get_or_create(
            app_label="articles", model="newsarticlepage"
        )
        index_type, _ = ContentType.objects.get_or_create(
            app_label="articles", model="articleindexpage"
        )
        index = ArticleIndexPage.objects.create(
            title="News",
            slug="news-test",
            path=root.path + "0099",
            depth=2,
            locale=english,
            content_type=index_type,
            url_path="/news-test/",
        )
        page = NewsArticlePage.objects.create(
            title="Article",
            slug="article",
            path=index.path + "0001",
            depth=3,
            locale=english,
            content_type=content_type,
            url_path="/news-test/article/",
            lead="Lead",
        )
        OldArticleAgency = apps.get_model("articles", "ArticleAgency")
        for order in range(2):
            OldArticleAgency.objects.create(page_id=page.pk, agency=agency, sort_order=order)
        assert OldArticleAgency.objects.filter(page_id=page.pk).count() == 2

        apps = migrate(new)
        ArticleAgency = apps.get_model("articles", "ArticleAgency")
        AwardRecipient = apps.get_model("snippets", "AwardRecipient")
        rows = list(ArticleAgency.objects.filter(page_id=page.pk))
        assert len(rows) == 2
        assert {row.locale_id for row in rows} == {english.pk}
        assert len({row.translation_key for row in rows}) == 2
        recipient = AwardRecipient.objects.get(award_id=award.pk)
        assert recipient.locale_id == english.pk and recipient.translation_key
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
