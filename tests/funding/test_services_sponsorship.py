"""Sponsorship requests and staff decisions through the service: who may be sponsored, the
sponsored-participants line as the limit of approvals, emails and history."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from funding import services_sponsorship as sponsorships
from funding.allocation import event_funding
from funding.models import Sponsorship
from tests.factories import FocalPointFactory, MemberStateFactory, StaffFactory
from tests.funding.sponsorship_factories import (
    DelegateRegistrationFactory,
    EligibilityFactory,
    SponsorshipFactory,
    sponsorship_line,
)
from tests.workshops.factories import EventFactory, OpenEventFactory
from workshops.models import Registration

pytestmark = pytest.mark.django_db
Status = Sponsorship.Status


def ask(registration, actor=None, **covers):
    return sponsorships.request_sponsorship(registration=registration, actor=actor, **covers)


def refusal_of(call):
    with pytest.raises(ValidationError) as caught:
        call()
    return " ".join(caught.value.messages)


def test_request_sponsorship_by_eligible_delegate_is_recorded_as_requested():
    registration = DelegateRegistrationFactory()
    sponsorship = ask(registration, covers_daily_allowance=False, justification=" From capital ")
    assert (sponsorship.status, sponsorship.covers_travel, sponsorship.covers_daily_allowance) == (
        Status.REQUESTED,
        True,
        False,
    )
    assert sponsorship.justification == "From capital"
    assert sponsorship.requested_by is None  # through the registration's link


def test_request_sponsorship_by_focal_point_records_who_asked():
    registration = DelegateRegistrationFactory()
    focal_point = FocalPointFactory(member_state=registration.member_state)
    sponsorship = ask(registration, focal_point)
    assert sponsorship.requested_by == focal_point
    assert sponsorship.history.latest().history_user == focal_point


def test_request_sponsorship_ineligible_state_refused_with_clear_message():
    state = MemberStateFactory(name="Switzerland", sponsorship_eligible=False)
    registration = DelegateRegistrationFactory(member_state=state)
    message = refusal_of(lambda: ask(registration))
    year = registration.event.dialogue.year
    assert message == (
        f"Officials of Switzerland are not eligible for sponsored participation in IDM {year}."
    )
    assert not Sponsorship.objects.exists()


def test_request_sponsorship_year_record_overrides_standing_flag():
    registration = DelegateRegistrationFactory()  # standing flag: eligible
    EligibilityFactory(
        member_state=registration.member_state,
        dialogue=registration.event.dialogue,
        eligible=False,
    )
    assert "not eligible" in refusal_of(lambda: ask(registration))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"participation": "online"}, "take part in person"),
        ({"status": "cancelled"}, "This registration is cancelled"),
        ({"status": "declined"}, "This registration is declined"),
        ({"category": "ngo", "member_state": None}, "does not represent a state"),
    ],
)
def test_request_sponsorship_refused_when_nothing_to_sponsor(changes, expected):
    registration = DelegateRegistrationFactory()
    Registration.objects.filter(pk=registration.pk).update(**changes)
    registration.refresh_from_db()
    assert expected in refusal_of(lambda: ask(registration))


def test_request_sponsorship_refused_after_the_event():
    registration = DelegateRegistrationFactory(event=EventFactory())  # 2009: over
    assert refusal_of(lambda: ask(registration)) == "This event is over."


def test_request_sponsorship_twice_refused_but_withdrawn_may_ask_again():
    registration = DelegateRegistrationFactory()
    first = ask(registration)
    assert "already asked for (requested)" in refusal_of(lambda: ask(registration))
    sponsorships.withdraw_sponsorship(sponsorship=first, actor=None)
    again = ask(registration, covers_travel=False)
    assert (again.pk, again.status, again.covers_travel) == (first.pk, Status.REQUESTED, False)


def test_request_sponsorship_must_cover_something():
    registration = DelegateRegistrationFactory()
    with pytest.raises(ValidationError):
        ask(
            registration,
            covers_travel=False,
            covers_accommodation=False,
            covers_daily_allowance=False,
        )
    assert not Sponsorship.objects.exists()


def test_approve_within_the_line_commits_the_amount_and_emails_in_registrant_language(
    django_capture_on_commit_callbacks,
):
    registration = DelegateRegistrationFactory(language="fr")
    sponsorship_line(registration.event, "5000.00")
    staff = StaffFactory()
    sponsorship = SponsorshipFactory(registration=registration)
    with django_capture_on_commit_callbacks(execute=True):
        sponsorships.approve_sponsorship(
            sponsorship=sponsorship, amount_usd="3750.50", actor=staff, note="Billet en classe éco."
        )
    sponsorship.refresh_from_db()
    assert (sponsorship.status, sponsorship.amount_usd, sponsorship.decided_by) == (
        Status.APPROVED,
        Decimal("3750.50"),
        staff,
    )
    funding = event_funding(registration.event)
    assert (funding.spent_on_sponsorships, funding.sponsorship_remaining) == (
        Decimal("3750.50"),
        Decimal("1249.50"),
    )
    (email,) = mail.outbox
    assert email.to == [registration.email]
    assert email.subject == f"Prise en charge approuvée : {registration.event.title}"
    assert "Billet en classe éco." in email.body
    assert "3750" not in email.body  # the amount stays with the secretariat
    assert sponsorship.history.latest().history_user == staff


def test_approve_beyond_the_line_refused_with_the_amount_missing():
    registration = DelegateRegistrationFactory()
    sponsorship_line(registration.event, "3000.00")
    approved = SponsorshipFactory(registration__event=registration.event)
    sponsorships.approve_sponsorship(sponsorship=approved, amount_usd="1750", actor=StaffFactory())
    sponsorship = SponsorshipFactory(registration=registration)
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        sponsorships.approve_sponsorship(
            sponsorship=sponsorship, amount_usd="2500.00", actor=StaffFactory()
        )
    assert caught.value.message_dict == {
        "amount_usd": [
            "The sponsored-participants line of this event has 1,250.00 USD left: "
            "1,250.00 USD missing."
        ]
    }
    sponsorship.refresh_from_db()
    assert (sponsorship.status, sponsorship.amount_usd) == (Status.REQUESTED, None)


def test_approve_without_a_sponsorship_line_refused_with_the_whole_amount_missing():
    sponsorship = SponsorshipFactory()
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        sponsorships.approve_sponsorship(
            sponsorship=sponsorship, amount_usd="980", actor=StaffFactory()
        )
    assert caught.value.messages == [
        "The sponsored-participants line of this event has 0.00 USD left: 980.00 USD missing."
    ]


def test_approve_exactly_the_remaining_money_is_accepted():
    sponsorship = SponsorshipFactory()
    sponsorship_line(sponsorship.registration.event, "1250.00")
    sponsorships.approve_sponsorship(sponsorship=sponsorship, amount_usd="1250", actor=None)
    assert event_funding(sponsorship.registration.event).sponsorship_remaining == 0


def test_approve_again_changes_the_amount_counting_its_own_money(
    django_capture_on_commit_callbacks,
):
    sponsorship = SponsorshipFactory()
    sponsorship_line(sponsorship.registration.event, "2000.00")
    staff = StaffFactory()
    with django_capture_on_commit_callbacks(execute=True):
        sponsorships.approve_sponsorship(sponsorship=sponsorship, amount_usd="1500", actor=staff)
        sponsorships.approve_sponsorship(sponsorship=sponsorship, amount_usd="2000", actor=staff)
    sponsorship.refresh_from_db()
    assert sponsorship.amount_usd == Decimal("2000.00")
    assert len(mail.outbox) == 1  # the participant is told once
    with pytest.raises(ValidationError):
        sponsorships.approve_sponsorship(sponsorship=sponsorship, amount_usd="2000.01", actor=staff)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("abc", "Enter the amount in US dollars, e.g. 1250.00."),
        ("0", "The amount must be more than zero."),
        ("-5", "The amount must be more than zero."),
        ("12.345", "Give the amount to the cent."),
        ("1e15", "This amount is too large."),
        ("NaN", "The amount must be more than zero."),
    ],
)
def test_approve_bad_amount_refused_beside_the_amount(typed, expected):
    sponsorship = SponsorshipFactory()
    sponsorship_line(sponsorship.registration.event, "5000")
    with pytest.raises(ValidationError) as caught:
        sponsorships.approve_sponsorship(sponsorship=sponsorship, amount_usd=typed, actor=None)
    assert caught.value.message_dict == {"amount_usd": [expected]}


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("1,250.00", "1250.00"), ("1250,5", "1250.50"), ("1 250", "1250"), ("1,250", "1250")],
)
def test_parse_amount_reads_grouping_and_decimal_commas(typed, amount):
    assert sponsorships.parse_amount(typed) == Decimal(amount)


def test_decline_emails_the_participant_and_keeps_the_money(django_capture_on_commit_callbacks):
    sponsorship = SponsorshipFactory(registration__language="es")
    sponsorship_line(sponsorship.registration.event, "1000")
    with django_capture_on_commit_callbacks(execute=True):
        sponsorships.decline_sponsorship(
            sponsorship=sponsorship, actor=StaffFactory(), note="Presupuesto agotado."
        )
    sponsorship.refresh_from_db()
    assert sponsorship.status == Status.DECLINED
    (email,) = mail.outbox
    assert email.subject.startswith("Patrocinio denegado")
    assert "Presupuesto agotado." in email.body
    assert event_funding(sponsorship.registration.event).sponsorship_remaining == 1000
    assert "only an open request" in refusal_of(
        lambda: sponsorships.decline_sponsorship(sponsorship=sponsorship, actor=None)
    )
    assert "cannot be approved" in refusal_of(
        lambda: sponsorships.approve_sponsorship(sponsorship=sponsorship, amount_usd=1, actor=None)
    )


def test_withdraw_an_approval_returns_its_money_to_the_line():
    sponsorship = SponsorshipFactory()
    event = sponsorship.registration.event
    sponsorship_line(event, "1000")
    sponsorships.approve_sponsorship(sponsorship=sponsorship, amount_usd="800", actor=None)
    assert event_funding(event).sponsorship_remaining == Decimal("200")
    staff = StaffFactory()
    sponsorships.withdraw_sponsorship(sponsorship=sponsorship, actor=staff)
    sponsorship.refresh_from_db()
    assert (sponsorship.status, sponsorship.amount_usd) == (Status.WITHDRAWN, None)
    assert event_funding(event).sponsorship_remaining == Decimal("1000")
    assert sponsorship.history.latest().history_user == staff


def test_approve_for_cancelled_registration_refused():
    sponsorship = SponsorshipFactory()
    sponsorship_line(sponsorship.registration.event, "1000")
    Registration.objects.filter(pk=sponsorship.registration_id).update(status="cancelled")
    assert "nothing to sponsor" in refusal_of(
        lambda: sponsorships.approve_sponsorship(sponsorship=sponsorship, amount_usd=5, actor=None)
    )


def test_staff_may_still_approve_for_someone_who_came_after_the_event():
    event = EventFactory()  # 2009, held
    registration = DelegateRegistrationFactory(event=event, status=Registration.Status.ATTENDED)
    sponsorship = SponsorshipFactory(registration=registration)
    sponsorship_line(event, "900")
    sponsorships.approve_sponsorship(sponsorship=sponsorship, amount_usd="900", actor=None)
    assert event_funding(event).spent_on_sponsorships == Decimal("900")


def test_spent_on_sponsorships_counts_approved_only_per_event():
    event, other = OpenEventFactory(), OpenEventFactory()
    sponsorship_line(event, "5000")
    sponsorship_line(other, "5000")
    for amount, status in [("1000", "approve"), ("700", "approve"), ("300", "decline")]:
        sponsorship = SponsorshipFactory(registration__event=event)
        if status == "approve":
            sponsorships.approve_sponsorship(sponsorship=sponsorship, amount_usd=amount, actor=None)
        else:
            sponsorships.decline_sponsorship(sponsorship=sponsorship, actor=None)
    SponsorshipFactory(registration__event=event)  # requested: nothing spent yet
    assert event_funding(event).spent_on_sponsorships == Decimal("1700")
    assert event_funding(other).spent_on_sponsorships == 0


def test_is_approved_reads_the_status():
    assert SponsorshipFactory.build(status=Status.APPROVED).is_approved
    assert not SponsorshipFactory.build(status=Status.REQUESTED).is_approved
