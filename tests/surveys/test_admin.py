import pytest
from django.urls import reverse

from surveys import services
from tests.surveys.factories import complete_values, delegation, small_survey

pytestmark = pytest.mark.django_db


def test_admin_survey_without_answers_can_delete_questions(staff_client):
    s = small_survey()
    response = staff_client.get(reverse("admin:surveys_question_delete", args=[s.likert.pk]))
    assert response.status_code == 200


def test_admin_survey_with_answers_refuses_destructive_changes(staff_client):
    s, d = small_survey(), delegation()
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    page = staff_client.get(reverse("admin:surveys_survey_change", args=[s.survey.pk]))
    assert "This survey has answers" in page.content.decode()
    assert (
        staff_client.get(reverse("admin:surveys_question_delete", args=[s.likert.pk])).status_code
        == 403
    )
    assert (
        staff_client.get(reverse("admin:surveys_survey_delete", args=[s.survey.pk])).status_code
        == 403
    )
    s.likert.kind = "number"
    with pytest.raises(Exception, match="its type cannot change"):
        s.likert.full_clean()


def test_admin_question_change_page_lists_options(staff_client):
    s = small_survey()
    page = staff_client.get(reverse("admin:surveys_question_change", args=[s.single.pk]))
    assert page.status_code == 200
    assert "Workshop" in page.content.decode()
    changelist = staff_client.get(reverse("admin:surveys_response_changelist"))
    assert changelist.status_code == 200
