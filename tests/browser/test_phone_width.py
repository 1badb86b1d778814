"""No page scrolls sideways on a phone (WCAG 1.4.10 Reflow; issue 13, acceptance 4).

The pages come from the URL resolver: every route is either measured or excluded here with
its reason, so a page added later is measured as soon as it exists (or the test names it).
Each page is loaded at 390 px wide, anonymously and as a delegate (the Philippines' focal point
of the demo seed), in English, French and Spanish, with real objects for its URL arguments (the
seed with --demo, plus an invitation and a password-reset link made here). A page passes when
  - the document is no wider than the viewport (document.documentElement.scrollWidth),
  - nothing hides the overflow instead (overflow-x on html or body), and no element scrolls
    sideways inside the page unless listed in SCROLLERS with the reason it needs to,
  - every form control's border reaches 3:1 against what it sits on (WCAG 1.4.11).

IDM_PHONE_SCREENSHOTS=<directory> saves a full-page screenshot of every page measured (look at
them); a failing page is always saved to test-artifacts/phone/.
"""

import datetime
import os
import re
import types
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, include, path, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from idm.models import Dialogue, MemberState, User
from idm.models.delegations import hash_secret
from idm.services.invitations import make_token
from surveys import services as survey_services
from surveys.evaluations.links import token_for
from surveys.evaluations.services import invite_participant
from surveys.models import EvaluationInvitation, Question, Response, Survey
from tests.idm.factories import InvitationFactory
from tests.workshops.factories import OpenEventFactory
from workshops import services as workshops_services
from workshops.demo import DEMO_SLUG
from workshops.models import Registration

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LANGUAGES = ["en", "fr", "es"]
ROLES = ["anonymous", "delegate"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "phone"

# Whole URL trees that hold no public or delegate page.
EXCLUDED_PREFIXES = {
    "admin/": "the staff back office (Django admin)",
    "api/": "the REST API (JSON) and its schema and documentation pages (Swagger UI, Redoc)",
}
# Every other route that is not measured, and why.
NOT_A_PAGE = "not a page: answers with a file, JSON or a redirect"
POST_ONLY = "an action: answers POST only (GET is 405); its form is on a measured page"
STAFF_ONLY = "IOM staff only (staff pages are not part of the phone layout requirement)"
EXCLUDED = {
    "healthz": NOT_A_PAGE,
    "readyz": NOT_A_PAGE,
    "favicon": NOT_A_PAGE,
    "document-file": NOT_A_PAGE,
    "workshops:dialogue-ics": NOT_A_PAGE,
    "workshops:event-ics": NOT_A_PAGE,
    "workshops:participants-pdf": NOT_A_PAGE + " (staff)",
    "workshops:participants-csv": NOT_A_PAGE + " (staff)",
    "workshops:participants-xlsx": NOT_A_PAGE + " (staff)",
    "workshops:badges": NOT_A_PAGE + " (staff)",
    "surveys:csv": NOT_A_PAGE + " (staff)",
    "surveys:xlsx": NOT_A_PAGE + " (staff)",
    "set_language": POST_ONLY,
    "logout": POST_ONLY,
    "delete_token": POST_ONLY,
    "revoke_invitation": POST_ONLY,
    "deactivate_account": POST_ONLY,
    "surveys:submit": POST_ONLY,
    "surveys:reopen": POST_ONLY,
    "surveys:autosave": POST_ONLY + " (the background save answers JSON)",
    "funding:confirm-event": POST_ONLY + " (staff)",
    "surveys:notify": POST_ONLY,
    "surveys:response-pdf": NOT_A_PAGE,
    "surveys:questionnaire-pdf": NOT_A_PAGE,
    "surveys:create-evaluation": POST_ONLY + " (staff)",
    "surveys:evaluation-invitations": STAFF_ONLY,
    "surveys:event-evaluation": STAFF_ONLY,
    "surveys:remind": POST_ONLY + " (staff)",
    "surveys:adopt-theme": POST_ONLY + " (staff)",
    "two_factor": STAFF_ONLY + ": the second step of a staff login",
    "delegation_list": STAFF_ONLY,
    "workshops:event-registrations": STAFF_ONLY,
    "workshops:participants-staff": STAFF_ONLY,
    "workshops:check-in": STAFF_ONLY,
    "surveys:dashboard": STAFF_ONLY,
    "funding:report": STAFF_ONLY,
    "funding:report-csv": NOT_A_PAGE + " (staff)",
    "funding:report-xlsx": NOT_A_PAGE + " (staff)",
    "funding:statement": STAFF_ONLY,
    "funding:statement-pdf": NOT_A_PAGE + " (staff)",
    "funding:event-report": STAFF_ONLY,
    "funding:event-sponsorships": STAFF_ONLY,
}
# Elements allowed to scroll sideways inside a page, with the reason they must (none today:
# tables stack on a phone instead).
SCROLLERS = {}


@dataclass
class World:
    """The real objects whose keys go into the URLs."""

    delegate: User
    event_slug: str
    year: int
    state_code: str
    open_survey: Survey
    closed_survey: Survey
    registration: Registration
    invitation_token: str
    reset_uid: str
    reset_token: str
    evaluation_token: str


def build_world(settings):
    settings.DEBUG = True  # seed_idm --demo runs only in development
    call_command("seed_idm", "--demo")
    settings.DEBUG = False
    delegate = User.objects.get(email="focal.point.ph@example.org")
    state = MemberState.objects.get(code="PH")
    registration = Registration.objects.get(event__slug=DEMO_SLUG, email="delegate.ph@example.org")
    secret = "phone-width-invitation"
    invitation = InvitationFactory(
        email="new.colleague.ph@example.org",
        member_state=state,
        invited_by=delegate,
        secret_hash=hash_secret(secret),
    )
    reader = User.objects.get(email="delegate.ph@example.org")
    # the focal point's own registration (for "My registrations"), to another open workshop
    workshops_services.register(
        event=OpenEventFactory(
            dialogue=Dialogue.objects.get(year=2009),
            title="Workshop on labour mobility and the rights of migrant domestic workers",
        ),
        name=delegate.get_full_name(),
        email=delegate.email,
        organisation="Permanent Mission of the Philippines to the United Nations in Geneva",
        category=Registration.Category.MEMBER_STATE,
        member_state=state,
        user=delegate,
    )
    # the demo workshop's evaluation, open (as after the event), and the participant's link
    evaluation = Survey.objects.get(event__slug=DEMO_SLUG)
    Survey.objects.filter(pk=evaluation.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=1)
    )
    invite_participant(survey=evaluation, registration=registration)
    evaluation_token = token_for(
        EvaluationInvitation.objects.get(survey=evaluation, registration=registration)
    )
    return World(
        delegate=delegate,
        event_slug=DEMO_SLUG,
        year=2009,
        state_code=state.code,
        open_survey=Survey.objects.get(title_en="IDM effectiveness survey"),
        closed_survey=Survey.objects.get(title_en="IDM 2009 theme selection"),
        registration=registration,
        invitation_token=make_token(invitation, secret),
        reset_uid=urlsafe_base64_encode(force_bytes(reader.pk)),
        reset_token=default_token_generator.make_token(reader),
        evaluation_token=evaluation_token,
    )


