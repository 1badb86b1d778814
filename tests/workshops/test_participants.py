"""The list of participants: protocol order, who appears publicly, the staff list, exports."""

import csv
import io

import pytest
from django.test import Client
from django.utils import translation
from openpyxl import load_workbook

from idm.collation import collation_key
from tests.factories import DelegateFactory
from tests.helpers import count_queries
from tests.workshops.factories import EventFactory, RegistrationFactory
from tests.workshops.participants_factories import (
    PROTOCOL_ORDER,
    delegate,
    event_with_participants,
    participant,
    state,
)
from workshops.models import Registration
from workshops.participants import (
    attendance_counts,
    in_protocol_order,
    protocol_list,
    public_participants,
)

pytestmark = pytest.mark.django_db
Category = Registration.Category
Status = Registration.Status


def names(registrations):
    return [registration.name for registration in registrations]


def test_collation_key_ignores_accents_case_and_punctuation():
    names_ = ["Croatia", "Côte d'Ivoire", "costa rica", "Cuba", "Chile"]
    assert sorted(names_, key=collation_key) == [
        "Chile",
        "costa rica",
        "Côte d'Ivoire",
        "Croatia",
        "Cuba",
    ]


def test_protocol_order_states_then_observers_organisations_ngos_others():
    event = event_with_participants()
    assert names(in_protocol_order(event.registrations.all())) == PROTOCOL_ORDER


def test_protocol_order_follows_the_page_language():
    event = event_with_participants()
    with translation.override("fr"):
        ordered = names(in_protocol_order(event.registrations.all()))
    # Allemagne, Costa Rica, Côte d'Ivoire
    assert ordered[:4] == ["Greta Weber", "Hans Braun", "Carla Mora", "Awa Koné"]


def test_protocol_list_groups_under_state_and_organisation_headings():
    event = event_with_participants()
    groups = protocol_list(event.registrations.all())
    assert [group.key for group in groups] == [
        "member_states",
        "observer_states",
        "international_organisations",
        "ngos",
        "others",
    ]
    assert [d.heading for d in groups[0].delegations] == ["Costa Rica", "Côte d'Ivoire", "Germany"]
    assert names(groups[0].delegations[2].participants) == ["Greta Weber", "Hans Braun"]


def test_public_participants_only_confirmed_or_attended_who_consented():
    event = EventFactory()
    participant(event, "Shown", Category.NGO, "A")
    participant(event, "Came", Category.NGO, "B", status=Status.ATTENDED)
    participant(event, "No consent", Category.NGO, "C", listed_publicly=False)
    for status in (Status.PENDING, Status.WAITLISTED, Status.CANCELLED):
        participant(event, f"Is {status}", Category.NGO, "D", status=status)
    assert sorted(names(public_participants(event))) == ["Came", "Shown"]


def test_public_page_lists_names_functions_and_organisations_in_order(client):
    event = event_with_participants()
    participant(event, "Secret Person", Category.NGO, "Caritas", listed_publicly=False)
    response = client.get(f"/events/{event.slug}/participants/")
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(name) for name in PROTOCOL_ORDER]
    assert positions == sorted(positions)
    assert "Head of delegation" in html
    assert "Secret Person" not in html
    assert "participant0@" not in html and "@example.org" not in html


def test_public_page_in_french_orders_states_in_french(client):
    event = event_with_participants()
    client.cookies["django_language"] = "fr"
    html = client.get(f"/events/{event.slug}/participants/", HTTP_ACCEPT_LANGUAGE="fr").content
    html = html.decode()
    assert html.index("Allemagne") < html.index("Costa Rica") < html.index("Côte d")


def test_staff_list_shows_every_status_and_the_staff_fields(staff_client):
    event = event_with_participants()
    nominator = DelegateFactory(email="focal@de.example.org")
    participant(
        event,
        "Wendy Waiting",
        Category.NGO,
        "Oxfam",
        status=Status.WAITLISTED,
        listed_publicly=False,
        needs="Wheelchair access",
        nominated_by=nominator,
    )
    html = staff_client.get(f"/events/{event.slug}/participants/all/").content.decode()
    assert "Wendy Waiting" in html
    assert "Wheelchair access" in html
    assert "focal@de.example.org" in html
    assert "Waiting list" in html
    positions = [html.index(name) for name in PROTOCOL_ORDER]
    assert positions == sorted(positions)


