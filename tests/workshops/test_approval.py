"""Acceptance 2 and the limits: pending registrations take no seat, staff approve (seats, then
the waiting list in order) or decline, each decision in the history with who took it; category
quotas and per-state limits refuse with a clear message."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tests.factories import FocalPointFactory, MemberStateFactory, StaffFactory
from tests.workshops.factories import OpenEventFactory, RegistrationFactory
from workshops import services
from workshops.models import CategoryQuota, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def emails_sent(django_capture_on_commit_callbacks):
    """`with emails_sent():` sends the emails queued inside (a task after the commit)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def register(event, email, **extra):
    values = {
        "name": f"Person {email}",
        "organisation": "Ministry of the Interior",
        "category": Registration.Category.NGO,
    }
    return services.register(event=event, email=email, **{**values, **extra})


def statuses(event):
    return list(event.registrations.order_by("created_at", "pk").values_list("status", flat=True))


def test_register_with_approval_is_pending_and_takes_no_seat(emails_sent):
    event = OpenEventFactory(capacity=1, requires_approval=True)
    with emails_sent():
        first = register(event, "a@example.org")
        second = register(event, "b@example.org")
    assert [first.status, second.status] == ["pending", "pending"]
    assert event.registrations.holding_seats().count() == 0
    assert mail.outbox[-1].subject == f"Registration received: {event.title}"
    assert "secretariat approves registrations" in mail.outbox[-1].body


def test_approve_beyond_capacity_waitlists_the_rest_in_order(emails_sent):
    event = OpenEventFactory(capacity=2, requires_approval=True)
    for index in range(4):
        register(event, f"p{index}@example.org")
    staff = StaffFactory()
    with emails_sent():
        confirmed, waitlisted = services.approve_registrations(
            registrations=event.registrations.all(), actor=staff
        )
    assert (confirmed, waitlisted) == (2, 2)
    assert statuses(event) == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert sorted(message.to[0] for message in mail.outbox) == [
        f"p{index}@example.org" for index in range(4)
    ]
    assert {message.subject for message in mail.outbox} == {
        f"Registration confirmed: {event.title}",
        f"Waiting list: {event.title}",
    }


def test_approve_records_acting_user_in_history():
    event = OpenEventFactory(requires_approval=True)
    registration = register(event, "a@example.org")
    staff = StaffFactory()
    services.approve_registrations(registrations=[registration], actor=staff)
    latest = registration.history.order_by("-history_id").first()
    assert (latest.status, latest.history_user) == ("confirmed", staff)


def test_decline_records_acting_user_and_emails_in_participant_language(emails_sent):
    event = OpenEventFactory(requires_approval=True)
    registration = register(event, "a@example.org", language="fr")
    staff = StaffFactory()
    with emails_sent():
        assert services.decline_registrations(registrations=[registration], actor=staff) == 1
    registration.refresh_from_db()
    assert registration.status == "declined"
    latest = registration.history.order_by("-history_id").first()
    assert (latest.status, latest.history_user) == ("declined", staff)
    assert mail.outbox[0].to == ["a@example.org"]
    assert mail.outbox[0].subject == f"Inscription refusée : {event.title}"


def test_decline_confirmed_promotes_first_on_waiting_list():
    event = OpenEventFactory(capacity=1)
    confirmed = register(event, "a@example.org")
    first_waiting = register(event, "b@example.org")
    register(event, "c@example.org")
    services.decline_registrations(registrations=[confirmed], actor=StaffFactory())
    assert statuses(event) == ["declined", "confirmed", "waitlisted"]
    first_waiting.refresh_from_db()
    assert first_waiting.status == "confirmed"


def test_approve_ignores_registrations_not_pending():
    event = OpenEventFactory(capacity=5)
    registration = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    assert services.approve_registrations(registrations=[registration], actor=None) == (0, 0)
    registration.refresh_from_db()
    assert registration.status == "waitlisted"


def test_cancel_pending_promotes_nobody():
    event = OpenEventFactory(capacity=1, requires_approval=True)
    pending = register(event, "a@example.org")
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    assert services.cancel_registration(registration=pending) is None
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"


def test_state_limit_refuses_with_clear_message():
    state = MemberStateFactory(code="PH", name="Philippines")
    event = OpenEventFactory(per_state_limit=2, requires_approval=True)
    for index in range(2):
        register(event, f"d{index}@ph.example.org", category="member_state", member_state=state)
    with pytest.raises(ValidationError) as error:
        register(event, "third@ph.example.org", category="member_state", member_state=state)
    assert error.value.messages == [
        "Philippines has reached its limit of 2 participants for this event."
    ]
    assert error.value.code == "state_limit"


def test_state_limit_frees_a_place_when_cancelled_or_declined():
    state = MemberStateFactory(code="PH", name="Philippines")
    event = OpenEventFactory(per_state_limit=1)
    first = register(event, "a@ph.example.org", category="member_state", member_state=state)
    services.cancel_registration(registration=first)
    second = register(event, "b@ph.example.org", category="member_state", member_state=state)
    services.decline_registrations(registrations=[second], actor=None)
    third = register(event, "c@ph.example.org", category="member_state", member_state=state)
    assert third.status == "confirmed"


def test_state_limit_counts_waitlisted_and_other_states_apart():
    philippines = MemberStateFactory(code="PH", name="Philippines")
    mexico = MemberStateFactory(code="MX", name="Mexico")
    event = OpenEventFactory(per_state_limit=1, capacity=0)
    assert register(
        event, "a@ph.example.org", category="member_state", member_state=philippines
    ).status == ("waitlisted")
    with pytest.raises(ValidationError, match="Philippines has reached its limit"):
        register(event, "b@ph.example.org", category="member_state", member_state=philippines)
    register(event, "a@mx.example.org", category="member_state", member_state=mexico)


def test_category_quota_refuses_with_clear_message():
    event = OpenEventFactory(capacity=50)
    CategoryQuota.objects.create(event=event, category=Registration.Category.NGO, seats=1)
    register(event, "a@example.org")
    with pytest.raises(ValidationError) as error:
        register(event, "b@example.org")
    assert error.value.messages == [
        "All 1 seats for the category “Non-governmental organization” are taken at this event."
    ]
    assert register(event, "c@example.org", category="academia").status == "confirmed"


def test_nominate_records_focal_point_and_member_state(emails_sent):
    focal_point = FocalPointFactory(member_state=MemberStateFactory(code="PH"))
    event = OpenEventFactory(requires_approval=True)
    with emails_sent():
        registration = services.nominate(
            event=event,
            actor=focal_point,
            name="Maria Santos",
            email="maria@ph.example.org",
            organisation="Department of Foreign Affairs",
        )
    assert registration.nominated_by == focal_point
    assert registration.member_state == focal_point.member_state
    assert (registration.category, registration.status) == ("member_state", "pending")
    assert registration.history.get().history_user == focal_point
    assert "You have been nominated by" in mail.outbox[-1].body
