"""The API's one JSON parser: malformed or hostile JSON is a 400, never a 500.

DRF's own parser turns a syntax error into a 400 but lets `RecursionError` (JSON nested a few
thousand levels deep) escape as a 500, and accepts any depth that Python's decoder survives,
which later code (validation, error rendering) may not. This parser refuses both with the
same "malformed JSON" answer.

It also refuses a NUL character (U+0000) anywhere in the body, key or value, with the field
errors of a 400 (as a serializer would give them): no text of this API can hold one, since
PostgreSQL cannot store it, and free-form fields (survey answers) are not checked by a
serializer's CharField.
"""

from rest_framework import parsers
from rest_framework.exceptions import ParseError, ValidationError

from idm.validators import has_null_character, prohibit_null_characters

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


def null_character_paths(value):
    """The paths (tuples of keys and indexes) of the strings in `value` that hold NUL; a key
    that holds NUL counts as its value's path."""
    found = []
    stack = [(value, ())]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if has_null_character(item):
                found.append(path)
        elif isinstance(item, dict):
            for key, child in item.items():
                if has_null_character(key):
                    found.append((*path, key.replace("\x00", "\\u0000")))
                else:
                    stack.append((child, (*path, key)))
        elif isinstance(item, list):
            stack.extend((child, (*path, str(index))) for index, child in enumerate(item))
    return sorted(found)


def field_errors(paths, message):
    """{"answers": {"16": [message]}} for the path ("answers", "16"); the whole body's error
    goes under non_field_errors."""
    errors = {}
    for path in paths:
        if not path:
            return {"non_field_errors": [message]}
        node = errors
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = [message]
    return errors


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(self.too_deep_message()) from None
        if json_depth_exceeds(data, MAX_JSON_DEPTH):
            raise ParseError(self.too_deep_message())
        paths = null_character_paths(data)
        if paths:
            raise ValidationError(field_errors(paths, prohibit_null_characters.message))
        return data

    @staticmethod
    def too_deep_message():
        return f"Malformed JSON: nested more than {MAX_JSON_DEPTH} levels deep."
