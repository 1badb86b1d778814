"""Approved sponsorships appear on the participant: the staff list, the badge (a discreet
flag), the CSV/XLSX exports, with bounded queries; the public list and anonymous visitors
never see them (acceptance 4 for participants)."""

import csv
import io
from decimal import Decimal

import pytest
from django.test import Client
from openpyxl import load_workbook
from pypdf import PdfReader

from funding import services_sponsorship as sponsorships
from funding.models import Sponsorship
from tests.funding.sponsorship_factories import (
    DelegateRegistrationFactory,
    SponsorshipFactory,
    sponsorship_line,
)
from tests.helpers import count_queries
from tests.workshops.factories import OpenEventFactory, RegistrationFactory
from workshops.participants import is_sponsored

pytestmark = pytest.mark.django_db
Status = Sponsorship.Status


@pytest.fixture
def event():
    """Three participants in person: one sponsored, one whose request waits, one without."""
    event = OpenEventFactory()
    sponsorship_line(event, "4000")
    sponsored = SponsorshipFactory(
        registration__event=event,
        registration__name="Ama Owusu",
        registration__listed_publicly=True,
    )
    sponsorships.approve_sponsorship(sponsorship=sponsored, amount_usd="2750", actor=None)
    SponsorshipFactory(registration__event=event, registration__name="Bo Tanaka")
    RegistrationFactory(event=event, name="Cy Ruiz", listed_publicly=True)
    return event


def rows_of_csv(response):
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_is_sponsored_only_for_an_approved_sponsorship(event):
    flags = {r.name: is_sponsored(r) for r in event.registrations.select_related("sponsorship")}
    assert flags == {"Ama Owusu": True, "Bo Tanaka": False, "Cy Ruiz": False}


def test_staff_list_shows_sponsored_and_requested(staff_client, event):
    response = staff_client.get(f"/events/{event.slug}/participants/all/")
    html = response.content.decode()
    people = {
        person.name: person for group in response.context["groups"] for person in group.participants
    }
    assert is_sponsored(people["Ama Owusu"]) and not is_sponsored(people["Bo Tanaka"])
    assert html.count('data-testid="sponsored">Sponsored</span>') == 1
    assert html.count('data-testid="sponsorship-requested">Sponsorship requested</span>') == 1


def test_staff_list_same_query_count_with_1_and_8_sponsored_participants(staff_client):
    small, large = OpenEventFactory(), OpenEventFactory()
    for event, count in [(small, 1), (large, 8)]:
        sponsorship_line(event, "100000")
        for _ in range(count):
            sponsorship = SponsorshipFactory(registration__event=event)
            sponsorships.approve_sponsorship(sponsorship=sponsorship, amount_usd="100", actor=None)
            RegistrationFactory(event=event)
    for route in ["participants/all/", "participants.csv"]:
        one = count_queries(staff_client, f"/events/{small.slug}/{route}")
        eight = count_queries(staff_client, f"/events/{large.slug}/{route}")
        assert one == eight, route


def test_csv_export_has_a_sponsored_column(staff_client, event):
    rows = rows_of_csv(staff_client.get(f"/events/{event.slug}/participants.csv"))
    column = rows[0].index("Sponsored")
    assert {row[1]: row[column] for row in rows[1:]} == {
        "Ama Owusu": "Yes",
        "Bo Tanaka": "No",
        "Cy Ruiz": "No",
    }


def test_xlsx_export_has_a_sponsored_column(staff_client, event):
    response = staff_client.get(f"/events/{event.slug}/participants.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("Sponsored")
    assert {row[1]: row[column] for row in rows[1:]}["Ama Owusu"] == "Yes"


def test_badge_of_a_sponsored_participant_carries_the_flag(staff_client, event):
    response = staff_client.get(f"/events/{event.slug}/badges.pdf")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    flagged = {}
    for page in reader.pages:
        text = page.extract_text()
        name = next(n for n in ["Ama Owusu", "Bo Tanaka", "Cy Ruiz"] if n in text)
        flagged[name] = "SPONSORED" in text.upper()
    assert flagged == {"Ama Owusu": True, "Bo Tanaka": False, "Cy Ruiz": False}


def test_public_list_and_anonymous_never_see_sponsorship(event):
    client = Client()
    html = client.get(f"/events/{event.slug}/participants/").content.decode()
    assert "Ama Owusu" in html
    assert "Sponsored" not in html and "2,750" not in html and "2750" not in html
    for route in ["participants/all/", "participants.csv", "participants.xlsx", "badges.pdf"]:
        response = client.get(f"/events/{event.slug}/{route}")
        assert response.status_code == 302, route
    assert client.get(f"/events/{event.slug}/sponsorships/").status_code == 302


def test_event_page_shows_no_sponsorship_amount_to_anonymous(event):
    html = Client().get(event.get_absolute_url()).content.decode()
    assert "2,750" not in html and "2750" not in html
    assert f"/events/{event.slug}/sponsorships/" not in html


def test_registration_page_never_shows_the_amount(event):
    registration = event.registrations.get(name="Ama Owusu")
    for url in [
        registration.get_absolute_url(),
        f"/registrations/{registration.reference}/sponsorship/",
    ]:
        html = Client().get(url).content.decode()
        assert "Approved" in html
        assert "2,750" not in html and "2750" not in html


def test_approved_sponsorships_are_the_events_spending(event):
    from funding.allocation import event_funding

    funding = event_funding(event)
    assert funding.spent_on_sponsorships == Decimal("2750.00")
    assert funding.sponsorship_remaining == Decimal("1250.00")
    DelegateRegistrationFactory(event=event)  # a registration alone spends nothing
    assert event_funding(event).spent_on_sponsorships == Decimal("2750.00")
