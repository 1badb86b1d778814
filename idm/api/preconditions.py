"""If-Match on the API: the version a client last read, as the ETag gave it ("3").

Anything else (a superscript digit that str.isdigit() accepts, a number of thousands of
digits that int() refuses, text) is a 400 that says what the header must hold, never a 500.
"""

import re

from rest_framework.exceptions import ValidationError

# The ETag as served ("3"), weak (W/"3") or unquoted (3): ASCII digits only, at most 18 so
# that the number fits the database's version column.
IF_MATCH_VERSION = re.compile(r'(?:W/)?(?:"([0-9]{1,18})"|([0-9]{1,18}))', re.ASCII)

IF_MATCH_MESSAGE = 'If-Match must hold the version as the ETag gives it, e.g. "3".'


def parse_if_match(header):
    """The version in an If-Match header; None when the header is absent or empty."""
    value = (header or "").strip()
    if not value:
        return None
    match = IF_MATCH_VERSION.fullmatch(value)
    if match is None:
        raise ValidationError({"If-Match": [IF_MATCH_MESSAGE]})
    return int(match.group(1) or match.group(2))
