"""Sign-in pauses: no lockout switch for attackers, longer pauses for guessers, lifting."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from freezegun import freeze_time

PASSWORD = "mat-khau-dai-2024"
PAUSED_VI = "Đăng nhập sai quá nhiều lần"
ATTACKER = "203.0.113.9"
OFFICE = "198.51.100.4"


@pytest.fixture(autouse=True)
def _throttle(settings):
    settings.LOGIN_THROTTLE_ENABLED = True
    settings.LOGIN_THROTTLE_USER_FAILURES = 5
    settings.LOGIN_THROTTLE_ADDRESS_FAILURES = 20
    settings.LOGIN_THROTTLE_WINDOW = 900
    settings.LOGIN_THROTTLE_LOCKOUT = 900
    settings.LOGIN_THROTTLE_MAX_LOCKOUT = 86400


def sign_in(client, username, password, address):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def paused(response):
    return PAUSED_VI in response.content.decode()


def test_attackers_failures_do_not_lock_the_administrator_out(client, administrator):
    """Before: 5 wrong passwords from anywhere paused the name everywhere for 15 minutes."""
    for _ in range(30):
        sign_in(client, "quantrivien", "doan-mat-khau", ATTACKER)
    assert paused(sign_in(client, "quantrivien", PASSWORD, ATTACKER))

    assert signed_in(sign_in(client, "quantrivien", PASSWORD, OFFICE))


def test_attackers_on_many_addresses_do_not_lock_the_administrator_out(client, administrator):
    for number in range(40):
        sign_in(client, "quantrivien", "doan-mat-khau", f"203.0.113.{number}")
    assert signed_in(sign_in(client, "quantrivien", PASSWORD, OFFICE))


def test_each_new_pause_lasts_twice_as_long(client, editor):
    with freeze_time("2024-11-17 09:00:00") as clock:
        for _ in range(5):
            sign_in(client, "bientapvien", "sai", ATTACKER)
        assert "15 phút" in sign_in(client, "bientapvien", PASSWORD, ATTACKER).content.decode()
        clock.tick(15 * 60 + 1)

        for _ in range(5):
            sign_in(client, "bientapvien", "sai", ATTACKER)
        assert "30 phút" in sign_in(client, "bientapvien", PASSWORD, ATTACKER).content.decode()
        clock.tick(30 * 60 + 1)

        for _ in range(5):
            sign_in(client, "bientapvien", "sai", ATTACKER)
        assert "60 phút" in sign_in(client, "bientapvien", PASSWORD, ATTACKER).content.decode()
        clock.tick(60 * 60 + 1)
        assert signed_in(sign_in(client, "bientapvien", PASSWORD, ATTACKER))


def test_pauses_stop_growing_at_the_maximum(client, editor, settings):
    settings.LOGIN_THROTTLE_MAX_LOCKOUT = 1800
    with freeze_time("2024-11-17 09:00:00") as clock:
        for lockout in (15, 30, 30):
            for _ in range(5):
                sign_in(client, "bientapvien", "sai", ATTACKER)
            response = sign_in(client, "bientapvien", PASSWORD, ATTACKER)
            assert f"{lockout} phút" in response.content.decode()
            clock.tick(lockout * 60 + 1)


def test_an_address_failing_with_many_names_is_paused_for_all(client, editor):
    for number in range(20):
        sign_in(client, f"ten-{number}", "sai", ATTACKER)
    assert paused(sign_in(client, "bientapvien", PASSWORD, ATTACKER))
    assert signed_in(sign_in(client, "bientapvien", PASSWORD, OFFICE))


@pytest.fixture
def paused_editor(client, editor):
    for _ in range(5):
        sign_in(client, "bientapvien", "sai", OFFICE)
    assert paused(sign_in(client, "bientapvien", PASSWORD, OFFICE))
    return editor


def lift(client, **data):
    return client.post(reverse("editorial_lift_pause"), data)


def test_administrator_lifts_a_user_names_pause(client, administrator, paused_editor):
    client.force_login(administrator)
    page = client.get(reverse("editorial_lift_pause"))
    assert page.status_code == 200
    assert "Tạm khóa đăng nhập" in page.content.decode()

    response = lift(client, username="BienTapVien")

    assert response.status_code == 302
    assert "Đã gỡ tạm khóa" in client.get(response["Location"]).content.decode()
    client.logout()
    assert signed_in(sign_in(client, "bientapvien", PASSWORD, OFFICE))


def test_administrator_lifts_an_addresss_pause(client, administrator, editor):
    for number in range(20):
        sign_in(client, f"ten-{number}", "sai", OFFICE)
    assert paused(sign_in(client, "bientapvien", PASSWORD, OFFICE))

    client.force_login(administrator)
    assert lift(client, address=OFFICE).status_code == 302
    client.logout()

    assert signed_in(sign_in(client, "bientapvien", PASSWORD, OFFICE))


def test_lifting_needs_a_name_or_an_address(client, administrator):
    client.force_login(administrator)
    for data in ({}, {"address": "khong-phai-dia-chi"}):
        response = lift(client, **data)
        assert response.status_code == 200
    assert "Nhập tên đăng nhập, địa chỉ, hoặc cả hai" in lift(client).content.decode()


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_only_administrators_may_lift_pauses(client, request, paused_editor, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("editorial_lift_pause")).status_code == 302
    assert reverse("editorial_lift_pause") not in client.get("/admin/").content.decode()

    response = lift(client, username="bientapvien")

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    client.logout()
    assert paused(sign_in(client, "bientapvien", PASSWORD, OFFICE))


def test_administrators_see_the_screen_in_the_settings_menu(client, administrator):
    client.force_login(administrator)
    assert reverse("editorial_lift_pause") in client.get("/admin/").content.decode()


def test_command_lifts_a_pause(client, paused_editor):
    call_command("lift_login_pause", "--user", "bientapvien")
    assert signed_in(sign_in(client, "bientapvien", PASSWORD, OFFICE))


def test_command_needs_a_name_or_an_address(db):
    with pytest.raises(CommandError):
        call_command("lift_login_pause")


def test_other_pauses_stay_when_one_is_lifted(client, paused_editor, moderator):
    for _ in range(5):
        sign_in(client, "kiemduyetvien", "sai", OFFICE)
    call_command("lift_login_pause", "--user", "bientapvien")
    assert paused(sign_in(client, "kiemduyetvien", PASSWORD, OFFICE))


def test_one_ipv6_network_counts_as_one_address(client, administrator):
    """A machine holds a whole IPv6 /64: a new address per guess must not reset the count."""
    for number in range(6):
        sign_in(client, "quantrivien", "doan-mat-khau", f"2001:db8:7:9::{number + 1:x}")
    assert paused(sign_in(client, "quantrivien", PASSWORD, "2001:db8:7:9:ffff::1"))
    assert signed_in(sign_in(client, "quantrivien", PASSWORD, "2001:db8:7:a::1"))


def test_lifting_an_ipv6_address_lifts_its_network(client, administrator):
    for number in range(6):
        sign_in(client, "quantrivien", "doan-mat-khau", f"2001:db8:7:9::{number + 1:x}")
    call_command("lift_login_pause", "--address", "2001:db8:7:9::1")
    assert signed_in(sign_in(client, "quantrivien", PASSWORD, "2001:db8:7:9::2"))
