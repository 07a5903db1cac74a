"""`make run` hands its commands the address it serves as the public origin (issue 16, item 5):
the notification e-mails and everything built outside a request name it, not port 8000."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def origins_seen_by_make_run(**variables):
    """The WAGTAILADMIN_BASE_URL each command of `make run` gets (a stub prints it)."""
    env = {k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"}
    stub = "printenv WAGTAILADMIN_BASE_URL; true"
    arguments = [f"{name}={value}" for name, value in variables.items()]
    result = subprocess.run(
        ["make", "-s", "--no-print-directory", "-o", ".venv/.installed", "run", f"PY={stub}"]
        + arguments,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_make_run_serves_and_announces_the_same_address():
    assert origins_seen_by_make_run(HOST="127.0.0.1", PORT="8765") == {"http://127.0.0.1:8765"}


def test_an_explicit_origin_wins():
    seen = origins_seen_by_make_run(PORT="8765", WAGTAILADMIN_BASE_URL="https://portal.example")
    assert seen == {"https://portal.example"}
