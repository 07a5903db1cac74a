"""Backups of the database and the media files (`make backup`, `make restore`).

A backup is a folder `backups/<timestamp>/` holding:
- `database.dump`: PostgreSQL's custom format (`pg_dump -Fc`), restored with `pg_restore`;
  or `database.sqlite3`: a copy made with SQLite's online backup API, consistent even while
  the site writes;
- `media.tar.gz`: every uploaded file (images, their renditions, documents), from the
  local media folder or the object store's bucket (`core.backups.backup_media`);
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

from django.core.files import File
from django.core.files.storage import default_storage
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
    backup_media(folder / MEDIA_ARCHIVE)
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


def stored_files(storage, folder=""):
    """The names of every file in `storage` (local media or the bucket) under `folder`."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # no local media folder yet
        return
    for name in sorted(files):
        yield f"{folder}{name}"
    for child in sorted(folders):
        yield from stored_files(storage, f"{folder}{child}/")


def backup_media(archive_path):
    """Every uploaded file, read through Django's storage: the same for local files and for
    an object store's bucket."""
    with tarfile.open(archive_path, "w:gz") as archive:
        for name in stored_files(default_storage):
            with default_storage.open(name, "rb") as source:
                member = tarfile.TarInfo(name)
                member.size = default_storage.size(name)
                archive.addfile(member, source)


def restore_media(archive_path):
    """Replace every uploaded file with the archive's, through Django's storage."""
    for name in list(stored_files(default_storage)):
        default_storage.delete(name)
    with tarfile.open(archive_path, "r:gz") as archive:
        for member in archive:
            if not member.isfile():
                continue
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            member = tarfile.data_filter(member, "/media")
            name = os.path.normpath(member.name)
            with archive.extractfile(member) as source:
                default_storage.save(name, File(source))
