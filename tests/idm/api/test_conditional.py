"""API reads (idm/api/conditional.py): ETag and Last-Modified with 304, and cached bodies
served only to the caller they were computed for, out of date as soon as a service changes
what they show."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.http import http_date
from rest_framework.authtoken.models import Token

from idm import page_cache
from idm.api.conditional import CachedReadMixin
from idm.api.root import ApiNotFoundView
from idm.page_cache import ContentState
from surveys import services as survey_services
from tests.factories import DialogueFactory, FocalPointFactory, MemberStateFactory, StaffFactory
from tests.surveys.factories import complete_values, delegation, small_survey
from tests.workshops.factories import EventFactory, RegistrationFactory
from workshops import services as workshop_services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def with_token(client, user):
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_conditional_etag_then_304_without_a_body(api_client):
    DialogueFactory(year=2009, theme="Migration for development")
    first = api_client.get("/api/v1/dialogues/")
    etag = first["ETag"]
    assert first.status_code == 200 and etag.startswith('"') and len(etag) == 34
    again = api_client.get("/api/v1/dialogues/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    weak = api_client.get("/api/v1/dialogues/2009/", HTTP_IF_NONE_MATCH=f'W/"x", W/{etag}')
    assert weak.status_code == 200  # the list's tag does not match the detail
    detail_etag = weak["ETag"]
    assert (
        api_client.get(
            "/api/v1/dialogues/2009/", HTTP_IF_NONE_MATCH=f'"x", W/{detail_etag}'
        ).status_code
        == 304
    )
    assert api_client.get("/api/v1/dialogues/2009/", HTTP_IF_NONE_MATCH="*").status_code == 304


def test_conditional_changed_content_gets_a_new_etag_and_200(api_client, staff_user):
    event = EventFactory(title="Labour mobility")
    etag = api_client.get("/api/v1/events/")["ETag"]
    event.title = "Labour mobility and development"
    workshop_services.save_event(event=event, actor=staff_user)
    response = api_client.get("/api/v1/events/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["results"][0]["title"] == "Labour mobility and development"
    assert response["ETag"] != etag


def test_conditional_last_modified_and_if_modified_since(api_client, staff_user, monkeypatch):
    event = EventFactory()
    monkeypatch.setattr(page_cache.time, "time", lambda: 1_700_000_000.25)
    workshop_services.save_event(event=event, actor=staff_user)  # changed at …000.25
    monkeypatch.setattr(page_cache.time, "time", lambda: 1_700_000_030.0)
    response = api_client.get("/api/v1/events/")
    assert response["Last-Modified"] == http_date(1_700_000_001) == "Tue, 14 Nov 2023 22:13:21 GMT"
    same = api_client.get("/api/v1/events/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert same.status_code == 304
    assert same["Last-Modified"] == response["Last-Modified"]
    older = api_client.get("/api/v1/events/", HTTP_IF_MODIFIED_SINCE=http_date(1_700_000_000))
    assert older.status_code == 200
    # If-None-Match takes precedence over If-Modified-Since.
    both = api_client.get(
        "/api/v1/events/",
        HTTP_IF_MODIFIED_SINCE=response["Last-Modified"],
        HTTP_IF_NONE_MATCH='"another"',
    )
    assert both.status_code == 200


def test_conditional_last_modified_never_later_than_now():
    state = ContentState(version=1, changed_at=100.2)
    assert state.last_modified(now=100.7) == (100, 101)  # the second is not over
    assert state.last_modified(now=130.0) == (101, 101)
    assert ContentState(version=1, changed_at=None).last_modified(now=130.0) == (None, None)


def test_conditional_change_later_in_the_same_second_is_not_hidden(
    api_client, staff_user, monkeypatch
):
    event = EventFactory(title="Before")
    monkeypatch.setattr(page_cache.time, "time", lambda: 1_700_000_000.2)
    workshop_services.save_event(event=event, actor=staff_user)
    monkeypatch.setattr(page_cache.time, "time", lambda: 1_700_000_000.5)
    seen = api_client.get("/api/v1/events/")["Last-Modified"]
    monkeypatch.setattr(page_cache.time, "time", lambda: 1_700_000_000.8)
    event.title = "After"
    workshop_services.save_event(event=event, actor=staff_user)
    response = api_client.get("/api/v1/events/", HTTP_IF_MODIFIED_SINCE=seen)
    assert response.status_code == 200
    assert response.json()["results"][0]["title"] == "After"


@pytest.mark.parametrize(
    "header",
    ["HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE"],
)
@pytest.mark.parametrize("value", ["garbage", '"unterminated', "Mon, 32 Foo 2024", "\u00e9" * 50])
def test_conditional_malformed_headers_answer_200(api_client, header, value):
    DialogueFactory(year=2009)
    response = api_client.get("/api/v1/dialogues/", **{header: value})
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_conditional_cached_body_served_without_a_query(api_client, django_assert_num_queries):
    EventFactory(title="Return migration")
    first = api_client.get("/api/v1/events/")
    with django_assert_num_queries(0):
        second = api_client.get("/api/v1/events/")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == "application/json"


def test_conditional_cached_bodies_per_caller(api_client, django_assert_num_queries):
    """Staff's registrations are never served to a focal point or to anonymous callers."""
    ph, mx = MemberStateFactory(code="PH"), MemberStateFactory(code="MX")
    RegistrationFactory(name="Philippine delegate", member_state=ph, category="member_state")
    RegistrationFactory(name="Mexican delegate", member_state=mx, category="member_state")
    staff = with_token(api_client, StaffFactory())
    assert staff.get("/api/v1/registrations/").json()["count"] == 2
    with django_assert_num_queries(1):  # the token; the body comes from the cache
        assert staff.get("/api/v1/registrations/").json()["count"] == 2
    focal_point = with_token(api_client, FocalPointFactory(member_state=ph))
    names = [row["name"] for row in focal_point.get("/api/v1/registrations/").json()["results"]]
    assert names == ["Philippine delegate"]
    api_client.credentials()
    assert api_client.get("/api/v1/registrations/").status_code == 401


