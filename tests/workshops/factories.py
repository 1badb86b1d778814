import datetime

import factory
from django.utils import timezone

from tests.factories import DialogueFactory
from workshops.models import Event, Registration, Session, SessionSpeaker, Speaker


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    dialogue = factory.SubFactory(DialogueFactory, year=2009)
    kind = Event.Kind.WORKSHOP
    title = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    status = Event.Status.CONFIRMED
    start_date = datetime.date(2009, 3, 25)
    end_date = datetime.date(2009, 3, 26)


class OpenEventFactory(EventFactory):
    """An event in the future whose registration is open now."""

    dialogue = factory.SubFactory(DialogueFactory, year=2099)
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda event: event.start_date + datetime.timedelta(days=1))
    registration_opens_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(days=1)
    )
    registration_closes_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=10)
    )
    capacity = 50


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Session {n}")
    order = factory.Sequence(lambda n: n)


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Speaker {n}")
    function = "Director"
    organisation = "Ministry of Labour"


class SessionSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionSpeaker

    session = factory.SubFactory(SessionFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    role = SessionSpeaker.Role.SPEAKER


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(OpenEventFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    organisation = "Permanent Mission"
    category = Registration.Category.NGO
    status = Registration.Status.CONFIRMED
