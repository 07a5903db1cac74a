""".ci/install-browser-deps asks apt only for what is missing: on our machines npm comes with
Node.js from another source, and `apt-get install npm` beside it fails (issue 16, item 0)."""

import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "install-browser-deps"


def run_with(tmp_path, present):
    """Run the script with a PATH holding only stub commands: `present` and a recording apt-get."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "apt-calls"
    (bin_dir / "apt-get").write_text(f'#!/bin/sh\necho "$@" >> {calls}\n')
    for name in present:
        (bin_dir / name).write_text("#!/bin/sh\n")
    for stub in bin_dir.iterdir():
        stub.chmod(0o755)
    for tool in ("bash", "echo"):
        if found := shutil.which(tool):
            (bin_dir / tool).symlink_to(found)
    result = subprocess.run(
        [str(bin_dir / "bash"), str(SCRIPT)],
        env={"PATH": str(bin_dir)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    return calls.read_text().splitlines() if calls.exists() else []


@pytest.mark.parametrize(
    ("present", "expected"),
    [
        (["npm"], ["chromium"]),
        (["chromium"], ["npm"]),
        ([], ["chromium", "npm"]),
        (["chromium", "npm"], []),
    ],
)
def test_only_missing_packages_are_asked_of_apt(tmp_path, present, expected):
    calls = run_with(tmp_path, present)
    requested = [word for call in calls if call.startswith("install") for word in call.split()]
    assert [name for name in requested if name in ("chromium", "npm")] == expected
    if not expected:
        assert calls == []
