"""Who may do what with a week, over HTTP: the secretary (Văn thư) enters and submits it but
cannot publish it; a leader, moderator or administrator approves it; a leader neither adds nor
deletes weeks; editors have no access."""

from datetime import timedelta

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from work_calendar.models import WorkWeek

pytestmark = pytest.mark.django_db
ADD = "wagtailsnippets_work_calendar_workweek:add"


def week_data(monday, director, action):
    return nested_form_data(
        {
            "week_start": monday.isoformat(),
            "note": "",
            "entries": inline_formset(
                [
                    {
                        "date": monday.isoformat(),
                        "start_time": "08:00",
                        "end_time": "10:00",
                        "content": "Họp giao ban đầu tuần",
                        "venue": "Phòng họp số 1",
                        "presider": director.pk,
                        "participants_text": "Trưởng các phòng",
                        "preparer": "Văn phòng Sở",
                    }
                ]
            ),
            action: action,
        }
    )


@pytest.fixture
def submitted(client, secretary, director, this_monday, moderator):
    client.force_login(secretary)
    response = client.post(reverse(ADD), week_data(this_monday, director, "action-submit"))
    assert response.status_code == 302, response.content.decode()[-3000:]
    client.logout()
    return WorkWeek.objects.get(week_start=this_monday)


def test_the_secretary_submits_a_week_that_readers_do_not_see(client, calendar_page, submitted):
    assert not submitted.live
    state = WorkflowState.objects.for_instance(submitted).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Duyệt lịch công tác"
    assert "Họp giao ban đầu tuần" not in client.get("/lich-cong-tac/").content.decode()
    assert client.get("/api/v2/work-calendar/").json()["items"] == []


def test_the_secretary_cannot_publish(client, secretary, director, this_monday):
    client.force_login(secretary)
    form = client.get(reverse(ADD)).content.decode()
    assert 'name="action-submit"' in form and 'name="action-publish"' not in form
    client.post(reverse(ADD), week_data(this_monday, director, "action-publish"))
    assert not WorkWeek.objects.filter(live=True).exists()


def test_the_secretary_cannot_approve(client, submitted, secretary):
    client.force_login(secretary)
    task_state = WorkflowState.objects.for_instance(submitted).get().current_task_state
    url = reverse(
        "wagtailsnippets_work_calendar_workweek:workflow_action",
        args=[submitted.pk, "approve", task_state.pk],
    )
    assert client.post(url, {"comment": ""}).status_code in (302, 403)
    submitted.refresh_from_db()
    assert not submitted.live


def test_a_moderator_approves_and_readers_see_the_week(client, calendar_page, submitted, moderator):
    client.force_login(moderator)
    task_state = WorkflowState.objects.for_instance(submitted).get().current_task_state
    url = reverse(
        "wagtailsnippets_work_calendar_workweek:workflow_action",
        args=[submitted.pk, "approve", task_state.pk],
    )
    assert client.post(url, {"comment": ""}).status_code == 302
    submitted.refresh_from_db()
    assert submitted.live
    client.logout()
    assert "Họp giao ban đầu tuần" in client.get("/lich-cong-tac/").content.decode()


def test_an_administrator_publishes_directly(client, administrator, director, this_monday):
    client.force_login(administrator)
    monday = this_monday + timedelta(weeks=1)
    response = client.post(reverse(ADD), week_data(monday, director, "action-publish"))
    assert response.status_code == 302
    assert WorkWeek.objects.get(week_start=monday).live


def test_an_editor_has_no_access_to_the_calendar(client, editor):
    client.force_login(editor)
    assert client.get(reverse(ADD)).status_code in (302, 403)


def test_the_secretary_lists_weeks_edits_one_and_chooses_a_leader(
    client, submitted, secretary, director
):
    client.force_login(secretary)
    listing = client.get(reverse("wagtailsnippets_work_calendar_workweek:list"))
    assert listing.status_code == 200 and submitted.label in listing.content.decode()
    edit = client.get(reverse("wagtailsnippets_work_calendar_workweek:edit", args=[submitted.pk]))
    assert edit.status_code == 200 and "Họp giao ban đầu tuần" in edit.content.decode()
    chooser = client.get(reverse("wagtailsnippetchoosers_snippets_person:choose"))
    assert chooser.status_code == 200 and director.name in chooser.json()["html"]


def approve_url(week, action="approve"):
    task_state = WorkflowState.objects.for_instance(week).get().current_task_state
    return reverse(
        "wagtailsnippets_work_calendar_workweek:workflow_action",
        args=[week.pk, action, task_state.pk],
    )


def test_a_leader_reviews_and_approves_the_week(client, calendar_page, submitted, leader):
    client.force_login(leader)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert submitted.label in dashboard
    edit = client.get(reverse("wagtailsnippets_work_calendar_workweek:edit", args=[submitted.pk]))
    form = edit.content.decode()
    assert edit.status_code == 200 and "Họp giao ban đầu tuần" in form
    assert "/approve/" in form and "/reject/" in form
    assert client.post(approve_url(submitted), {"comment": ""}).status_code == 302
    submitted.refresh_from_db()
    assert submitted.live
    client.logout()
    assert "Họp giao ban đầu tuần" in client.get("/lich-cong-tac/").content.decode()


def test_a_leader_sends_a_week_back_with_a_comment(client, submitted, leader):
    client.force_login(leader)
    response = client.post(approve_url(submitted, "reject"), {"comment": "Bổ sung thành phần"})
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(submitted).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    submitted.refresh_from_db()
    assert not submitted.live


def test_a_leader_neither_adds_nor_deletes_weeks(client, leader, director, this_monday, submitted):
    client.force_login(leader)
    monday = this_monday + timedelta(weeks=1)
    assert client.get(reverse(ADD)).status_code in (302, 403)
    client.post(reverse(ADD), week_data(monday, director, "action-publish"))
    assert not WorkWeek.objects.filter(week_start=monday).exists()
    delete = reverse("wagtailsnippets_work_calendar_workweek:delete", args=[submitted.pk])
    assert client.post(delete).status_code in (302, 403)
    assert WorkWeek.objects.filter(pk=submitted.pk).exists()
    # No page, article or reference-data rights come with the role.
    assert client.get(reverse("wagtailadmin_pages:add_subpage", args=[1])).status_code in (
        302,
        403,
    )
    edit_person = reverse("wagtailsnippets_snippets_person:edit", args=[director.pk])
    assert client.get(edit_person).status_code in (302, 403)
