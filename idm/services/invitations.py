"""Inviting delegates into a delegation: a signed, expiring, single-use emailed link."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from idm.emails import send_email
from idm.links import absolute_url
from idm.models import Invitation
from idm.models.delegations import hash_secret
from idm.permissions import can_invite_for, can_manage_delegation, invitable_roles

TOKEN_SALT = "idm.invitation"


class InvitationProblem:
    """Why an invitation link cannot be used (each has its own message page)."""

    INVALID = "invalid"
    EXPIRED = "expired"
    USED = "used"
    REVOKED = "revoked"


def make_token(invitation, secret):
    """The link's token: the invitation and its secret, signed with the site's key."""
    return signing.dumps({"i": invitation.pk, "s": secret}, salt=TOKEN_SALT)


def find_invitation(token):
    """(invitation, None) when the link can be used, else (invitation or None, problem)."""
    try:
        payload = signing.loads(token, salt=TOKEN_SALT)
        invitation_id, secret = int(payload["i"]), str(payload["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None, InvitationProblem.INVALID
    invitation = (
        Invitation.objects.select_related("member_state", "invited_by")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not invitation.matches(secret):
        return None, InvitationProblem.INVALID
    return invitation, invitation_problem(invitation)


def invitation_problem(invitation):
    if invitation.status == Invitation.Status.ACCEPTED:
        return InvitationProblem.USED
    if invitation.status == Invitation.Status.REVOKED:
        return InvitationProblem.REVOKED
    if invitation.is_expired:
        return InvitationProblem.EXPIRED
    return None


def _check_may_invite(*, invited_by, member_state, role):
    if not can_invite_for(invited_by, member_state):
        raise PermissionDenied(_("You may not invite delegates for this member state."))
    if role not in invitable_roles(invited_by, member_state):
        raise ValidationError({"role": _("You may not give this role.")})


def deactivated_account_message():
    return _(
        "This address belongs to a deactivated account; IOM staff can reactivate it in the "
        "back office."
    )


def _check_no_account(account):
    """An invitation opens a new account, never an existing one: an active account needs no
    invitation, and a deactivated one (staff or not) is reactivated only by IOM staff in the
    back office, so that no invitation can bring back an account or its staff access."""
    if account is None:
        return
    if account.is_active:
        raise ValidationError({"email": _("An account with this email address already exists.")})
    raise ValidationError({"email": deactivated_account_message()})


def _check_email_is_free(*, email, member_state):
    User = get_user_model()
    _check_no_account(User.objects.filter(email__iexact=email).first())
    other_state = (
        Invitation.objects.pending()
        .filter(email__iexact=email)
        .exclude(member_state=member_state)
        .exists()
    )
    if other_state:
        raise ValidationError(
            {"email": _("This person has a pending invitation to another delegation.")}
        )


@transaction.atomic
def invite_delegate(*, email, member_state, role, invited_by, language=None):
    """Invite `email` to `member_state`'s delegation with `role` and email them the link,
    written in `language` (the inviter chooses it; the portal's default language if None).

    A new invitation to the same delegation replaces the person's earlier one (which stops
    working).
    The email is queued in the same transaction (idm.emails): the invitation is recorded even
    while the mail server is down, and its email goes out when the server is back.
    """
    email = get_user_model().objects.normalize_email(email).strip().lower()
    _check_may_invite(invited_by=invited_by, member_state=member_state, role=role)
    _check_email_is_free(email=email, member_state=member_state)
    for earlier in (
        Invitation.objects.select_for_update()
        .annotate(email_lower=Lower("email"))
        .filter(email_lower=email, status=Invitation.Status.PENDING)
    ):
        _revoke(earlier, actor=invited_by)
    secret = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation = Invitation(
        email=email,
        member_state=member_state,
        role=role,
        language=language or settings.LANGUAGE_CODE,
        invited_by=invited_by,
        secret_hash=hash_secret(secret),
        created_at=now,
        expires_at=now + timedelta(days=settings.IDM_INVITATION_VALID_DAYS),
    )
    invitation._history_user = invited_by
    invitation.save()
    send_invitation_email(invitation, make_token(invitation, secret))
    return invitation


def send_invitation_email(invitation, token):
    send_email(
        to=invitation.email,
        language=invitation.language,
        subject_template="idm/email/invitation_subject.txt",
        text_template="idm/email/invitation.txt",
        context={
            "invitation": invitation,
            "link": absolute_url("accept_invitation", args=[token]),
        },
    )


def _revoke(invitation, *, actor):
    invitation.status = Invitation.Status.REVOKED
    invitation.revoked_at = timezone.now()
    invitation._history_user = actor
    invitation.save(update_fields=["status", "revoked_at"])


@transaction.atomic
def revoke_invitation(*, invitation, actor):
    """Withdraw a pending invitation: its link stops working at once."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not can_manage_delegation(actor, invitation.member_state_id):
        raise PermissionDenied(_("You may not manage this delegation."))
    if invitation.status != Invitation.Status.PENDING:
        raise ValidationError(_("Only a pending invitation can be revoked."))
    _revoke(invitation, actor=actor)
    return invitation


@transaction.atomic
def accept_invitation(*, invitation, first_name, last_name, password):
    """The invited person sets their name and password: a new account joins the delegation,
    active at once. Refused when an account with this email exists, even a deactivated one
    (only IOM staff reactivate accounts, in the back office). Returns the account."""
    User = get_user_model()
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation_problem(invitation) is not None:
        raise ValidationError(_("This invitation can no longer be used."))
    existing = User.objects.select_for_update().filter(email__iexact=invitation.email).first()
    try:
        _check_no_account(existing)
    except ValidationError as error:
        raise ValidationError(error.message_dict["email"]) from None
    account = User(email=invitation.email)
    account.first_name = first_name
    account.last_name = last_name
    account.member_state_id = invitation.member_state_id
    account.delegation_role = invitation.role
    account.is_active = True
    account.set_password(password)
    account._history_user = account
    account.save()
    invitation.status = Invitation.Status.ACCEPTED
    invitation.accepted_at = timezone.now()
    invitation.account = account
    invitation._history_user = account
    invitation.save(update_fields=["status", "accepted_at", "account"])
    return account
