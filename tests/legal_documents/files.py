"""Real files made in the tests: PDFs with and without text, DOCX, XLSX, bombs, damaged files."""

import io
import zipfile
import zlib
from pathlib import Path

import docx
import openpyxl
from fpdf import FPDF
from PIL import Image

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def text_pdf(*pages, font=None):
    """A PDF with one page per text: Helvetica (ASCII) or, given `font`, a TrueType font."""
    pdf = FPDF()
    if font:
        pdf.add_font("body", fname=str(font))
    for text in pages:
        pdf.add_page()
        pdf.set_font("body" if font else "Helvetica", size=12)
        pdf.multi_cell(w=0, text=text)
    return bytes(pdf.output())


def image_pdf():
    """A scanned page: an image and no text layer."""
    buffer = io.BytesIO()
    Image.new("RGB", (120, 160), (240, 240, 235)).save(buffer, "PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(buffer, x=10, y=10, w=180)
    return bytes(pdf.output())


def raw_pdf(content, stream_filter=b"/Filter/FlateDecode"):
    """A one-page PDF whose content stream is `content` as given (compressed or not)."""
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>",
        b"<</Length %d%s>>stream\n" % (len(content), stream_filter) + content + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def deflated_zeros(size):
    """`size` bytes of spaces, deflated chunk by chunk (a few KB per MB)."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    parts = [compressor.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join([*parts, compressor.flush()])


def pdf_bomb(inflated_mb):
    """A page whose FlateDecode content stream inflates to `inflated_mb` MB."""
    return raw_pdf(deflated_zeros(inflated_mb * 1024 * 1024))


def word_file(paragraphs=(), table=()):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb(base, inflated_mb, name="word/media/image1.bin"):
    """`base` (a DOCX or XLSX) with an extra entry inflating to `inflated_mb` MB."""
    buffer = io.BytesIO(base)
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(name, b"\0" * (inflated_mb * 1024 * 1024))
    return buffer.getvalue()


def spreadsheet(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Danh sach"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
