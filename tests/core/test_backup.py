"""`manage.py backup` and `restore` round-trip the demo content on the database in use
(SQLite in the first CI pass, PostgreSQL in the second): pages, revisions, snippets, images,
documents and every media file come back as they were."""

import hashlib
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Revision

from blocs.models import BlocYear
from snippets.models import Agency, Award, Banner, Person

MODELS = [Page, Revision, Agency, Person, Award, Banner, BlocYear]

needs_pg_dump = pytest.mark.skipif(
    connection.vendor == "postgresql" and shutil.which("pg_dump") is None,
    reason="PostgreSQL backups need pg_dump and pg_restore (apt-get install postgresql-client)",
)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def media_files(root):
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(root).rglob("*"))
        if path.is_file()
    }


def snapshot(root):
    rows = {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in [*MODELS, get_image_model(), get_document_model()]
    }
    return rows, media_files(root)


def wipe(root):
    """The disaster: every table emptied, the media folder gone."""
    call_command("flush", interactive=False)
    shutil.rmtree(root)


@needs_pg_dump
@pytest.mark.django_db(transaction=True)
def test_backup_wipe_restore_gives_back_the_demo_content(media_root, tmp_path):
    from demo.content import DemoContent

    # An earlier transactional test may have emptied the database, root nodes included.
    Locale.objects.get_or_create(language_code="vi")
    Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    DemoContent().load()
    before = snapshot(media_root)
    assert before[0]["Page"] and before[0]["Agency"] and before[0]["Banner"]
    assert before[1], "the demo content has media files"

    call_command("backup", output=str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    expected = {"backup.json", "media.tar.gz", "database.dump", "database.sqlite3"}
    assert {path.name for path in folder.iterdir()} < expected

    wipe(media_root)
    assert snapshot(media_root) != before

    call_command("restore", str(folder), interactive=False)
    assert snapshot(media_root) == before
    home = Page.objects.get(depth=2, locale__language_code="vi")
    assert home.specific.live


@pytest.mark.django_db
def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(tmp_path), interactive=False)


@pytest.mark.django_db
def test_restore_refuses_a_backup_of_the_other_database(tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    (tmp_path / "backup.json").write_text(
        f'{{"created": "now", "database": "{other}", "dump": "x", "media": "media.tar.gz"}}'
    )
    with pytest.raises(CommandError, match=f"holds a {other} database"):
        call_command("restore", str(tmp_path), interactive=False)
