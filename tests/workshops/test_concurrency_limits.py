"""Acceptance 1: a state's limit and a category quota hold under real parallel requests on
PostgreSQL, exactly like capacity (the event row lock in the register service), and each
test has a companion showing the same race without the lock exceeds the limit.

The race is made certain as in test_concurrency: inserts into the registration table are held
back until every request is waiting."""

import pytest
from django.db import connection
from django.test import Client

from tests.factories import FocalPointFactory, MemberStateFactory
from tests.workshops.factories import OpenEventFactory
from tests.workshops.test_concurrency import in_threads
from workshops import services
from workshops.models import CategoryQuota, Registration

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (runs in CI)"
    ),
]
PARALLEL = 30
LIMIT = 3
STATE_LIMIT_MESSAGE = "Philippines has reached its limit of 3 participants for this event."
QUOTA_MESSAGE = "All 3 seats for the category “Non-governmental organization” are taken"


def two_focal_points():
    philippines = MemberStateFactory(code="PH", iso3="PHL", name="Philippines")
    return [FocalPointFactory(member_state=philippines) for _ in range(2)]


def nomination(index):
    return {
        "name": f"Delegate {index}",
        "email": f"delegate{index}@ph.example.org",
        "organisation": "Department of Foreign Affairs",
    }


def test_nominations_in_parallel_stop_at_state_limit():
    focal_points = two_focal_points()
    event = OpenEventFactory(per_state_limit=LIMIT, capacity=50)
    clients = [Client() for _ in range(PARALLEL)]
    for index, client in enumerate(clients):
        client.force_login(focal_points[index % 2])
    answers = [None] * PARALLEL

    def post(index):
        answers[index] = clients[index].post(f"/events/{event.slug}/nominate/", nomination(index))

    in_threads(post, PARALLEL)
    accepted = [answer for answer in answers if answer.status_code == 302]
    refused = [answer for answer in answers if answer.status_code == 200]
    assert (len(accepted), len(refused)) == (LIMIT, PARALLEL - LIMIT)
    assert all(STATE_LIMIT_MESSAGE in answer.content.decode() for answer in refused)
    assert event.registrations.count() == LIMIT
    assert {r.nominated_by_id for r in event.registrations.all()} <= {f.pk for f in focal_points}


def test_nominations_in_parallel_without_lock_exceed_state_limit():
    focal_points = two_focal_points()
    event = OpenEventFactory(per_state_limit=LIMIT, capacity=50)

    def nominate(index):
        services.nominate(
            event=event, actor=focal_points[index % 2], lock=False, **nomination(index)
        )

    in_threads(nominate, PARALLEL)
    assert event.registrations.count() == PARALLEL > LIMIT


def test_registrations_in_parallel_stop_at_category_quota():
    event = OpenEventFactory(capacity=50)
    CategoryQuota.objects.create(event=event, category=Registration.Category.NGO, seats=LIMIT)
    answers = [None] * PARALLEL

    def post(index):
        answers[index] = Client().post(
            f"/events/{event.slug}/register/",
            {
                "name": f"Participant {index}",
                "email": f"participant{index}@example.org",
                "organisation": "Caritas",
                "category": "ngo",
            },
        )

    in_threads(post, PARALLEL)
    accepted = [answer for answer in answers if answer.status_code == 302]
    refused = [answer for answer in answers if answer.status_code == 200]
    assert (len(accepted), len(refused)) == (LIMIT, PARALLEL - LIMIT)
    assert all(QUOTA_MESSAGE in answer.content.decode() for answer in refused)
    assert event.registrations.filter(category="ngo").count() == LIMIT


def test_registrations_in_parallel_without_lock_exceed_category_quota():
    event = OpenEventFactory(capacity=50)
    CategoryQuota.objects.create(event=event, category=Registration.Category.NGO, seats=LIMIT)

    def register(index):
        services.register(
            event=event,
            name=f"Participant {index}",
            email=f"participant{index}@example.org",
            organisation="Caritas",
            category=Registration.Category.NGO,
            lock=False,
        )

    in_threads(register, PARALLEL)
    assert event.registrations.count() == PARALLEL > LIMIT
