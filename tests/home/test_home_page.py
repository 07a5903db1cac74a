from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage

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


def test_load_demo_content_twice_leaves_one_home_page(demo_content):
    call_command("load_demo_content", stdout=StringIO())
    assert HomePage.objects.count() == 1
    assert Site.objects.count() == 1
    assert Site.objects.get().root_page.specific_class is HomePage
    assert not Page.objects.filter(depth=2).exclude(id=HomePage.objects.get().id).exists()


def test_load_demo_content_keeps_editors_changes(demo_content):
    home = HomePage.objects.get()
    home.title = "Trang chủ đã sửa"
    home.save_revision().publish()
    call_command("load_demo_content", stdout=StringIO())
    assert HomePage.objects.get().title == "Trang chủ đã sửa"


def test_unknown_url_answers_404(client, demo_content):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
