"""Two clicks on "tell the focal point" at the same moment (two contributors, or a double
click): the response's row lock lets one notice through; without it both are sent."""

import pytest
from django.core import mail
from django.db import connection  # noqa: F401 (the skipif condition reads it)
from django.urls import reverse

from surveys import services
from surveys.models import Response, ReviewNotice
from surveys.services import locks
from tests.factories import UserFactory
from tests.surveys.factories import delegation, small_survey
from tests.surveys.test_concurrency import logged_in, run_in_parallel

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="row locks need PostgreSQL"),
]


def two_notices_at_once():
    s, d = small_survey(), delegation()
    colleague = UserFactory(
        member_state=d.state, delegation_role="contributor", email="contributor2.ph@example.org"
    )
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values={s.likert.pk: 3},
        expected_version=0,
        actor=d.contributor,
    )
    url = reverse("surveys:notify", args=[s.survey.pk, "PH"])
    return run_in_parallel(
        Response.objects.get().pk,
        [(logged_in(d.contributor), url, {"note": ""}), (logged_in(colleague), url, {})],
    )


def test_parallel_notices_one_recorded_one_email():
    codes = two_notices_at_once()
    assert sorted(code for code, _location in codes) == [302, 400]
    assert ReviewNotice.objects.count() == 1
    assert len(mail.outbox) == 1


def test_parallel_notices_without_lock_both_sent(monkeypatch):
    monkeypatch.setattr(locks, "LOCK_ROWS", False)
    two_notices_at_once()
    assert ReviewNotice.objects.count() == 2
    assert len(mail.outbox) == 2
