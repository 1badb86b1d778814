"""Events of the dialogue, their agendas and the registrations of participants."""

from workshops.models.events import (
    Event,
    EventQuerySet,
    RegistrationPhase,
    Session,
    SessionSpeaker,
    Speaker,
    TimePhase,
)
from workshops.models.registrations import CategoryQuota, Registration, RegistrationQuerySet

__all__ = [
    "CategoryQuota",
    "Event",
    "EventQuerySet",
    "Registration",
    "RegistrationPhase",
    "RegistrationQuerySet",
    "Session",
    "SessionSpeaker",
    "Speaker",
    "TimePhase",
]
