"""The "Thông tin bắt buộc" panel: the admin home's summary and the full list, as each role."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.users.models import UserProfile

from core import required_information
from core.required_information import HOOK_NAME, TOPICS, RequiredInformation
from editorial.required_information import may_open

pytestmark = pytest.mark.django_db

URL = "/admin/required-information/"
USERS_URL = "/admin/users/"
PAGES_URL = "/admin/pages/"


def fake_organisation(request):
    return [
        RequiredInformation(
            topic="organisation",
            label="Cơ cấu tổ chức (thử)",
            present=True,
            published=True,
            fix_url=PAGES_URL,
            updated_at=timezone.now() - timedelta(days=3),
        )
    ]


def fake_contacts(request):
    return [
        RequiredInformation(
            topic="contacts",
            label="Liên hệ (thử)",
            present=True,
            published=False,
            fix_url=USERS_URL,
            detail="Chưa có số điện thoại",
        )
    ]


def fake_calendar(request):
    return [
        RequiredInformation(
            topic="work_calendar",
            label="Lịch công tác (thử)",
            present=True,
            published=True,
            fix_url=PAGES_URL,
            updated_at=timezone.now() - timedelta(days=400),
        )
    ]


FAKES = [(HOOK_NAME, fake_calendar), (HOOK_NAME, fake_contacts), (HOOK_NAME, fake_organisation)]


@pytest.fixture
def answers(monkeypatch):
    """The panel as if only the legal documents (no documents here) and this module's fakes
    answered: other apps' real hooks are left out, so the test holds whichever are merged."""
    real_get_hooks = hooks.get_hooks

    def get_hooks(name):
        found = real_get_hooks(name)
        if name != HOOK_NAME:
            return found
        kept = (__name__, "legal_documents.wagtail_hooks")
        return [check for check in found if check.__module__ in kept]

    monkeypatch.setattr(required_information.hooks, "get_hooks", get_hooks)
    with hooks.register_temporarily(FAKES):
        yield


def rows(html):
    """(topic, label, badge, remark, fix link) of each row of the full list."""
    found = []
    for topic, row in re.findall(r'<tr data-topic="(\w+)">(.*?)</tr>', html, re.S):
        heading = re.search(r'<th scope="row">(.*?)</th>', row, re.S).group(1)
        label = heading.split("<span", 1)[0].strip()
        remark = re.search(r'<span class="required-information__remark">([^<]*)</span>', heading)
        badge = re.search(r'class="w-status[^"]*"[^>]*>\s*([^<]+?)\s*<', row).group(1)
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        link = re.search(r'<a href="([^"]+)"', cells[-1])
        remark = remark.group(1) if remark else ""
        found.append((topic, label, badge, remark, link.group(1) if link else None))
    return found


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("role", ["editor", "moderator", "administrator"])
def test_every_role_sees_every_topic_in_the_laws_order(client, request, role, answers):
    client.force_login(request.getfixturevalue(role))
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Thông tin bắt buộc" in html
    found = rows(html)
    assert [row[0] for row in found] == list(TOPICS)
    by_topic = {row[0]: row for row in found}
    assert by_topic["organisation"][1:4] == ("Cơ cấu tổ chức (thử)", "Đầy đủ", "")
    assert by_topic["contacts"][1:4] == ("Liên hệ (thử)", "Chưa xuất bản", "Chưa có số điện thoại")
    assert by_topic["work_calendar"][2] == "Cần cập nhật"
    assert by_topic["legal_documents"][1:4] == ("Văn bản", "Chưa có", "Chưa nhập văn bản nào.")
    assert by_topic["legal_documents"][4] == reverse("legal_documents:index")
    # A topic no app answers for is listed as missing, with a note, and nothing to click.
    assert by_topic["emc_code"][1:] == (
        "Mã theo dõi EMC",
        "Chưa có",
        "Chưa có phần nào của cổng báo cáo mục này: hãy tự kiểm tra.",
        None,
    )
    assert "1/10 đầy đủ" in html
    # The fix link shows only to whom the screen is open: the users' list to administrators.
    assert by_topic["organisation"][4] == PAGES_URL
    assert by_topic["contacts"][4] == (USERS_URL if role == "administrator" else None)
    assert client.get(USERS_URL).status_code == (200 if role == "administrator" else 302)
    assert client.get(by_topic["legal_documents"][4]).status_code == 200


@pytest.mark.parametrize("role", ["editor", "moderator", "administrator"])
def test_the_admin_home_summarises_it(client, request, role, answers):
    client.force_login(request.getfixturevalue(role))
    html = client.get("/admin/").content.decode()
    panel = re.search(
        r'<section class="panel required-information-panel".*?</section>', html, re.S
    ).group(0)
    assert "Thông tin bắt buộc" in panel
    assert "1/10 đầy đủ" in panel
    items = re.findall(r"<li>(.*?)</li>", panel, re.S)
    assert len(items) == 9
    assert "Cơ cấu tổ chức (thử)" not in panel
    assert "Chưa xuất bản" in items[2] and "Liên hệ (thử)" in items[2]
    assert f'href="{URL}"' in panel
    has_link = f'<a href="{USERS_URL}">Liên hệ (thử)</a>' in panel
    assert has_link is (role == "administrator")


def test_the_menu_offers_it_to_an_editor(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Thông tin bắt buộc" in html and URL in html


def test_english_admin(client, editor, answers):
    UserProfile.get_for_user(editor)
    UserProfile.objects.filter(user=editor).update(preferred_language="en")
    client.force_login(editor)
    html = client.get(URL).content.decode()
    assert "1/10 complete" in html
    assert "EMC monitoring code" in html and "Not published" in html


def test_queries_do_not_grow_with_the_answers(
    client, editor, answers, django_assert_max_num_queries
):
    client.force_login(editor)
    with django_assert_max_num_queries(20):
        assert client.get(URL).status_code == 200
    many = [(HOOK_NAME, fake_contacts)] * 20
    with hooks.register_temporarily(many), django_assert_max_num_queries(20):
        response = client.get(URL)
    assert len(rows(response.content.decode())) == 10 + 20


def test_a_screen_that_declares_no_permission_counts_as_open(administrator, editor):
    assert may_open(editor, "/admin/pages/3/edit/")
    assert may_open(editor, "/not-an-admin-screen/")
    assert not may_open(editor, USERS_URL)
    assert may_open(administrator, USERS_URL)
    assert not may_open(editor, USERS_URL + "?q=an")


def broken_check(request):
    raise RuntimeError("the database of an app is gone")


def test_a_failing_check_leaves_the_others_answers_on_the_home_and_the_list(
    client, editor, answers, caplog
):
    client.force_login(editor)
    with hooks.register_temporarily(HOOK_NAME, broken_check):
        home = client.get("/admin/")
        listing = client.get(URL)
    assert home.status_code == 200 and listing.status_code == 200
    assert "Liên hệ (thử)" in home.content.decode()
    found = {
        topic: (label, remark)
        for topic, label, _badge, remark, _link in rows(listing.content.decode())
    }
    assert found["organisation"][0] == "Cơ cấu tổ chức (thử)"
    assert found["emc_code"][1].startswith("Có một bước kiểm tra bị lỗi")
    assert "broken_check failed" in caplog.text
