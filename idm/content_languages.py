"""Content in English, French and Spanish: the texts staff write (themes, events, agenda items,
principles, document titles) have one column per language, added by django-modeltranslation
from each app's `translation.py` (`title_en`, `title_fr`, `title_es`).

- English is the original: required, and also kept in the original column (`title`), whatever
  language the person saving works in (`EnglishOriginal`).
- Reading `obj.title` gives the text in the active language, else English (settings:
  MODELTRANSLATION_FALLBACK_LANGUAGES). A missing translation is NULL, never "".
- `content_language(code)` says which of the three a language code asks for.
"""

from django.conf import settings
from django.utils import translation
from modeltranslation.translator import TranslationOptions

CONTENT_LANGUAGES = ("en", "fr", "es")
ORIGINAL_LANGUAGE = "en"
TRANSLATIONS = ("fr", "es")


def content_language(code=None):
    """The content language for a language code ("fr-CH" -> "fr"); None for any other language.
    Without a code: the active language, else English."""
    if code is None:
        return content_language(translation.get_language()) or ORIGINAL_LANGUAGE
    code = str(code).strip().lower().replace("_", "-").split("-")[0]
    return code if code in CONTENT_LANGUAGES else None


def language_fields(*names, languages=CONTENT_LANGUAGES):
    """`language_fields("title", "description")` -> ["title_en", "title_fr", "title_es",
    "description_en", …]: every language's column, e.g. for search fields."""
    return [f"{name}_{language}" for name in names for language in languages]


class ContentTranslationOptions(TranslationOptions):
    """English is required where the original field is; an empty translation is stored as NULL
    (a unique name stays unique among the texts that exist)."""

    required_languages = (settings.MODELTRANSLATION_DEFAULT_LANGUAGE,)
    empty_values = None


class EnglishOriginal:
    """Model mixin: saving writes the English text into the original column (and into the
    history), even when staff save in French or Spanish."""

    def save(self, *args, **kwargs):
        with translation.override(ORIGINAL_LANGUAGE):
            return super().save(*args, **kwargs)
