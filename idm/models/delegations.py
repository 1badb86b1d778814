"""Invitations that bring delegates into their member state's delegation."""

import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from idm.models.states import MemberState
from idm.models.users import User


def hash_secret(secret):
    """What is stored of an invitation link's secret: its SHA-256, never the secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        """Open and not yet expired: the link still works."""
        return self.filter(status=Invitation.Status.PENDING, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An emailed, single-use, expiring link with which a person joins a delegation."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Revoked")

    email = models.EmailField(_("email address"))
    member_state = models.ForeignKey(
        MemberState,
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        related_name="invitations",
    )
    role = models.CharField(
        _("role in the delegation"), max_length=20, choices=User.DelegationRole.choices
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    language = models.CharField(
        _("language of the email"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The invitation is written in this language, chosen by whoever invites."),
    )
    secret_hash = models.CharField(
        _("secret (SHA-256)"), max_length=64, unique=True, editable=False
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The account that accepted the invitation."),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["secret_hash"], user_related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(status="pending"),
                name="invitation_one_pending_per_email",
                violation_error_message=_("This person already has a pending invitation."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "accepted", "revoked"]),
                name="invitation_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=["focal_point", "contributor", "viewer"]),
                name="invitation_role_valid",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status="accepted", accepted_at__isnull=False, account__isnull=False)
                    | (~models.Q(status="accepted") & models.Q(accepted_at__isnull=True))
                ),
                name="invitation_accepted_has_account",
            ),
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="invitation_expires_after_creation",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.member_state.code} ({self.get_role_display()})"

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self):
        return self.status == self.Status.PENDING and not self.is_expired

    def matches(self, secret):
        """Whether `secret` is this invitation's (compared in constant time)."""
        return hmac.compare_digest(hash_secret(secret), self.secret_hash)