def test_conditional_cached_body_per_language(api_client):
    s = small_survey(title_en="Effectiveness", title_es="Eficacia")
    url = f"/api/v1/surveys/{s.survey.pk}/"
    assert api_client.get(url).json()["title"] == "Effectiveness"
    assert api_client.get(url, HTTP_ACCEPT_LANGUAGE="es").json()["title"] == "Eficacia"
    assert api_client.get(url).json()["title"] == "Effectiveness"


def test_conditional_api_write_invalidates_the_cached_list(api_client):
    EventFactory(title="Old title", slug="labour")
    assert api_client.get("/api/v1/events/").json()["results"][0]["title"] == "Old title"
    staff = with_token(api_client, StaffFactory())
    assert staff.patch("/api/v1/events/labour/", {"title": "New title"}).status_code == 200
    api_client.credentials()
    assert api_client.get("/api/v1/events/").json()["results"][0]["title"] == "New title"


def test_conditional_survey_response_keeps_its_version_etag(api_client):
    s, team = small_survey(status="open"), delegation("GH")
    response = survey_services.save_answers(
        survey=s.survey,
        member_state=team.state,
        values=complete_values(s),
        expected_version=0,
        actor=team.contributor,
    )
    client = with_token(api_client, team.contributor)
    url = f"/api/v1/responses/{response.pk}/"
    assert client.get(url)["ETag"] == f'"{response.version}"'
    assert client.get(url, HTTP_IF_NONE_MATCH=f'"{response.version}"').status_code == 304
    survey_services.save_answers(  # a draft saved: no content_changed, never cached
        survey=s.survey,
        member_state=team.state,
        values={s.likert.pk: 2},
        expected_version=response.version,
        actor=team.contributor,
    )
    fresh = client.get(url, HTTP_IF_NONE_MATCH=f'"{response.version}"')
    assert fresh.status_code == 200
    assert fresh["ETag"] == f'"{response.version + 1}"'


def api_views():
    """(route, view class) of every view mounted under /api/v1/."""
    _prefix, resolver = get_resolver().namespace_dict["api"]

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                view = getattr(pattern.callback, "cls", None)
                if view is not None:
                    yield (
                        prefix + str(pattern.pattern),
                        view,
                        getattr(pattern.callback, "actions", None),
                    )

    return list(walk(resolver.url_patterns))


def test_conditional_every_api_read_uses_the_mixin():
    reads = [
        (route, view)
        for route, view, actions in api_views()
        if view is not ApiNotFoundView
        and ("get" in (actions or {}) if actions is not None else hasattr(view, "get"))
    ]
    assert len(reads) >= 15
    missing = [route for route, view in reads if not issubclass(view, CachedReadMixin)]
    assert missing == []


def test_conditional_schema_documents_304_and_the_headers(api_client):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    reads = [operation["get"] for path, operation in schema["paths"].items() if "get" in operation]
    assert len(reads) >= 15
    for operation in reads:
        names = {parameter["name"] for parameter in operation["parameters"]}
        assert {"If-None-Match", "If-Modified-Since"} <= names
        assert "ETag" in operation["responses"]["304"]["headers"]
        assert "ETag" in operation["responses"]["200"]["headers"]
    events = schema["paths"]["/api/v1/events/"]["get"]["responses"]["200"]["headers"]
    assert set(events) == {"ETag", "Last-Modified"}
    responses = schema["paths"]["/api/v1/responses/"]["get"]["responses"]["200"]["headers"]
    assert set(responses) == {"ETag"}  # not cached: no Last-Modified
