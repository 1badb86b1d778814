"""No overbooking under parallel registrations: real threads, real PostgreSQL row locks.

To make the race certain rather than lucky, the test holds a SHARE lock on the registration
table while N registrations start in parallel: reads go on, inserts wait. It releases the
lock once all N are waiting. With the event row locked (`select_for_update`), the N decisions
happen one after another; without it, all N count the same free seats and overbook.
"""

import threading
import time
from contextlib import contextmanager

import pytest
from django.db import connection, transaction
from django.test import Client

from tests.workshops.factories import OpenEventFactory
from workshops import services
from workshops.models import Registration

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (runs in CI)"
    ),
]
PARALLEL = 6
CAPACITY = 2


def backends_waiting_for_locks(cursor):
    cursor.execute("SELECT pg_stat_clear_snapshot()")
    cursor.execute(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    return cursor.fetchone()[0]


@contextmanager
def inserts_held_back_until_all_waiting(expected, timeout=20):
    """Hold back inserts into the registration table; on exit, wait until `expected`
    parallel transactions are blocked, then let them all go at once."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {Registration._meta.db_table} IN SHARE MODE")
        yield
        deadline = time.monotonic() + timeout
        while backends_waiting_for_locks(cursor) < expected:
            assert time.monotonic() < deadline, "the parallel registrations never got going"
            time.sleep(0.05)


def in_threads(work, count):
    errors = []

    def run(index):
        try:
            work(index)
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    with inserts_held_back_until_all_waiting(count):
        for thread in threads:
            thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []


def register_through_service(event, lock):
    def work(index):
        services.register(
            event=event,
            name=f"Participant {index}",
            email=f"participant{index}@example.org",
            organisation="Ministry of Labour",
            category=Registration.Category.NGO,
            lock=lock,
        )

    return work


def statuses(event):
    return sorted(event.registrations.values_list("status", flat=True))


def test_register_parallel_requests_never_overbook():
    event = OpenEventFactory(capacity=CAPACITY)

    def post(index):
        response = Client().post(
            f"/events/{event.slug}/register/",
            {
                "name": f"Participant {index}",
                "email": f"participant{index}@example.org",
                "organisation": "Ministry of Labour",
                "category": "ngo",
            },
        )
        assert response.status_code == 302, response.content[:300]

    in_threads(post, PARALLEL)
    assert statuses(event) == ["confirmed"] * CAPACITY + ["waitlisted"] * (PARALLEL - CAPACITY)


def test_register_parallel_service_calls_with_lock_never_overbook():
    event = OpenEventFactory(capacity=CAPACITY)
    in_threads(register_through_service(event, lock=True), PARALLEL)
    assert statuses(event).count("confirmed") == CAPACITY


def test_register_parallel_without_lock_overbooks():
    """The same scenario without the row lock: every request sees free seats."""
    event = OpenEventFactory(capacity=CAPACITY)
    in_threads(register_through_service(event, lock=False), PARALLEL)
    assert statuses(event).count("confirmed") == PARALLEL > CAPACITY


def test_register_parallel_same_email_registered_once():
    event = OpenEventFactory(capacity=10)

    def same_person(index):
        try:
            services.register(
                event=event,
                name="Amina Diallo",
                email="amina@example.org" if index % 2 else "AMINA@example.org",
                organisation="Ministry of Labour",
                category=Registration.Category.NGO,
            )
        except services.ValidationError as error:
            assert "email" in error.message_dict

    in_threads(same_person, 4)
    assert event.registrations.count() == 1
