"""Back-office forms with a text's English, French and Spanish fields side by side
(idm.content_languages): one line per text, one column per language."""

from idm.content_languages import language_fields


def side_by_side(name):
    """One line of a back-office form: the English, French and Spanish fields of `name`."""
    return tuple(language_fields(name))


class LanguageColumns:
    """Admin (or inline) mixin: lays the lines of `side_by_side` out as three columns."""

    class Media:
        css = {"all": ("idm/css/admin-languages.css",)}
