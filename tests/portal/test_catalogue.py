"""Every string in our own code has a Vietnamese translation.

`makemessages` runs on a copy of the project, so a string added to Python or a template
without a translation in locale/vi fails here, even if nobody re-ran makemessages.
"""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
# The project: every app of the import contract (pyproject.toml), the configuration and the
# catalogues.
APPS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
SOURCES = ["manage.py", "site", "locale", *(app for app in APPS if app != "portal")]


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed"
)
def test_every_string_of_ours_is_translated_into_vietnamese(tmp_path):
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "vi", "--no-location", "--no-obsolete"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    catalogue = polib.pofile(str(tmp_path / "locale/vi/LC_MESSAGES/django.po"))
    missing = [entry.msgid for entry in catalogue if not entry.translated() or entry.fuzzy]
    assert missing == [], f"{len(missing)} string(s) without Vietnamese: {missing[:10]}"
