"""Which texts of the programme core exist in English, French and Spanish
(idm.content_languages)."""

from modeltranslation.translator import register

from idm.content_languages import ContentTranslationOptions
from idm.models import Dialogue, Document


@register(Dialogue)
class DialogueTranslation(ContentTranslationOptions):
    fields = ("theme", "summary", "theme_selection", "funding_approach")


@register(Document)
class DocumentTranslation(ContentTranslationOptions):
    fields = ("title", "description")
