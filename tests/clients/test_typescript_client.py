"""The TypeScript client (clients/typescript): types generated from this process's OpenAPI
document by openapi-typescript, a consumer type-checked and compiled against them with
`tsc --strict`, then
run with node against the live server. A change of the API that breaks a typed consumer
fails here.

Skipped, saying why, without Node.js and npm (`apt-get install npm`); the packages come
from clients/typescript/package-lock.json (`make clients-deps`, or `npm ci` here).
"""

import json
import re
import shutil
import subprocess

import pytest

from core.openapi.document import openapi_document
from portal.api import api_router

from .conftest import CLIENTS
from .world import World

pytestmark = pytest.mark.django_db(transaction=True)

PACKAGE = CLIENTS / "typescript"
INSTALLED = PACKAGE / "node_modules" / ".package-lock.json"


def run(*command, timeout=180):
    result = subprocess.run(
        command, cwd=PACKAGE, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture
def node_packages():
    if not (shutil.which("node") and shutil.which("npm")):
        pytest.skip("TypeScript client skipped: Node.js and npm are not installed")
    lock = PACKAGE / "package-lock.json"
    if not INSTALLED.is_file() or INSTALLED.stat().st_mtime < lock.stat().st_mtime:
        run("npm", "ci", "--no-audit", "--no-fund", "--silent")
    return PACKAGE / "node_modules" / ".bin"


def test_a_strictly_typed_consumer_reads_the_live_portal(node_packages, portal_url, tmp_path):
    world = World().load()
    withdrawn = world.articles[-1]
    withdrawn.unpublish()
    world.articles.pop()
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(openapi_document(api_router, "en"), ensure_ascii=False))
    run(str(node_packages / "openapi-typescript"), str(document), "-o", "src/schema.d.ts")
    # Type-checks and compiles in one pass: with noEmitOnError (tsconfig.json), a consumer
    # that does not type-check is neither emitted nor run.
    run(str(node_packages / "tsc"), "--strict")

    output = run("node", "dist/consumer.js", portal_url, timeout=60)

    lines = output.splitlines()
    english = world.articles[0].get_translations().get()
    assert f"articles vi: {len(world.articles)}" in lines
    assert "articles en: 2" in lines
    assert f"article en {english.pk}: {english.title}" in lines
    newest = max(world.articles, key=lambda page: page.date)
    assert any(line.startswith(f"detail {newest.pk}: {newest.title} <http") for line in lines)
    assert "legal documents: 2 read in pages of 5" in lines
    assert "work calendar entries: 2" in lines
    assert any("Họp giao ban Sở" in line for line in lines)
    assert f"change delete pages {withdrawn.pk}: unpublished" in lines
    for document in world.documents:
        assert f"change upsert legal-documents {document.pk}: published" in lines
    assert re.fullmatch(r"changes: \d+ upserts, \d+ deletions", lines[-1])
