"""Idempotency keys of the API: the first response to a (caller, key) is kept and replayed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IdempotencyKey(models.Model):
    """One `Idempotency-Key` a caller sent with a POST, and the response it got.

    `caller` names who sent it (an account, or an anonymous client's address), so that one
    caller's keys never replay another's responses. `fingerprint` is a hash of the request
    (method, path, body, caller): the same key with another request is refused.
    """

    caller = models.CharField(_("caller"), max_length=100)
    key = models.CharField(_("key"), max_length=255)
    fingerprint = models.CharField(_("request fingerprint"), max_length=64)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True)
    response_body = models.JSONField(_("response body"), null=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [
            models.UniqueConstraint(
                fields=["caller", "key"],
                name="idempotency_key_once_per_caller",
            )
        ]

    def __str__(self):
        return f"{self.caller}: {self.key}"
