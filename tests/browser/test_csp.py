"""Chromium enforces the Content-Security-Policy and reports nothing it had to block: not
on public pages (strict policy, JSON-LD data blocks included) nor in the admin."""

import pytest
from django.contrib.auth import get_user_model

from articles.models import EventReportPage

from .conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def watch_violations(page):
    """Collects the console errors by which Chromium reports blocked content."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return violations


def visit(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")


def test_public_pages_show_no_csp_violation(new_page, live_server, demo_content):
    page = new_page()
    violations = watch_violations(page)
    report = EventReportPage.objects.live().first()
    for path in ("/", "/tim-kiem/?q=thi+dua", "/api/docs/", "/khong-co-trang-nay/", report.url):
        visit(page, f"{live_server.url}{path}")
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert violations == []
    # The policy is in force and the watch sees it: an injected event handler is blocked.
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(1)>')")
    page.wait_for_timeout(300)
    assert any("inline event handler" in violation for violation in violations), violations


def test_admin_shows_no_csp_violation(new_page, live_server, demo_content):
    get_user_model().objects.create_superuser("quantri", "qt@example.gov.vn", PASSWORD)
    report = EventReportPage.objects.live().first()
    page = new_page()
    violations = watch_violations(page)
    visit(page, f"{live_server.url}/admin/login/")
    page.fill("#id_username", "quantri")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    for path in (
        "/admin/",
        f"/admin/pages/{report.get_parent().pk}/",
        f"/admin/pages/{report.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/users/",
    ):
        visit(page, f"{live_server.url}{path}")
    # The live preview: the page rendered inside the admin's frame.
    visit(page, f"{live_server.url}/admin/pages/{report.pk}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    frame = page.frame_locator("iframe#w-preview-iframe")
    frame.locator("main#main").wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    assert violations == []
