import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import MemberStateFactory, StaffFactory
from tests.workshops.factories import EventFactory, OpenEventFactory, RegistrationFactory
from workshops import services
from workshops.models import Event, Registration

pytestmark = pytest.mark.django_db


def register(event, email, **extra):
    values = {
        "name": "Amina Diallo",
        "organisation": "Ministry of the Interior",
        "category": Registration.Category.NGO,
    }
    return services.register(event=event, email=email, **{**values, **extra})


def test_register_confirms_while_seats_remain_then_waitlists():
    event = OpenEventFactory(capacity=2)
    statuses = [register(event, f"p{i}@example.org").status for i in range(3)]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]


def test_register_without_capacity_always_confirms():
    event = OpenEventFactory(capacity=None)
    assert register(event, "p@example.org").status == "confirmed"


def test_register_same_email_refused_with_message_on_email():
    event = OpenEventFactory()
    register(event, "amina@example.org")
    with pytest.raises(ValidationError) as error:
        register(event, " Amina@Example.org ")
    assert error.value.message_dict["email"] == [
        "This email address is already registered for this event."
    ]


def test_register_closed_event_refused():
    event = EventFactory(status=Event.Status.HELD)
    with pytest.raises(ValidationError, match="Registration for this event is closed."):
        register(event, "amina@example.org")


def test_register_state_delegate_needs_state():
    event = OpenEventFactory()
    with pytest.raises(ValidationError) as error:
        register(event, "a@example.org", category=Registration.Category.MEMBER_STATE)
    assert "member_state" in error.value.message_dict
    state = MemberStateFactory(code="PH")
    registration = register(
        event, "a@example.org", category=Registration.Category.MEMBER_STATE, member_state=state
    )
    assert registration.member_state == state


def test_register_sends_confirmation_email_in_registrant_language(
    django_capture_on_commit_callbacks,
):
    event = OpenEventFactory(title="Trafficking and Exploitation of Migrants")
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, "amina@example.org", language="fr")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    assert message.subject == "Inscription confirmée : Trafficking and Exploitation of Migrants"
    assert str(registration.reference) in message.body


def test_register_waitlisted_email_says_waiting_list(django_capture_on_commit_callbacks):
    event = OpenEventFactory(capacity=0, title="Human Rights")
    with django_capture_on_commit_callbacks(execute=True):
        register(event, "amina@example.org")
    assert mail.outbox[0].subject == "Waiting list: Human Rights"
    assert "you are on the waiting list" in mail.outbox[0].body


def test_cancel_registration_gives_seat_to_first_on_waiting_list(
    django_capture_on_commit_callbacks,
):
    event = OpenEventFactory(capacity=1)
    first = register(event, "first@example.org")
    waiting = register(event, "second@example.org")
    later = register(event, "third@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.cancel_registration(registration=first, actor=None)
    assert promoted == waiting
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "first@example.org": "cancelled",
        "second@example.org": "confirmed",
        "third@example.org": "waitlisted",
    }
    assert later.pk
    assert [m.to for m in mail.outbox] == [["first@example.org"], ["second@example.org"]]
    assert mail.outbox[0].subject.startswith("Registration cancelled")


def test_set_registration_status_records_acting_staff():
    staff = StaffFactory()
    registration = RegistrationFactory()
    changed = services.set_registration_status(
        registrations=Registration.objects.all(),
        status=Registration.Status.ATTENDED,
        actor=staff,
    )
    assert changed == 1
    latest = registration.history.latest()
    assert (latest.status, latest.history_user) == ("attended", staff)


def test_save_event_refuses_end_before_start():
    event = EventFactory.build(
        start_date=datetime.date(2009, 7, 10), end_date=datetime.date(2009, 7, 9)
    )
    event.dialogue.save()
    event.dialogue_id = event.dialogue.pk
    with pytest.raises(ValidationError) as error:
        services.save_event(event=event, actor=None)
    assert "end_date" in error.value.message_dict
    assert not Event.objects.exists()


def test_set_event_status_changes_only_what_differs():
    staff = StaffFactory()
    EventFactory(status=Event.Status.PROPOSED)
    EventFactory(status=Event.Status.CONFIRMED)
    changed = services.set_event_status(
        events=Event.objects.all(), status=Event.Status.CONFIRMED, actor=staff
    )
    assert changed == 1
    assert set(Event.objects.values_list("status", flat=True)) == {"confirmed"}


def test_register_counts_time_of_registration():
    event = OpenEventFactory()
    before = timezone.now()
    registration = register(event, "a@example.org")
    assert registration.created_at >= before
