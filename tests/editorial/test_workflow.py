"""An editor submits an article, a moderator approves it or asks for changes with a comment."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import AnnouncementIndexPage, ArticleIndexPage, EventReportPage
from snippets.models import Agency, Person


def event_report_data(slug):
    agency = Agency.objects.get(slug="so-khcn")
    person = Person.objects.get(slug="hoang-minh-cuong")
    return nested_form_data(
        {
            "title": "Hội nghị tổng kết thi đua",
            "slug": slug,
            "lead": "Tóm tắt của bài viết.",
            "hero_caption": "",
            "author": "Chiêu Minh",
            "date": "",
            "tags": "",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
            "related_agencies": inline_formset([{"agency": agency.pk}]),
            "related_people": inline_formset([]),
            "event_start": "2024-01-26 08:00:00",
            "event_end": "",
            "venue": "Hội trường thành phố",
            "officials": inline_formset([{"person": person.pk, "role": "chủ trì"}]),
            "participating_agencies": inline_formset([{"agency": agency.pk}]),
            "awards_conferred": inline_formset([]),
            "action-submit": "action-submit",
        }
    )


@pytest.fixture
def submitted_report(client, demo_content, editor, moderator):
    """An event report the editor created and submitted, waiting for the moderator."""
    news = ArticleIndexPage.objects.get(slug="tin-tuc-su-kien")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("articles", "eventreportpage", news.pk))
    response = client.post(url, event_report_data("hoi-nghi-tong-ket"))
    assert response.status_code == 302
    client.logout()
    return EventReportPage.objects.get(slug="hoi-nghi-tong-ket")


def task_state_of(page):
    return WorkflowState.objects.for_instance(page).get().current_task_state


def test_submission_waits_for_approval_and_notifies_moderators(submitted_report, client):
    assert not submitted_report.live
    state = WorkflowState.objects.for_instance(submitted_report).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Duyệt tin bài"
    assert [m.to for m in mail.outbox] == [["kiemduyetvien@example.gov.vn"]]
    assert client.get(submitted_report.url).status_code == 404


def test_editor_cannot_publish_by_posting_the_publish_action(client, demo_content, editor):
    news = ArticleIndexPage.objects.get(slug="tin-tuc-su-kien")
    client.force_login(editor)
    data = event_report_data("tu-xuat-ban")
    del data["action-submit"]
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=("articles", "eventreportpage", news.pk))
    client.post(url, data)
    page = EventReportPage.objects.filter(slug="tu-xuat-ban").first()
    assert page is None or not page.live


def test_moderator_approves_and_the_report_goes_live(submitted_report, client, moderator):
    client.force_login(moderator)
    task_state = task_state_of(submitted_report)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[submitted_report.pk, "approve", task_state.pk],
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    submitted_report.refresh_from_db()
    assert submitted_report.live
    assert client.get(submitted_report.url).status_code == 200
    history = client.get(reverse("wagtailadmin_pages:history", args=[submitted_report.pk]))
    html = history.content.decode()
    assert "bientapvien" in html and "kiemduyetvien" in html


def test_moderator_asks_for_changes_with_a_comment_the_editor_sees(
    submitted_report, client, moderator, editor
):
    client.force_login(moderator)
    task_state = task_state_of(submitted_report)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[submitted_report.pk, "reject", task_state.pk],
    )
    client.post(url, {"comment": "Bổ sung ảnh có chú thích."})
    submitted_report.refresh_from_db()
    assert not submitted_report.live
    state = WorkflowState.objects.for_instance(submitted_report).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert any("Bổ sung ảnh có chú thích." in m.body for m in mail.outbox if editor.email in m.to)
    client.force_login(editor)
    history = reverse(
        "wagtailadmin_pages:workflow_history_detail", args=[submitted_report.pk, state.pk]
    )
    response = client.get(history)
    assert "Bổ sung ảnh có chú thích." in response.content.decode()


def test_announcements_go_through_the_same_workflow(demo_content, editor):
    index = AnnouncementIndexPage.objects.get(slug="thong-bao")
    workflow = index.get_workflow()
    assert workflow.name == "Duyệt tin bài"
