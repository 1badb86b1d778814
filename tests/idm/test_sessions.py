"""The session store (idm/sessions.py): an existing session is saved in one statement."""

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from idm.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_session_update_one_statement():
    store = SessionStore()
    store["colour"] = "blue"
    store.create()
    store = SessionStore(store.session_key)
    store["colour"] = "green"
    with CaptureQueriesContext(connection) as context:
        store.save()
    assert [query["sql"].split()[0] for query in context.captured_queries] == ["UPDATE"]
    assert SessionStore(store.session_key)["colour"] == "green"


def test_session_update_of_deleted_session_raises_update_error():
    store = SessionStore()
    store.create()
    Session.objects.filter(session_key=store.session_key).delete()
    store["colour"] = "green"
    with pytest.raises(UpdateError):
        store.save()
    assert not Session.objects.filter(session_key=store.session_key).exists()


def test_session_create_still_refuses_existing_key():
    store = SessionStore()
    store.create()
    twin = SessionStore(store.session_key)
    with pytest.raises(Exception) as raised:
        twin.save(must_create=True)
    assert type(raised.value).__name__ == "CreateError"
