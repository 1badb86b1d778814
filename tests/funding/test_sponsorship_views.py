"""The pages of sponsored participation: who may open each route, asking (registrant by link
or account, focal point for nominees), staff decisions, and bounded queries."""

from dataclasses import dataclass

import pytest
from django.test import Client

from funding.models import Sponsorship
from tests.factories import DelegateFactory, FocalPointFactory, MemberStateFactory, StaffFactory
from tests.funding.sponsorship_factories import (
    DelegateRegistrationFactory,
    EligibleStateFactory,
    SponsorshipFactory,
    sponsorship_line,
)
from tests.helpers import count_queries
from tests.idm.factories import verify_staff_session
from tests.workshops.factories import OpenEventFactory

pytestmark = pytest.mark.django_db
Status = Sponsorship.Status
ACTORS = ["registrant", "colleague", "focal_point", "outsider", "anonymous", "staff"]


@dataclass
class World:
    event: object
    registration: object
    users: dict

    def client(self, who):
        client = Client()
        user = self.users.get(who)
        if user is not None:
            client.force_login(user)
            if user.is_staff:
                verify_staff_session(client, user)
        return client


@pytest.fixture
def world():
    state = EligibleStateFactory(name="Ghana")
    event = OpenEventFactory()
    registrant = DelegateFactory(member_state=state, email="kofi@example.org")
    registration = DelegateRegistrationFactory(
        event=event, member_state=state, user=registrant, email=registrant.email, name="Kofi Mensah"
    )
    users = {
        "registrant": registrant,
        "colleague": DelegateFactory(member_state=state),
        "focal_point": FocalPointFactory(member_state=state),
        "outsider": FocalPointFactory(member_state=EligibleStateFactory(name="Peru")),
        "staff": StaffFactory(),
    }
    return World(event=event, registration=registration, users=users)


def registration_route(world):
    return f"/events/{world.event.slug}/registrations/{world.registration.pk}/sponsorship/"


# Routes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ACTORS)
def test_request_by_link_opens_for_whoever_holds_the_link(world, who):
    """The registration's reference is the key, as for changing or cancelling it."""
    response = world.client(who).get(f"/registrations/{world.registration.reference}/sponsorship/")
    assert response.status_code == 200
    assert "Ask for sponsorship" in response.content.decode()


def test_request_by_link_unknown_reference_404(client):
    response = client.get("/registrations/00000000-0000-4000-8000-000000000000/sponsorship/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("registrant", 200),
        ("colleague", 403),
        ("focal_point", 200),
        ("outsider", 403),
        ("anonymous", 302),
        ("staff", 403),
    ],
)
def test_request_for_registration_route_access(world, who, expected):
    client = world.client(who)
    response = client.get(registration_route(world))
    assert response.status_code == expected
    posted = client.post(registration_route(world), {"covers_travel": "on"})
    assert posted.status_code == (302 if expected == 200 else expected)
    if expected == 403:
        assert "Only the participant or the focal point of their state" in response.content.decode()
    if expected == 302:
        assert response["Location"].startswith("/accounts/login/?next=")
    assert Sponsorship.objects.exists() == (expected == 200)


def test_request_for_registration_of_another_event_404(world):
    other = OpenEventFactory()
    client = world.client("focal_point")
    response = client.get(
        f"/events/{other.slug}/registrations/{world.registration.pk}/sponsorship/"
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("registrant", 403),
        ("colleague", 403),
        ("focal_point", 403),
        ("outsider", 403),
        ("anonymous", 302),
        ("staff", 200),
    ],
)
def test_event_sponsorships_staff_only(world, who, expected):
    SponsorshipFactory(registration=world.registration)
    client = world.client(who)
    url = f"/events/{world.event.slug}/sponsorships/"
    response = client.get(url)
    assert response.status_code == expected
    html = response.content.decode()
    assert ("Kofi Mensah" in html) == (expected == 200)
    if expected == 403:
        assert "Only the IDM secretariat decides on sponsorship." in html
    sponsorship = Sponsorship.objects.get()
    posted = client.post(url, {"action": "decline", "sponsorship": sponsorship.pk})
    assert posted.status_code == (302 if expected == 200 else expected)
    sponsorship.refresh_from_db()
    assert (sponsorship.status == Status.DECLINED) == (expected == 200)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("registrant", 403),
        ("colleague", 403),
        ("focal_point", 200),
        ("outsider", 200),
        ("anonymous", 302),
        ("staff", 403),
    ],
)
def test_delegation_sponsorships_for_focal_points_of_their_own_state(world, who, expected):
    SponsorshipFactory(registration=world.registration)
    response = world.client(who).get(f"/events/{world.event.slug}/sponsorships/delegation/")
    assert response.status_code == expected
    html = response.content.decode()
    # The focal point of another state sees their own delegation, never this one.
    assert ("Kofi Mensah" in html) == (who == "focal_point")


