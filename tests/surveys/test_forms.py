"""The survey pages' small forms render through crispy like the other apps' forms."""

import pytest
from django.urls import reverse

from surveys import services
from tests.surveys.factories import complete_values, delegation, small_survey
from tests.surveys.test_themes import theme_survey

pytestmark = pytest.mark.django_db


def test_forms_results_region_filter_keeps_choice_and_explains_unknown_region(client):
    s = small_survey(results_public=True, status="closed")
    url = reverse("surveys:results", args=[s.survey.pk])
    chosen = client.get(url, {"region": "asia"})
    assert chosen.context["results"].region == "asia"
    assert '<option value="asia" selected>' in chosen.content.decode()
    unknown = client.get(url, {"region": "mars"})
    assert unknown.status_code == 200 and unknown.context["results"].region == ""
    assert "Select a valid choice. mars is not one of the available choices." in (
        unknown.content.decode()
    )


def test_forms_adopt_theme_year_field_shows_the_default_year(staff_client):
    survey, _options = theme_survey()
    content = staff_client.get(reverse("surveys:results", args=[survey.pk])).content.decode()
    assert 'for="id_year" class="form-label">' in content and "Dialogue year" in content
    assert 'name="year" value="2009" min="2001" max="2100"' in content


def test_forms_reopen_reason_error_beside_the_field(staff_client):
    s, d = small_survey(), delegation()
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    refused = staff_client.post(
        reverse("surveys:reopen", args=[s.survey.pk, "PH"]), {"reason": " "}
    )
    assert refused.status_code == 400
    content = refused.content.decode()
    field = content.split('id="div_id_reason"', 1)[1].split("</form>", 1)[0]
    assert 'form-control is-invalid" required aria-invalid="true"' in field
    assert "This field is required." in field
    assert "The state's delegates see this reason on their response." in field
