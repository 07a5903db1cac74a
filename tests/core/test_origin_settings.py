"""Production names its public origin, one that readers reach (core/origin.py)."""

from tests.portal.test_settings import DEPLOY_ENV, run_manage


def deploy_check(**changes):
    env = {**DEPLOY_ENV, **changes}
    return run_manage("check", "--deploy", env={k: v for k, v in env.items() if v is not None})


def test_check_deploy_refuses_a_loopback_origin():
    # A missing one stops production at start-up (test_settings.py).
    for value in ("http://127.0.0.1:8000", "http://localhost"):
        result = deploy_check(WAGTAILADMIN_BASE_URL=value)
        assert result.returncode != 0
        assert "origin.E001" in result.stderr + result.stdout


def test_check_deploy_refuses_an_origin_django_would_answer_400():
    result = deploy_check(WAGTAILADMIN_BASE_URL="https://other.example.gov.vn")
    assert result.returncode != 0
    assert "origin.E002" in result.stderr + result.stdout


def test_an_origin_no_url_can_be_built_on_refuses_to_start():
    for value in (
        "portal.example.gov.vn",
        "https://portal.example.gov.vn/cong/",
        "https://portal.example.gov.vn:8443",
    ):
        result = run_manage("check", env={**DEPLOY_ENV, "WAGTAILADMIN_BASE_URL": value})
        assert result.returncode != 0
        assert "WAGTAILADMIN_BASE_URL" in result.stderr
