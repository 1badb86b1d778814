"""Member states with delegations, dialogue years, events with agendas and registrations."""

import datetime
import uuid

from django.contrib.auth.hashers import make_password
from django.db.models import Q

from bench.loaddata.common import PREFIX, Volumes, raw_delete
from idm.models import Dialogue, MemberState, User
from workshops.models import Event, Registration, Session, SessionSpeaker, Speaker

FIRST_YEAR = 2001
ROLES = [
    User.DelegationRole.FOCAL_POINT,
    User.DelegationRole.CONTRIBUTOR,
    User.DelegationRole.CONTRIBUTOR,
    User.DelegationRole.VIEWER,
]
SESSION_KINDS = [
    Session.Kind.OPENING,
    Session.Kind.PANEL,
    Session.Kind.PRESENTATIONS,
    Session.Kind.DISCUSSION,
    Session.Kind.WORKING_GROUP,
]
LANGUAGES = ["en", "en", "fr", "es"]


def member_states(volumes: Volumes):
    """The first N states (by code) are IOM members with a delegation of four."""
    states = list(MemberState.objects.states().order_by("code")[: volumes.states])
    MemberState.objects.filter(pk__in=[s.pk for s in states]).update(
        membership=MemberState.Membership.MEMBER
    )
    for index, state in enumerate(states):
        if index % 3 == 0 and not state.sponsorship_eligible:
            MemberState.objects.filter(pk=state.pk).update(sponsorship_eligible=True)
    password = make_password(None)  # unusable: load accounts never log in with a password
    users = [
        User(
            email=f"{PREFIX}{state.code.lower()}-{n}@example.org",
            first_name=f"Delegate {n}",
            last_name=state.name[:100],
            member_state=state,
            delegation_role=role,
            preferred_language=LANGUAGES[(index + n) % len(LANGUAGES)],
            password=password,
        )
        for index, state in enumerate(states)
        for n, role in enumerate(ROLES, start=1)
    ]
    User.objects.bulk_create(users, batch_size=1000)
    return states


def dialogue_years(volumes: Volumes):
    years = []
    for year in range(FIRST_YEAR, FIRST_YEAR + volumes.years):
        dialogue, _ = Dialogue.objects.get_or_create(
            year=year,
            defaults={"theme": f"Migration and development, year {year} (load data)"},
        )
        years.append(dialogue)
    return years


def events(volumes: Volumes, years, rng):
    """`volumes.events_per_year` events per year, each with an agenda of five items."""
    created = []
    for dialogue in years:
        for n in range(volumes.events_per_year):
            start = datetime.date(dialogue.year, 3 + n, 10 + n % 10)
            created.append(
                Event(
                    dialogue=dialogue,
                    kind=Event.Kind.WORKSHOP if n % 3 else Event.Kind.COUNCIL_PANEL,
                    title=f"Workshop {n + 1} of {dialogue.year} on migration governance",
                    slug=f"{PREFIX}{dialogue.year}-{n + 1}",
                    order=n,
                    start_date=start,
                    end_date=start + datetime.timedelta(days=1),
                    venue="Palais des Nations",
                    city="Geneva",
                    status=Event.Status.HELD if dialogue.year < 2025 else Event.Status.CONFIRMED,
                    description="Load data: " + " ".join(rng.choice(WORDS) for _ in range(60)),
                    capacity=volumes.registrations_per_event * 2,
                )
            )
    Event.objects.bulk_create(created, batch_size=500)
    created = list(Event.objects.filter(slug__startswith=PREFIX).order_by("pk"))
    agenda(created, rng)
    return created


def agenda(events_, rng):
    speakers = Speaker.objects.bulk_create(
        [
            Speaker(name=f"Speaker {n}", function="Director", organisation="Ministry")
            for n in range(200)
        ]
    )
    sessions = Session.objects.bulk_create(
        [
            Session(
                event=event,
                order=order,
                date=event.start_date,
                starts_at=datetime.time(9 + order, 0),
                ends_at=datetime.time(10 + order, 0),
                title=f"Agenda item {order + 1}: {rng.choice(WORDS)} and {rng.choice(WORDS)}",
                kind=SESSION_KINDS[order],
            )
            for event in events_
            for order in range(len(SESSION_KINDS))
        ],
        batch_size=1000,
    )
    SessionSpeaker.objects.bulk_create(
        [
            SessionSpeaker(session=session, speaker=speaker, order=n)
            for session in sessions
            for n, speaker in enumerate(rng.sample(speakers, 2))
        ],
        batch_size=2000,
    )


def registrations(volumes: Volumes, events_, states, rng, *, per_event=None, offset=0):
    """Registrations of delegates of the member states (and a few others) for each event;
    `offset` keeps the email addresses of a second batch for the same event apart."""
    per_event = volumes.registrations_per_event if per_event is None else per_event
    statuses = [Registration.Status.ATTENDED] * 6 + [
        Registration.Status.CONFIRMED,
        Registration.Status.CANCELLED,
        Registration.Status.WAITLISTED,
        Registration.Status.PENDING,
    ]
    rows = []
    for event in events_:
        for n in range(per_event):
            state = states[(n + event.pk) % len(states)]
            other = n % 10 == 9
            rows.append(
                Registration(
                    reference=uuid.UUID(int=rng.getrandbits(128), version=4),
                    event=event,
                    name=f"Participant {n} {state.name[:60]}",
                    email=f"{PREFIX}{event.pk}-{n + offset}@example.org",
                    organisation="Permanent mission" if not other else "University",
                    category=Registration.Category.ACADEMIA
                    if other
                    else Registration.Category.MEMBER_STATE,
                    member_state=None if other else state,
                    language=LANGUAGES[n % len(LANGUAGES)],
                    status=(
                        statuses[n % len(statuses)] if not offset else Registration.Status.ATTENDED
                    )
                    if event.status == Event.Status.HELD
                    else Registration.Status.CONFIRMED,
                    listed_publicly=n % 2 == 0,
                )
            )
    Registration.objects.bulk_create(rows, batch_size=2000)


def remove():
    """Everything these functions made (registrations go with their events)."""
    events_ = Event.objects.filter(slug__startswith=PREFIX)
    raw_delete(Registration.objects.filter(Q(event__in=events_) | Q(email__startswith=PREFIX)))
    raw_delete(SessionSpeaker.objects.filter(session__event__in=events_))
    raw_delete(Session.objects.filter(event__in=events_))
    events_.delete()
    Speaker.objects.filter(name__startswith="Speaker ", organisation="Ministry").delete()
    User.objects.filter(email__startswith=PREFIX).delete()
    Dialogue.objects.filter(theme__endswith="(load data)", events__isnull=True).delete()


WORDS = [
    "migration",
    "labour",
    "mobility",
    "return",
    "reintegration",
    "diaspora",
    "remittances",
    "trafficking",
    "protection",
    "health",
    "climate",
    "cities",
    "borders",
    "rights",
    "integration",
    "partnership",
    "dialogue",
    "governance",
    "data",
    "capacity",
    "development",
    "cooperation",
    "consular",
    "families",
    "youth",
]
