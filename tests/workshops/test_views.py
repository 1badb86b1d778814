import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from icalendar import Calendar

from tests.factories import DialogueFactory, DocumentFactory, MemberStateFactory
from tests.helpers import count_queries
from tests.principles.factories import PrincipleFactory
from tests.workshops.factories import (
    EventFactory,
    OpenEventFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
)
from workshops.models import Event, Registration, SessionSpeaker

pytestmark = pytest.mark.django_db
TRAFFICKING = "2009-trafficking-and-exploitation-of-migrants"


def test_dialogue_archive_lists_years_with_counts(client):
    call_command("seed_idm")
    content = client.get(reverse("workshops:dialogue-archive")).content.decode()
    assert "Return Migration: Challenges and Opportunities" in content
    assert "7 events" in content and "2 intersessional workshops" in content


def test_dialogue_page_shows_events_documents_and_principles(client):
    call_command("seed_idm")
    content = client.get(reverse("workshops:dialogue", args=[2008])).content.decode()
    assert "Managing Return Migration" in content
    assert "Date to be announced" in content  # the Council-session panels
    assert "IC/2008/6" in content
    assert "Key policy principles on return migration" in content
    assert "Return migration is neither a secondary nor ancillary phenomenon" in content


def test_dialogue_page_unknown_year_404(client):
    assert client.get(reverse("workshops:dialogue", args=[1999])).status_code == 404


def test_event_page_shows_dates_status_and_description(client):
    call_command("seed_idm")
    response = client.get(reverse("workshops:event", args=[TRAFFICKING]))
    content = response.content.decode()
    assert "9–10 July 2009" in content
    assert 'data-phase="held">Held<' in content  # planned in 2009, now past
    assert 'data-testid="event-status"' not in content  # "proposed" says nothing after it
    # "Subject to available funding" is computed from the budget (funding app), not typed.
    assert 'data-status="subject_to_funding"' in content
    assert "Exploitation and abuse of migrants" in content
    assert reverse("workshops:event-ics", args=[TRAFFICKING]) in content
    assert "Register" not in content  # registration is not open for a 2009 workshop


def test_event_page_in_spanish_formats_dates(client):
    call_command("seed_idm")
    response = client.get(reverse("workshops:event", args=[TRAFFICKING]), HTTP_ACCEPT_LANGUAGE="es")
    assert "9–10 de julio de 2009" in response.content.decode()


def test_event_page_shows_agenda_with_moderator_speakers_and_presentation(client):
    event = EventFactory(slug="agenda")
    session = SessionFactory(
        event=event, title="Trafficking and forced labour", date=event.start_date
    )
    state = MemberStateFactory(code="PH", name="Philippines")
    SessionSpeakerFactory(
        session=session,
        role=SessionSpeaker.Role.MODERATOR,
        speaker=SpeakerFactory(name="Ana Moderator"),
    )
    SessionSpeakerFactory(
        session=session,
        speaker=SpeakerFactory(name="Jose Speaker", member_state=state),
        presentation_title="Identifying victims",
        presentation=DocumentFactory(url="https://www.iom.int/idm/slides.pdf"),
    )
    SessionSpeakerFactory(session=session, presentation_title="Without slides")
    content = client.get(reverse("workshops:event", args=["agenda"])).content.decode()
    assert "Trafficking and forced labour" in content
    assert "<em>Without slides</em>" in content
    assert "Ana Moderator" in content and "Jose Speaker" in content and "Philippines" in content
    assert '<a href="https://www.iom.int/idm/slides.pdf">Identifying victims</a>' in content


def test_event_page_register_button_when_registration_open(client):
    event = OpenEventFactory()
    content = client.get(event.get_absolute_url()).content.decode()
    assert f'href="{reverse("workshops:register", args=[event.slug])}"' in content


def test_event_page_links_principles_that_emanated_from_it(client):
    call_command("seed_idm")
    content = client.get(
        reverse("workshops:event", args=["2008-managing-return-migration"])
    ).content.decode()
    assert "Key policy principles that emanated from this event" in content
    assert "Equal partnership between countries of origin" in content


def test_event_ics_download_holds_the_event(client):
    call_command("seed_idm")
    response = client.get(reverse("workshops:event-ics", args=[TRAFFICKING]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{TRAFFICKING}.ics"'
    calendar = Calendar.from_ical(response.content)
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]) == (
        "Trafficking and Exploitation of Migrants: Ensuring Protection of Human Rights"
    )
    assert entry.decoded("dtstart") == datetime.date(2009, 7, 9)
    assert entry.decoded("dtend") == datetime.date(2009, 7, 11)  # exclusive end: 2 days
    assert str(entry["status"]) == "TENTATIVE"
    assert str(entry["url"]).endswith(f"/events/{TRAFFICKING}/")


def test_event_ics_404_when_date_to_be_announced(client):
    event = EventFactory(start_date=None, end_date=None)
    assert client.get(reverse("workshops:event-ics", args=[event.slug])).status_code == 404
    assert "calendar.ics" not in client.get(event.get_absolute_url()).content.decode()


def test_dialogue_ics_holds_dated_events_only(client):
    call_command("seed_idm")
    response = client.get(reverse("workshops:dialogue-ics", args=[2008]))
    calendar = Calendar.from_ical(response.content)
    titles = sorted(str(entry["summary"]) for entry in calendar.walk("VEVENT"))
    assert titles == [
        "Enhancing the Role of Return Migration in Fostering Development",
        "IDM Informal Consultations",
        "Managing Return Migration",
    ]
    assert str(calendar["x-wr-calname"]) == "IDM 2008"


