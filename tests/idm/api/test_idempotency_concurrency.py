"""Acceptance 3: the same Idempotency-Key sent in parallel gives one registration, and every
request the same response. Real threads, real PostgreSQL.

The race is made certain as in tests/workshops/test_concurrency.py: inserts into the
registration table are held back until every request is waiting. With the guard, the first
request holds the key's row and the others wait on it, then replay its response; without a
key, every request tries to register and all but one are refused as duplicates.
"""

import json
import threading

import pytest
from django.db import connection
from django.test import Client

from idm.models import IdempotencyKey
from tests.workshops.factories import OpenEventFactory
from tests.workshops.test_concurrency import in_threads
from workshops.models import Registration

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (runs in CI)"
    ),
]
PARALLEL = 6
KEY = "7d0f2b7e-idempotent-retry"


def post_in_parallel(event, headers):
    answers = {}
    lock = threading.Lock()
    body = json.dumps(
        {
            "event": event.slug,
            "name": "Amina Diallo",
            "email": "amina@example.org",
            "organisation": "Ministry of Labour",
            "category": "ngo",
        }
    )

    def post(index):
        response = Client().post(
            "/api/v1/registrations/", body, content_type="application/json", **headers
        )
        with lock:
            answers[index] = (
                response.status_code,
                response.json(),
                response.headers.get("Idempotent-Replayed"),
            )

    in_threads(post, PARALLEL)
    return [answers[index] for index in range(PARALLEL)]


def test_idempotency_parallel_same_key_one_registration_same_response():
    event = OpenEventFactory(capacity=10)
    answers = post_in_parallel(event, {"HTTP_IDEMPOTENCY_KEY": KEY})
    assert Registration.objects.count() == 1
    reference = str(Registration.objects.get().reference)
    assert {(status, body["reference"]) for status, body, _replayed in answers} == {
        (201, reference)
    }
    assert len({json.dumps(body, sort_keys=True) for _status, body, _replayed in answers}) == 1
    assert sorted(replayed or "" for _status, _body, replayed in answers) == [""] + ["true"] * (
        PARALLEL - 1
    )
    assert IdempotencyKey.objects.get().key == KEY


def test_idempotency_parallel_without_key_retries_are_refused():
    """What the key prevents: the same retried request without it registers once but answers
    the retries with a duplicate error, so the client cannot tell what happened."""
    event = OpenEventFactory(capacity=10)
    answers = post_in_parallel(event, {})
    assert Registration.objects.count() == 1
    assert sorted(status for status, _body, _replayed in answers) == [201] + [400] * (PARALLEL - 1)
