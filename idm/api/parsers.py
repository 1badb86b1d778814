"""The API's one JSON parser: malformed or hostile JSON is a 400, never a 500.

DRF's own parser turns a syntax error into a 400 but lets `RecursionError` (JSON nested a few
thousand levels deep) escape as a 500, and accepts any depth that Python's decoder survives,
which later code (validation, error rendering) may not. This parser refuses both with the
same "malformed JSON" answer.
"""

from rest_framework import parsers
from rest_framework.exceptions import ParseError

# No request body of this API nests deeper than a few levels (answers → ranking → option).
MAX_JSON_DEPTH = 32


def json_depth_exceeds(value, limit):
    """True when `value` nests lists/objects more than `limit` levels deep (no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(self.too_deep_message()) from None
        if json_depth_exceeds(data, MAX_JSON_DEPTH):
            raise ParseError(self.too_deep_message())
        return data

    @staticmethod
    def too_deep_message():
        return f"Malformed JSON: nested more than {MAX_JSON_DEPTH} levels deep."
