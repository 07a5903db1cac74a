"""Public comments on a draft document (góp ý dự thảo), moderated before they show.

A comment holds personal data (Decree 13/2023/NĐ-CP): the commenter's name, organisation
and e-mail. The e-mail is never shown or served; the name and organisation are shown with
the comment only when the commenter agreed to it (`show_identity`). Deleting a comment in
the admin deletes all of it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ConsultationCommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CommentStatus.APPROVED)


class ConsultationComment(models.Model):
    document = models.ForeignKey(
        "legal_documents.LegalDocumentPage",
        verbose_name=_("draft document"),
        on_delete=models.CASCADE,
        related_name="consultation_comments",
    )
    name = models.CharField(_("full name"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254)
    article = models.CharField(
        _("article commented on"),
        max_length=120,
        blank=True,
        help_text=_('For example "Điều 5, khoản 2".'),
    )
    body = models.TextField(_("comment"))
    show_identity = models.BooleanField(
        _("show name and organisation with the comment"), default=False
    )
    consented_at = models.DateTimeField(_("consent to processing given at"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ConsultationCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation comment")
        verbose_name_plural = _("consultation comments")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["document", "status", "created_at"], name="legal_comment_listing")
        ]

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"
