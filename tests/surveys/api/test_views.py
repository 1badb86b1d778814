import pytest
from django.core import mail

from surveys import services
from surveys.models import Response
from tests.factories import StaffFactory
from tests.helpers import count_queries
from tests.surveys.factories import SurveyFactory, complete_values, delegation, small_survey

pytestmark = pytest.mark.django_db


def draft(s, d, values=None):
    return services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=values or complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )


def test_api_surveys_lists_published_with_questions(api_client):
    s = small_survey()
    SurveyFactory(status="draft", title_en="Being built")
    body = api_client.get("/api/v1/surveys/").json()
    assert [row["title_en"] for row in body["results"]] == [s.survey.title_en]
    questions = [q for section in body["results"][0]["sections"] for q in section["questions"]]
    assert [q["kind"] for q in questions] == [
        "single_choice",
        "yes_no",
        "short_text",
        "multiple_choice",
        "likert",
        "ranking",
        "number",
        "long_text",
    ]
    assert questions[5]["top_k"] == 2
    assert [o["text_en"] for o in questions[0]["options"]] == ["Workshop", "Panel", "Consultation"]
    assert questions[2]["condition_question"] == s.yes_no.pk


def test_api_surveys_in_spanish_falls_back_to_english(api_client):
    s = small_survey()
    body = api_client.get(f"/api/v1/surveys/{s.survey.pk}/", HTTP_ACCEPT_LANGUAGE="es").json()
    assert body["title"] == s.survey.title_es
    assert body["sections"][0]["questions"][0]["options"][0]["text"] == "Workshop"


def test_api_surveys_list_same_query_count_1_and_20(api_client, django_assert_num_queries):
    small_survey()
    queries = count_queries(api_client, "/api/v1/surveys/")
    for _ in range(19):
        small_survey()
    with django_assert_num_queries(queries):
        assert api_client.get("/api/v1/surveys/").json()["count"] == 20


def test_api_results_permissions_as_pages(api_client):
    s, d = small_survey(), delegation()
    draft(s, d)
    services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    url = f"/api/v1/surveys/{s.survey.pk}/results/"
    assert api_client.get(url).status_code in (401, 403)
    api_client.force_authenticate(d.focal_point)
    assert api_client.get(url).status_code == 403
    api_client.force_authenticate(StaffFactory())
    body = api_client.get(url).json()
    assert body["respondents"] == 1
    likert = next(q for q in body["questions"] if q["question"] == s.likert.pk)
    assert (likert["mean"], likert["median"]) == (4.0, 4.0)
    assert api_client.get(url, {"region": "mars"}).status_code == 400
    assert api_client.get(url, {"region": "europe"}).json()["respondents"] == 0
    s.survey.status, s.survey.results_public = "closed", True
    s.survey.save()
    api_client.force_authenticate(None)
    assert api_client.get(url).json()["respondents"] == 1


def test_api_responses_scoped_to_own_state(api_client):
    s, ph, mx = small_survey(), delegation(), delegation("MX", "americas")
    draft(s, ph)
    mx_response = draft(s, mx, {s.likert.pk: 2})
    assert api_client.get("/api/v1/responses/").status_code in (401, 403)
    api_client.force_authenticate(ph.viewer)
    rows = api_client.get("/api/v1/responses/").json()["results"]
    assert [row["member_state"] for row in rows] == ["PH"]
    assert rows[0]["answers"][str(s.likert.pk)] == 4
    assert api_client.get(f"/api/v1/responses/{mx_response.pk}/").status_code == 404
    api_client.force_authenticate(StaffFactory())
    assert api_client.get("/api/v1/responses/").json()["count"] == 2


def test_api_responses_list_same_query_count_1_and_20(api_client, django_assert_num_queries):
    s = small_survey()
    api_client.force_authenticate(StaffFactory())
    draft(s, delegation("AA"))
    queries = count_queries(api_client, "/api/v1/responses/")
    for i in range(19):
        draft(s, delegation(f"B{chr(65 + i)}"))
    with django_assert_num_queries(queries):
        assert api_client.get("/api/v1/responses/").json()["count"] == 20


