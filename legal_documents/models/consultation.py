"""Public comments on a draft document (góp ý dự thảo), moderated before they show.

A comment holds personal data (Decree 13/2023/NĐ-CP): the commenter's name, organisation
and e-mail. The e-mail is never shown or served; the name and organisation are shown with
the comment only when the commenter agreed to it (`show_identity`). Deleting a comment in
the admin deletes all of it.
"""

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.purging import purge_on_commit


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ConsultationCommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CommentStatus.APPROVED)

    def received(self):
        """The comments counted as received: all but those rejected (spam, abuse)."""
        return self.exclude(status=CommentStatus.REJECTED)

    def of_consultation(self, page):
        """The comments on `page` and on its translations: one consultation."""
        return self.filter(document__translation_key=page.translation_key)


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
        # No personal data: the admin's history keeps this label after a deletion.
        return str(_("Comment no. %(number)s") % {"number": self.pk})

    def excerpt(self):
        return self.body if len(self.body) <= 120 else f"{self.body[:119]}…"

    excerpt.short_description = _("comment")

    def moderate(self, status, user):
        """Approve or reject the comment, recording who did it and when."""
        self.status = status
        self.moderated_at = timezone.now()
        self.moderated_by = user
        self.save(update_fields=["status", "moderated_at", "moderated_by"])


class Window(models.TextChoices):
    """Where a draft's comment window stands."""

    NONE = "none", _("No consultation")
    UPCOMING = "upcoming", _("Not open yet")
    OPEN = "open", _("Open for comments")
    CLOSED = "closed", _("Closed for comments")


def window_state(page, now=None):
    """The state of the page's window [comments_open_at, comments_close_at)."""
    opens, closes = page.comments_open_at, page.comments_close_at
    if not page.is_draft or opens is None or closes is None:
        return Window.NONE
    now = now or timezone.now()
    if now < opens:
        return Window.UPCOMING
    return Window.OPEN if now < closes else Window.CLOSED


def window_changes_within(page, seconds, now=None):
    """Whether the window opens or closes in the next `seconds`: a copy of the page kept
    that long by a cache in front would show it in the wrong state."""
    state = window_state(page, now)
    now = now or timezone.now()
    if state == Window.UPCOMING:
        change = page.comments_open_at
    elif state == Window.OPEN:
        change = page.comments_close_at
    else:
        return False
    return (change - now).total_seconds() <= seconds


class Consultation:
    """What a draft's page shows of its consultation, in two queries whatever the number of
    comments: the window, the count received, the approved comments."""

    def __init__(self, page, now=None, request=None):
        self.page = page
        self.request = request
        self.state = window_state(page, now)
        self.opens = page.comments_open_at
        self.closes = page.comments_close_at

    @property
    def state_label(self):
        return Window(self.state).label

    @property
    def is_open(self):
        return self.state == Window.OPEN

    @property
    def is_upcoming(self):
        return self.state == Window.UPCOMING

    def form_url(self):
        """The address of the comment form (`<draft's URL>gop-y/`)."""
        return self.page.get_url(request=self.request) + self.page.reverse_subpage("consultation")

    @cached_property
    def received(self):
        return ConsultationComment.objects.of_consultation(self.page).received().count()

    @cached_property
    def approved(self):
        """The approved comments, oldest first, with only what may be shown (never the
        e-mail; the name and organisation are blanked unless the commenter agreed)."""
        comments = list(
            ConsultationComment.objects.of_consultation(self.page)
            .approved()
            .only("name", "organisation", "article", "body", "show_identity", "created_at")
            .order_by("created_at", "pk")
        )
        for comment in comments:
            if not comment.show_identity:
                comment.name = comment.organisation = ""
        return comments


@receiver(post_save, sender=ConsultationComment, dispatch_uid="legal_comment_saved")
@receiver(post_delete, sender=ConsultationComment, dispatch_uid="legal_comment_deleted")
def purge_consultation_page(sender, instance, **kwargs):
    """A comment received, moderated or deleted changes what the draft's page shows (the
    count, the approved comments): purge it, its translations and their API details."""
    document_id = instance.document_id

    def fill(batch):
        page = Page.objects.filter(pk=document_id).first()
        if page is None:
            return
        for version in [page, *page.get_translations()]:
            batch.add_page_and_api(version.specific_deferred)

    purge_on_commit(fill)
