import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from tests.factories import DelegateFactory, DialogueFactory, DocumentFactory, StaffFactory
from tests.helpers import count_queries
from tests.workshops.factories import (
    EventFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
)
from workshops.models import Event

pytestmark = pytest.mark.django_db
TRAFFICKING = "2009-trafficking-and-exploitation-of-migrants"


def staff_token_client(api_client):
    token = Token.objects.create(user=StaffFactory())
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api_client


def test_events_api_lists_exactly_the_four_seeded_workshops(api_client):
    call_command("seed_idm")
    body = api_client.get("/api/v1/events/", {"kind": "workshop"}).json()
    assert body["count"] == 4
    assert [(e["title"], e["start_date"], e["end_date"], e["status"]) for e in body["results"]] == [
        ("Managing Return Migration", "2008-04-21", "2008-04-22", "held"),
        (
            "Enhancing the Role of Return Migration in Fostering Development",
            "2008-07-07",
            "2008-07-08",
            "held",
        ),
        (
            "Effective Respect for the Human Rights of Migrants: A Shared Responsibility",
            "2009-03-25",
            "2009-03-26",
            "proposed",
        ),
        (
            "Trafficking and Exploitation of Migrants: Ensuring Protection of Human Rights",
            "2009-07-09",
            "2009-07-10",
            "proposed",
        ),
    ]


def test_events_api_filters_year_kind_status(api_client):
    call_command("seed_idm")
    rows = api_client.get("/api/v1/events/", {"year": 2008, "kind": "council_panel"}).json()
    assert rows["count"] == 4
    assert all(r["start_date"] is None and r["dialogue_year"] == 2008 for r in rows["results"])
    rows = api_client.get("/api/v1/events/", {"status": "proposed"}).json()
    assert {r["slug"] for r in rows["results"]} == {
        "2009-human-rights-of-migrants",
        TRAFFICKING,
    }


@pytest.mark.parametrize("status", ["postponed", "subject_to_funding"])
def test_events_api_invalid_filter_400_with_field_error(api_client, status):
    # "subject_to_funding" is no longer typed by hand: /api/v1/events/{slug}/funding/ computes it.
    response = api_client.get("/api/v1/events/", {"status": status})
    assert response.status_code == 400
    assert "status" in response.json()


def test_event_detail_nests_agenda_with_speakers_and_documents(api_client):
    event = EventFactory(slug="with-agenda")
    session = SessionFactory(event=event, title="Opening", kind="opening")
    SessionSpeakerFactory(
        session=session,
        role="moderator",
        speaker__name="Ana Moderator",
        presentation=DocumentFactory(symbol="IC/2009/9", title="Slides"),
    )
    body = api_client.get("/api/v1/events/with-agenda/").json()
    (item,) = body["agenda"]
    assert (item["title"], item["kind"]) == ("Opening", "opening")
    (speaker,) = item["speakers"]
    assert (speaker["role"], speaker["name"], speaker["presentation"]["symbol"]) == (
        "moderator",
        "Ana Moderator",
        "IC/2009/9",
    )


def test_events_api_staff_token_creates_event_through_service(api_client):
    DialogueFactory(year=2010)
    client = staff_token_client(api_client)
    response = client.post(
        "/api/v1/events/",
        {
            "dialogue_year": 2010,
            "kind": "workshop",
            "title": "Migrants and the Economic Crisis",
            "slug": "2010-economic-crisis",
            "start_date": "2010-03-18",
            "status": "proposed",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    event = Event.objects.get(slug="2010-economic-crisis")
    assert event.end_date.isoformat() == "2010-03-18"  # one-day event, as the admin does
    assert event.history.latest().history_user.is_staff


def test_events_api_end_before_start_400_with_field_error(api_client):
    DialogueFactory(year=2010)
    response = staff_token_client(api_client).post(
        "/api/v1/events/",
        {
            "dialogue_year": 2010,
            "kind": "workshop",
            "title": "Backwards",
            "slug": "backwards",
            "start_date": "2010-03-18",
            "end_date": "2010-03-17",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"end_date": ["The end date cannot be before the start date."]}
    assert not Event.objects.exists()


def test_events_api_registration_moment_outside_dialogue_era_400(api_client):
    """Schemathesis found year 39 stored and served as "0039-…+00:34:08", not a date-time."""
    DialogueFactory(year=2010)
    response = staff_token_client(api_client).post(
        "/api/v1/events/",
        {
            "dialogue_year": 2010,
            "kind": "workshop",
            "title": "Long ago",
            "slug": "long-ago",
            "registration_opens_at": "0039-11-20T00:10:17Z",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"registration_opens_at": ["Enter a date between 2000 and 2100."]}
    assert not Event.objects.exists()


def test_events_api_duplicate_slug_400(api_client):
    EventFactory(slug="taken", dialogue=DialogueFactory(year=2010))
    response = staff_token_client(api_client).patch(
        f"/api/v1/events/{EventFactory(dialogue=DialogueFactory(year=2010)).slug}/",
        {"slug": "taken"},
        format="json",
    )
    assert response.status_code == 400
    assert "slug" in response.json()


def test_events_api_refuses_writes_anonymous_and_delegate(api_client):
    event = EventFactory()
    assert api_client.post("/api/v1/events/", {}).status_code in (401, 403)
    api_client.force_authenticate(DelegateFactory())
    assert api_client.patch(f"/api/v1/events/{event.slug}/", {"title": "x"}).status_code == 403
    assert api_client.delete(f"/api/v1/events/{event.slug}/").status_code == 403


def test_registrations_api_staff_only(api_client):
    registration = RegistrationFactory(email="amina@example.org")
    assert api_client.get("/api/v1/registrations/").status_code in (401, 403)
    api_client.force_authenticate(DelegateFactory())
    assert api_client.get("/api/v1/registrations/").status_code == 403
    api_client.force_authenticate(StaffFactory())
    rows = api_client.get("/api/v1/registrations/", {"event": registration.event.slug}).json()
    assert [r["email"] for r in rows["results"]] == ["amina@example.org"]


def make_event(i):
    event = EventFactory()
    event.documents.add(DocumentFactory())


ROW_MAKERS = {
    "/api/v1/events/": make_event,
    "/api/v1/registrations/": lambda i: RegistrationFactory(),
}


@pytest.mark.parametrize("url", ROW_MAKERS)
def test_list_endpoint_same_query_count_for_1_and_20_rows(
    api_client, django_assert_num_queries, url
):
    api_client.force_authenticate(StaffFactory())
    ROW_MAKERS[url](0)
    queries_for_one = count_queries(api_client, url)
    for i in range(1, 20):
        ROW_MAKERS[url](i)
    with django_assert_num_queries(queries_for_one):
        response = api_client.get(url)
    assert response.json()["count"] == 20


def test_event_detail_same_query_count_for_1_and_20_agenda_items(
    api_client, django_assert_num_queries
):
    event = EventFactory(slug="big")

    def add_item():
        SessionSpeakerFactory(session=SessionFactory(event=event), presentation=DocumentFactory())

    add_item()
    queries_for_one = count_queries(api_client, "/api/v1/events/big/")
    for _ in range(19):
        add_item()
    with django_assert_num_queries(queries_for_one):
        response = api_client.get("/api/v1/events/big/")
    assert len(response.json()["agenda"]) == 20
