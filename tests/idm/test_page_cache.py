"""Cached public pages (idm/page_cache.py): served to anonymous visitors only, each with their
own CSRF token, per language and query string, and out of date as soon as a service changes
what they show."""

import re
import threading
import time

import pytest
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from idm import page_cache
from idm.caching import cache_settings
from tests.factories import DEFAULT_PASSWORD, DelegateFactory, DialogueFactory, StaffFactory
from tests.helpers import UNREACHABLE_REDIS_URL
from tests.idm.test_document_storage import admin_change_form_data
from tests.principles.factories import PrincipleFactory
from tests.workshops.factories import OpenEventFactory, SessionFactory
from workshops import services as workshop_services
from workshops.models import Registration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

TOKEN_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def tokens_in(response):
    return TOKEN_FIELD.findall(response.content)


def test_page_cache_second_visitor_served_without_a_query(django_assert_num_queries):
    DialogueFactory(year=2009, theme="Effective respect for the human rights of migrants")
    first = Client().get(reverse("home"))
    with django_assert_num_queries(0):
        second = Client().get(reverse("home"))
    assert second.status_code == 200
    assert b"Effective respect for the human rights of migrants" in second.content
    assert TOKEN_FIELD.sub(b"", second.content) == TOKEN_FIELD.sub(b"", first.content)


def test_page_cache_each_visitor_gets_their_own_csrf_token():
    DialogueFactory(year=2009)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(reverse("home"))
    second_page = second.get(reverse("home"))  # from the cache
    assert page_cache.CSRF_PLACEHOLDER.encode() not in second_page.content
    (first_token,) = set(tokens_in(first_page))
    (second_token,) = set(tokens_in(second_page))
    assert first_token != second_token
    first_cookie = first.cookies[settings.CSRF_COOKIE_NAME].value
    second_cookie = second.cookies[settings.CSRF_COOKIE_NAME].value
    assert first_cookie != second_cookie
    # The language switch of the cached page posts with the visitor's own token ...
    switched = second.post(
        reverse("set_language"),
        {"language": "fr", "next": "/", "csrfmiddlewaretoken": second_token.decode()},
    )
    assert switched.status_code == 302
    assert second.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    # ... and another visitor's token is refused with this visitor's cookie.
    refused = second.post(
        reverse("set_language"),
        {"language": "es", "next": "/", "csrfmiddlewaretoken": first_token.decode()},
    )
    assert refused.status_code == 403


def test_page_cache_keeps_languages_apart():
    DialogueFactory(year=2009)
    english = Client().get(reverse("home"))
    french = Client(HTTP_ACCEPT_LANGUAGE="fr").get(reverse("home"))
    french_again = Client(HTTP_ACCEPT_LANGUAGE="fr").get(reverse("home"))
    english_again = Client().get(reverse("home"))
    assert b'<html lang="en">' in english.content
    assert b'<html lang="fr">' in french.content
    assert b'<html lang="fr">' in french_again.content
    assert b'<html lang="en">' in english_again.content


def test_page_cache_keeps_query_strings_apart():
    PrincipleFactory(headline="Return migration is a shared responsibility.")
    PrincipleFactory(headline="Labour mobility serves development.")
    url = reverse("principles:list")
    assert b"Return migration" in Client().get(url, {"q": "return"}).content
    labour = Client().get(url, {"q": "labour"})
    assert b"Labour mobility" in labour.content
    assert b"Return migration" not in labour.content


def test_page_cache_never_serves_a_logged_in_page_to_anonymous_visitors(client):
    delegate = DelegateFactory(email="delegate.one@example.org")
    DialogueFactory(year=2009)
    client.login(username=delegate.email, password=DEFAULT_PASSWORD)
    logged_in = client.get(reverse("home"))
    assert b"delegate.one@example.org" in logged_in.content
    anonymous = Client().get(reverse("home"))
    assert b"delegate.one@example.org" not in anonymous.content
    assert settings.SESSION_COOKIE_NAME not in anonymous.cookies


