from .consultation import CommentStatus, ConsultationComment
from .documents import LegalDocumentAttachment, LegalDocumentPage, LegalDocumentRelation
from .extracted import AttachmentText, ExtractionOutcome
from .index import LegalDocumentIndexPage
from .taxonomy import DocumentType, SubjectArea

__all__ = [
    "AttachmentText",
    "CommentStatus",
    "ConsultationComment",
    "DocumentType",
    "ExtractionOutcome",
    "LegalDocumentAttachment",
    "LegalDocumentIndexPage",
    "LegalDocumentPage",
    "LegalDocumentRelation",
    "SubjectArea",
]
