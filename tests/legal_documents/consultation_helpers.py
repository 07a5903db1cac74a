"""Helpers of the consultation tests: a draft with a comment window, the editorial roles,
comments, a page template holding the consultation section, a recording purge backend."""

from datetime import timedelta

from django.template import engines
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends import BaseBackend

from legal_documents.models import CommentStatus, ConsultationComment

# The document page as the document page's template holds the section (its own template
# may not be there yet: the section is tested on its own).
PAGE_TEMPLATE = (
    '{% extends "base.html" %}{% block content %}<h1>{{ page.title }}</h1>'
    '{% if page.is_draft %}{% include "legal_documents/includes/consultation.html" %}{% endif %}'
    "{% endblock %}"
)


def page_template(self, request, *args, **kwargs):
    return engines["django"].from_string(PAGE_TEMPLATE)


def make_draft(factory, opens_in=-1, closes_in=7, **fields):
    """A published draft whose window opens and closes so many days from now."""
    now = timezone.now()
    fields.setdefault("title", "Dự thảo Quyết định ban hành quy chế quản lý")
    return factory(
        is_draft=True,
        number="",
        issue_date=None,
        comments_open_at=now + timedelta(days=opens_in),
        comments_close_at=now + timedelta(days=closes_in),
        **fields,
    )


def make_comment(document, status=CommentStatus.PENDING, **fields):
    defaults = {
        "name": "Trần Thị Bình",
        "organisation": "Trường THPT Lê Quý Đôn",
        "email": "binh.tran@example.vn",
        "article": "Điều 5, khoản 2",
        "body": "Đề nghị làm rõ thời hạn nộp hồ sơ.",
        "consented_at": timezone.now(),
        "status": status,
    }
    defaults.update(fields)
    return ConsultationComment.objects.create(document=document, **defaults)


def form_data(**fields):
    data = {
        "name": "Nguyễn Văn Cường",
        "organisation": "Hội Khuyến học quận Lê Chân",
        "email": "cuong.nguyen@example.vn",
        "article": "Điều 3",
        "body": "Đề nghị bổ sung quy định về học bổng cho học sinh khó khăn.",
        "consent": "on",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


class RecordingBackend(BaseBackend):
    """A purge backend that remembers the URLs it was asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)
