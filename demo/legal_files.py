"""The demo documents' files, made here: a PDF laid out like a Vietnamese administrative
document (Decree 30/2020/NĐ-CP: the agency and the national motto side by side, the number,
place and date, the title, the articles, the signature block) drawn with fpdf2 and the DejaVu
font shipped in demo/fonts, and a DOCX of the same text with python-docx. Nothing is
downloaded; the same text gives the same file, so loading twice changes nothing.
"""

import io
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils.html import escape
from docx import Document as DocxDocument
from fpdf import FPDF
from wagtail.documents import get_document_model
from wagtail.models import Collection

from editorial.uploads import check_document_file
from legal_documents.models import AttachmentText, ExtractionOutcome

FONTS = Path(__file__).resolve().parent / "fonts"
# fpdf2 subsets the font with fontTools, which logs every glyph it keeps at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)
COLLECTION_NAME = "Văn bản"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


# What each kind of document says, in the order it says it; {abstract}, {issuer} and
# {effective} are the document's.
OUTLINES = {
    "quyet-dinh": [
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
        "Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo;",
        "Theo đề nghị của Chánh Văn phòng.",
        "QUYẾT ĐỊNH:",
        "Điều 1. {abstract}",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày {effective}.",
        "Điều 3. Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị và các tổ chức, cá nhân có "
        "liên quan chịu trách nhiệm thi hành Quyết định này.",
    ],
    "chi-thi": [
        "{abstract}",
        "1. Các cơ quan, đơn vị quán triệt, triển khai nghiêm túc nội dung Chỉ thị này.",
        "2. Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước {issuer} về kết quả thực hiện.",
        "Chỉ thị này có hiệu lực kể từ ngày {effective}.",
    ],
    "cong-van": [
        "Kính gửi: Các cơ quan, đơn vị trên địa bàn thành phố.",
        "{abstract}",
        "Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.",
    ],
}
DEFAULT_OUTLINE = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "{abstract}",
    "II. NỘI DUNG",
    "1. Phân công nhiệm vụ cụ thể cho từng cơ quan, đơn vị; bảo đảm tiến độ và chất lượng.",
    "2. Định kỳ báo cáo kết quả thực hiện về {issuer} trước ngày 15 tháng 12 hằng năm.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Văn bản này được áp dụng kể từ ngày {effective}./.",
]


def vietnamese_date(day):
    """`day` as documents write it: days below 10 and the months 1 and 2 with a zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def paragraphs(type_slug, abstract, issuer, effective):
    outline = OUTLINES.get(type_slug, DEFAULT_OUTLINE)
    values = {"abstract": abstract, "issuer": issuer, "effective": vietnamese_date(effective)}
    return [line.format(**values) for line in outline]


def full_text_html(lines):
    """The paragraphs as rich text, each article's heading ("Điều 1.") in bold."""
    html = []
    for line in lines:
        head, dot, rest = line.partition(". ")
        if line.startswith("Điều ") and dot:
            html.append(f"<p><b>{escape(head)}.</b> {escape(rest)}</p>")
        else:
            html.append(f"<p>{escape(line)}</p>")
    return "".join(html)


@dataclass(frozen=True)
class Sheet:
    """What a document's file shows: its header, title, paragraphs and signature (the
    lists as tuples: a sheet is the key of the drawn files' cache)."""

    agency_lines: tuple
    number: str
    place_date: str
    type_name: str
    title: str
    paragraphs: tuple
    signature: tuple

    @classmethod
    def of(cls, agency_lines, number, place_date, type_name, title, paragraphs, signature):
        return cls(
            tuple(agency_lines),
            number,
            place_date,
            type_name,
            title,
            tuple(paragraphs),
            tuple(signature),
        )


# Cached like demo.ensure.draw_image: the test suite loads the demo many times in one process.
@lru_cache(maxsize=64)
def pdf_bytes(sheet):
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 15, 15)
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_title(f"{sheet.type_name} {sheet.number}".strip())
    pdf.add_page()
    top = pdf.get_y()
    pdf.set_font("DejaVu", "B", 10)
    for line in sheet.agency_lines:
        pdf.cell(70, 5, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(70, 6, f"Số: {sheet.number}" if sheet.number else "DỰ THẢO", align="C")
    pdf.set_xy(90, top)
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(105, 5, MOTTO[0], align="C", new_x="LEFT", new_y="NEXT")
    pdf.cell(105, 5, MOTTO[1], align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(105, 6, sheet.place_date, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("DejaVu", "B", 13)
    pdf.cell(0, 7, sheet.type_name.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(0, 6, sheet.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.set_font("DejaVu", "", 11)
    for paragraph in sheet.paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.ln(6)
    pdf.set_font("DejaVu", "B", 11)
    for line in sheet.signature:
        pdf.set_x(110)
        pdf.cell(85, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@lru_cache(maxsize=8)
def docx_bytes(sheet):
    document = DocxDocument()
    document.core_properties.title = f"{sheet.type_name} {sheet.number}".strip()
    for line in [*sheet.agency_lines, f"Số: {sheet.number}", *MOTTO, sheet.place_date]:
        document.add_paragraph(line)
    document.add_heading(sheet.type_name.upper(), level=1)
    document.add_paragraph(sheet.title)
    for paragraph in sheet.paragraphs:
        document.add_paragraph(paragraph)
    for line in sheet.signature:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def legal_collection():
    """The collection the documents' files are kept in, made under the root once."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def sheet_text(sheet):
    """The words of a sheet's file, in reading order."""
    number = [f"Số: {sheet.number}"] if sheet.number else []
    return "\n".join(
        [
            *sheet.agency_lines,
            *number,
            *MOTTO,
            sheet.place_date,
            sheet.type_name.upper(),
            sheet.title,
            *sheet.paragraphs,
            *(line for line in sheet.signature if line),
        ]
    )


def ensure_legal_file(title, filename, make_bytes, text):
    """The Wagtail document `title`, made from `make_bytes()` unless it already exists.

    Its `text` is stored as the file's extracted text in the same transaction: the
    extraction on upload (legal_documents.extraction) then has nothing left to read."""
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is None:
        document = document_model(title=title, collection=legal_collection())
        document.file = ContentFile(make_bytes(), name=filename)
        check_document_file(document.file)
        document.save()
        AttachmentText.objects.update_or_create(
            document=document,
            defaults={
                "file_name": document.file.name,
                "outcome": ExtractionOutcome.EXTRACTED,
                "text": text,
            },
        )
    return document
