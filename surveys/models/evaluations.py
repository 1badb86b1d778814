"""Invitations to evaluate an event: each participant's personal link to the evaluation survey.

The link is `/evaluations/<token>/` with token = `<key>-<signature>`: `key` is random (from
`secrets`) and stored here, unique and indexed; `signature` is an HMAC of the key under the
site's secret key and is stored nowhere (surveys/evaluations/links.py). Whoever reads the
database therefore cannot build a working link, and a link cannot be guessed.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from surveys.models.surveys import Survey


class EvaluationInvitation(models.Model):
    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.PROTECT, related_name="invitations"
    )
    registration = models.ForeignKey(
        "workshops.Registration",
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    key = models.CharField(_("link key"), max_length=32, unique=True, editable=False)
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        help_text=_("Empty: sent automatically after the event."),
    )

    class Meta:
        ordering = ["survey", "invited_at", "pk"]
        verbose_name = _("evaluation invitation")
        verbose_name_plural = _("evaluation invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "registration"],
                name="evaluation_invitation_once_per_participant",
                violation_error_message=_("This participant is already invited."),
            ),
        ]

    def __str__(self):
        return f"{self.survey} · {self.registration}"
