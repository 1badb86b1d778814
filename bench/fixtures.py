"""What the benchmark loads: the routes, with real objects of the loaded database, and the
credentials the staff API call and the delegate's survey save need."""

from django.conf import settings
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from bench.runner import Route
from idm.models import User
from principles.models import Principle
from surveys.models import Question, Response, Survey
from workshops.models import Event

BASELINE = Route("baseline", "/bench/baseline/")
STAFF_EMAIL = "bench-staff@example.org"


def prepare():
    """Accounts and the objects each route shows (the busiest ones)."""
    staff, _ = User.objects.get_or_create(
        email=STAFF_EMAIL, defaults={"is_staff": True, "first_name": "Bench", "last_name": "Staff"}
    )
    token, _ = Token.objects.get_or_create(user=staff)
    event = (
        Event.objects.annotate(n=Count("registrations")).order_by("-n", "pk").first()
        or Event.objects.first()
    )
    surveys = Survey.objects.filter(kind=Survey.Kind.EFFECTIVENESS).annotate(n=Count("responses"))
    survey = surveys.filter(status=Survey.Status.CLOSED).order_by("-n", "pk").first()
    open_survey = surveys.filter(status=Survey.Status.OPEN).order_by("-n", "-pk").first()
    principle = Principle.objects.order_by("pk").first()
    return {
        "token": token.key,
        "event": event,
        "survey": survey,
        "open_survey": open_survey,
        "search": (principle.headline.split()[0] if principle else "migration"),
    }


def delegate_session(delegate):
    """A logged-in session cookie and a CSRF token for the delegate's form posts."""
    client = Client()
    client.force_login(delegate)
    csrf = "b" * 32  # an unmasked secret: cookie and header must match
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    return {
        "Cookie": f"{cookie}; {settings.CSRF_COOKIE_NAME}={csrf}",
        "X-CSRFToken": csrf,
        "Content-Type": "application/x-www-form-urlencoded",
    }


def routes(prepared, connections=64):
    event, survey = prepared["event"], prepared["survey"]
    staff = {"Authorization": f"Token {prepared['token']}"}
    found = [
        Route("home", reverse("home")),
        Route("event page", event.get_absolute_url()),
        Route("principles search", reverse("principles:list") + f"?q={prepared['search']}"),
        Route("participants", reverse("workshops:participants", args=[event.slug])),
        Route("API events", "/api/v1/events/"),
        Route("API principles", "/api/v1/principles/"),
        Route("API registrations (staff)", "/api/v1/registrations/", headers=staff),
    ]
    if survey is not None:
        found.append(Route("survey results", reverse("surveys:results", args=[survey.pk])))
    open_survey = prepared["open_survey"]
    if open_survey is not None:
        section = open_survey.sections.order_by("position").first()
        found.append(delegate_save_route(open_survey, section, connections))
    return found


def delegate_save_route(survey, section, connections):
    """Delegates of different states each saving their own draft of the same section in the
    background (the autosave request), again and again: one logged-in delegate per connection."""
    question = section.questions.filter(kind=Question.Kind.LIKERT).first()
    field, value = (f"q{question.pk}", "3") if question else ("", "")
    drafts = (
        Response.objects.filter(survey=survey, status=Response.Status.DRAFT)
        .select_related("member_state")
        .order_by("member_state__code")[:connections]
    )
    sessions = []
    for draft in drafts:
        delegate = User.objects.filter(
            member_state=draft.member_state, delegation_role=User.DelegationRole.CONTRIBUTOR
        ).first()
        if delegate is None:
            continue
        path = reverse("surveys:autosave", args=[survey.pk, draft.member_state.code, 1])
        body = f"version={{version}}&{field}={value}"
        sessions.append((path, delegate_session(delegate), body, draft.version))
    first_path = sessions[0][0] if sessions else "/"
    return Route("delegate saves a section", first_path, method="POST", sessions=sessions)
