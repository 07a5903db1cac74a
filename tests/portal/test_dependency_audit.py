"""`make audit` (.ci/audit.py) reads pip-audit's report: advisories fail, an unreachable
advisory database is a clearly reported skip, never a pass in disguise."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

AUDIT = Path(__file__).resolve().parents[2] / ".ci" / "audit.py"
FAKE_PIP_AUDIT = """
import os, sys
output = sys.argv[sys.argv.index("--output") + 1]
open(output, "w").write(os.environ["FAKE_REPORT"])
sys.exit(int(os.environ["FAKE_STATUS"]))
"""
PINNED = {"name": "django", "version": "5.2.8", "vulns": []}
UNREACHABLE = {"name": "django", "skip_reason": "Dependency not found on PyPI"}
VULNERABLE = {
    "name": "pillow",
    "version": "11.0.0",
    "vulns": [{"id": "PYSEC-2025-1", "fix_versions": ["11.3.0"], "aliases": []}],
}


def run_audit(tmp_path, dependencies, status=0):
    package = tmp_path / "pip_audit"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("")
    (package / "__main__.py").write_text(FAKE_PIP_AUDIT)
    report = "" if dependencies is None else json.dumps({"dependencies": dependencies})
    return subprocess.run(
        [sys.executable, str(AUDIT)],
        env={"PYTHONPATH": str(tmp_path), "FAKE_REPORT": report, "FAKE_STATUS": str(status)},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("dependencies", [None, [UNREACHABLE, UNREACHABLE]])
def test_unreachable_database_is_a_reported_skip(tmp_path, dependencies):
    result = run_audit(tmp_path, dependencies, status=1)
    assert result.returncode == 0
    assert "Dependency audit: SKIPPED, advisory database unreachable" in result.stdout


def test_known_advisory_fails_and_names_the_fix(tmp_path):
    result = run_audit(tmp_path, [PINNED, VULNERABLE], status=1)
    assert result.returncode == 1
    assert "pillow 11.0.0: PYSEC-2025-1 (fixed in 11.3.0)" in result.stdout


def test_clean_lock_passes(tmp_path):
    result = run_audit(tmp_path, [PINNED, PINNED, UNREACHABLE])
    assert result.returncode == 0
    assert "2 packages checked, 0 with known advisories, 1 not found" in result.stdout
