"""Translated texts in the API (idm.content_languages).

A translated field such as `title` is answered in the request's language (`?lang=` or
Accept-Language; English without either, and where the text has no translation) and written
as the English original. Its French and Spanish texts are `title_fr` and `title_es`, read and
written as they are stored: null where there is no translation yet.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from idm.api.errors import api_validation_error
from idm.content_languages import ORIGINAL_LANGUAGE, TRANSLATIONS, language_fields

LANGUAGE_NAMES = {"fr": "French", "es": "Spanish"}


def with_translations(*names):
    """Serializer field names: each translated field followed by its French and Spanish."""
    fields = []
    for name in names:
        fields += [name, *language_fields(name, languages=TRANSLATIONS)]
    return fields


class TranslatedContentSerializer(serializers.ModelSerializer):
    """A ModelSerializer whose `Meta.translated_fields` are answered in the request's language,
    written in English, with `<name>_fr` and `<name>_es` beside them (list them in
    `Meta.fields` with `with_translations`)."""

    def get_fields(self):
        fields = super().get_fields()
        for name in self.Meta.translated_fields:
            if name in fields:
                fields[name].help_text = (
                    "In the request's language (`lang` or Accept-Language; English where there "
                    "is no translation). Written: the English original."
                )
            for language in TRANSLATIONS:
                field = fields.get(f"{name}_{language}")
                if field is not None:
                    field.help_text = (
                        f"The {LANGUAGE_NAMES[language]} text; null: none yet (the English "
                        "one is shown)."
                    )
        return fields

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        for name in self.Meta.translated_fields:
            if name in values:
                values[f"{name}_{ORIGINAL_LANGUAGE}"] = values.pop(name)
            for language in TRANSLATIONS:
                key = f"{name}_{language}"
                if key in values and not (values[key] or "").strip():
                    values[key] = None  # an empty translation is no translation
        return values

    def translated_validation_error(self, error: DjangoValidationError):
        """The model's errors (full_clean in a service) as a 400, an error about the English
        column (`title_en`) under the field the client wrote (`title`)."""
        if hasattr(error, "error_dict"):
            for name in self.Meta.translated_fields:
                english = f"{name}_{ORIGINAL_LANGUAGE}"
                if english in error.error_dict:
                    messages = error.error_dict.pop(english)
                    error.error_dict.setdefault(name, messages)
        return api_validation_error(error)