def test_register_page_creates_registration_and_redirects_to_confirmation(client):
    event = OpenEventFactory(capacity=10)
    response = client.post(
        reverse("workshops:register", args=[event.slug]),
        {
            "name": "Amina Diallo",
            "email": "Amina@Example.org",
            "organisation": "Ministry of Labour",
            "category": "ngo",
        },
    )
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response.url == registration.get_absolute_url()
    assert (registration.email, registration.status) == ("amina@example.org", "confirmed")
    page = client.get(response.url).content.decode()
    assert "Your seat is confirmed." in page


def test_register_page_errors_beside_fields_and_keeps_input(client):
    event = OpenEventFactory()
    response = client.post(
        reverse("workshops:register", args=[event.slug]),
        {
            "name": "Amina Diallo",
            "email": "not-an-email",
            "organisation": "Ministry of Labour",
            "category": "member_state",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"email", "member_state"}
    content = response.content.decode()
    assert 'value="Amina Diallo"' in content and 'value="Ministry of Labour"' in content
    assert "Say which state the delegate represents." in content
    assert not Registration.objects.exists()


def test_register_page_empty_post_shows_required_fields(client):
    event = OpenEventFactory()
    response = client.post(reverse("workshops:register", args=[event.slug]), {})
    assert set(response.context["form"].errors) == {"name", "email", "organisation", "category"}


def test_register_page_duplicate_email_error_beside_email(client):
    registration = RegistrationFactory(email="amina@example.org")
    response = client.post(
        reverse("workshops:register", args=[registration.event.slug]),
        {
            "name": "Amina Diallo",
            "email": "AMINA@example.org",
            "organisation": "Ministry of Labour",
            "category": "ngo",
        },
    )
    assert response.context["form"].errors == {
        "email": ["This email address is already registered for this event."]
    }


def test_register_page_refused_when_registration_closed(client):
    event = EventFactory(status=Event.Status.HELD)
    response = client.get(reverse("workshops:register", args=[event.slug]))
    assert response.status_code == 403
    assert "Registration closed" in response.content.decode()


def test_registration_page_unknown_reference_404(client):
    url = reverse("workshops:registration", args=["00000000-0000-0000-0000-000000000000"])
    assert client.get(url).status_code == 404


def test_home_shows_current_programme(client):
    call_command("seed_idm")
    content = client.get(reverse("home")).content.decode()
    assert "Programme of IDM 2009" in content
    assert reverse("workshops:event", args=[TRAFFICKING]) in content


def make_2008_event(i):
    event = EventFactory(dialogue=DialogueFactory(year=2008), start_date=None, end_date=None)
    event.documents.add(DocumentFactory(dialogue=event.dialogue))
    PrincipleFactory(principle_set__dialogue=event.dialogue).events.add(event)
    return event


def make_event_with_agenda_row(event_slug):
    def make(i):
        session = SessionFactory(event=Event.objects.get(slug=event_slug))
        SessionSpeakerFactory(session=session, presentation=DocumentFactory())
        session.documents.add(DocumentFactory())

    return make


PAGES = {
    "archive": (lambda i: DialogueFactory(year=2030 + i), "/dialogues/"),
    "dialogue": (make_2008_event, "/dialogues/2008/"),
    "dialogue-ics": (make_2008_event, "/dialogues/2008/calendar.ics"),
    "home": (make_2008_event, "/"),
}


@pytest.mark.parametrize("name", PAGES)
def test_list_page_same_query_count_for_1_and_20_rows(client, django_assert_num_queries, name):
    make_row, url = PAGES[name]
    make_row(0)
    queries_for_one = count_queries(client, url)
    for i in range(1, 20):
        make_row(i)
    with django_assert_num_queries(queries_for_one):
        client.get(url)


def test_event_page_same_query_count_for_1_and_20_agenda_items(client, django_assert_num_queries):
    event = EventFactory(slug="big")
    make_row = make_event_with_agenda_row("big")
    make_row(0)
    queries_for_one = count_queries(client, event.get_absolute_url())
    for i in range(1, 20):
        make_row(i)
    with django_assert_num_queries(queries_for_one):
        response = client.get(event.get_absolute_url())
    assert len(response.context["event"].sessions.all()) == 20


def test_event_page_content_in_page_language_english_fallback(client):
    event = EventFactory(
        slug="trafficking",
        title="Trafficking in persons",
        title_fr="La traite des personnes",
        description="Protecting victims.",
        description_fr="Protéger les victimes.",
    )
    SessionFactory(event=event, title="Opening", title_fr="Ouverture", date=event.start_date)
    SessionFactory(event=event, title="Closing remarks", date=event.start_date)
    event.documents.add(DocumentFactory(title="Discussion note", title_fr="Note de synthèse"))
    client.cookies["django_language"] = "fr"
    content = client.get(reverse("workshops:event", args=["trafficking"])).content.decode()
    french = ["La traite des personnes", "Protéger les victimes.", "Ouverture", "Note de synthèse"]
    for text in french:
        assert text in content, text
    assert "Closing remarks" in content  # no French title: English
    assert "Trafficking in persons" not in content
    client.cookies["django_language"] = "en"
    english = client.get(reverse("workshops:event", args=["trafficking"])).content.decode()
    assert "Trafficking in persons" in english and "Ouverture" not in english


def test_dialogue_page_theme_in_page_language(client):
    DialogueFactory(year=2009, theme="Human Rights and Migration", theme_es="Derechos humanos")
    client.cookies["django_language"] = "es"
    content = client.get(reverse("workshops:dialogue", args=[2009])).content.decode()
    assert '<h1 class="h2">Derechos humanos</h1>' in content
    assert "<title>DIM 2009" in content
