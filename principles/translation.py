"""Which texts of the principles exist in English, French and Spanish (idm.content_languages)."""

import simple_history
from modeltranslation.translator import register

from idm.content_languages import ContentTranslationOptions
from principles.models import Principle, PrincipleSet, Topic


@register(Topic)
class TopicTranslation(ContentTranslationOptions):
    fields = ("name",)


@register(PrincipleSet)
class PrincipleSetTranslation(ContentTranslationOptions):
    fields = ("title", "introduction")


@register(Principle)
class PrincipleTranslation(ContentTranslationOptions):
    fields = ("headline", "body")


# After the languages are added: the history records every language's text (as
# django-simple-history documents for django-modeltranslation).
simple_history.register(Principle)
