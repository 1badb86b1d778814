"""What the benchmark loads: the routes, with real objects of the loaded database, and the
credentials the staff API call and the delegate's survey save need."""

from django.conf import settings
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from bench.runner import Route
from idm.models import MemberState, User
from principles.models import Principle
from surveys.models import Survey
from workshops.models import Event

BASELINE = Route("baseline", "/bench/baseline/")
STAFF_EMAIL = "bench-staff@example.org"
DELEGATE_EMAIL = "bench-delegate@example.org"


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
    survey = (
        Survey.objects.filter(kind=Survey.Kind.EFFECTIVENESS)
        .annotate(n=Count("responses"))
        .order_by("-n", "pk")
        .first()
    )
    state = MemberState.objects.filter(membership=MemberState.Membership.MEMBER).first()
    delegate, _ = User.objects.get_or_create(
        email=DELEGATE_EMAIL,
        defaults={
            "member_state": state,
            "delegation_role": User.DelegationRole.CONTRIBUTOR,
            "first_name": "Bench",
            "last_name": "Delegate",
        },
    )
    principle = Principle.objects.order_by("pk").first()
    return {
        "token": token.key,
        "event": event,
        "survey": survey,
        "state": state,
        "delegate": delegate,
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
    }


def routes(prepared):
    event, survey, state = prepared["event"], prepared["survey"], prepared["state"]
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
        section = survey.sections.order_by("position").first()
        if section is not None:
            found.append(delegate_save_route(prepared, survey, state, section))
    return found


def delegate_save_route(prepared, survey, state, section):
    """A delegate saving a survey section in the background (the autosave request)."""
    headers = delegate_session(prepared["delegate"])
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    path = reverse("surveys:section", args=[survey.pk, state.code, section.position])
    return Route(
        "delegate saves a section", path, method="POST", body="autosave=1", headers=headers
    )
