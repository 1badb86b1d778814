"""Acceptance 3: two staff approving the last sponsorship money at once → one approval, one
refusal with the amount missing. Real threads, real PostgreSQL row locks.

To make the race certain rather than lucky, the test holds a SHARE lock on the sponsorship
table while the approvals start (as tests/workshops/test_concurrency.py does for
registrations): reads go on, the approvals' writes wait. It lets them go once both are
waiting. With the event row locked for the decision, the second approval reads the first's
commitment and is refused; without the lock (`lock=False`) both read the same remaining money
and both are approved, beyond the line.
"""

import threading
import time
from contextlib import contextmanager
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test import Client

from funding import services_sponsorship as sponsorships
from funding.allocation import event_funding
from funding.models import Sponsorship
from tests.factories import StaffFactory
from tests.funding.sponsorship_factories import SponsorshipFactory, sponsorship_line
from tests.idm.factories import verify_staff_session
from tests.workshops.factories import OpenEventFactory
from tests.workshops.test_concurrency import backends_waiting_for_locks

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (runs in CI)"
    ),
]
RACERS = 2


@contextmanager
def writes_held_back_until_all_waiting(expected, timeout=20):
    """Hold back writes to the sponsorship table; on exit, wait until `expected` parallel
    transactions are blocked, then let them all go at once."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {Sponsorship._meta.db_table} IN SHARE MODE")
        yield
        deadline = time.monotonic() + timeout
        while backends_waiting_for_locks(cursor) < expected:
            assert time.monotonic() < deadline, "the parallel approvals never got going"
            time.sleep(0.05)


def race(work):
    """Run work(0) and work(1) in two threads at once; returns what each returned or raised."""
    outcomes = {}

    def run(index):
        try:
            outcomes[index] = work(index)
        except Exception as error:  # collected for the test to look at
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(RACERS)]
    with writes_held_back_until_all_waiting(RACERS):
        for thread in threads:
            thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return [outcomes[i] for i in range(RACERS)]


def two_requests_for_the_last_money():
    """A line of 3,000 USD of which 1,750 are committed; two requests of 1,250 each."""
    event = OpenEventFactory()
    sponsorship_line(event, "3000.00")
    first = SponsorshipFactory(registration__event=event)
    sponsorships.approve_sponsorship(sponsorship=first, amount_usd="1750", actor=None)
    return event, [SponsorshipFactory(registration__event=event) for _ in range(RACERS)]


def approve_through_service(requests, lock):
    staff = StaffFactory()

    def work(index):
        return sponsorships.approve_sponsorship(
            sponsorship=requests[index], amount_usd="1250.00", actor=staff, lock=lock
        )

    return work


def statuses(requests):
    return sorted(Sponsorship.objects.get(pk=r.pk).status for r in requests)


def test_approve_parallel_with_lock_one_approved_one_refused_with_amount_missing():
    event, requests = two_requests_for_the_last_money()
    outcomes = race(approve_through_service(requests, lock=True))
    refusals = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(refusals) == 1, outcomes
    assert refusals[0].message_dict == {
        "amount_usd": [
            "The sponsored-participants line of this event has 0.00 USD left: 1,250.00 USD missing."
        ]
    }
    assert statuses(requests) == ["approved", "requested"]
    funding = event_funding(event)
    assert funding.spent_on_sponsorships == Decimal("3000.00") == funding.sponsorship_budget


def test_approve_parallel_without_lock_overspends_the_line():
    """The same race without the event lock: both read 1,250 USD left and both approve."""
    event, requests = two_requests_for_the_last_money()
    outcomes = race(approve_through_service(requests, lock=False))
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert statuses(requests) == ["approved", "approved"]
    assert event_funding(event).spent_on_sponsorships == Decimal("4250.00")


def staff_client():
    client = Client()
    user = StaffFactory()
    client.force_login(user)
    verify_staff_session(client, user)
    return client


def test_two_staff_approving_the_last_money_on_the_staff_page_one_succeeds():
    event, requests = two_requests_for_the_last_money()
    clients = [staff_client(), staff_client()]

    def post(index):
        response = clients[index].post(
            f"/events/{event.slug}/sponsorships/",
            {"action": "approve", "sponsorship": requests[index].pk, "amount_usd": "1250.00"},
        )
        return response.status_code, response.content.decode()

    outcomes = race(post)
    assert sorted(status for status, _html in outcomes) == [200, 302]
    (refused_page,) = [html for status, html in outcomes if status == 200]
    assert "1,250.00 USD missing" in refused_page
    assert statuses(requests) == ["approved", "requested"]
