"""The surveys' named permissions (surveys/access.py, asked through has_perm), and the drift
they fixed: results are public once a public survey is past its closing date, and the survey
list links them then (for anyone, signed in or not)."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from surveys.views.common import StateResponse
from tests.factories import StaffFactory, UserFactory
from tests.helpers import count_queries
from tests.surveys.factories import SurveyFactory, delegation, small_survey

pytestmark = pytest.mark.django_db

LIST = reverse("surveys:list")


def results_url(survey):
    return reverse("surveys:results", args=[survey.pk])


def past_date_survey(**fields):
    """Still "open" by status, but its closing date has passed."""
    opened = timezone.now() - datetime.timedelta(days=30)
    return SurveyFactory(
        title_en="Effectiveness past its date",
        status="open",
        opens_at=opened,
        closes_at=timezone.now() - datetime.timedelta(days=1),
        **fields,
    )


def test_public_results_past_closing_date_are_public_and_linked_from_the_list(staff_client):
    survey = past_date_survey(results_public=True)
    client, viewer = Client(), Client()  # anonymous; a delegate
    viewer.force_login(delegation().viewer)
    for who in (client, viewer, staff_client):
        content = who.get(LIST).content.decode()
        assert "Effectiveness past its date" in content
        assert f'href="{results_url(survey)}"' in content
    answer = client.get(results_url(survey))
    assert answer.status_code == 200 and "Effectiveness past its date" in answer.content.decode()


def test_results_not_public_past_date_not_linked_for_delegates_only_for_staff(staff_client):
    survey = past_date_survey(results_public=False)
    client = Client()
    assert "Effectiveness past its date" not in client.get(LIST).content.decode()
    client.force_login(delegation().focal_point)
    content = client.get(LIST).content.decode()
    assert "Effectiveness past its date" in content
    assert results_url(survey) not in content
    assert client.get(results_url(survey)).status_code == 403
    assert results_url(survey) in staff_client.get(LIST).content.decode()


def test_public_results_of_open_survey_before_its_date_not_linked(client):
    survey = SurveyFactory(
        title_en="Still running",
        results_public=True,
        closes_at=timezone.now() + datetime.timedelta(days=3),
    )
    client.force_login(delegation().contributor)
    content = client.get(LIST).content.decode()
    assert "Still running" in content and results_url(survey) not in content
    client.logout()
    assert "Still running" not in client.get(LIST).content.decode()


def test_anonymous_survey_list_shows_only_public_results(client):
    past_date_survey(results_public=True)
    SurveyFactory(title_en="Closed in private", status="closed", results_public=False)
    SurveyFactory(title_en="Being built", status="draft", results_public=True)
    SurveyFactory(title_en="Open now", results_public=True)
    content = client.get(LIST).content.decode()
    assert "Effectiveness past its date" in content
    for hidden in ("Closed in private", "Being built", "Open now"):
        assert hidden not in content
    assert "Questionnaire (PDF)" not in content  # survey pages need an account


def test_anonymous_survey_list_queries_bounded(django_assert_num_queries):
    past_date_survey(results_public=True)
    client = Client()
    queries = count_queries(client, LIST)
    for _ in range(8):
        past_date_survey(results_public=True)
    with django_assert_num_queries(queries):
        assert client.get(LIST).status_code == 200


def test_superuser_staff_answered_by_the_rules_not_the_superuser_shortcut():
    """A superuser is IOM staff, not a delegate of every state: the named rules answer for
    them too; Django's model permissions (the back office) keep the superuser shortcut."""
    s, d = small_survey(), delegation()
    staff = StaffFactory(is_superuser=True)
    target = StateResponse(survey=s.survey, state=d.state, response=None, user=staff)
    assert staff.has_perm("idm.staff") and staff.has_perm("surveys.manage_survey")
    assert not staff.has_perm("idm.delegate")
    assert not staff.has_perm("surveys.respond", target)
    assert not staff.has_perm("surveys.submit_response", target)
    assert staff.has_perm("surveys.view_response", d.state)
    assert staff.has_perm("surveys.change_survey")  # a model permission


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        # view_survey, view_response, respond, submit_response, notify_focal_point
        ("focal_point", (True, True, True, True, False)),
        ("contributor", (True, True, True, False, True)),
        ("viewer", (True, True, False, False, False)),
        ("outsider", (True, False, False, False, False)),
        ("anonymous", (False, False, False, False, False)),
        ("staff", (True, True, False, False, False)),
    ],
)
def test_permissions_per_role_on_a_draft(role, expected):
    from surveys import services
    from tests.surveys.factories import complete_values

    s, d, outsider = small_survey(), delegation(), delegation("MX", "americas")
    response = services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    user = {
        "outsider": outsider.focal_point,
        "anonymous": AnonymousUser(),
        "staff": StaffFactory(is_superuser=True),
    }.get(role) or getattr(d, role)
    target = StateResponse(survey=s.survey, state=d.state, response=response, user=user)
    answers = (
        user.has_perm("surveys.view_survey", s.survey),
        user.has_perm("surveys.view_response", d.state),
        user.has_perm("surveys.respond", target),
        user.has_perm("surveys.submit_response", target),
        user.has_perm("surveys.notify_focal_point", target),
    )
    assert answers == expected


def test_draft_survey_seen_by_staff_only():
    survey = SurveyFactory(status="draft")
    assert StaffFactory().has_perm("surveys.view_survey", survey)
    assert not UserFactory().has_perm("surveys.view_survey", survey)
    assert not delegation().focal_point.has_perm("surveys.view_survey", survey)


def test_anonymous_navigation_leads_to_the_public_survey_list(client):
    content = client.get(reverse("home")).content.decode()
    assert f'<a class="nav-link" href="{LIST}">Survey results</a>' in content
