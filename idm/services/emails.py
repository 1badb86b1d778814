"""What staff do with the email queue: send a failed email again."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from idm.emails import enqueue_delivery
from idm.models import OutgoingEmail
from idm.permissions import is_staff


@transaction.atomic
def resend_email(*, email, actor):
    """Queue a failed email again, with a fresh set of attempts."""
    if not is_staff(actor):
        raise PermissionDenied(_("Only IOM staff may re-send emails."))
    email = OutgoingEmail.objects.select_for_update().get(pk=email.pk)
    if email.status != OutgoingEmail.Status.FAILED:
        raise ValidationError(_("Only an email that failed can be re-sent."))
    email.status = OutgoingEmail.Status.QUEUED
    email.attempts = 0
    email.resent_by = actor
    email.resent_at = timezone.now()
    email.save(update_fields=["status", "attempts", "resent_by", "resent_at"])
    enqueue_delivery(email)
    return email
