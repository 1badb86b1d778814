"""Two doors scan the same badge at once: real parallel API requests on PostgreSQL.

The test holds the registration's row lock while the requests start, and lets them go once
all are waiting; with the row lock in `services.check_in`, they decide one after another:
one check-in, every other request answers 409 with the first one's time."""

import threading
import time

import pytest
from django.db import connection, transaction
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import StaffFactory
from tests.workshops.factories import RegistrationFactory
from tests.workshops.test_concurrency import backends_waiting_for_locks
from workshops.models import Registration

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (runs in CI)"
    ),
]
PARALLEL = 5


def test_parallel_check_ins_of_one_badge_check_in_once():
    registration = RegistrationFactory(status=Registration.Status.CONFIRMED)
    tokens = [Token.objects.create(user=StaffFactory()).key for _ in range(PARALLEL)]
    url = f"/api/v1/registrations/{registration.reference}/check-in/"
    statuses, errors = [], []

    def scan(index):
        try:
            client = APIClient()
            client.credentials(HTTP_AUTHORIZATION=f"Token {tokens[index]}")
            statuses.append(client.post(url).status_code)
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=scan, args=(i,)) for i in range(PARALLEL)]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {Registration._meta.db_table} WHERE id = %s FOR UPDATE",
            [registration.pk],
        )
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 20
        while backends_waiting_for_locks(cursor) < PARALLEL:
            assert time.monotonic() < deadline, "the parallel check-ins never got going"
            time.sleep(0.05)
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(statuses) == [200] + [409] * (PARALLEL - 1)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.ATTENDED
    attended = registration.history.filter(status=Registration.Status.ATTENDED)
    assert attended.count() == 1
