"""Publishing purges exactly what shows the change (recorded by a test purge backend)."""

import pytest
from wagtail.models import Locale

from articles.models import ArticleIndexPage
from home.models import PortalSettings
from snippets.models import Agency, Banner

ROOT = "http://testserver"


def publish(obj):
    obj.save_revision().publish()


def listing(path):
    return {ROOT + path} | {f"{ROOT}{path}?page={n}" for n in range(1, 6)}


@pytest.mark.django_db
def test_publishing_an_article(purged, on_commit, seed_report, other_article, bloc_page):
    with on_commit():
        publish(seed_report)
    purged = set(purged)

    expected = {
        ROOT + seed_report.url,
        ROOT + "/",
        ROOT + "/tin-tuc-su-kien/rss/",
        ROOT + "/tin-tuc-su-kien/atom/",
        ROOT + "/sitemap.xml",
        ROOT + "/sitemap-pages.xml",
        f"{ROOT}/api/v2/pages/",
        f"{ROOT}/api/v2/pages/{seed_report.pk}/",
        # The report belongs to a bloc year: the bloc's page lists it.
        ROOT + bloc_page.url,
        f"{ROOT}/api/v2/blocs/{bloc_page.pk}/",
    } | listing("/tin-tuc-su-kien/")
    assert expected <= purged
    # Nothing unrelated: other articles and sections keep their cached copies.
    assert ROOT + other_article.url not in purged
    assert not any("/thong-bao/" in url for url in purged)
    assert f"{ROOT}/api/v2/pages/{other_article.pk}/" not in purged


@pytest.mark.django_db
def test_unpublishing_an_article(purged, on_commit, other_article):
    url = ROOT + other_article.url
    with on_commit():
        other_article.unpublish()
    assert url in purged
    assert {ROOT + "/", ROOT + "/tin-tuc-su-kien/", ROOT + "/tin-tuc-su-kien/rss/"} <= set(purged)
    assert f"{ROOT}/api/v2/pages/{other_article.pk}/" in purged


@pytest.mark.django_db
def test_purging_waits_for_the_commit(purged, django_capture_on_commit_callbacks, other_article):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(other_article)
    assert purged == []
    for callback in callbacks:
        callback()
    assert ROOT + other_article.url in purged


@pytest.mark.django_db
def test_moving_an_article_purges_its_old_and_new_places(
    purged, on_commit, demo_content, other_article
):
    old_url = ROOT + other_article.url
    second = demo_content.home.add_child(
        instance=ArticleIndexPage(title="Chuyển đổi số", slug="chuyen-doi-so")
    )
    publish(second)
    purged.clear()
    with on_commit():
        other_article.move(second, pos="last-child")
    other_article.refresh_from_db()
    purged = set(purged)
    assert old_url in purged
    assert ROOT + other_article.url in purged
    assert other_article.url.startswith("/chuyen-doi-so/")
    assert {ROOT + "/tin-tuc-su-kien/", ROOT + "/chuyen-doi-so/"} <= purged
    assert {ROOT + "/tin-tuc-su-kien/rss/", ROOT + "/chuyen-doi-so/rss/"} <= purged


@pytest.mark.django_db
def test_publishing_purges_the_translations(purged, on_commit, other_article):
    locale_en = Locale.objects.get(language_code="en")
    english = other_article.copy_for_translation(locale_en, copy_parents=True)
    english.slug = "an-article"
    publish(english)
    english.refresh_from_db()
    purged.clear()
    with on_commit():
        publish(other_article)
    # The English page's language switcher and hreflang links point at the Vietnamese one.
    assert ROOT + english.url in purged
    assert f"{ROOT}/api/v2/pages/{english.pk}/" in purged


@pytest.mark.django_db
def test_an_agency_purges_what_shows_it(purged, on_commit, seed_report, other_article, bloc_page):
    agency = Agency.objects.get(pk=seed_report.participating_agencies.first().agency_id)
    agency.phone = "0225 3842 000"
    with on_commit():
        publish(agency)
    purged = set(purged)
    assert {
        f"{ROOT}/api/v2/agencies/",
        f"{ROOT}/api/v2/agencies/{agency.pk}/",
        ROOT + seed_report.url,
        f"{ROOT}/api/v2/pages/{seed_report.pk}/",
        # Through its bloc year, the bloc page shows the agency among the members.
        ROOT + bloc_page.url,
        f"{ROOT}/khoi-thi-dua/don-vi/{agency.slug}/",
        f"{ROOT}/khoi-thi-dua/don-vi/",
    } <= purged
    assert ROOT + other_article.url not in purged
    assert ROOT + "/tin-tuc-su-kien/" not in purged


@pytest.mark.django_db
def test_a_banner_or_the_settings_purge_the_section_pages(purged, on_commit, demo_content):
    banner = Banner.objects.filter(live=True).first()
    with on_commit():
        publish(banner)
    sections = {ROOT + path for path in ("/", "/tin-tuc-su-kien/", "/thong-bao/", "/khoi-thi-dua/")}
    assert sections | {f"{ROOT}/api/v2/banners/{banner.pk}/"} <= set(purged)
    purged.clear()
    portal_settings = PortalSettings.objects.first()
    with on_commit():
        portal_settings.phone = "0225 3000 000"
        portal_settings.save()
    assert sections <= set(purged)


@pytest.mark.django_db
def test_nothing_is_purged_without_a_cache_in_front(settings, on_commit, other_article):
    settings.WAGTAILFRONTENDCACHE = {}
    with on_commit() as callbacks:
        publish(other_article)
    # The fragments' version is replaced again at commit (core.fragments) and the change log
    # announces its rows (core.changes, for webhooks); nothing purges.
    others = ("core.fragments", "core.changes.recording")
    assert [callback for callback in callbacks if callback.__module__ not in others] == []
