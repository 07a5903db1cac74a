"""The text of attached files, read when a Wagtail document gets a new file, for search.

Whenever a document is saved with a file not yet read (admin upload, the chooser's upload,
an edit that replaces the file, a loader), its text is read once the database transaction
commits: in the same request, after the document is safely stored, bounded by
`ATTACHMENT_EXTRACTION["TIMEOUT"]` seconds. A file that cannot be read never fails the
upload: it is recorded as "refused". The reading happens in a separate process
(extraction_worker.py) with its own memory and CPU limits, given the file on stdin and
killed at the timeout: a PDF or zip bomb, or a file that makes a library loop, costs that
process only. The live pages that attach the document are then indexed again, so a file
uploaded or replaced after the page was published is found by its words.

The text is stored as read; search folds it (core.indexing). A loader that makes many
documents whose text it knows can store their AttachmentText (with the file's name) in the
same transaction: a file already read is not read again.
"""

import json
import logging
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.search import index

from .models import AttachmentText, ExtractionOutcome, LegalDocumentAttachment, LegalDocumentPage

logger = logging.getLogger(__name__)

WORKER = Path(__file__).with_name("extraction_worker.py")
# Extensions read, and the worker's reader for each; other files are "unsupported".
KINDS = {"pdf": "pdf", "docx": "docx", "xlsx": "xlsx"}
DEFAULT_LIMITS = {
    "TIMEOUT": 20,  # wall-clock seconds before the worker is killed
    "CPU_SECONDS": 15,
    "MEMORY_MB": 512,  # the worker's address space
    "MAX_PAGES": 1000,  # PDF pages read
    "MAX_CHARS": 2_000_000,  # characters kept
    "MAX_STREAM_BYTES": 50 * 1024 * 1024,  # one PDF stream once inflated
    "MAX_INFLATED_BYTES": 200 * 1024 * 1024,  # a DOCX or XLSX once unzipped
    "MAX_COMPRESSION_RATIO": 100,  # of one zip entry over 1 MB
}


def limits():
    return {**DEFAULT_LIMITS, **getattr(settings, "ATTACHMENT_EXTRACTION", {})}


def file_kind(name):
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return KINDS.get(extension)


@contextmanager
def readable_file(field_file):
    """The stored file as an OS-level file the worker can read as its stdin."""
    with field_file.open("rb") as opened:
        raw = getattr(opened, "file", opened)
        try:
            raw.fileno()
        except (AttributeError, OSError, ValueError):
            with tempfile.TemporaryFile() as copy:
                shutil.copyfileobj(opened, copy)
                copy.seek(0)
                yield copy
            return
        raw.seek(0)
        yield raw


def read_text(field_file, kind):
    """(outcome, text) of the file, read by the worker within the limits."""
    config = limits()
    request = json.dumps({"kind": kind, "limits": config})
    try:
        with readable_file(field_file) as stdin:
            completed = subprocess.run(  # noqa: S603 - our own script, no shell
                [sys.executable, "-I", str(WORKER), request],
                stdin=stdin,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                timeout=config["TIMEOUT"],
                env={},
                check=False,
            )
    except subprocess.TimeoutExpired:
        logger.warning("Reading %s took over %s s: refused", field_file.name, config["TIMEOUT"])
        return ExtractionOutcome.REFUSED, ""
    except OSError:
        logger.exception("Could not read %s", field_file.name)
        return ExtractionOutcome.REFUSED, ""
    try:
        answer = json.loads(completed.stdout)
    except ValueError:
        logger.warning("Reading %s failed (exit %s)", field_file.name, completed.returncode)
        return ExtractionOutcome.REFUSED, ""
    if answer["outcome"] == ExtractionOutcome.REFUSED:
        logger.warning("Reading %s refused: %s", field_file.name, answer["reason"])
    return ExtractionOutcome(answer["outcome"]), answer["text"]


def extract_attachment_text(document):
    """Read the document's file, store its text and index again the pages that attach it."""
    kind = file_kind(document.file.name)
    if kind is None:
        outcome, text = ExtractionOutcome.UNSUPPORTED, ""
    else:
        outcome, text = read_text(document.file, kind)
    stored, _ = AttachmentText.objects.update_or_create(
        document=document,
        defaults={"file_name": document.file.name, "outcome": outcome, "text": text},
    )
    reindex_pages_using(document)
    return stored


def reindex_pages_using(document):
    page_ids = LegalDocumentAttachment.objects.filter(document=document).values("page_id")
    for page in LegalDocumentPage.objects.live().filter(pk__in=page_ids):
        index.insert_or_update_object(page)


def is_read(document):
    return AttachmentText.objects.filter(
        document_id=document.pk, file_name=document.file.name
    ).exists()


def extract_after_commit(document_id, file_name):
    document = get_document_model().objects.filter(pk=document_id).first()
    # Gone, or saved again with another file since: that save scheduled its own reading.
    if document is None or document.file.name != file_name or is_read(document):
        return
    extract_attachment_text(document)


def document_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file or is_read(instance):
        return
    transaction.on_commit(
        partial(extract_after_commit, instance.pk, instance.file.name), robust=True
    )


def connect():
    post_save.connect(
        document_saved, sender=get_document_model(), dispatch_uid="legal_documents.extraction"
    )
