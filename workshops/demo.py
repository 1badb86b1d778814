"""The demo workshop of `seed_idm --demo`: something to try right after `make run`.

One upcoming hybrid workshop, titled "Demo: ...", dated relative to today (it starts on the
first weekday 30 days from now; running the seed on a later day moves it along), with
registration and nominations open, three seats taken and one person on the waiting list, and
a demo meeting link that only its confirmed online participants see. Running it twice changes
nothing: the event is updated in place, registrations are only added when missing (a demo
registration someone cancelled stays cancelled). Never part of the seed without --demo: the
IDM's history stays the note's.
"""

import datetime

from django.utils import timezone

from idm.links import absolute_url
from idm.models import Dialogue, MemberState, User
from idm.seed import upsert
from workshops.models import Event, Registration, Session

DEMO_SLUG = "demo-hybrid-workshop"
DEMO_TITLE = "Demo: Hybrid workshop on migrants' access to decent work"
DEMO_DESCRIPTION = (
    "This is a demonstration event created by seed_idm --demo, not a real IDM workshop. Use "
    "it to try the participant's path: register (the seats are taken, so you join the waiting "
    "list), nominate as a focal point, open a registration's page, cancel and see the first "
    "person on the waiting list promoted."
)
DEMO_MEETING_URL = "https://meet.example.org/j/idm-demo"
DEMO_MEETING_PASSCODE = "demo-2009"
DEMO_LIVESTREAM_URL = "https://webtv.example.org/idm-demo"
DEMO_CAPACITY = 3
# (email, name, organisation, category, state, participation, status, nominated by)
DEMO_REGISTRATIONS = [
    (
        "delegate.ph@example.org",
        "Jose Reyes",
        "Department of Migrant Workers",
        Registration.Category.MEMBER_STATE,
        "PH",
        Registration.Participation.IN_PERSON,
        Registration.Status.CONFIRMED,
        "focal.point.ph@example.org",
    ),
    (
        "focal.point.mx@example.org",
        "Ana Hernández",
        "Secretaría de Relaciones Exteriores",
        Registration.Category.MEMBER_STATE,
        "MX",
        Registration.Participation.ONLINE,
        Registration.Status.CONFIRMED,
        None,
    ),
    (
        "ngo.participant@example.org",
        "Grace Mensah",
        "Migrant Rights Network (demo)",
        Registration.Category.NGO,
        None,
        Registration.Participation.IN_PERSON,
        Registration.Status.CONFIRMED,
        None,
    ),
    (
        "waiting.participant@example.org",
        "Lucas Moreau",
        "University of Geneva (demo)",
        Registration.Category.ACADEMIA,
        None,
        Registration.Participation.ONLINE,
        Registration.Status.WAITLISTED,
        None,
    ),
]
DEMO_AGENDA = [
    (datetime.time(9, 30), datetime.time(10, 0), "Opening", Session.Kind.OPENING),
    (
        datetime.time(10, 0),
        datetime.time(12, 0),
        "Panel: recruitment, skills and decent work",
        Session.Kind.PANEL,
    ),
]


def first_weekday_from(day):
    while day.weekday() >= 5:  # Saturday, Sunday
        day += datetime.timedelta(days=1)
    return day


def at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def load_demo_workshop(*, stdout=None, today=None):
    today = today or timezone.localdate()
    start = first_weekday_from(today + datetime.timedelta(days=30))
    event = upsert(
        Event,
        {"slug": DEMO_SLUG},
        {
            "dialogue": Dialogue.objects.order_by("-year").first(),
            "kind": Event.Kind.WORKSHOP,
            "title": DEMO_TITLE,
            "status": Event.Status.CONFIRMED,
            "start_date": start,
            "end_date": start + datetime.timedelta(days=1),
            "venue": "Palais des Nations (demo)",
            "city": "Geneva",
            "description": DEMO_DESCRIPTION,
            "capacity": DEMO_CAPACITY,
            "registration_opens_at": at(today - datetime.timedelta(days=7), 9),
            "registration_closes_at": at(start - datetime.timedelta(days=3), 18),
            "per_state_limit": 2,
            "format": Event.Format.HYBRID,
            "meeting_url": DEMO_MEETING_URL,
            "meeting_passcode": DEMO_MEETING_PASSCODE,
            "livestream_url": DEMO_LIVESTREAM_URL,
        },
    )
    for order, (starts, ends, title, kind) in enumerate(DEMO_AGENDA, start=1):
        upsert(
            Session,
            {"event": event, "order": order},
            {"date": start, "starts_at": starts, "ends_at": ends, "title": title, "kind": kind},
        )
    registrations = [add_demo_registration(event, *row) for row in DEMO_REGISTRATIONS]
    if stdout is not None:
        online = registrations[1]
        stdout.write(f"Demo workshop: {absolute_url(event.get_absolute_url())}")
        stdout.write(
            "  an online participant's page (with the meeting link): "
            f"{absolute_url(online.get_absolute_url())}"
        )


def add_demo_registration(
    event, email, name, organisation, category, state, participation, status, nominator
):
    """The demo registration of `email`, created only when missing."""
    existing = event.registrations.filter(email__iexact=email).first()
    if existing is not None:
        return existing
    return Registration.objects.create(
        event=event,
        email=email,
        name=name,
        organisation=organisation,
        category=category,
        member_state=MemberState.objects.filter(code=state).first() if state else None,
        user=User.objects.filter(email__iexact=email).first(),
        nominated_by=User.objects.filter(email__iexact=nominator).first() if nominator else None,
        participation=participation,
        status=status,
        listed_publicly=status == Registration.Status.CONFIRMED,
    )
