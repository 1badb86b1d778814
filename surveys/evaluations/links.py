"""Each participant's personal evaluation link: `/evaluations/<key>-<signature>/`.

`key` is random (secrets) and stored on the EvaluationInvitation, unique and indexed; the
signature is an HMAC-SHA256 of the key under the site's secret key, computed again when the
link is followed and stored nowhere, as Django's password-reset links are. A link cannot be
guessed, and a copy of the database gives none. Links signed before a change of the secret
key keep working while the old key is listed in SECRET_KEY_FALLBACKS.
"""

import secrets

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from idm.links import absolute_url
from surveys.models import EvaluationInvitation

SALT = "surveys.evaluations.link"
KEY_LENGTH = 32  # hexadecimal characters: 128 random bits
SIGNATURE_LENGTH = 32


def new_key():
    return secrets.token_hex(KEY_LENGTH // 2)


def signature(key, secret=None):
    return salted_hmac(SALT, key, secret=secret, algorithm="sha256").hexdigest()[:SIGNATURE_LENGTH]


def token_for(invitation):
    return f"{invitation.key}-{signature(invitation.key)}"


def link_for(invitation):
    """The participant's link, absolute (for emails)."""
    return absolute_url("surveys:evaluation", kwargs={"token": token_for(invitation)})


def invitation_for_token(token):
    """The invitation a link belongs to, or None for a wrong, altered or made-up link."""
    key, _dash, given = (token or "").partition("-")
    if len(key) != KEY_LENGTH or len(given) != SIGNATURE_LENGTH:
        return None
    invitation = (
        EvaluationInvitation.objects.select_related(
            "survey", "registration__event", "registration__member_state"
        )
        .filter(key=key)
        .first()
    )
    if invitation is None:
        return None
    secrets_in_use = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    if any(constant_time_compare(given, signature(key, secret)) for secret in secrets_in_use):
        return invitation
    return None
