"""Online and hybrid events: the meeting link reaches confirmed online participants only
(acceptance 8); the format, the livestream and the recordings are public."""

import pytest
from django.core import mail
from rest_framework.authtoken.models import Token

from tests.factories import StaffFactory
from tests.workshops.factories import OpenEventFactory, RegistrationFactory, SessionFactory
from workshops import services
from workshops.models import Event, Registration

pytestmark = pytest.mark.django_db

MEETING_URL = "https://meet.example.org/j/8765309"
PASSCODE = "idm-4711"
LIVESTREAM_URL = "https://webtv.example.org/idm-live"
Status = Registration.Status
ONLINE, IN_PERSON = Registration.Participation.ONLINE, Registration.Participation.IN_PERSON


def online_event(event_format=Event.Format.HYBRID, **fields):
    return OpenEventFactory(
        slug="hybrid-workshop",
        format=event_format,
        meeting_url=MEETING_URL,
        meeting_passcode=PASSCODE,
        livestream_url=LIVESTREAM_URL,
        **fields,
    )


def shows_meeting_link(text):
    found = {MEETING_URL in text, PASSCODE in text}
    assert len(found) == 1, "the link and its passcode go together"
    return found.pop()


# (event format, participation, status) -> does the registration page show the meeting link?
REGISTRATION_MATRIX = [
    (Event.Format.HYBRID, ONLINE, Status.CONFIRMED, True),
    (Event.Format.HYBRID, ONLINE, Status.ATTENDED, True),
    (Event.Format.HYBRID, IN_PERSON, Status.CONFIRMED, False),
    (Event.Format.HYBRID, ONLINE, Status.WAITLISTED, False),
    (Event.Format.HYBRID, ONLINE, Status.PENDING, False),
    (Event.Format.HYBRID, ONLINE, Status.CANCELLED, False),
    (Event.Format.ONLINE, IN_PERSON, Status.CONFIRMED, True),
    (Event.Format.ONLINE, ONLINE, Status.WAITLISTED, False),
    (Event.Format.ONLINE, ONLINE, Status.PENDING, False),
    # A link left on an event that is in person only goes to nobody.
    (Event.Format.IN_PERSON, ONLINE, Status.CONFIRMED, False),
]


@pytest.mark.parametrize(("event_format", "participation", "status", "shown"), REGISTRATION_MATRIX)
def test_registration_page_meeting_link_for_confirmed_online_participants_only(
    client, event_format, participation, status, shown
):
    registration = RegistrationFactory(
        event=online_event(event_format), participation=participation, status=status
    )
    page = client.get(registration.get_absolute_url())
    assert page.status_code == 200
    assert shows_meeting_link(page.content.decode()) is shown
    assert ('data-testid="meeting-link"' in page.content.decode()) is shown


def test_registration_page_of_another_participant_hides_meeting_link(client):
    event = online_event()
    RegistrationFactory(event=event, participation=ONLINE, status=Status.CONFIRMED)
    colleague = RegistrationFactory(event=event, participation=IN_PERSON, status=Status.CONFIRMED)
    page = client.get(colleague.get_absolute_url()).content.decode()
    assert colleague.name in page
    assert not shows_meeting_link(page)


@pytest.mark.parametrize("viewer", ["anonymous", "participant", "staff"])
def test_event_page_never_shows_meeting_link_shows_livestream_and_format(client, viewer):
    event = online_event()
    registration = RegistrationFactory(event=event, participation=ONLINE, status=Status.CONFIRMED)
    if viewer == "staff":
        client.force_login(StaffFactory())
    elif viewer == "participant":
        client.get(registration.get_absolute_url())  # the participant's own page first
    page = client.get(event.get_absolute_url()).content.decode()
    assert not shows_meeting_link(page)
    assert LIVESTREAM_URL in page
    assert "Hybrid (in person and online)" in page


def test_event_lists_show_format_never_meeting_link(client):
    event = online_event(Event.Format.ONLINE)
    page = client.get(f"/dialogues/{event.dialogue.year}/").content.decode()
    assert event.title in page
    assert "Online" in page
    assert not shows_meeting_link(page)


