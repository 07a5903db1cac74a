"""Two-step sign-in (TOTP): login with a code, enrolment by command and in the admin."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time

PASSWORD = "mat-khau-dai-2024"


@pytest.fixture
def administrator(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="quantri", email="quantri@example.gov.vn", password=PASSWORD
    )


@pytest.fixture
def enrolled(administrator):
    return TOTPDevice.objects.create(user=administrator, name="default", confirmed=True)


def code(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.drift = offset
    return f"{totp.token():06d}"


def sign_in(client, password=PASSWORD, otp_token=""):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": "quantri", "password": password, "otp_token": otp_token},
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_login_page_asks_for_the_code_in_vietnamese(client, db):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert 'name="otp_token"' in html
    assert "Mã xác thực" in html
    assert 'autocomplete="one-time-code"' in html


def test_user_without_a_device_signs_in_with_the_password(client, administrator):
    assert signed_in(sign_in(client))


@pytest.fixture
def clock():
    """django-otp makes a device wait 2**n seconds after n wrong codes: time must pass."""
    with freeze_time("2024-11-17 09:00:00") as frozen:
        yield frozen


def test_enrolled_user_needs_the_current_code(client, enrolled, clock):
    for wrong in ("", "abcdef", code(enrolled, -5)):
        response = sign_in(client, otp_token=wrong)
        assert response.status_code == 200
        assert "mã sáu chữ số hiện tại" in response.content.decode()
        assert "_auth_user_id" not in client.session
        clock.tick(10)

    response = sign_in(client, otp_token=code(enrolled))

    assert signed_in(response)
    assert client.session["otp_device_id"] == enrolled.persistent_id


def test_a_code_does_not_serve_twice(client, enrolled):
    token = code(enrolled)
    assert signed_in(sign_in(client, otp_token=token))
    client.logout()
    assert not signed_in(sign_in(client, otp_token=token))


def test_a_right_code_with_a_wrong_password_is_refused(client, enrolled):
    response = sign_in(client, password="sai-mat-khau", otp_token=code(enrolled))
    assert not signed_in(response)


def test_wrong_codes_count_towards_the_throttle(client, enrolled, settings):
    settings.LOGIN_THROTTLE_USER_FAILURES = 3
    for _ in range(3):
        sign_in(client, otp_token="")
    response = sign_in(client, otp_token=code(enrolled))
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()


def test_superusers_must_enrol_when_required(client, administrator, settings):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    response = sign_in(client)
    assert not signed_in(response)
    assert "manage.py enrol_totp quantri" in response.content.decode()


def test_other_users_need_no_device_when_superusers_must_have_one(
    client, django_user_model, settings
):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    django_user_model.objects.create_user(username="quantri", password=PASSWORD, is_staff=True)
    assert signed_in(sign_in(client))


def test_enrol_command_prints_the_secret_and_turns_two_step_on(client, administrator, capsys):
    call_command("enrol_totp", "quantri")
    output = capsys.readouterr().out
    device = TOTPDevice.objects.get(user=administrator)
    assert device.confirmed
    assert "otpauth://totp/" in output
    assert "secret=" in output
    assert signed_in(sign_in(client, otp_token=code(device)))


def test_enrol_command_removes_the_device(administrator, enrolled):
    call_command("enrol_totp", "quantri", "--remove")
    assert not TOTPDevice.objects.filter(user=administrator).exists()


def test_enrolment_screen_confirms_a_code_before_turning_two_step_on(client, administrator, clock):
    client.force_login(administrator)
    url = reverse("editorial_two_step")
    assert (
        reverse("editorial_two_step")
        in client.get(reverse("wagtailadmin_account")).content.decode()
    )

    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "Khóa bí mật" in html
    assert "<?xml" not in html
    pending = TOTPDevice.objects.get(user=administrator)
    assert not pending.confirmed
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", html).group(1)
    assert secret.replace(" ", "") in pending.config_url

    wrong = client.post(url, {"otp_token": "12345"})
    assert wrong.status_code == 200
    assert "Mã này không đúng" in wrong.content.decode()
    clock.tick(2)

    response = client.post(url, {"otp_token": code(pending)})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.confirmed
    assert client.session["otp_device_id"] == pending.persistent_id


def test_enrolment_screen_turns_two_step_off_with_a_code(client, enrolled, clock):
    # Signed in with the code: the admin refuses an enrolled user's session without one.
    assert signed_in(sign_in(client, otp_token=code(enrolled)))
    clock.tick(30)
    url = reverse("editorial_two_step")
    assert "Tắt đăng nhập hai bước" in client.get(url).content.decode()

    assert client.post(url, {"otp_token": "12345"}).status_code == 200
    assert TOTPDevice.objects.filter(pk=enrolled.pk).exists()
    clock.tick(2)

    assert client.post(url, {"otp_token": code(enrolled)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=enrolled.user).exists()


def test_unconfirmed_device_does_not_change_sign_in(client, administrator):
    TOTPDevice.objects.create(user=administrator, name="default", confirmed=False)
    assert signed_in(sign_in(client))


def test_enrolment_screen_needs_a_signed_in_user(client, db):
    response = client.get(reverse("editorial_two_step"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