# URL arguments by name; ROUTE_ARGUMENTS first, for a route whose argument means something else.
ARGUMENTS = {
    "slug": lambda w: w.event_slug,
    "year": lambda w: w.year,
    "code": lambda w: w.state_code,
    "reference": lambda w: w.registration.reference,
    "position": lambda w: 1,
    "token": lambda w: w.invitation_token,
}
NAMESPACE_ARGUMENTS = {
    ("surveys", "pk"): lambda w: w.open_survey.pk,
}
ROUTE_ARGUMENTS = {
    "surveys:results": {"pk": lambda w: w.closed_survey.pk},
    "workshops:withdraw-nomination": {"pk": lambda w: w.registration.pk},
    "funding:registration-sponsorship": {"pk": lambda w: w.registration.pk},
    "surveys:evaluation": {"token": lambda w: w.evaluation_token},
    "password_reset_confirm": {
        "uidb64": lambda w: w.reset_uid,
        "token": lambda w: w.reset_token,
    },
}


@dataclass
class Route:
    pattern: str
    name: str
    arguments: list

    @property
    def namespace(self):
        return self.name.partition(":")[0] if ":" in self.name else ""


def routes(patterns=None, prefix="", namespace="", urlconf=None):
    """Every named route of the portal (pattern, name with namespace, argument names)."""
    for entry in get_resolver(urlconf).url_patterns if patterns is None else patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = entry.namespace or ""
            inner = f"{namespace}:{inner}" if namespace and inner else inner or namespace
            yield from routes(entry.url_patterns, pattern, inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            arguments = list(entry.pattern.regex.groupindex)
            yield Route(pattern, name or f"<unnamed {pattern}>", arguments)


def classify(urlconf=None):
    """(routes to measure, {route: why it cannot be measured}) from the resolver."""
    measured, problems = [], {}
    for route in routes(urlconf=urlconf):
        if route.pattern.startswith(tuple(EXCLUDED_PREFIXES)) or route.name in EXCLUDED:
            continue
        missing = [
            argument
            for argument in route.arguments
            if argument not in ROUTE_ARGUMENTS.get(route.name, {})
            and (route.namespace, argument) not in NAMESPACE_ARGUMENTS
            and argument not in ARGUMENTS
        ]
        if route.name.startswith("<unnamed"):
            problems[route.name] = "has no name: name it, then measure or exclude it"
        elif missing:
            problems[route.name] = (
                f"{route.pattern}: no real object for {missing}: add it to ARGUMENTS "
                "(or ROUTE_ARGUMENTS), or to EXCLUDED with the reason"
            )
        else:
            measured.append(route)
    return measured, problems


def url_of(route, world):
    kwargs = {}
    for argument in route.arguments:
        provider = (
            ROUTE_ARGUMENTS.get(route.name, {}).get(argument)
            or NAMESPACE_ARGUMENTS.get((route.namespace, argument))
            or ARGUMENTS[argument]
        )
        kwargs[argument] = provider(world)
    return reverse(route.name, kwargs=kwargs)


def test_phone_width_every_route_measured_or_excluded():
    """A page route added later is measured below, or this names it (with what it lacks)."""
    measured, problems = classify()
    assert not problems, "routes neither measured nor excluded:\n" + "\n".join(
        f"  {name}: {why}" for name, why in problems.items()
    )
    names = {route.name for route in routes()}
    assert not set(EXCLUDED) - names, (
        f"excluded routes that no longer exist: {set(EXCLUDED) - names}"
    )
    expected_pages = {"home", "documents", "surveys:list", "surveys:section", "surveys:results"}
    assert expected_pages <= {route.name for route in measured}


def test_phone_width_new_route_without_real_object_named():
    """A page added later whose URL needs an object the test does not know is named, as is
    an unnamed route; one with known arguments is measured without any change here."""

    def view(request, **kwargs):
        raise AssertionError("not called")

    urlconf = types.ModuleType("phone_width_urls")
    urlconf.urlpatterns = [
        path("", include(([path("funding/<int:year>/", view, name="year")], "funding"))),
        path("", include(([path("funding/donors/<int:pk>/", view, name="donor")], "funding"))),
        path("evaluations/<slug:slug>/", view),
        path("admin/reports/<int:pk>/", view, name="staff-report"),
        path("healthz", view, name="healthz"),
    ]
    measured, problems = classify(urlconf)
    assert [route.name for route in measured] == ["funding:year"]
    assert set(problems) == {"funding:donor", "<unnamed evaluations/<slug:slug>/>"}
    assert "no real object for ['pk']" in problems["funding:donor"]


# Measured in the page: the document's width, hidden overflow, sideways scrollers, the widest
# elements, and form controls whose border is below 3:1 against their surroundings.
MEASURE = """() => {
  const viewport = window.innerWidth;
  const CONTROLS = '.form-control, .form-select, .form-check-input';
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      [...el.classList].map((c) => '.' + c).join('') +
      ' "' + (el.innerText || el.value || '').trim().slice(0, 40) + '"';
  const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > viewport + 0.5
        && getComputedStyle(el).position !== 'fixed')
      .filter((el) => ![...el.children].some((child) =>
        child.getBoundingClientRect().right >= el.getBoundingClientRect().right - 0.5))
      .slice(0, 4)
      .map((el) => describe(el) + ' right edge ' + Math.round(el.getBoundingClientRect().right));
  const scrollers = [...document.querySelectorAll('body *')]
      .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)
        && el.scrollWidth > el.clientWidth + 1)
      .map((el) => ({selector: describe(el), classes: [...el.classList],
                     width: el.scrollWidth, box: el.clientWidth}));
  const rgb = (text) => { const m = text.match(/[\\d.]+/g).map(Number);
    return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = (c) => { const f = (v) => { v /= 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const backgroundOf = (el) => { for (let e = el.parentElement; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor); if (c.a === 1) return c; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05); };
  const weakBorders = [...document.querySelectorAll(CONTROLS)]
      .filter((el) => el.offsetParent !== null && !el.checked && !el.matches('.is-invalid, :focus'))
      .map((el) => { const border = rgb(getComputedStyle(el).borderTopColor);
        const behind = backgroundOf(el);
        const c = {r: border.a * border.r + (1 - border.a) * behind.r,
                   g: border.a * border.g + (1 - border.a) * behind.g,
                   b: border.a * border.b + (1 - border.a) * behind.b};
        return {selector: describe(el), ratio: ratio(c, behind)}; })
      .filter((item) => item.ratio < 3)
      .map((item) => item.selector + ' ' + item.ratio.toFixed(2) + ':1');
  return {
    viewport, width: document.documentElement.scrollWidth,
    hidden: [getComputedStyle(document.documentElement).overflowX,
             getComputedStyle(document.body).overflowX].filter((v) => v !== 'visible'),
    wide, scrollers, weakBorders, controls: document.querySelectorAll(CONTROLS).length,
  };
}"""


def delegate_session(user):
    client = Client()
    client.force_login(user)
    return client.cookies[django_settings.SESSION_COOKIE_NAME].value


def colleague_saves_first_section(world):
    """The delegate's colleague saves section 1 meanwhile (a different first answer)."""
    response = Response.objects.get(survey=world.open_survey, member_state__code="PH")
    answer = response.answers.filter(
        question__section__position=1, question__kind=Question.Kind.LIKERT
    ).first()
    question, current = answer.question, answer.number
    survey_services.save_answers(
        survey=world.open_survey,
        member_state=response.member_state,
        values={question.pk: int(current) % 5 + 1},
        expected_version=response.version,
        actor=User.objects.get(email="delegate.ph@example.org"),
    )


def open_conflict(page, base, route, world):
    """The conflict page exists only after a save that lost a race: make one."""
    section = reverse("surveys:section", args=[world.open_survey.pk, world.state_code, 1])
    page.goto(base + section)
    colleague_saves_first_section(world)
    with page.expect_navigation():
        page.locator("form.survey-form button[name=save]").first.click()
    return page.url.endswith(url_of(route, world))


def visit(page, base, route, world, role):
    """Open the route's page; True when it is the page itself (not a login or error page)."""
    url = url_of(route, world)
    if route.name == "surveys:conflict" and role == "delegate":
        return open_conflict(page, base, route, world)
    response = page.goto(base + url)
    page.wait_for_load_state()
    on_login = page.url.split("?")[0].endswith(reverse("login")) and route.name != "login"
    return response is not None and response.status == 200 and not on_login


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@pytest.mark.django_db(transaction=True)
def test_phone_width_no_page_scrolls_sideways(live_server, browser, settings):
    """Acceptance 13.4: every public and delegate page, at 390 px, in EN/FR/ES, as an
    anonymous visitor and as a delegate: no sideways scrolling."""
    measured_routes, problems = classify()
    assert not problems, problems
    world = build_world(settings)
    screenshots = os.environ.get("IDM_PHONE_SCREENSHOTS")
    failures, opened, seen = [], {}, 0
    for language in LANGUAGES:
        for role in ROLES:
            context = browser.new_context(
                locale=language, viewport=PHONE, reduced_motion="reduce", is_mobile=False
            )
            if role == "delegate":
                context.add_cookies(
                    [
                        {
                            "name": django_settings.SESSION_COOKIE_NAME,
                            "value": delegate_session(world.delegate),
                            "url": live_server.url,
                        }
                    ]
                )
            page = context.new_page()
            page.set_default_timeout(15_000)
            for route in measured_routes:
                if not visit(page, live_server.url, route, world, role):
                    continue
                opened.setdefault(route.name, []).append(f"{language}/{role}")
                seen += 1
                result = page.evaluate(MEASURE)
                where = f"{language} {role} {page.url.replace(live_server.url, '')} ({route.name})"
                problems = []
                if result["width"] > result["viewport"]:
                    problems.append(
                        f"{result['width']} px wide at {result['viewport']} px; widest: "
                        + "; ".join(result["wide"])
                    )
                if result["hidden"]:
                    problems.append(f"overflow-x {result['hidden']} on html/body hides overflow")
                for scroller in result["scrollers"]:
                    if not set(scroller["classes"]) & set(SCROLLERS):
                        problems.append(
                            f"{scroller['selector']} scrolls sideways "
                            f"({scroller['width']} px in {scroller['box']} px)"
                        )
                if result["weakBorders"]:
                    problems.append("form borders below 3:1: " + "; ".join(result["weakBorders"]))
                name = f"{language}-{role}-{slug(route.name)}.png"
                if problems:
                    failures.append(f"{where}: " + " | ".join(problems))
                    ARTIFACTS.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
                if screenshots:
                    Path(screenshots).mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(Path(screenshots) / name), full_page=True)
            context.close()
    unopened = sorted({route.name for route in measured_routes} - set(opened))
    assert not unopened, (
        f"pages that neither an anonymous visitor nor a delegate could open: {unopened} "
        "(give them real objects in ARGUMENTS, or exclude them with the reason)"
    )
    assert not failures, "pages wider than a phone:\n" + "\n".join(failures)
    # every measured route was measured in every language, by someone
    assert all(len({v.split("/")[0] for v in opened[name]}) == 3 for name in opened), opened
    assert seen >= len(measured_routes) * len(LANGUAGES)
