"""Real parallel requests on PostgreSQL: the response row lock keeps drafts and submissions
consistent. Each scenario also runs with the lock switched off (surveys.services.locks) to show
that it is the lock that makes the difference."""

import threading
import time

import pytest
from django.core import mail
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from surveys import services
from surveys.models import Answer, Response
from surveys.services import locks
from tests.surveys.factories import complete_values, delegation, small_survey

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="row locks need PostgreSQL"),
]


CONFIRM = {"confirm": "on"}  # the focal point ticked "I have reviewed these answers"


def waiting_for_locks():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # fresh view inside a transaction
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()"
        )
        return cursor.fetchone()[0]


def run_in_parallel(response_id, requests):
    """Hold the response row locked while every request starts and blocks, then let them all
    go at once. Returns (status code, redirect location) of each request."""
    results = [None] * len(requests)

    def worker(index, client, url, data):
        try:
            response = client.post(url, data)
            results[index] = (response.status_code, response.get("Location", ""))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=worker, args=(i, *request)) for i, request in enumerate(requests)
    ]
    with transaction.atomic():
        Response.objects.select_for_update().get(pk=response_id)
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 10
        while waiting_for_locks() < len(requests) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert waiting_for_locks() >= len(requests), "the requests did not reach the lock"
    for thread in threads:
        thread.join(timeout=30)
    return results


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def two_delegates_save_the_same_section():
    s, d = small_survey(), delegation()
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values={s.conditional.pk: "First draft", s.yes_no.pk: True},
        expected_version=0,
        actor=d.contributor,
    )
    url = reverse("surveys:section", args=[s.survey.pk, "PH", 1])

    def data(text):
        return {"version": 1, f"q{s.yes_no.pk}": "yes", f"q{s.conditional.pk}": text}

    codes = run_in_parallel(
        Response.objects.get().pk,
        [
            (logged_in(d.contributor), url, data("Contributor's text")),
            (logged_in(d.focal_point), url, data("Focal point's text")),
        ],
    )
    return s, url, codes


def test_parallel_saves_same_version_one_saved_one_conflict():
    s, url, codes = two_delegates_save_the_same_section()
    assert sorted(location for _code, location in codes) == [url, url + "conflict/"]
    response = Response.objects.get()
    assert response.version == 2
    saved = Answer.objects.get(question=s.conditional)
    history = list(Answer.history.filter(question=s.conditional).values_list("text", flat=True))
    assert len(history) == 2  # first draft + exactly one of the two parallel saves
    assert saved.text in ("Contributor's text", "Focal point's text")


def test_parallel_saves_without_lock_overwrite_silently(monkeypatch):
    monkeypatch.setattr(locks, "LOCK_ROWS", False)
    s, url, codes = two_delegates_save_the_same_section()
    assert [location for _code, location in codes] == [url, url]
    history = list(Answer.history.filter(question=s.conditional).values_list("text", flat=True))
    assert len(history) == 3  # both parallel saves went through: one overwrote the other
    assert Response.objects.get().version == 2  # and both claimed the same version


def two_submissions_at_once():
    s, d = small_survey(), delegation()
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    url = reverse("surveys:submit", args=[s.survey.pk, "PH"])
    return run_in_parallel(
        Response.objects.get().pk,
        [(logged_in(d.focal_point), url, CONFIRM), (logged_in(d.focal_point), url, CONFIRM)],
    )


def test_parallel_submissions_one_submitted_state_one_receipt():
    codes = two_submissions_at_once()
    assert [code for code, _location in codes] == [302, 302]
    response = Response.objects.get()
    assert response.status == "submitted"
    assert response.history.filter(status="submitted").count() == 1
    assert len(mail.outbox) == 1


def test_parallel_submissions_without_lock_send_two_receipts(monkeypatch):
    monkeypatch.setattr(locks, "LOCK_ROWS", False)
    two_submissions_at_once()
    assert Response.objects.get().history.filter(status="submitted").count() == 2
    assert len(mail.outbox) == 2
