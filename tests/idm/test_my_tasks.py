"""A logged-in person's start page ("my tasks", where login leads): their state's surveys
with status and deadline, events open for nomination (focal points), their registrations."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from surveys.models import Response
from tests.factories import DelegateFactory, FocalPointFactory, MemberStateFactory, UserFactory
from tests.helpers import count_queries
from tests.surveys.factories import SurveyFactory
from tests.workshops.factories import EventFactory, OpenEventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
URL = "/tasks/"


def test_my_tasks_is_where_login_leads(settings):
    assert reverse(settings.LOGIN_REDIRECT_URL) == URL


def test_my_tasks_anonymous_goes_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_my_tasks_delegate_sees_state_surveys_with_status_and_deadline(client):
    state = MemberStateFactory(code="PH", name="Philippines")
    delegate = DelegateFactory(member_state=state)
    closes = timezone.now() + datetime.timedelta(days=9)
    answered = SurveyFactory(title_en="Effectiveness 2026", closes_at=closes)
    Response.objects.create(
        survey=answered,
        member_state=state,
        status=Response.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    SurveyFactory(title_en="Themes 2027")
    client.force_login(delegate)
    content = client.get(URL).content.decode()
    assert reverse("surveys:response", args=[answered.pk, "PH"]) in content
    assert "Effectiveness 2026" in content and "Submitted" in content
    assert "Themes 2027" in content and "Not started" in content
    assert "Deadline" in content and str(closes.astimezone().year) in content


def test_my_tasks_colleague_of_other_state_sees_own_state_status_only(client):
    ph = MemberStateFactory(code="PH")
    survey = SurveyFactory(title_en="Effectiveness 2026")
    Response.objects.create(
        survey=survey,
        member_state=ph,
        status=Response.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    client.force_login(DelegateFactory(member_state=MemberStateFactory(code="KE")))
    content = client.get(URL).content.decode()
    assert reverse("surveys:response", args=[survey.pk, "KE"]) in content
    assert "Submitted" not in content and "Not started" in content


def test_my_tasks_focal_point_sees_events_open_for_nomination(client):
    open_event = OpenEventFactory(title="Next workshop")
    EventFactory(title="Old workshop")
    client.force_login(FocalPointFactory())
    content = client.get(URL).content.decode()
    assert f"/events/{open_event.slug}/nominate/" in content
    assert "Old workshop" not in content


def test_my_tasks_contributor_gets_no_nomination_links(client):
    OpenEventFactory()
    client.force_login(DelegateFactory())
    assert "/nominate/" not in client.get(URL).content.decode()


def test_my_tasks_lists_own_registrations_not_others(client):
    user = UserFactory(email="amina@example.org")
    mine = RegistrationFactory(email="amina@example.org")
    other = RegistrationFactory(email="someone@example.org")
    client.force_login(user)
    content = client.get(URL).content.decode()
    assert mine.get_absolute_url() in content and other.get_absolute_url() not in content


def test_my_tasks_staff_sees_page_without_state_surveys(staff_client):
    SurveyFactory(title_en="Effectiveness 2026")
    response = staff_client.get(URL)
    assert response.status_code == 200
    assert "Effectiveness 2026" not in response.content.decode()


def add_rows(state, email, count):
    for _ in range(count):
        SurveyFactory()
        OpenEventFactory()
        RegistrationFactory(email=email)


def test_my_tasks_queries_same_at_1_and_30_rows(client):
    focal_point = FocalPointFactory(email="fp@example.org")
    client.force_login(focal_point)
    add_rows(focal_point.member_state, focal_point.email, 1)
    one = count_queries(client, URL)
    add_rows(focal_point.member_state, focal_point.email, 29)
    assert count_queries(client, URL) == one
