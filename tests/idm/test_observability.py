"""Request ids and structured logs: the id in the response header, on every log line of the
request and on the 500 page; one JSON line per request in production; Sentry only with a DSN."""

import io
import json
import logging
import re
from contextlib import contextmanager

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from idm.observability import request_id_var
from idm.views.errors import server_error
from tests.factories import DelegateFactory
from tests.idm.test_settings import PRODUCTION, production_setting, run_manage

GENERATED_ID = re.compile(r"[0-9a-f]{32}")


@contextmanager
def console_log():
    """The lines the configured console handler (settings.LOGGING) writes meanwhile."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    lines = []
    try:
        yield lines
    finally:
        handler.setStream(previous)
        lines.extend(stream.getvalue().splitlines())


def json_lines(lines):
    return [json.loads(line) for line in lines]


@pytest.mark.django_db
def test_request_id_generated_and_echoed_in_header(client):
    first = client.get(reverse("home"))["X-Request-ID"]
    second = client.get(reverse("home"))["X-Request-ID"]
    assert GENERATED_ID.fullmatch(first) and GENERATED_ID.fullmatch(second)
    assert first != second


@pytest.mark.django_db
def test_request_id_taken_from_sane_incoming_header(client):
    response = client.get(reverse("home"), HTTP_X_REQUEST_ID="lb-7f3a.42_B")
    assert response["X-Request-ID"] == "lb-7f3a.42_B"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "incoming", ["", "two words", "<script>", "a" * 65, "id\nInjected: header", "é"]
)
def test_request_id_replaced_when_incoming_header_is_not_a_sane_token(client, incoming):
    response = client.get(reverse("home"), HTTP_X_REQUEST_ID=incoming)
    assert GENERATED_ID.fullmatch(response["X-Request-ID"])


@pytest.mark.django_db
def test_request_log_is_one_json_line_with_request_fields(client):
    user = DelegateFactory()
    client.force_login(user)
    with console_log() as lines:
        response = client.get(reverse("account"), HTTP_X_REQUEST_ID="req-1")
    entries = [e for e in json_lines(lines) if e["logger"] == "idm.request"]
    assert len(entries) == 1
    entry = entries[0]
    assert response["X-Request-ID"] == "req-1"
    assert {k: entry[k] for k in ("request_id", "method", "path", "status", "user_id")} == {
        "request_id": "req-1",
        "method": "GET",
        "path": "/accounts/",
        "status": 200,
        "user_id": user.pk,
    }
    assert entry["level"] == "INFO"
    assert isinstance(entry["duration_ms"], float) and entry["duration_ms"] >= 0


@pytest.mark.django_db
def test_request_log_of_anonymous_visitor_has_no_user_id(client):
    with console_log() as lines:
        client.get(reverse("home"))
    (entry,) = [e for e in json_lines(lines) if e["logger"] == "idm.request"]
    assert entry["user_id"] is None and entry["status"] == 200


@pytest.mark.django_db
def test_request_log_hides_the_key_in_an_invitation_link(client):
    token = "k3y-0f-an-inv1tation"
    with console_log() as lines:
        client.get(reverse("accept_invitation", args=[token]))
    (entry,) = [e for e in json_lines(lines) if e["logger"] == "idm.request"]
    assert entry["path"] == "/accounts/invitation/<token>/"
    assert token not in entry["message"]


@pytest.mark.django_db
@pytest.mark.urls("tests.idm.error_urls")
def test_500_page_and_error_log_line_carry_the_request_id(settings):
    settings.DEBUG = False
    with console_log() as lines:
        response = Client(raise_request_exception=False).get("/fail/500/")
    request_id = response["X-Request-ID"]
    content = response.content.decode()
    assert response.status_code == 500
    assert f"<code>{request_id}</code>" in content
    assert "Reference of this error" in content
    error = next(e for e in json_lines(lines) if e["logger"] == "django.request")
    assert error["request_id"] == request_id
    assert error["level"] == "ERROR" and "RuntimeError: Something broke." in error["exception"]
    (access,) = [e for e in json_lines(lines) if e["logger"] == "idm.request"]
    assert (access["request_id"], access["status"]) == (request_id, 500)


def test_500_page_shows_request_id_without_database():
    """No database mark: any query would fail this test."""
    token = request_id_var.set("abc123")
    try:
        response = server_error(RequestFactory().get("/"))
    finally:
        request_id_var.reset(token)
    assert response.status_code == 500
    assert "<code>abc123</code>" in response.content.decode()


def test_500_page_without_request_id_shows_no_reference():
    content = server_error(RequestFactory().get("/")).content.decode()
    assert "Something went wrong" in content and "Reference of this error" not in content


def test_log_lines_outside_a_request_have_no_request_id():
    with console_log() as lines:
        logging.getLogger("idm.test").warning("Outside any request")
    (entry,) = json_lines(lines)
    assert entry["request_id"] == "-" and entry["message"] == "Outside any request"


def test_settings_log_format_json_in_production_text_in_development():
    assert production_setting("IDM_LOG_FORMAT") == "'json'"
    assert production_setting("IDM_LOG_FORMAT", DJANGO_DEBUG="1") == "'text'"
    assert production_setting("IDM_LOG_FORMAT", IDM_LOG_FORMAT="TEXT") == "'text'"


def test_settings_unknown_log_format_stops_startup():
    result = run_manage("check", **PRODUCTION, IDM_LOG_FORMAT="xml")
    assert result.returncode != 0
    assert "IDM_LOG_FORMAT='xml' is not valid. Accepted values: json, text." in result.stderr


SENTRY_STATE = "import sentry_sdk; c = sentry_sdk.get_client(); print(c.is_active(), c.dsn)"


def test_settings_sentry_initialised_when_dsn_is_set():
    """The DSN points at a closed local port: nothing is sent anywhere."""
    dsn = "http://public@127.0.0.1:9/1"
    result = run_manage("shell", "-c", SENTRY_STATE, **PRODUCTION, SENTRY_DSN=dsn)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"True {dsn}"


def test_settings_sentry_not_initialised_without_dsn():
    result = run_manage("shell", "-c", SENTRY_STATE, **PRODUCTION, SENTRY_DSN="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False None"
