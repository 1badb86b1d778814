"""Name badges and the signed check-in token in their QR code.

The token names the event and the registration by their numbers, signed with the site's
secret (django.core.signing, its own salt): a badge cannot be forged or moved to another
event. It carries nothing secret: not the registration's reference, which is the key of the
participant's self-service page, nor any personal data.
"""

import segno
from django.core import signing

from workshops.models import Registration
from workshops.participants import is_sponsored

CHECK_IN_SALT = "workshops.check-in"
Category = Registration.Category

# The colour band of each category on the badge (print colours, text in white or black).
CATEGORY_COLOURS = {
    Category.MEMBER_STATE: ("#0033a0", "#ffffff"),
    Category.OBSERVER_STATE: ("#5b2c83", "#ffffff"),
    Category.INTERNATIONAL_ORGANISATION: ("#006b3f", "#ffffff"),
    Category.NGO: ("#b35900", "#ffffff"),
    Category.MIGRANT_ORGANISATION: ("#8a1538", "#ffffff"),
    Category.ACADEMIA: ("#f2c500", "#000000"),
    Category.PRIVATE_SECTOR: ("#5f6b73", "#ffffff"),
    Category.OTHER: ("#d9d9d9", "#000000"),
}


def check_in_token(registration):
    """The text of a badge's QR code."""
    signer = signing.Signer(salt=CHECK_IN_SALT)
    return signer.sign_object({"e": registration.event_id, "r": registration.pk})


def registration_for_token(token, *, event):
    """The registration of `event` a badge's token names, or None (forged, other event)."""
    try:
        data = signing.Signer(salt=CHECK_IN_SALT).unsign_object(token.strip())
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("e") != event.pk:
        return None
    return event.registrations.filter(pk=data.get("r")).first()


def qr_data_uri(text):
    """A PNG data URI of `text` as a QR code, with its quiet zone, to embed in the badge."""
    return segno.make(text, error="m", micro=False).png_data_uri(scale=4, border=4)


def badge_of(registration):
    """What one badge shows; `sponsored` marks, discreetly, a participant IOM sponsors (for
    the secretariat's logistics: daily allowance, travel desk)."""
    background, foreground = CATEGORY_COLOURS[registration.category]
    return {
        "registration": registration,
        "sponsored": is_sponsored(registration),
        "qr": qr_data_uri(check_in_token(registration)),
        "band_background": background,
        "band_foreground": foreground,
    }
