"""Checks of text that comes from outside (forms, JSON bodies, URLs, headers), shared by every
app: what PostgreSQL cannot store or no address can hold is refused before it reaches a query.
"""

import unicodedata

from django.core.validators import ProhibitNullCharactersValidator

# PostgreSQL text cannot hold U+0000: refuse it with Django's own message ("Null characters
# are not allowed."), as forms.CharField and DRF's CharField do.
prohibit_null_characters = ProhibitNullCharactersValidator()


def has_null_character(text):
    return "\x00" in text


def has_control_character(text):
    """True when `text` holds a C0/C1 control character (NUL, tab, newline, DEL...)."""
    return any(unicodedata.category(char) == "Cc" for char in text)
