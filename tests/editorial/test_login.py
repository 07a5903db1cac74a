"""Admin sign-in: throttling of failed attempts and of password resets."""

import pytest
from django.core import mail
from django.urls import clear_url_caches, reverse
from freezegun import freeze_time

from tests.roles import EDITORS, member_of

PASSWORD = "mat-khau-dai-2024"
PAUSED_VI = "Đăng nhập sai quá nhiều lần"
PAUSED_EN = "Too many failed attempts"


@pytest.fixture(autouse=True)
def _throttle(settings):
    settings.LOGIN_THROTTLE_ENABLED = True
    settings.LOGIN_THROTTLE_USER_FAILURES = 3
    settings.LOGIN_THROTTLE_ADDRESS_FAILURES = 6
    settings.LOGIN_THROTTLE_WINDOW = 600
    settings.LOGIN_THROTTLE_LOCKOUT = 300


@pytest.fixture
def editor(db, django_user_model):
    return member_of(django_user_model, EDITORS, "bientapvien")


def sign_in(client, username, password, **extra):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, **extra
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_right_password_signs_in(client, editor):
    assert signed_in(sign_in(client, "bientapvien", PASSWORD))


def test_failures_pause_the_account_even_with_the_right_password(client, editor):
    for _ in range(3):
        response = sign_in(client, "bientapvien", "sai-mat-khau")
        assert response.status_code == 200
        assert PAUSED_VI not in response.content.decode()

    response = sign_in(client, "bientapvien", PASSWORD)

    assert response.status_code == 200
    html = response.content.decode()
    assert PAUSED_VI in html
    assert "5 phút" in html
    assert "_auth_user_id" not in client.session


def test_pause_ends_after_the_lockout(client, editor):
    with freeze_time("2024-11-17 09:00:00") as clock:
        for _ in range(3):
            sign_in(client, "bientapvien", "sai-mat-khau")
        clock.tick(299)
        assert not signed_in(sign_in(client, "bientapvien", PASSWORD))
        clock.tick(2)
        assert signed_in(sign_in(client, "bientapvien", PASSWORD))


def test_success_clears_the_users_failures(client, editor):
    for _ in range(2):
        sign_in(client, "bientapvien", "sai-mat-khau")
    assert signed_in(sign_in(client, "bientapvien", PASSWORD))
    client.logout()
    for _ in range(2):
        sign_in(client, "bientapvien", "sai-mat-khau")
    assert signed_in(sign_in(client, "bientapvien", PASSWORD))


def test_user_name_is_matched_whatever_its_case(client, editor):
    for username in ("BienTapVien", "BIENTAPVIEN", "bientapvien"):
        sign_in(client, username, "sai-mat-khau")
    assert PAUSED_VI in sign_in(client, "bientapvien", PASSWORD).content.decode()


def test_another_user_is_not_paused_by_someone_elses_failures(client, editor, django_user_model):
    member_of(django_user_model, EDITORS, "nguoikhac")
    for _ in range(3):
        sign_in(client, "bientapvien", "sai-mat-khau")
    assert signed_in(sign_in(client, "nguoikhac", PASSWORD))


def test_an_address_guessing_many_names_is_paused(client, editor):
    for number in range(6):
        sign_in(client, f"khong-ton-tai-{number}", "sai-mat-khau", REMOTE_ADDR="203.0.113.9")

    from_attacker = sign_in(client, "bientapvien", PASSWORD, REMOTE_ADDR="203.0.113.9")
    assert PAUSED_VI in from_attacker.content.decode()
    assert signed_in(sign_in(client, "bientapvien", PASSWORD, REMOTE_ADDR="198.51.100.4"))


def test_address_behind_nginx_is_the_forwarded_one(client, editor, settings):
    settings.VISITS_TRUSTED_PROXIES = 1
    for number in range(6):
        sign_in(
            client,
            f"khong-ton-tai-{number}",
            "sai-mat-khau",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    # nginx's own address is the same for everyone: another reader is not paused.
    assert signed_in(sign_in(client, "bientapvien", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.4"))
    assert not signed_in(
        sign_in(client, "bientapvien", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9")
    )


@pytest.fixture
def english_by_default(settings):
    settings.LANGUAGE_CODE = "en"
    yield
    # Django's URL resolver keeps, per language, the prefixes it reversed with: English
    # pages in later tests were linked without /en/ until the resolver was rebuilt.
    clear_url_caches()


def test_message_is_english_on_an_english_admin(client, editor, english_by_default):
    """The login page is in the default language (un-prefixed URLs always are)."""
    for _ in range(3):
        sign_in(client, "bientapvien", "sai-mat-khau")
    response = sign_in(client, "bientapvien", PASSWORD)
    assert PAUSED_EN in response.content.decode()
    assert "5 minutes" in response.content.decode()


def test_throttling_can_be_turned_off(client, editor, settings):
    settings.LOGIN_THROTTLE_ENABLED = False
    for _ in range(5):
        sign_in(client, "bientapvien", "sai-mat-khau")
    assert signed_in(sign_in(client, "bientapvien", PASSWORD))


def test_password_reset_mails_are_throttled_per_address(client, editor):
    url = reverse("wagtailadmin_password_reset")
    for _ in range(5):
        response = client.post(url, {"email": "bientapvien@example.gov.vn"})
        assert response.status_code == 302
    assert len(mail.outbox) == 3
    # The account's e-mail address stays paused whichever client asks.
    client.post(url, {"email": "bientapvien@example.gov.vn"}, REMOTE_ADDR="198.51.100.4")
    assert len(mail.outbox) == 3


def test_redis_down_locks_nobody_out(client, editor, redis_down):
    with redis_down:
        for _ in range(4):
            assert not signed_in(sign_in(client, "bientapvien", "sai-mat-khau"))
        assert signed_in(sign_in(client, "bientapvien", PASSWORD))
