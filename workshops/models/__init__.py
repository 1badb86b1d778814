"""Events of the dialogue, their agendas and the registrations of participants."""

from workshops.models.events import Event, EventQuerySet, Session, SessionSpeaker, Speaker
from workshops.models.registrations import CategoryQuota, Registration, RegistrationQuerySet

__all__ = [
    "CategoryQuota",
    "Event",
    "EventQuerySet",
    "Registration",
    "RegistrationQuerySet",
    "Session",
    "SessionSpeaker",
    "Speaker",
]
