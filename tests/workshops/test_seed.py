import datetime

import pytest
from django.core.management import call_command

from tests.seed_text import numbered_paragraphs
from workshops.models import Event

pytestmark = pytest.mark.django_db


def test_seed_events_four_workshops_with_dates_and_status():
    call_command("seed_idm")
    workshops = Event.objects.filter(kind=Event.Kind.WORKSHOP).order_by("start_date")
    assert [(e.title, e.start_date, e.end_date, e.status) for e in workshops] == [
        (
            "Managing Return Migration",
            datetime.date(2008, 4, 21),
            datetime.date(2008, 4, 22),
            "held",
        ),
        (
            "Enhancing the Role of Return Migration in Fostering Development",
            datetime.date(2008, 7, 7),
            datetime.date(2008, 7, 8),
            "held",
        ),
        (
            "Effective Respect for the Human Rights of Migrants: A Shared Responsibility",
            datetime.date(2009, 3, 25),
            datetime.date(2009, 3, 26),
            "proposed",
        ),
        (
            "Trafficking and Exploitation of Migrants: Ensuring Protection of Human Rights",
            datetime.date(2009, 7, 9),
            datetime.date(2009, 7, 10),
            "proposed",
        ),
    ]


def test_seed_events_council_panels_and_gmg_without_invented_dates():
    call_command("seed_idm")
    panels = Event.objects.filter(kind=Event.Kind.COUNCIL_PANEL).order_by("order")
    assert [p.title for p in panels] == [
        "Return Migration",
        "Migration Highlights of 2008",
        "Mixed Migration Flows",
        "Discussion with the Global Migration Group (GMG)",
    ]
    for panel in panels:
        assert (panel.dialogue.year, panel.status, panel.start_date, panel.venue) == (
            2008,
            "held",
            None,
            "",
        )
        assert [d.symbol for d in panel.documents.all()] == ["MC/2266"]
    gmg = panels.last()
    assert "implications of the financial crisis for migration" in gmg.description


def test_seed_events_informal_consultations_linked_to_ic_2008_6():
    call_command("seed_idm")
    consultations = Event.objects.get(kind=Event.Kind.INFORMAL_CONSULTATION)
    assert consultations.start_date == datetime.date(2008, 10, 23)
    assert [d.symbol for d in consultations.documents.all()] == ["IC/2008/6"]


def test_seed_events_2009_descriptions_word_for_word():
    call_command("seed_idm")
    human_rights = Event.objects.get(slug="2009-human-rights-of-migrants")
    trafficking = Event.objects.get(slug="2009-trafficking-and-exploitation-of-migrants")
    assert human_rights.description.split("\n\n") == numbered_paragraphs(6, 8)
    assert trafficking.description.split("\n\n") == numbered_paragraphs(9, 11)
    assert human_rights.description.startswith("It is no longer disputed that migrants")
    assert trafficking.description.endswith("involving a wide range of actors.")


def demo_workshop():
    from workshops.demo import DEMO_SLUG

    return Event.objects.get(slug=DEMO_SLUG)


def test_seed_without_demo_has_no_demo_workshop():
    call_command("seed_idm")
    assert not Event.objects.filter(title__startswith="Demo:").exists()


def test_seed_demo_adds_upcoming_hybrid_demo_workshop_open_for_registration(settings, capsys):
    from django.utils import timezone

    settings.DEBUG = True
    call_command("seed_idm", "--demo")
    event = demo_workshop()
    today = timezone.localdate()
    assert event.title.startswith("Demo:")
    assert event.kind == Event.Kind.WORKSHOP
    assert 30 <= (event.start_date - today).days <= 32
    assert event.start_date.weekday() < 5
    assert event.format == Event.Format.HYBRID and event.meeting_url
    assert event.registration_is_open()
    statuses = sorted(event.registrations.values_list("status", flat=True))
    assert statuses == ["confirmed"] * event.capacity + ["waitlisted"]
    online = event.registrations.get(email="focal.point.mx@example.org")
    assert online.receives_meeting_link
    assert online.user.email == "focal.point.mx@example.org"
    nominated = event.registrations.get(email="delegate.ph@example.org")
    assert nominated.nominated_by.email == "focal.point.ph@example.org"
    assert nominated.member_state.code == "PH"
    output = capsys.readouterr().out
    assert f"/events/{event.slug}/" in output
    assert f"/registrations/{online.reference}/" in output


def test_seed_demo_workshop_walkable_register_joins_waiting_list(settings, client):
    from workshops import services

    settings.DEBUG = True
    call_command("seed_idm", "--demo")
    event = demo_workshop()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Demo: Hybrid workshop" in page and event.meeting_url not in page
    registration = services.register(
        event=event,
        name="New Comer",
        email="new.comer@example.org",
        organisation="Ministry of Labour",
        category="ngo",
    )
    assert registration.status == "waitlisted"


def test_seed_demo_twice_keeps_a_cancelled_demo_registration_cancelled(settings):
    from workshops import services

    settings.DEBUG = True
    call_command("seed_idm", "--demo")
    event = demo_workshop()
    services.cancel_registration(registration=event.registrations.get(email__startswith="ngo"))
    call_command("seed_idm", "--demo")
    statuses = sorted(event.registrations.values_list("status", flat=True))
    assert statuses == ["cancelled", "confirmed", "confirmed", "confirmed"]


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (datetime.date(2026, 11, 27), datetime.date(2026, 12, 28)),  # +30 is a Sunday
        (datetime.date(2026, 11, 24), datetime.date(2026, 12, 24)),  # +30 is a Thursday
    ],
)
def test_demo_workshop_starts_on_first_weekday_30_days_on(today, start):
    from workshops.demo import load_demo_workshop

    call_command("seed_idm")
    load_demo_workshop(today=today)
    assert demo_workshop().start_date == start