# Asking -------------------------------------------------------------------------------------


def test_registrant_asks_through_the_link_and_sees_it_on_the_registration_page(world, client):
    registration = world.registration
    page = client.get(registration.get_absolute_url()).content.decode()
    assert f'href="/registrations/{registration.reference}/sponsorship/"' in page
    response = client.post(
        f"/registrations/{registration.reference}/sponsorship/",
        {"covers_travel": "on", "covers_accommodation": "on", "justification": "From Accra"},
    )
    assert response.status_code == 302
    assert response["Location"] == registration.get_absolute_url()
    sponsorship = Sponsorship.objects.get()
    assert (sponsorship.status, sponsorship.covers_daily_allowance, sponsorship.justification) == (
        Status.REQUESTED,
        False,
        "From Accra",
    )
    page = client.get(registration.get_absolute_url()).content.decode()
    assert "Your sponsorship request: Requested." in page


def test_ineligible_state_refused_with_clear_message_and_nothing_recorded(client):
    state = MemberStateFactory(name="Norway", sponsorship_eligible=False)
    registration = DelegateRegistrationFactory(member_state=state)
    url = f"/registrations/{registration.reference}/sponsorship/"
    year = registration.event.dialogue.year
    message = f"Officials of Norway are not eligible for sponsored participation in IDM {year}."
    assert message in client.get(url).content.decode()
    response = client.post(url, {"covers_travel": "on"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Sponsorship.objects.exists()
    # The registration page does not offer what cannot be asked.
    assert "Ask for sponsorship" not in client.get(registration.get_absolute_url()).content.decode()


def test_request_asking_for_nothing_keeps_the_justification_typed(world, client):
    url = f"/registrations/{world.registration.reference}/sponsorship/"
    response = client.post(url, {"justification": "From the capital"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ask for travel, accommodation or the daily allowance (at least one)." in html
    assert "From the capital" in html
    assert not Sponsorship.objects.exists()


def test_registrant_withdraws_the_request_by_link(world, client):
    sponsorship = SponsorshipFactory(registration=world.registration)
    url = f"/registrations/{world.registration.reference}/sponsorship/"
    assert "Withdraw the sponsorship request" in client.get(url).content.decode()
    assert client.post(url, {"action": "withdraw"}).status_code == 302
    sponsorship.refresh_from_db()
    assert sponsorship.status == Status.WITHDRAWN


def test_focal_point_asks_for_a_nominee_from_the_delegation_page(world):
    client = world.client("focal_point")
    nominate = client.get(f"/events/{world.event.slug}/nominate/").content.decode()
    assert f'href="/events/{world.event.slug}/sponsorships/delegation/"' in nominate
    delegation = client.get(f"/events/{world.event.slug}/sponsorships/delegation/")
    assert registration_route(world) in delegation.content.decode()
    response = client.post(registration_route(world), {"covers_daily_allowance": "on"})
    assert response["Location"] == f"/events/{world.event.slug}/sponsorships/delegation/"
    sponsorship = Sponsorship.objects.get()
    assert (sponsorship.requested_by, sponsorship.covers_travel) == (
        world.users["focal_point"],
        False,
    )
    delegation = client.get(f"/events/{world.event.slug}/sponsorships/delegation/")
    assert delegation.context["registrations"][0].standing_sponsorship == sponsorship


def test_delegation_page_says_when_the_state_is_not_eligible():
    focal_point = FocalPointFactory(member_state=MemberStateFactory(name="Japan"))
    event = OpenEventFactory()
    client = Client()
    client.force_login(focal_point)
    html = client.get(f"/events/{event.slug}/sponsorships/delegation/").content.decode()
    year = event.dialogue.year
    assert f"Officials of Japan are not eligible for sponsored participation in IDM {year}." in (
        html
    )


# Staff decisions ----------------------------------------------------------------------------


def test_staff_approves_on_the_page_within_the_line(world):
    sponsorship_line(world.event, "2000")
    sponsorship = SponsorshipFactory(registration=world.registration)
    client = world.client("staff")
    url = f"/events/{world.event.slug}/sponsorships/"
    response = client.post(
        url, {"action": "approve", "sponsorship": sponsorship.pk, "amount_usd": "1,500.00"}
    )
    assert response.status_code == 302
    sponsorship.refresh_from_db()
    assert (sponsorship.status, str(sponsorship.amount_usd)) == (Status.APPROVED, "1500.00")
    page = client.get(url)
    assert page.context["funding"].sponsorship_remaining == 500
    assert "500.00 USD" in page.content.decode()


def test_staff_approval_beyond_the_line_shows_the_amount_missing_beside_what_was_typed(world):
    sponsorship_line(world.event, "1000")
    sponsorship = SponsorshipFactory(registration=world.registration)
    response = world.client("staff").post(
        f"/events/{world.event.slug}/sponsorships/",
        {
            "action": "approve",
            "sponsorship": sponsorship.pk,
            "amount_usd": "2250.00",
            "note": "Economy class",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "The sponsored-participants line of this event has 1,000.00 USD left: 1,250.00 USD missing."
    ) in html
    assert 'value="2250.00"' in html and 'value="Economy class"' in html
    sponsorship.refresh_from_db()
    assert sponsorship.status == Status.REQUESTED


def test_staff_approval_without_amount_asks_for_it(world):
    sponsorship = SponsorshipFactory(registration=world.registration)
    response = world.client("staff").post(
        f"/events/{world.event.slug}/sponsorships/",
        {"action": "approve", "sponsorship": sponsorship.pk, "amount_usd": ""},
    )
    assert response.status_code == 200
    assert "Give the amount approved, in US dollars." in response.content.decode()


def test_staff_decision_on_a_request_of_another_event_refused(world):
    other = SponsorshipFactory()
    response = world.client("staff").post(
        f"/events/{world.event.slug}/sponsorships/",
        {"action": "decline", "sponsorship": other.pk},
    )
    assert response.status_code == 200
    assert response.context["general_errors"]
    other.refresh_from_db()
    assert other.status == Status.REQUESTED


def test_staff_list_filters_by_status(world):
    SponsorshipFactory(registration=world.registration)
    SponsorshipFactory(registration__event=world.event, status=Status.DECLINED)
    response = world.client("staff").get(
        f"/events/{world.event.slug}/sponsorships/", {"status": "declined"}
    )
    assert [row.status for row in response.context["rows"]] == [Status.DECLINED]


def add_requests(event, count):
    for _ in range(count):
        SponsorshipFactory(
            registration__event=event, requested_by=FocalPointFactory(), status=Status.REQUESTED
        )


def test_staff_list_same_query_count_at_1_and_10_requests(world):
    client = world.client("staff")
    small, large = OpenEventFactory(), OpenEventFactory()
    add_requests(small, 1)
    add_requests(large, 10)
    one = count_queries(client, f"/events/{small.slug}/sponsorships/")
    ten = count_queries(client, f"/events/{large.slug}/sponsorships/")
    assert one == ten


def test_delegation_page_same_query_count_at_1_and_10_registrations(world):
    focal_point = world.users["focal_point"]
    client = world.client("focal_point")
    small, large = OpenEventFactory(), OpenEventFactory()
    for event, count in [(small, 1), (large, 10)]:
        for index in range(count):
            registration = DelegateRegistrationFactory(
                event=event, member_state=focal_point.member_state
            )
            if index % 2:
                SponsorshipFactory(registration=registration)
    one = count_queries(client, f"/events/{small.slug}/sponsorships/delegation/")
    ten = count_queries(client, f"/events/{large.slug}/sponsorships/delegation/")
    assert one == ten


def test_event_and_staff_pages_link_to_the_sponsorship_requests_for_staff_only(world):
    url = f'href="/events/{world.event.slug}/sponsorships/"'
    staff = world.client("staff")
    for page in ["", "participants/all/", "registrations/"]:
        assert url in staff.get(f"/events/{world.event.slug}/{page}").content.decode(), page
    assert (
        url not in world.client("focal_point").get(world.event.get_absolute_url()).content.decode()
    )
