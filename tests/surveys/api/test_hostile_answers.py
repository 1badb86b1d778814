"""Survey responses API under hostile input: malformed If-Match and NUL characters in answers
are a 400 naming what is wrong, and nothing is stored."""

import pytest

from idm.api.preconditions import parse_if_match
from surveys.models import Response
from tests.surveys.api.test_views import draft
from tests.surveys.factories import delegation, small_survey

pytestmark = pytest.mark.django_db

MALFORMED_IF_MATCH = ["²", "1" * 5000, "abc", '"1', "W/", "-1", "*", "1\x00", "١"]


@pytest.mark.parametrize("if_match", MALFORMED_IF_MATCH)
def test_api_patch_malformed_if_match_400_says_what_it_holds(api_client, if_match):
    s, d = small_survey(), delegation()
    response = draft(s, d, {s.likert.pk: 3})
    api_client.force_authenticate(d.contributor)
    answer = api_client.patch(
        f"/api/v1/responses/{response.pk}/",
        {"answers": {str(s.likert.pk): 5}},
        HTTP_IF_MATCH=if_match,
    )
    assert answer.status_code == 400
    assert answer.json() == {
        "If-Match": ['If-Match must hold the version as the ETag gives it, e.g. "3".']
    }
    assert Response.objects.get().version == 1


@pytest.mark.parametrize("if_match", ["²", "1" * 5000])
def test_api_submit_malformed_if_match_400_and_not_submitted(api_client, if_match):
    s, d = small_survey(), delegation()
    response = draft(s, d)
    api_client.force_authenticate(d.focal_point)
    answer = api_client.post(f"/api/v1/responses/{response.pk}/submit/", HTTP_IF_MATCH=if_match)
    assert answer.status_code == 400
    assert "If-Match" in answer.json()
    assert not Response.objects.get().is_submitted


@pytest.mark.parametrize(
    ("header", "version"),
    [('"3"', 3), ('W/"12"', 12), ("7", 7), (" 4 ", 4), ("", None), (None, None)],
)
def test_parse_if_match_reads_etag_forms(header, version):
    assert parse_if_match(header) == version


def test_api_patch_text_answer_with_nul_400_names_question_nothing_stored(api_client):
    s, d = small_survey(), delegation()
    response = draft(s, d, {s.likert.pk: 3})
    api_client.force_authenticate(d.contributor)
    answer = api_client.patch(
        f"/api/v1/responses/{response.pk}/",
        {"answers": {str(s.long_text.pk): "a\x00b", str(s.likert.pk): 5}},
        HTTP_IF_MATCH='"1"',
    )
    assert answer.status_code == 400
    assert answer.json() == {"answers": {str(s.long_text.pk): ["Null characters are not allowed."]}}
    stored = Response.objects.get()
    assert stored.version == 1
    assert stored.answers.get(question=s.likert).number == 3


def test_api_create_with_nul_in_answers_400_nothing_created(api_client):
    s, d = small_survey(), delegation()
    api_client.force_authenticate(d.focal_point)
    answer = api_client.post(
        "/api/v1/responses/",
        {"survey": s.survey.pk, "answers": {str(s.long_text.pk): ["a\x00"]}},
    )
    assert answer.status_code == 400
    assert answer.json() == {
        "answers": {str(s.long_text.pk): {"0": ["Null characters are not allowed."]}}
    }
    assert not Response.objects.exists()