def test_page_cache_logged_in_visitor_never_gets_the_anonymous_page(client):
    delegate = DelegateFactory(email="delegate.two@example.org")
    DialogueFactory(year=2009)
    Client().get(reverse("home"))  # cached for anonymous visitors
    client.login(username=delegate.email, password=DEFAULT_PASSWORD)
    assert b"delegate.two@example.org" in client.get(reverse("home")).content


def messages_cookie(text):
    """The cookie django.contrib.messages sets when a page leaves a message for the next."""
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(messages.SUCCESS, text)
    response = HttpResponse()
    storage.update(response)
    return response.cookies[page_cache.MESSAGES_COOKIE].value


def test_page_cache_visitor_with_a_pending_message_is_not_served_from_the_cache():
    DialogueFactory(year=2009)
    Client().get(reverse("home"))  # cached
    visitor = Client()
    visitor.cookies[page_cache.MESSAGES_COOKIE] = messages_cookie("Your changes were saved.")
    assert b"Your changes were saved." in visitor.get(reverse("home")).content
    assert b"Your changes were saved." not in Client().get(reverse("home")).content


def test_page_cache_registration_shows_on_the_event_page_at_once():
    event = OpenEventFactory(capacity=10)
    url = event.get_absolute_url()
    assert b"10 seats left" in Client().get(url).content
    workshop_services.register(
        event=event,
        name="Ana Pérez",
        email="ana@example.org",
        organisation="Mission",
        category=Registration.Category.NGO,
    )
    assert b"9 seats left" in Client().get(url).content


def test_page_cache_back_office_change_without_a_service_shows_at_once(staff_client):
    session = SessionFactory(event=OpenEventFactory(), title="Opening remarks")
    url = session.event.get_absolute_url()
    assert b"Opening remarks" in Client().get(url).content
    change = reverse("admin:workshops_session_change", args=[session.pk])
    data = admin_change_form_data(staff_client.get(change))
    data["title_en"] = "Welcome and opening"  # the English of a translated field
    response = staff_client.post(change, data)
    assert response.status_code == 302, response.content
    page = Client().get(url).content
    assert b"Welcome and opening" in page
    assert b"Opening remarks" not in page


def test_page_cache_version_moves_again_after_commit(django_capture_on_commit_callbacks):
    before = page_cache.content_state().version
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page_cache.content_changed()
        during = page_cache.content_state().version
    after = page_cache.content_state().version
    assert len(callbacks) == 1
    assert before < during < after


def test_page_cache_version_survives_an_emptied_cache():
    page_cache.content_changed()
    before = page_cache.content_state().version
    cache.clear()
    assert page_cache.content_state().version > before


@override_settings(IDM_PAGE_CACHE_SECONDS=0)
def test_page_cache_off_renders_every_time(django_assert_num_queries):
    DialogueFactory(year=2009)
    Client().get(reverse("home"))
    assert page_cache.content_state() is None
    response = Client().get(reverse("home"))
    assert response.status_code == 200
    assert cache.get(page_cache.VERSION_KEY) is None


@override_settings(CACHES=cache_settings(UNREACHABLE_REDIS_URL))
def test_page_cache_pages_are_rendered_when_redis_is_down():
    DialogueFactory(year=2009, theme="Migration and transnationalism")
    page_cache.content_changed()  # logged, not raised
    for _ in range(2):
        response = Client().get(reverse("home"))
        assert response.status_code == 200
        assert b"Migration and transnationalism" in response.content
        assert len(set(tokens_in(response))) == 1


def test_page_cache_read_failure_renders_the_page(monkeypatch):
    DialogueFactory(year=2009)

    def unreachable(*args, **kwargs):
        raise RedisConnectionError("down")

    monkeypatch.setattr(cache, "get", unreachable)
    response = Client().get(reverse("home"))
    assert response.status_code == 200


