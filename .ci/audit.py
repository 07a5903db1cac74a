"""Checks requirements.lock against PyPI's advisory database with pip-audit.

Exit 0 when no pinned package has a known advisory, 1 when one has (they are listed), and
0 with "SKIPPED" when the database cannot be reached: pip-audit then reports every package
as "could not be audited", which must not read as a clean result.
Run by `make audit` with the pip-audit of a separate virtual environment.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"


def main():
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip_audit",
                "--requirement",
                str(LOCK),
                "--require-hashes",
                "--disable-pip",
                "--progress-spinner",
                "off",
                "--format",
                "json",
                "--output",
                report.name,
            ],
            capture_output=True,
            text=True,
        )
        text = Path(report.name).read_text()
    if not text:
        reason = (result.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"== Dependency audit: SKIPPED, advisory database unreachable ({reason})")
        return 0
    dependencies = json.loads(text)["dependencies"]
    audited = [dep for dep in dependencies if "skip_reason" not in dep]
    if not audited:
        print(
            f"== Dependency audit: SKIPPED, advisory database unreachable "
            f"(none of the {len(dependencies)} pinned packages could be looked up)"
        )
        return 0
    vulnerable = [dep for dep in audited if dep["vulns"]]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln["fix_versions"]) or "no fixed version"
            print(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})")
    skipped = len(dependencies) - len(audited)
    print(
        f"== Dependency audit: {len(audited)} packages checked, {len(vulnerable)} with "
        f"known advisories, {skipped} not found in the database"
    )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
