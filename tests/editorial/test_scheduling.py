"""Scheduled publishing and expiry, run by `manage.py publish_scheduled` (see README)."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from articles.models import NewsArticlePage
from snippets.models import Banner


def sample_news():
    return NewsArticlePage.objects.live().exclude(slug__startswith="khoi-van-hoa").first()


def test_an_article_scheduled_by_the_moderator_goes_live_at_its_time(
    client, demo_content, moderator
):
    page = sample_news()
    page.unpublish()
    go_live = timezone.now() + timedelta(hours=3)
    page.go_live_at = go_live
    page.save_revision(user=moderator).publish(user=moderator)
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url).status_code == 404

    with freeze_time(go_live - timedelta(minutes=1)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live

    with freeze_time(go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200
    assert page.get_latest_revision().user == moderator


def test_an_article_expires_and_leaves_the_site(client, demo_content, moderator):
    page = sample_news()
    expiry = timezone.now() + timedelta(days=1)
    page.expire_at = expiry
    page.save_revision(user=moderator).publish(user=moderator)
    assert client.get(page.url).status_code == 200

    with freeze_time(expiry + timedelta(minutes=1)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get(page.url).status_code == 404
    assert page.title not in client.get("/").content.decode()


def test_a_scheduled_banner_appears_after_publish_scheduled(client, demo_content, administrator):
    banner = Banner.objects.get(placement=Banner.Placement.HEADER)
    banner.live = False
    banner.save()
    go_live = timezone.now() + timedelta(hours=1)
    banner.go_live_at = go_live
    banner.save_revision(user=administrator).publish(user=administrator)
    banner.refresh_from_db()
    assert not banner.live

    with freeze_time(go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
    banner.refresh_from_db()
    assert banner.live
