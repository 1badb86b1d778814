"""Checks of text that comes from outside (forms, JSON bodies, URLs, headers), shared by every
app: what PostgreSQL cannot store or no address can hold is refused before it reaches a query.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

# The years a dialogue's dates may fall in (the IDM began in 2001).
DIALOGUE_ERA = (2000, 2100)

# PostgreSQL text cannot hold U+0000: refuse it with Django's own message ("Null characters
# are not allowed."), as forms.CharField and DRF's CharField do.
prohibit_null_characters = ProhibitNullCharactersValidator()


def has_null_character(text):
    return "\x00" in text


def has_control_character(text):
    """True when `text` holds a C0/C1 control character (NUL, tab, newline, DEL...)."""
    return any(unicodedata.category(char) == "Cc" for char in text)


def validate_dialogue_era(value):
    """A date or moment of the dialogue's era (2000 to 2100): a typo such as year 39 or 20250
    is refused beside the field instead of being stored (and served with the odd local-mean-time
    offsets that time zones give to centuries-old moments)."""
    if not (DIALOGUE_ERA[0] <= value.year <= DIALOGUE_ERA[1]):
        raise ValidationError(
            _("Enter a date between %(first)d and %(last)d."),
            code="outside_dialogue_era",
            params={"first": DIALOGUE_ERA[0], "last": DIALOGUE_ERA[1]},
        )
