"""Which texts of events and agendas exist in English, French and Spanish
(idm.content_languages)."""

import simple_history
from modeltranslation.translator import register

from idm.content_languages import ContentTranslationOptions
from workshops.models import Event, Session


@register(Event)
class EventTranslation(ContentTranslationOptions):
    fields = ("title", "description")


@register(Session)
class SessionTranslation(ContentTranslationOptions):
    fields = ("title", "description")


# After the languages are added: the history records every language's text (as
# django-simple-history documents for django-modeltranslation).
simple_history.register(Event)
