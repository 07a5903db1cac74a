"""Every way in has the admin's checks: readers' sign-in, page and document passwords."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.views import LoginView
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from articles.models import AnnouncementPage
from editorial.account_forms import PortalLoginForm
from tests.roles import EDITORS, member_of

PASSWORD = "mat-khau-dai-2024"
PAUSED_VI = "Đăng nhập sai quá nhiều lần"
READER_LOGIN = "/_util/login/"


@pytest.fixture(autouse=True)
def _throttle(settings):
    settings.LOGIN_THROTTLE_ENABLED = True
    settings.LOGIN_THROTTLE_USER_FAILURES = 5
    settings.LOGIN_THROTTLE_ADDRESS_FAILURES = 20
    settings.LOGIN_THROTTLE_LOCKOUT = 900


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="quantri", email="quantri@example.gov.vn", password=PASSWORD
    )


@pytest.fixture
def enrolled(superuser):
    return TOTPDevice.objects.create(user=superuser, name="default", confirmed=True)


def code(device):
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def reader_sign_in(client, username, password, url=READER_LOGIN, **data):
    return client.post(url, {"username": username, "password": password, **data})


def opens_admin(client, url="/admin/users/"):
    response = client.get(url)
    return response.status_code == 200


def test_reader_sign_in_is_throttled(client, db, django_user_model):
    member_of(django_user_model, EDITORS, "bientapvien")
    answers = [reader_sign_in(client, "bientapvien", "sai-mat-khau") for _ in range(30)]
    assert all(PAUSED_VI not in answer.content.decode() for answer in answers[:5])
    assert all(PAUSED_VI in answer.content.decode() for answer in answers[5:])

    response = reader_sign_in(client, "bientapvien", PASSWORD)
    assert PAUSED_VI in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_reader_and_admin_sign_in_share_one_count(client, superuser):
    for _ in range(3):
        reader_sign_in(client, "quantri", "sai-mat-khau")
    for _ in range(2):
        client.post(reverse("wagtailadmin_login"), {"username": "quantri", "password": "sai"})
    assert PAUSED_VI in reader_sign_in(client, "quantri", PASSWORD).content.decode()


def test_english_reader_sign_in_is_the_same_form(client, superuser, enrolled):
    response = reader_sign_in(client, "quantri", PASSWORD, url="/en/_util/login/")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_enrolled_superuser_needs_the_code_at_the_reader_sign_in(client, enrolled):
    response = reader_sign_in(client, "quantri", PASSWORD)

    assert response.status_code == 200
    assert "mã sáu chữ số hiện tại" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not opens_admin(client)
    assert not opens_admin(client, "/admin/")


def test_enrolled_superuser_with_the_code_reaches_the_admin(client, enrolled):
    response = reader_sign_in(client, "quantri", PASSWORD, otp_token=code(enrolled), next="/")
    assert response.status_code == 302
    assert opens_admin(client)


def test_superusers_must_enrol_at_the_reader_sign_in_too(client, superuser, settings):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    response = reader_sign_in(client, "quantri", PASSWORD)
    assert "manage.py enrol_totp quantri" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not opens_admin(client)


def test_admin_refuses_a_session_that_skipped_the_code(client, enrolled):
    """Whatever opened the session (force_login stands for any other view), no admin."""
    client.force_login(enrolled.user)

    response = client.get("/admin/users/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "đăng nhập hai bước" in page


def test_admin_refuses_a_superuser_without_a_device_when_required(client, superuser, settings):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 302
    settings.OTP_REQUIRED_FOR_SUPERUSERS = False
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200


def login_paths(resolver=None, prefix="/"):
    """The path of every routed login view (`<int:...>` parts filled in with 1)."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = re.sub(r"<[^>]+>", "1", str(pattern.pattern).lstrip("^").rstrip("$"))
        if isinstance(pattern, URLResolver):
            yield from login_paths(pattern, prefix + route)
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class and issubclass(view_class, LoginView):
                yield prefix + route


def test_every_sign_in_view_uses_the_one_throttled_form(rf):
    """A sibling guard: any login view routed later must use PortalLoginForm too."""
    paths = set(login_paths())
    assert {"/admin/login/", READER_LOGIN} <= paths
    for path in paths:
        view_class = resolve(path).func.view_class
        view = view_class()
        view.setup(rf.get(path))
        assert issubclass(view.get_form_class(), PortalLoginForm), path


def published(parent, title, slug):
    page = parent.add_child(instance=AnnouncementPage(title=title, slug=slug))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_readers_sign_in_and_reach_a_login_restricted_page(client, home, django_user_model):
    private = published(home, "Nội bộ", "noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    django_user_model.objects.create_user(username="bandoc", password=PASSWORD)

    to_login = client.get(private.url)
    assert to_login.status_code == 302
    assert to_login["Location"].startswith(READER_LOGIN)
    form = client.get(to_login["Location"])
    assert 'name="otp_token"' in form.content.decode()

    response = reader_sign_in(client, "bandoc", PASSWORD, next=private.url)
    assert response.status_code == 302
    assert response["Location"] == private.url
    assert client.get(private.url).status_code == 200


@pytest.fixture
def password_page(home):
    page = published(home, "Tài liệu mật", "tai-lieu-mat")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="mat-khau-trang"
    )
    return page, reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


def guess(client, url, password, **extra):
    return client.post(url, {"password": password, "return_url": "/tai-lieu-mat/"}, **extra)


def test_page_password_guesses_are_throttled(client, password_page):
    page, url = password_page
    answers = [guess(client, url, f"doan-{number}") for number in range(40)]
    assert [answer.status_code for answer in answers[:5]] == [200] * 5
    assert {answer.status_code for answer in answers[5:]} == {429}
    assert "Nhập sai mật khẩu quá nhiều lần" in answers[-1].content.decode()
    assert int(answers[-1]["Retry-After"]) > 0

    assert guess(client, url, "mat-khau-trang").status_code == 429
    assert client.get(page.url).status_code == 200
    assert "Tài liệu mật" not in client.get(page.url).content.decode()
    # A reader from another address who knows the password is not paused.
    right = guess(client, url, "mat-khau-trang", REMOTE_ADDR="198.51.100.4")
    assert right.status_code == 302


def test_right_page_password_opens_the_page(client, password_page):
    page, url = password_page
    assert guess(client, url, "sai").status_code == 200
    assert guess(client, url, "mat-khau-trang").status_code == 302
    assert "Tài liệu mật" in client.get(page.url).content.decode()


def test_document_collection_password_guesses_are_throttled(client, db):
    collection = Collection.get_first_root_node().add_child(name="Mật")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password="mat-khau-tai-lieu"
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    answers = [guess(client, url, f"doan-{number}") for number in range(8)]
    assert [answer.status_code for answer in answers] == [200] * 5 + [429] * 3
    assert guess(client, url, "mat-khau-tai-lieu").status_code == 429


def test_nginx_limits_every_door(password_page):
    """deploy/nginx/portal.conf's limit_req location covers each sign-in and password form."""
    conf = (Path(__file__).resolve().parents[2] / "deploy/nginx/portal.conf").read_text()
    location = re.search(r"location ~ (\S+) \{\s*limit_req zone=portal_login", conf).group(1)
    doors = [
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_password_reset"),
        READER_LOGIN,
        "/en/_util/login/",
        password_page[1],
        reverse("wagtaildocs_authenticate_with_password", args=[1]),
    ]
    for door in doors:
        assert re.match(location, door), door
    for other in ("/", "/tin-tuc/", "/admin/", "/documents/1/van-ban.pdf"):
        assert not re.match(location, other), other
