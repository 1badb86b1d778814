import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import DialogueFactory, MemberStateFactory
from tests.workshops.factories import EventFactory, OpenEventFactory, RegistrationFactory
from workshops.models import Event, Registration

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_event_end_before_start_refused_by_database_when_form_bypassed():
    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(end_date=datetime.date(2009, 3, 1))


def test_event_end_without_start_refused_by_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(start_date=None, end_date=datetime.date(2009, 3, 1))


def test_event_end_before_start_refused_with_message_on_the_end_date():
    event = EventFactory.build(dialogue=DialogueFactory(), end_date=datetime.date(2009, 3, 24))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict == {
        "end_date": ["The end date cannot be before the start date."]
    }


def test_event_one_day_gets_end_date_on_clean():
    event = EventFactory.build(dialogue=DialogueFactory(), end_date=None)
    event.full_clean()
    assert event.end_date == event.start_date


def test_event_date_to_be_announced_allowed():
    event = EventFactory(start_date=None, end_date=None)
    assert not event.dates_known


def test_event_registration_closing_before_opening_refused_by_database():
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(registration_opens_at=now, registration_closes_at=now - DAY)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, True),
        ({"registration_opens_at": None, "registration_closes_at": None}, False),
        ({"status": Event.Status.CANCELLED}, False),
        ({"status": Event.Status.HELD}, False),
        ({"registration_closes_at": "past"}, False),
        ({"registration_opens_at": "future", "registration_closes_at": None}, False),
    ],
)
def test_event_registration_is_open_only_inside_window(changes, expected):
    now = timezone.now()
    values = {"past": now - DAY, "future": now + DAY}
    event = OpenEventFactory.build(**{k: values.get(v, v) for k, v in changes.items()})
    assert event.registration_is_open(now) is expected


def test_event_registration_closed_after_event_ended():
    event = OpenEventFactory.build()
    later = timezone.now() + datetime.timedelta(days=40)
    event.registration_closes_at = None
    assert event.registration_is_open(later) is False


def test_registration_same_email_twice_refused_by_database_case_insensitive():
    first = RegistrationFactory(email="amina@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=first.event, email="AMINA@example.org")


def test_registration_again_after_cancelling_allowed():
    first = RegistrationFactory(email="amina@example.org", status=Registration.Status.CANCELLED)
    again = RegistrationFactory(event=first.event, email="amina@example.org")
    assert again.pk != first.pk


def test_registration_state_delegate_without_state_refused_by_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(category=Registration.Category.MEMBER_STATE, member_state=None)


def test_registration_state_delegate_with_state_allowed():
    state = MemberStateFactory(code="PH")
    registration = RegistrationFactory(
        category=Registration.Category.MEMBER_STATE, member_state=state
    )
    assert registration.member_state == state
