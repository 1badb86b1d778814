"""One protocol per endpoint: the background save (surveys/survey.js) posts to its own endpoint,
which answers JSON; the section's form post answers with pages and redirects only."""

import pytest
from django.urls import reverse

from surveys import services
from surveys.models import Answer, Response
from tests.surveys.factories import complete_values, delegation, small_survey

pytestmark = pytest.mark.django_db


def autosave_url(s, code="PH", position=1):
    return reverse("surveys:autosave", args=[s.survey.pk, code, position])


def section_url(s, code="PH", position=1):
    return reverse("surveys:section", args=[s.survey.pk, code, position])


def test_autosave_route_keeps_the_section_path():
    s = small_survey()
    assert autosave_url(s, "ph", 2) == f"/surveys/{s.survey.pk}/PH/sections/2/autosave/"


def test_autosave_saves_and_answers_version_as_json(client):
    s, d = small_survey(), delegation()
    client.force_login(d.contributor)
    response = client.post(autosave_url(s, position=2), {"version": 0, f"q{s.number.pk}": "4"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["version"] == 1 and body["saved_at"]
    assert Answer.objects.get(question=s.number).number == 4


def test_autosave_refusals_are_json_with_a_message(client):
    s, d = small_survey(), delegation()
    data = {"version": 0, f"q{s.number.pk}": "4"}
    anonymous = client.post(autosave_url(s, position=2), data)
    assert anonymous.status_code == 403
    assert anonymous.json() == {"message": "You are no longer logged in. Log in again, then save."}
    client.force_login(d.viewer)
    viewer = client.post(autosave_url(s, position=2), data)
    assert viewer.status_code == 403
    assert viewer.json() == {
        "message": "Your role lets you read your state's draft but not change it."
    }
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    client.force_login(d.contributor)
    locked = client.post(autosave_url(s, position=2), {**data, "version": 2})
    assert locked.status_code == 403
    assert "submitted and is locked" in locked.json()["message"]
    assert not Answer.objects.filter(question=s.number).exists()


def test_autosave_other_state_404_and_get_not_allowed(client):
    s, d, outsider = small_survey(), delegation(), delegation("MX", "americas")
    client.force_login(outsider.focal_point)
    assert client.post(autosave_url(s), {"version": 0}).status_code == 404
    client.force_login(d.contributor)
    assert client.get(autosave_url(s)).status_code == 405
    assert not Response.objects.exists()


def test_section_post_is_a_plain_form_post_even_with_the_old_autosave_flag(client):
    s, d = small_survey(), delegation()
    client.force_login(d.contributor)
    data = {"version": 0, f"q{s.number.pk}": "4", "autosave": "1"}
    saved = client.post(section_url(s, position=2), data)
    assert saved.status_code == 302 and saved.url == section_url(s, position=2)
    invalid = client.post(section_url(s, position=2), {**data, f"q{s.number.pk}": "-1"})
    assert invalid.status_code == 400
    assert invalid["Content-Type"].startswith("text/html")
    assert "Enter a number of at least 0." in invalid.content.decode()


def test_section_page_form_names_its_autosave_endpoint_and_has_no_inline_script(client):
    s, d = small_survey(), delegation()
    client.force_login(d.contributor)
    content = client.get(section_url(s, position=2)).content.decode()
    assert f'data-autosave-url="{autosave_url(s, position=2)}"' in content
    assert f'action="{section_url(s, position=2)}"' in content
    assert content.count("<script") == content.count("<script src=")
    client.force_login(d.viewer)  # who cannot change the draft gets no form to save
    assert "data-autosave-url" not in client.get(section_url(s, position=2)).content.decode()
