"""Backups of the database and the media files (`make backup`, `make restore`).

A backup is a folder `backups/<timestamp>/` holding:
- `database.dump`: PostgreSQL's custom format (`pg_dump -Fc`), restored with `pg_restore`;
  or `database.sqlite3`: a copy made with SQLite's online backup API, consistent even while
  the site writes;
- `media.tar.gz`: every uploaded file (images, their renditions, documents);
- `backup.json`: what the folder holds, read by the restore.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone

MANIFEST = "backup.json"
MEDIA_ARCHIVE = "media.tar.gz"
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


def database_vendor(alias="default"):
    vendor = connections[alias].vendor
    if vendor not in DUMPS:
        raise CommandError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def postgresql_command(program, alias="default"):
    """`program` (pg_dump, pg_restore) with the connection's settings, and its environment."""
    if shutil.which(program) is None:
        raise CommandError(
            f"{program} is not installed: install PostgreSQL's client tools "
            "(apt-get install postgresql-client) to back up or restore PostgreSQL."
        )
    database = connections[alias].settings_dict
    command = [program, "--no-owner", "--no-privileges"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            command.append(f"{option}={database[key]}")
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    return command, env, database["NAME"]


def raw_sqlite_connection(alias="default"):
    connection = connections[alias]
    connection.ensure_connection()
    return connection.connection


def backup(output_root, alias="default"):
    """Write a new backup folder under `output_root` and return its path."""
    vendor = database_vendor(alias)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    folder = Path(output_root) / stamp
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = Path(output_root) / f"{stamp}-{suffix}"
    folder.mkdir(parents=True)
    dump = folder / DUMPS[vendor]
    if vendor == "postgresql":
        command, env, name = postgresql_command("pg_dump", alias)
        subprocess.run([*command, "--format=custom", f"--file={dump}", name], env=env, check=True)
    else:
        target = sqlite3.connect(dump)
        try:
            raw_sqlite_connection(alias).backup(target)
        finally:
            target.close()
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
        if media_root.is_dir():
            archive.add(media_root, arcname=".")
    (folder / MANIFEST).write_text(
        json.dumps(
            {
                "created": datetime.now().astimezone().isoformat(),
                "database": vendor,
                "dump": dump.name,
                "media": MEDIA_ARCHIVE,
            },
            indent=2,
        )
    )
    return folder


def read_manifest(folder):
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise CommandError(f"{folder} is not a backup: it has no {MANIFEST}.")
    return json.loads(path.read_text())


def restore(folder, alias="default"):
    """Replace the database and the media files with the backup's."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    vendor = database_vendor(alias)
    if manifest["database"] != vendor:
        raise CommandError(
            f"This backup holds a {manifest['database']} database; the site uses {vendor}."
        )
    dump = folder / manifest["dump"]
    if vendor == "postgresql":
        command, env, name = postgresql_command("pg_restore", alias)
        connections[alias].close()
        subprocess.run(
            [*command, "--clean", "--if-exists", "--single-transaction", f"--dbname={name}", dump],
            env=env,
            check=True,
        )
    else:
        source = sqlite3.connect(dump)
        try:
            source.backup(raw_sqlite_connection(alias))
        finally:
            source.close()
    restore_media(folder / manifest["media"])


def restore_media(archive_path):
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    for child in media_root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    with tarfile.open(archive_path, "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        archive.extractall(media_root, filter="data")
