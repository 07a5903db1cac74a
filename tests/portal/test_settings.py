"""Settings behave as documented in README.md and .env.example."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY_ENV = {
    "DJANGO_SECRET_KEY": "x7!kq2@p9-long-random-production-secret-key-for-the-check-0193847",
    "DJANGO_ALLOWED_HOSTS": "portal.example.gov.vn",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://portal.example.gov.vn",
    "WAGTAILADMIN_BASE_URL": "https://portal.example.gov.vn",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
# Whatever runs the tests: the cache and the number of workers are the test's to set.
UNSET = ("REDIS_URL", "WEB_CONCURRENCY", "WAGTAILADMIN_BASE_URL", "RESPONSE_CACHE_SECONDS")


def run_manage(*args, env):
    base_env = {
        k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in UNSET
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base_env, "DJANGO_SETTINGS_MODULE": "portal.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage(
        "check", env={k: v for k, v in DEPLOY_ENV.items() if k != "DJANGO_SECRET_KEY"}
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_the_public_origin():
    """Else a `migrate` without the service's environment moves the Site (every absolute URL
    and purge) to the development default, 127.0.0.1:8000."""
    result = run_manage(
        "check", env={k: v for k, v in DEPLOY_ENV.items() if k != "WAGTAILADMIN_BASE_URL"}
    )
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL is not set" in result.stderr


def test_check_deploy_is_clean_with_documented_variables():
    result = run_manage("check", "--deploy", "--fail-level", "DEBUG", env=DEPLOY_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("workers", [None, "3"])
def test_check_deploy_fails_when_several_workers_share_no_cache(workers):
    """Without Redis every worker process would keep its own rate limits and counts."""
    env = {k: v for k, v in DEPLOY_ENV.items() if k != "REDIS_URL"}
    if workers:
        env["WEB_CONCURRENCY"] = workers
    result = run_manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "portal.E001" in result.stderr and "REDIS_URL" in result.stderr


def test_check_deploy_allows_one_worker_without_redis():
    env = {k: v for k, v in DEPLOY_ENV.items() if k != "REDIS_URL"}
    result = run_manage(
        "check", "--deploy", "--fail-level", "ERROR", env={**env, "WEB_CONCURRENCY": "1"}
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_gunicorn_refuses_several_workers_without_redis():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in UNSET}
    env.update(DEPLOY_ENV, DJANGO_SETTINGS_MODULE="portal.settings.production")
    del env["REDIS_URL"]
    env.update(WEB_CONCURRENCY="3", GUNICORN_BIND="127.0.0.1:0")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "site/portal/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # a gunicorn that did start is stopped with all its workers
    )
    try:
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode != 0
    assert "REDIS_URL" in output


def test_every_variable_is_documented():
    example = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    # test.py reads only what pytest-xdist sets (PYTEST_XDIST_WORKER), nothing to configure.
    settings_text = "".join(
        path.read_text()
        for path in (ROOT / "site/portal/settings").glob("*.py")
        if path.name != "test.py"
    )
    import re

    used = set(re.findall(r"environ\.get\(\s*\"([A-Z_]+)\"", settings_text))
    used |= set(re.findall(r"env_(?:bool|list)\(\s*\"([A-Z_]+)\"", settings_text))
    assert used, "no environment variables found in settings"
    for name in sorted(used):
        assert f"{name}=" in example, f"{name} missing from .env.example"
        assert f"`{name}`" in readme, f"{name} missing from README.md"


def test_vietnamese_is_the_default_language(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ is True
    assert [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES] == ["vi", "en"]
    assert "wagtail_localize" in settings.INSTALLED_APPS


SHOW_RESPONSE_CACHE = "from django.conf import settings; print(settings.RESPONSE_CACHE_SECONDS)"


def test_production_keeps_whole_answers_as_long_as_nginx_may_unless_told_otherwise():
    kept = run_manage("shell", "-c", SHOW_RESPONSE_CACHE, env=DEPLOY_ENV)
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout.split()[-1] == "3600"
    off = run_manage(
        "shell", "-c", SHOW_RESPONSE_CACHE, env={**DEPLOY_ENV, "RESPONSE_CACHE_SECONDS": "0"}
    )
    assert off.stdout.split()[-1] == "0"
    development = run_manage(
        "shell", "-c", SHOW_RESPONSE_CACHE, env={"DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    )
    assert development.stdout.split()[-1] == "0"
