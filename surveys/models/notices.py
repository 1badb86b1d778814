"""A contributor told the state's focal point that the shared draft is ready for review."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from surveys.models.responses import Response


class ReviewNotice(models.Model):
    """One "the draft is ready for your review" email to the focal point(s): who sent it, when,
    about which version of the draft, and to whom (the record is the audit trail and what the
    rate limit counts; surveys.services.review_notices)."""

    response = models.ForeignKey(
        Response,
        verbose_name=_("response"),
        on_delete=models.CASCADE,
        related_name="review_notices",
    )
    version = models.PositiveIntegerField(_("draft version"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    recipients = models.JSONField(_("recipients"), default=list)
    note = models.TextField(_("note to the focal point"), blank=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("review notice")
        verbose_name_plural = _("review notices")

    def __str__(self):
        return f"{self.response} · {self.sent_at:%Y-%m-%d %H:%M}"
