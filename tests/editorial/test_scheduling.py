"""Scheduled publishing and expiry, run by `manage.py publish_scheduled` (see README)."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import PageLogEntry

from articles.models import NewsArticlePage
from snippets.models import Banner
from tests.core.test_locks import HeldElsewhere


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


def test_a_page_due_is_published_once_however_many_nodes_run_the_command(demo_content, moderator):
    page = sample_news()
    page.unpublish()
    go_live = timezone.now() + timedelta(hours=3)
    page.go_live_at = go_live
    page.save_revision(user=moderator).publish(user=moderator)

    with freeze_time(go_live + timedelta(minutes=1)):
        with HeldElsewhere("publish_scheduled"):  # another node's run, under way
            call_command("publish_scheduled")
        page.refresh_from_db()
        assert not page.live
        call_command("publish_scheduled")
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count() == 1
