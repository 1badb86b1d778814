"""What a visitor sees before registering: the event's phase in time and its registration's
phase, on event pages, lists and the home page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import DialogueFactory
from tests.helpers import count_queries
from tests.workshops.factories import EventFactory, OpenEventFactory, RegistrationFactory
from workshops.models import Event, Registration, RegistrationPhase, TimePhase

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
THEME_2009 = "Human Rights and Migration: Working Together for Safe, Dignified and Secure Migration"


def workshop_2009(**extra):
    """A 2009 workshop whose record was never updated: still 'confirmed', registration
    opened in 2009 and never closed."""
    values = {
        "status": Event.Status.CONFIRMED,
        "start_date": datetime.date(2009, 3, 25),
        "end_date": datetime.date(2009, 3, 26),
        "registration_opens_at": datetime.datetime(2009, 1, 5, tzinfo=datetime.UTC),
        "capacity": 80,
    }
    return EventFactory(**{**values, **extra})


def test_time_phase_of_2009_workshop_seen_today_is_held():
    event = workshop_2009()
    assert event.time_phase() == TimePhase.HELD
    assert event.registration_phase() == RegistrationPhase.CLOSED
    assert not event.agenda_expected


@pytest.mark.parametrize(
    ("start", "end", "status", "expected"),
    [
        (10, 11, Event.Status.CONFIRMED, TimePhase.UPCOMING),
        (0, 2, Event.Status.CONFIRMED, TimePhase.TAKING_PLACE),
        (-1, 0, Event.Status.CONFIRMED, TimePhase.TAKING_PLACE),
        (-3, -2, Event.Status.CONFIRMED, TimePhase.HELD),
        (10, 11, Event.Status.HELD, TimePhase.HELD),
        (10, 11, Event.Status.CANCELLED, TimePhase.CANCELLED),
        (None, None, Event.Status.PROPOSED, TimePhase.UPCOMING),
    ],
)
def test_time_phase_follows_dates(start, end, status, expected):
    today = timezone.localdate()
    event = EventFactory(
        status=status,
        start_date=None if start is None else today + start * DAY,
        end_date=None if end is None else today + end * DAY,
    )
    assert event.time_phase() == expected


def test_registration_phase_not_yet_open_open_full_closed():
    now = timezone.now()
    later = OpenEventFactory(registration_opens_at=now + DAY, registration_closes_at=now + 2 * DAY)
    assert later.registration_phase() == RegistrationPhase.NOT_YET_OPEN
    event = OpenEventFactory(capacity=1)
    assert event.registration_phase() == RegistrationPhase.OPEN
    RegistrationFactory(event=event, status=Registration.Status.CONFIRMED)
    assert event.registration_phase() == RegistrationPhase.FULL
    ended = OpenEventFactory(registration_opens_at=now - 2 * DAY, registration_closes_at=now - DAY)
    assert ended.registration_phase() == RegistrationPhase.CLOSED
    assert EventFactory(registration_opens_at=None).registration_phase() == RegistrationPhase.NONE


def test_seats_taken_annotation_counts_only_seat_holders():
    event = OpenEventFactory(capacity=5)
    RegistrationFactory(event=event, status=Registration.Status.CONFIRMED)
    RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    annotated = Event.objects.with_seats_taken().get(pk=event.pk)
    assert annotated.seats_taken == len(
        [s for s in Registration.SEAT_HOLDING if s == Registration.Status.CONFIRMED]
    )
    assert annotated.seats_left == 4


def test_event_page_of_2009_workshop_says_held_never_registration_or_agenda_to_come(client):
    event = workshop_2009()
    content = client.get(event.get_absolute_url()).content.decode()
    assert 'data-phase="held">Held<' in content
    assert "Registration closed" in content
    assert "Registration open" not in content
    assert "The agenda will be published" not in content
    assert "No agenda was published for this event." in content
    assert reverse("workshops:register", args=[event.slug]) not in content


def test_event_page_open_registration_says_until_when_and_seats_left(client):
    event = OpenEventFactory(capacity=3)
    RegistrationFactory(event=event)
    content = client.get(event.get_absolute_url()).content.decode()
    assert 'data-phase="upcoming">Upcoming<' in content
    assert "Registration open until" in content and "2 seats left" in content
    assert "The agenda will be published closer to the event." in content


def test_event_page_not_yet_open_says_when_it_opens(client):
    opens = timezone.now() + 3 * DAY
    event = OpenEventFactory(registration_opens_at=opens, registration_closes_at=opens + DAY)
    content = client.get(event.get_absolute_url()).content.decode()
    assert "Registration opens on" in content
    assert reverse("workshops:register", args=[event.slug]) not in content


def test_full_event_page_offers_the_waiting_list(client):
    event = OpenEventFactory(capacity=1)
    RegistrationFactory(event=event)
    content = client.get(event.get_absolute_url()).content.decode()
    assert "All seats are taken: if you register, you join the waiting list." in content
    assert "Join the waiting list" in content


def test_full_event_register_page_says_waiting_list_before_submit(client):
    event = OpenEventFactory(capacity=1)
    RegistrationFactory(event=event)
    response = client.get(reverse("workshops:register", args=[event.slug]))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-testid="waiting-list-notice"' in content
    assert "If you register now, you join the waiting list" in content


def test_register_page_with_seats_has_no_waiting_list_notice(client):
    event = OpenEventFactory(capacity=2)
    content = client.get(reverse("workshops:register", args=[event.slug])).content.decode()
    assert "waiting-list-notice" not in content


def test_dialogue_page_lists_phases(client):
    dialogue = DialogueFactory(year=2009)
    workshop_2009(dialogue=dialogue, title="Old workshop")
    content = client.get(reverse("workshops:dialogue", args=[2009])).content.decode()
    assert 'data-phase="held">Held<' in content
    assert "Registration open" not in content


def make_open_events(dialogue, count):
    for _ in range(count):
        event = OpenEventFactory(dialogue=dialogue, capacity=10)
        RegistrationFactory(event=event)


def test_dialogue_page_queries_same_at_1_and_30_events(client):
    dialogue = DialogueFactory(year=2099)
    url = reverse("workshops:dialogue", args=[2099])
    make_open_events(dialogue, 1)
    one = count_queries(client, url)
    make_open_events(dialogue, 29)
    assert count_queries(client, url) == one


def test_home_opens_with_the_idm_then_open_events_then_the_theme(client):
    DialogueFactory(year=2027, theme=THEME_2009)  # the featured (latest) year
    old = workshop_2009(title="Old workshop")
    # Open events are listed whatever their year, not only the featured one's.
    soon = OpenEventFactory(title="Next workshop", dialogue=DialogueFactory(year=2026))
    content = client.get(reverse("home")).content.decode()
    summary = content.index('data-testid="idm-summary"')
    open_list = content.index('data-testid="open-registrations"')
    theme = content.index(THEME_2009)
    assert summary < open_list < theme
    open_section = content[open_list:theme]
    assert soon.title in open_section and old.title not in open_section
    assert "IDM 2026" in open_section


def test_home_queries_same_at_1_and_30_open_events(client):
    dialogue = DialogueFactory(year=2099)
    dialogue.__class__.objects.filter(pk=dialogue.pk).update(theme=THEME_2009)
    make_open_events(dialogue, 1)
    one = count_queries(client, reverse("home"))
    make_open_events(dialogue, 29)
    assert count_queries(client, reverse("home")) == one
