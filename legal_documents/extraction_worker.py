"""Reads the text of one attached file, in a process of its own (legal_documents.extraction).

Run as `python -I extraction_worker.py '<request JSON>'` with the file on stdin; it prints
`{"outcome": ..., "text": ..., "reason": ...}`. It imports nothing of the project or Django:
a hostile file can at worst exhaust this process, which sets its own limits first (address
space, CPU time, no files written) and is killed by its parent after a wall-clock timeout.
Zip containers (DOCX, XLSX) are checked before they are opened: entry count, total
uncompressed size and compression ratio as declared, which zipfile then enforces while
inflating. PDF streams are inflated within pypdf's limits, lowered to the request's.
"""

import io
import json
import os
import resource
import sys
import zipfile

# Zip entries smaller than this are not judged by their compression ratio (XML compresses well).
RATIO_FLOOR = 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_SPREADSHEET_ROWS = 200_000


class Refused(Exception):
    """The file is not read: too large once inflated, damaged, encrypted…"""


class Collector:
    """The text read so far, up to `max_chars` characters."""

    def __init__(self, max_chars):
        self.parts = []
        self.left = max_chars

    @property
    def full(self):
        return self.left <= 0

    def add(self, text):
        text = (text or "").strip()
        if text and not self.full:
            self.parts.append(text[: self.left])
            self.left -= len(self.parts[-1]) + 1

    def text(self):
        return "\n".join(self.parts)


def limit_resources(limits):
    memory = limits["MEMORY_MB"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = limits["CPU_SECONDS"]
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def check_zip(stream, limits):
    try:
        infos = zipfile.ZipFile(stream).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise Refused("damaged zip container") from error
    if len(infos) > MAX_ZIP_ENTRIES:
        raise Refused("too many zip entries")
    if sum(info.file_size for info in infos) > limits["MAX_INFLATED_BYTES"]:
        raise Refused("zip too large once inflated")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > limits["MAX_COMPRESSION_RATIO"]:
            raise Refused("zip entry compressed beyond the ratio limit")
    stream.seek(0)


def pdf_text(stream, limits, collector):
    import pypdf
    from pypdf.errors import LimitReachedError

    inflated = limits["MAX_STREAM_BYTES"]
    pypdf.overwrite_configuration(
        zlib_maximum_output_length=inflated,
        lzw_maximum_output_length=inflated,
        run_length_maximum_output_length=inflated,
        brotli_maximum_output_length=inflated,
        array_based_stream_maximum_output_length=inflated,
        stream_decoding_work_maximum_length=inflated,
        jbig2dec_binary=None,
    )
    try:
        reader = pypdf.PdfReader(stream, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Refused("encrypted")
        if not len(reader.pages):
            raise Refused("no pages")
        for number, page in enumerate(reader.pages):
            if number >= limits["MAX_PAGES"] or collector.full:
                break
            # Inflates the content streams within the limits even where extract_text would
            # skip them (a page without resources), so that a bomb is told from a blank page.
            page.get_contents()
            collector.add(page.extract_text())
    except LimitReachedError as error:
        raise Refused(f"pypdf limit: {error}") from error


def docx_text(stream, limits, collector):
    import docx

    check_zip(stream, limits)
    add_blocks(docx.Document(stream).iter_inner_content(), collector)


def add_blocks(blocks, collector):
    """Paragraphs and tables in the order of the document; nested tables included."""
    from docx.table import Table

    for block in blocks:
        if collector.full:
            return
        if isinstance(block, Table):
            for row in block.rows:
                previous = None
                for cell in row.cells:
                    # A merged cell is listed once for each column it spans.
                    text = cell_text(cell)
                    if text != previous:
                        collector.add(text)
                    previous = text
        else:
            collector.add(block.text)


def cell_text(cell):
    inner = Collector(sys.maxsize)
    add_blocks(cell.iter_inner_content(), inner)
    return inner.text()


def xlsx_text(stream, limits, collector):
    import openpyxl

    check_zip(stream, limits)
    workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    rows = 0
    for sheet in workbook.worksheets:
        collector.add(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            rows += 1
            if rows > MAX_SPREADSHEET_ROWS or collector.full:
                return
            collector.add(" ".join(str(value) for value in row if value is not None))


READERS = {"pdf": pdf_text, "docx": docx_text, "xlsx": xlsx_text}


def extract(stream, kind, limits):
    collector = Collector(limits["MAX_CHARS"])
    try:
        READERS[kind](stream, limits, collector)
    except Refused as error:
        return {"outcome": "refused", "text": "", "reason": str(error)}
    except MemoryError:
        return {"outcome": "refused", "text": "", "reason": "memory limit"}
    except RecursionError:
        return {"outcome": "refused", "text": "", "reason": "nested too deeply"}
    except Exception as error:  # noqa: BLE001 - the libraries raise many kinds on a damaged file
        return {"outcome": "refused", "text": "", "reason": f"damaged: {type(error).__name__}"}
    text = collector.text()
    return {"outcome": "extracted" if text else "no_text", "text": text, "reason": ""}


def main():
    request = json.loads(sys.argv[1])
    limit_resources(request["limits"])
    stream = os.fdopen(0, "rb")
    if not stream.seekable():
        stream = io.BytesIO(stream.read())
    answer = extract(stream, request["kind"], request["limits"])
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()
