from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site
from wagtail_localize.models import Translation

from home.models import HomePage
from snippets.models import Agency

pytestmark = pytest.mark.django_db


def test_home_page_renders_in_vietnamese(client, demo_content):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()
    assert "Trang chủ" in response.content.decode()


def test_admin_login_page_is_vietnamese(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="vi"' in html
    assert "Đăng nhập" in html


def test_load_demo_content_twice_leaves_one_home_page_per_language(demo_loaded):
    counts = {model: model.objects.count() for model in (Page, Agency, Translation)}
    call_command("load_demo_content", stdout=StringIO())
    assert {model: model.objects.count() for model in counts} == counts
    homes = HomePage.objects.order_by("locale__language_code")
    assert [home.locale.language_code for home in homes] == ["en", "vi"]
    assert Site.objects.count() == 1
    assert Site.objects.get().root_page.specific.locale.language_code == "vi"
    assert set(Page.objects.filter(depth=2).values_list("pk", flat=True)) == {h.pk for h in homes}


def test_load_demo_content_keeps_editors_changes(demo_loaded):
    home = HomePage.objects.get(locale__language_code="vi")
    home.title = "Trang chủ đã sửa"
    home.save_revision().publish()
    english_home = HomePage.objects.get(locale__language_code="en")
    english_home.title = "Home page (edited)"
    english_home.save_revision().publish()
    call_command("load_demo_content", stdout=StringIO())
    assert HomePage.objects.get(locale__language_code="vi").title == "Trang chủ đã sửa"
    assert HomePage.objects.get(locale__language_code="en").title == "Home page (edited)"


def test_unknown_url_answers_404(client, demo_content):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