def test_attendance_counts_per_category_and_region_in_the_database(
    staff_client, django_assert_num_queries
):
    event = event_with_participants()
    event.registrations.filter(name__in=["Greta Weber", "Awa Koné", "Nora NGO"]).update(
        status=Status.ATTENDED
    )
    participant(event, "Not yet", Category.NGO, "X", status=Status.PENDING)
    with django_assert_num_queries(1):
        counts = attendance_counts(event)
    by_category = {row["label"]: (row["attended"], row["expected"]) for row in counts["categories"]}
    assert by_category["Delegate of a member state"] == (2, 4)
    assert by_category["Non-governmental organization"] == (1, 1)
    by_region = {row["label"]: (row["attended"], row["expected"]) for row in counts["regions"]}
    assert by_region == {"Africa": (1, 1), "Americas": (0, 1), "Europe": (1, 3)}
    assert counts["total"] == {"attended": 3, "expected": 8}
    html = staff_client.get(f"/events/{event.slug}/participants/all/").content.decode()
    assert "3 of 8 expected participants checked in." in html


def add_participants(event, count):
    for _ in range(count):
        RegistrationFactory(
            event=event,
            category=Category.MEMBER_STATE,
            member_state=DelegateFactory().member_state,
            listed_publicly=True,
            nominated_by=DelegateFactory(),
        )


@pytest.mark.parametrize("route", ["participants/", "participants/all/"])
def test_participant_lists_same_query_count_at_1_and_30_rows(staff_client, route):
    small, large = EventFactory(), EventFactory()
    add_participants(small, 1)
    add_participants(large, 30)
    large.registrations.filter(pk__in=large.registrations.values("pk")[:10]).update(
        status=Status.ATTENDED
    )
    one = count_queries(staff_client, f"/events/{small.slug}/{route}")
    thirty = count_queries(staff_client, f"/events/{large.slug}/{route}")
    assert one == thirty
    assert len(public_participants(large)) == 30


def test_csv_export_in_protocol_order_with_staff_fields_and_excel_safe(staff_client):
    event = event_with_participants()
    participant(event, "=HYPERLINK(evil)", Category.OTHER, "Z", status=Status.CANCELLED)
    response = staff_client.get(f"/events/{event.slug}/participants.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.streaming
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["State or organization", "Name", "Function"]
    assert [row[1] for row in rows[1:]] == [*PROTOCOL_ORDER, "'=HYPERLINK(evil)"]
    assert rows[1][0] == "Costa Rica"
    assert rows[-1][6] == "Cancelled"


def test_xlsx_export_in_protocol_order_text_never_a_formula(staff_client):
    event = event_with_participants()
    participant(event, "=1+1", Category.OTHER, "Z")
    response = staff_client.get(f"/events/{event.slug}/participants.xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    values = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values == [*PROTOCOL_ORDER, "=1+1"]
    assert sheet.cell(row=len(values) + 1, column=2).data_type == "s"


def test_event_page_links_to_the_list_and_staff_see_the_staff_list(staff_client):
    event = EventFactory()
    html = Client().get(event.get_absolute_url()).content.decode()
    assert f'href="/events/{event.slug}/participants/"' in html
    assert "/participants/all/" not in html
    staff_html = staff_client.get(event.get_absolute_url()).content.decode()
    assert f'href="/events/{event.slug}/participants/all/"' in staff_html


@pytest.mark.parametrize(
    ("query", "header", "germany", "mexico"),
    [
        ({"lang": "fr"}, "État ou organisation", "Allemagne", "Mexique"),
        ({"lang": "es"}, "Estado u organización", "Alemania", "México"),
        ({}, "State or organization", "Germany", "Mexico"),
    ],
)
def test_csv_export_member_states_in_export_language(staff_client, query, header, germany, mexico):
    event = event_with_participants()
    delegate(event, state("MX", "MEX", "Mexico", region="americas"), "Luis Pérez")
    response = staff_client.get(f"/events/{event.slug}/participants.csv", query)
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][0] == header
    headings = [row[0] for row in rows[1:]]
    assert germany in headings and mexico in headings
    assert response["Content-Language"] == query.get("lang", "en")


def test_xlsx_export_lang_parameter_wins_over_page_language(staff_client):
    event = event_with_participants()
    delegate(event, state("MX", "MEX", "Mexico", region="americas"), "Luis Pérez")
    staff_client.cookies["django_language"] = "es"
    response = staff_client.get(f"/events/{event.slug}/participants.xlsx", {"lang": "fr"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.title == "Participants"
    headings = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    # Protocol order in French: Allemagne, Costa Rica, Côte d'Ivoire, Mexique.
    assert headings[:5] == ["Allemagne", "Allemagne", "Costa Rica", "Côte d'Ivoire", "Mexique"]
