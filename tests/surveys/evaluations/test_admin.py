"""The back office: an evaluation survey names its event; invitations are listed read-only,
without their links."""

import pytest
from django.urls import reverse

from tests.surveys.evaluations.factories import evaluation, invite, participant

pytestmark = pytest.mark.django_db


def test_admin_evaluation_survey_shows_its_event_and_audience(staff_client):
    e = evaluation()
    page = staff_client.get(reverse("admin:surveys_survey_change", args=[e.survey.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "evaluated event" in html.lower() and e.event.title in html
    assert "Participants of an event (one response each)" in html


def test_admin_survey_of_another_kind_cannot_evaluate_an_event(staff_client):
    e = evaluation()
    url = reverse("admin:surveys_survey_change", args=[e.survey.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "kind": "effectiveness",
            "event": e.event.pk,
            "opens_at_0": "",
            "closes_at_0": "",
            "sections-TOTAL_FORMS": "0",
            "sections-INITIAL_FORMS": "0",
        }
    )
    page = staff_client.post(url, data)
    assert page.status_code == 200
    assert "Only an event evaluation evaluates an event." in page.content.decode()
    e.survey.refresh_from_db()
    assert e.survey.kind == "event_evaluation"


def test_admin_invitations_listed_without_links(staff_client):
    e = evaluation()
    invitation, token = invite(e.survey, participant(e.event, name="Ana Reyes"))
    page = staff_client.get(reverse("admin:surveys_evaluationinvitation_changelist"))
    html = page.content.decode()
    assert page.status_code == 200 and "Ana Reyes" in html
    assert invitation.key not in html and token not in html
    detail = staff_client.get(
        reverse("admin:surveys_evaluationinvitation_change", args=[invitation.pk])
    )
    assert invitation.key not in detail.content.decode()