def test_page_cache_survey_results_follow_submissions():
    from surveys import services as survey_services
    from surveys.models import Survey
    from tests.surveys.factories import complete_values, delegation, small_survey

    s = small_survey(status="open", results_public=True)
    team = delegation("PH")
    survey_services.save_answers(
        survey=s.survey,
        member_state=team.state,
        values=complete_values(s),
        expected_version=0,
        actor=team.contributor,
    )
    survey_services.submit_response(
        survey=s.survey, member_state=team.state, actor=team.focal_point
    )
    Survey.objects.filter(pk=s.survey.pk).update(status="closed")
    page_cache.content_changed()  # the status changed without a service (as the admin would)
    url = reverse("surveys:results", args=[s.survey.pk])
    assert b"1 submitted response." in Client().get(url).content
    survey_services.reopen_response(
        response=s.survey.responses.get(), actor=StaffFactory(), reason="Typo"
    )
    assert b"0 submitted responses." in Client().get(url).content


def test_page_cache_hit_is_one_round_trip_to_the_cache(monkeypatch):
    """The version and the page under the version seen last are read together."""
    DialogueFactory(year=2009)
    Client().get(reverse("home"))
    reads, inside = [], []
    get, get_many = cache.get, cache.get_many

    def counted_get(*args, **kwargs):
        if not inside:  # the local-memory cache's get_many calls get for each key
            reads.append("get")
        return get(*args, **kwargs)

    def counted_get_many(*args, **kwargs):
        reads.append("get_many")
        inside.append(True)
        try:
            return get_many(*args, **kwargs)
        finally:
            inside.pop()

    monkeypatch.setattr(cache, "get", counted_get)
    monkeypatch.setattr(cache, "get_many", counted_get_many)
    response = Client().get(reverse("home"))
    assert response.status_code == 200
    assert reads == ["get_many"]
    page_cache.content_changed()  # another version: a second read, then a new page
    reads.clear()
    Client().get(reverse("home"))
    assert reads == ["get_many", "get"]


def rendered_by(view, rf):
    request = rf.get("/some/page/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    return page_cache.cached_public_page(view)(request)


def test_page_cache_keeps_a_refusal_or_a_cookie_out_of_the_cache(rf):
    """Only a plain 200 is stored; any other answer keeps its status and cookies and still
    gets the visitor's own token."""
    calls = []

    def refused(request):
        calls.append("refused")
        return render(request, "base.html", status=403)

    def with_cookie(request):
        calls.append("cookie")
        response = render(request, "base.html")
        response.set_cookie("seen", "1")
        return response

    for _ in range(2):
        answer = rendered_by(refused, rf)
        assert answer.status_code == 403
        assert page_cache.CSRF_PLACEHOLDER.encode() not in answer.content
        assert len(tokens_in(answer)) == 1
        answer = rendered_by(with_cookie, rf)
        assert answer.cookies["seen"].value == "1"
    assert calls == ["refused", "cookie", "refused", "cookie"]


def test_page_cache_one_of_several_simultaneous_visitors_renders_the_page(rf):
    """A page asked for by several visitors at once (every web process after a change) is
    rendered once: the others wait for it."""
    renders = []
    started = threading.Barrier(4)

    def slow_page(request):
        renders.append(1)
        time.sleep(0.3)
        return render(request, "base.html")

    answers = []

    def visit():
        started.wait()
        answers.append(rendered_by(slow_page, rf))

    threads = [threading.Thread(target=visit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(renders) == 1
    assert [answer.status_code for answer in answers] == [200] * 4
    assert len({token for answer in answers for token in tokens_in(answer)}) == 4


def test_page_cache_waiters_render_themselves_when_nothing_is_stored(rf):
    """A refusal is not stored: whoever waited for it renders their own, without waiting
    for the claim to lapse."""
    renders = []
    started = threading.Barrier(3)

    def refused(request):
        renders.append(1)
        time.sleep(0.2)
        return render(request, "base.html", status=403)

    def visit():
        started.wait()
        rendered_by(refused, rf)

    began = time.monotonic()
    threads = [threading.Thread(target=visit) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(renders) == 3
    assert time.monotonic() - began < page_cache.FILL_WAIT_SECONDS