def test_api_patch_with_if_match_saves_and_stale_gets_412(api_client):
    s, d = small_survey(), delegation()
    response = draft(s, d, {s.likert.pk: 3})
    url = f"/api/v1/responses/{response.pk}/"
    api_client.force_authenticate(d.contributor)
    etag = api_client.get(url)["ETag"]
    assert etag == '"1"'
    ranking = [s.option(s.ranking, 1).pk, s.option(s.ranking, 0).pk]
    saved = api_client.patch(
        url, {"answers": {str(s.ranking.pk): ranking, str(s.number.pk): "7.5"}}, HTTP_IF_MATCH=etag
    )
    assert saved.status_code == 200, saved.json()
    assert saved["ETag"] == '"2"'
    assert saved.json()["answers"][str(s.ranking.pk)] == {str(ranking[0]): 1, str(ranking[1]): 2}
    assert saved.json()["answers"][str(s.number.pk)] == "7.5"
    stale = api_client.patch(url, {"answers": {str(s.likert.pk): 1}}, HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert stale.json()["version"] == 2
    assert Response.objects.get().answers.get(question=s.likert).number == 3
    missing = api_client.patch(url, {"answers": {str(s.likert.pk): 1}})
    assert missing.status_code == 428


def test_api_patch_invalid_answers_400_with_field_errors(api_client):
    s, d = small_survey(), delegation()
    response = draft(s, d, {s.likert.pk: 3})
    api_client.force_authenticate(d.contributor)
    bad = api_client.patch(
        f"/api/v1/responses/{response.pk}/",
        {"answers": {str(s.likert.pk): "seven", str(s.number.pk): 99, "999999": 1}},
        HTTP_IF_MATCH='"1"',
    )
    assert bad.status_code == 400
    assert bad.json() == {
        "answers": {
            str(s.likert.pk): ["Choose a point from 1 to 5."],
            str(s.number.pk): ["Enter a number of at most 10."],
            "999999": ["This question is not part of the survey."],
        }
    }
    not_a_dict = api_client.patch(
        f"/api/v1/responses/{response.pk}/", {"answers": [1]}, HTTP_IF_MATCH='"1"'
    )
    assert not_a_dict.status_code == 400 and "answers" in not_a_dict.json()


@pytest.mark.parametrize(
    ("role", "patch", "submit", "reopen"),
    [
        ("focal_point", 200, 200, 403),
        ("contributor", 200, 403, 403),
        ("viewer", 403, 403, 403),
        ("outsider", 404, 404, 404),
        ("staff", 403, 403, 200),
    ],
)
def test_api_route_matrix(api_client, role, patch, submit, reopen):
    s, d, outsider = small_survey(), delegation(), delegation("MX", "americas")
    response = draft(s, d)
    user = {"outsider": outsider.focal_point, "staff": StaffFactory()}.get(role) or getattr(d, role)
    api_client.force_authenticate(user)
    url = f"/api/v1/responses/{response.pk}/"
    patched = api_client.patch(url, {"answers": {str(s.likert.pk): 5}}, HTTP_IF_MATCH='"1"')
    assert patched.status_code == patch
    submitted = api_client.post(url + "submit/")
    assert submitted.status_code == submit
    if not Response.objects.get().is_submitted:
        services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    reopened = api_client.post(url + "reopen/", {"reason": "Correct question 5"})
    assert reopened.status_code == reopen


def test_api_create_draft_and_submit_missing_answers(api_client):
    s, d = small_survey(), delegation()
    api_client.force_authenticate(d.focal_point)
    created = api_client.post(
        "/api/v1/responses/", {"survey": s.survey.pk, "answers": {str(s.likert.pk): 2}}
    )
    assert created.status_code == 201, created.json()
    assert (created.json()["member_state"], created.json()["version"]) == ("PH", 1)
    again = api_client.post("/api/v1/responses/", {"survey": s.survey.pk})
    assert again.status_code == 409
    submit = api_client.post(f"/api/v1/responses/{created.json()['id']}/submit/")
    assert submit.status_code == 400
    assert [m["question"] for m in submit.json()["missing"]] == [s.single.pk, s.yes_no.pk]
    assert mail.outbox == []
