"""Texts that staff write in English, French and Spanish (`<name>_en`, `_fr`, `_es` fields).

A respondent sees the text in their interface language; an empty translation falls back to
English, so a question is never blank.
"""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = ("en", "fr", "es")


def current_language():
    language = (get_language() or "en")[:2]
    return language if language in LANGUAGE_CODES else "en"


def localized(obj, name, language=None):
    """`obj.<name>_<language>`, falling back to English when that translation is empty."""
    language = language if language in LANGUAGE_CODES else current_language()
    return getattr(obj, f"{name}_{language}") or getattr(obj, f"{name}_en")


class Translated:
    """Read-only attribute giving the localized text: `question.text` -> `text_fr` in French."""

    def __init__(self, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return localized(obj, self.name)


def translated_text(verbose_name, *, max_length=None, blank=False):
    """The English, French and Spanish fields of one text, in that order:

        text_en, text_fr, text_es = translated_text(_("text"), max_length=500)

    English is required unless `blank`; an empty French or Spanish text falls back to English.
    """
    labels = {"en": _("English"), "fr": _("French"), "es": _("Spanish")}
    fields = []
    for code in LANGUAGE_CODES:
        options = {
            "verbose_name": format_lazy("{} ({})", verbose_name, labels[code]),
            "blank": blank or code != "en",
        }
        if max_length:
            fields.append(models.CharField(max_length=max_length, **options))
        else:
            fields.append(models.TextField(**options))
    return tuple(fields)