def api_client_as(api_client, caller):
    if caller == "staff":
        token = Token.objects.create(user=StaffFactory())
        api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api_client


@pytest.mark.parametrize("caller", ["anonymous", "staff"])
def test_event_api_never_serves_meeting_link(api_client, caller):
    event = online_event()
    client = api_client_as(api_client, caller)
    listed = client.get("/api/v1/events/")
    detail = client.get(f"/api/v1/events/{event.slug}/")
    assert (listed.status_code, detail.status_code) == (200, 200)
    for body in (listed.content.decode(), detail.content.decode()):
        assert not shows_meeting_link(body)
        assert "meeting_url" not in body and "meeting_passcode" not in body
    assert detail.json()["format"] == "hybrid"
    assert detail.json()["livestream_url"] == LIVESTREAM_URL
    assert listed.json()["results"][0]["format"] == "hybrid"


def test_event_api_staff_sets_meeting_link_without_reading_it_back(api_client):
    event = online_event(Event.Format.IN_PERSON, capacity=10)
    client = api_client_as(api_client, "staff")
    response = client.patch(
        f"/api/v1/events/{event.slug}/",
        {"format": "online", "meeting_url": "https://meet.example.org/j/new"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["format"] == "online"
    assert "meeting_url" not in response.json()
    event.refresh_from_db()
    assert (event.format, event.meeting_url) == ("online", "https://meet.example.org/j/new")


def register(event, email, participation=IN_PERSON):
    registration = services.register(
        event=event,
        name="Amina Diallo",
        email=email,
        organisation="Ministry of Labour",
        category=Registration.Category.NGO,
    )
    # The form's participation choice (another part of issue 10) is set as the form will.
    Registration.objects.filter(pk=registration.pk).update(participation=participation)
    registration.refresh_from_db()
    return registration


def test_confirmation_email_meeting_link_block_for_online_participant_only(
    django_capture_on_commit_callbacks,
):
    event = online_event(Event.Format.ONLINE, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        register(event, "first@example.org")
        register(event, "second@example.org")  # waiting list
    confirmed, waitlisted = mail.outbox
    assert confirmed.to == ["first@example.org"]
    assert shows_meeting_link(confirmed.body)
    assert "Joining online (this link is for you only: please do not share it)" in confirmed.body
    assert waitlisted.to == ["second@example.org"]
    assert not shows_meeting_link(waitlisted.body)


def test_confirmation_email_of_in_person_participant_of_hybrid_event_has_no_link(
    django_capture_on_commit_callbacks,
):
    event = online_event()
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register(
            event=event,
            name="Amina Diallo",
            email="amina@example.org",
            organisation="Ministry of Labour",
            category=Registration.Category.NGO,
        )
    assert registration.participation == IN_PERSON
    (message,) = mail.outbox
    assert not shows_meeting_link(message.body)
    assert not shows_meeting_link(message.alternatives[0][0])


def test_promotion_email_carries_meeting_link_to_online_participant(
    django_capture_on_commit_callbacks,
):
    event = online_event(capacity=1)
    first = RegistrationFactory(event=event, status=Status.CONFIRMED)
    RegistrationFactory(
        event=event, status=Status.WAITLISTED, participation=ONLINE, email="next@example.org"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(registration=first)
    # The cancelled participant is told too; the promoted one gets the meeting link.
    (message,) = [message for message in mail.outbox if message.to == ["next@example.org"]]
    assert shows_meeting_link(message.body)
    assert not any(shows_meeting_link(other.body) for other in mail.outbox if other is not message)


def test_event_page_shows_recording_of_each_agenda_item(client):
    event = online_event(status=Event.Status.HELD)
    SessionFactory(event=event, title="Opening", recording_url="https://webtv.example.org/rec/1")
    SessionFactory(event=event, title="Panel", recording_url="")
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'href="https://webtv.example.org/rec/1"' in page
    assert "Recording of “Opening”" in page
    assert "Recording of “Panel”" not in page
