"""The change log for what is not a page: work calendar entries (published with their
week), images (public when published content uses them), the `content_changed` signal."""

from datetime import time

import pytest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from core.changes.models import ContentChange
from core.changes.signals import content_changed
from work_calendar.models import WorkEntry, WorkWeek
from work_calendar.weeks import monday_of

from .conftest import publish

pytestmark = pytest.mark.django_db

URL = "/api/v2/changes/"


def events(client, since, endpoint):
    response = client.get(URL, {"since": since, "endpoint": endpoint})
    assert response.status_code == 200
    return [(i["event"], i["reason"], i["id"]) for i in response.json()["items"]]


def test_week_published_republished_without_an_entry_and_unpublished(client, locale_vi):
    start = timezone.now().isoformat()
    monday = monday_of(timezone.localdate())
    week = WorkWeek(week_start=monday, live=False)
    week.entries.add(WorkEntry(date=monday, start_time=time(8), content="Họp giao ban"))
    week.entries.add(WorkEntry(date=monday, start_time=time(14), content="Kiểm tra"))
    week.save()
    draft = week.save_revision()
    assert events(client, start, "work-calendar") == []  # a draft week: nothing
    draft.publish()
    first, second = WorkEntry.objects.filter(week=week).order_by("start_time")
    week = WorkWeek.objects.get(pk=week.pk)
    week.entries.remove(second)
    week.save_revision().publish()
    WorkWeek.objects.get(pk=week.pk).unpublish()
    assert events(client, start, "work-calendar") == [
        ("upsert", "published", first.pk),
        ("upsert", "published", second.pk),
        ("delete", "deleted", second.pk),  # removed as the new version is saved
        ("upsert", "updated", first.pk),
        ("delete", "unpublished", first.pk),
    ]


def test_image_public_when_used_private_collection_and_deleted(client, make_article):
    start = timezone.now().isoformat()
    image = get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    assert events(client, start, "images") == []  # used by nothing: not public
    article = make_article()
    article.hero_image = image
    publish(article)
    image.save()
    private = Collection.get_first_root_node().add_child(name="Kín")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    image.collection = private
    image.save()
    image.collection = Collection.get_first_root_node()
    image.save()
    image_id = image.pk
    image.delete()
    assert events(client, start, "images") == [
        ("upsert", "published", image_id),
        ("delete", "made_private", image_id),
        ("upsert", "published", image_id),
        ("delete", "deleted", image_id),
    ]
    items = client.get(URL, {"since": start, "endpoint": "images"}).json()["items"]
    assert {item["locale"] for item in items} == {""}


def test_content_changed_is_sent_on_commit(make_article, django_capture_on_commit_callbacks):
    received = []

    def listener(sender, change, **kwargs):
        received.append(change)

    content_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            page = make_article()
        assert received == []  # not before the commit
        for callback in callbacks:
            callback()
    finally:
        content_changed.disconnect(listener)
    recorded = [c for c in received if c.object_id == page.pk]
    assert [(c.event, c.reason, c.endpoint) for c in recorded] == [("upsert", "published", "pages")]
    assert recorded[0].pk == ContentChange.objects.get(object_id=page.pk).pk
