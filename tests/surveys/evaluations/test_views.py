"""The participant's evaluation page behind their personal link, and who sees what: the
token holder (owner), another participant, anonymous visitors, delegates and staff."""

import datetime

import pytest
from django.utils import timezone

from surveys.evaluations import services as evaluations
from surveys.models import Answer, Response
from tests.factories import DelegateFactory
from tests.surveys.evaluations.factories import (
    evaluation,
    evaluation_url,
    invite,
    participant,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def e():
    return evaluation()


@pytest.fixture
def owner(e):
    """The token holder: (invitation, token)."""
    return invite(e.survey, participant(e.event, name="Ana Hernández"))


def test_evaluation_page_token_holder_sees_the_questionnaire(client, e, owner):
    _invitation, token = owner
    page = client.get(evaluation_url(token))
    assert page.status_code == 200
    html = page.content.decode()
    assert "How relevant was the theme?" in html and "Which contacts?" in html
    assert "Ana Hernández" in html and "Not started" in html
    assert 'name="robots" content="noindex, nofollow"' in html
    assert "no-cache" in page["Cache-Control"]


def test_evaluation_page_in_french_shows_french_texts(client, e, owner):
    _invitation, token = owner
    page = client.get(evaluation_url(token), HTTP_ACCEPT_LANGUAGE="fr")
    assert "Le thème était-il pertinent ?" in page.content.decode()


def test_evaluation_page_save_draft_come_back_then_submit(client, e, owner):
    invitation, token = owner
    url = evaluation_url(token)
    contacts = e.option(e.take_home, 1).pk

    saved = client.post(
        url, {f"q{e.take_home.pk}": [str(contacts)], f"q{e.comment.pk}": "More time", "save": ""}
    )
    assert saved.status_code == 302 and saved["Location"] == url
    response = Response.objects.get()
    assert (response.status, response.registration) == ("draft", invitation.registration)

    again = client.get(url).content.decode()
    assert "More time" in again and f'value="{contacts}" checked' in again
    assert "Draft saved on" in again

    submitted = client.post(
        url,
        {
            f"q{e.rating.pk}": "4",
            f"q{e.take_home.pk}": [str(contacts)],
            f"q{e.detail.pk}": "Ministry of Labour",
            f"q{e.comment.pk}": "More time",
            "submit": "",
        },
    )
    assert submitted.status_code == 302
    response.refresh_from_db()
    assert response.status == "submitted"
    thanks = client.get(url).content.decode()
    assert "Your evaluation was received on" in thanks and "Ministry of Labour" in thanks
    assert "Submit my evaluation" not in thanks


def test_evaluation_page_submit_with_missing_answer_keeps_input_and_flags_it(client, e, owner):
    _invitation, token = owner
    contacts = e.option(e.take_home, 1).pk
    page = client.post(
        evaluation_url(token),
        {f"q{e.take_home.pk}": [str(contacts)], f"q{e.comment.pk}": "Typed text", "submit": ""},
    )
    assert page.status_code == 400
    html = page.content.decode()
    assert "Not submitted yet: some answers need your attention." in html
    assert f'id="q{e.rating.pk}-error"' in html and f'id="q{e.detail.pk}-error"' in html
    assert "This question needs an answer." in html
    assert "Typed text" in html
    response = Response.objects.get()  # what was typed is saved as the draft
    assert response.status == "draft"
    assert Answer.objects.get(question=e.comment).text == "Typed text"


def test_evaluation_page_invalid_answer_shown_beside_field_nothing_saved(client, e, owner):
    _invitation, token = owner
    page = client.post(
        evaluation_url(token), {f"q{e.rating.pk}": "9", f"q{e.comment.pk}": "Kept", "save": ""}
    )
    assert page.status_code == 400
    html = page.content.decode()
    assert "Choose a point from 1 to 5." in html and "Kept" in html
    assert not Response.objects.exists()


def test_evaluation_page_after_submission_refuses_changes(client, e, owner):
    invitation, token = owner
    evaluations.save_evaluation(invitation=invitation, values={e.rating.pk: 5})
    evaluations.submit_evaluation(invitation=invitation)
    page = client.post(evaluation_url(token), {f"q{e.rating.pk}": "1", "save": ""}, follow=True)
    assert "This response has already been submitted." in page.content.decode()
    assert Answer.objects.get(question=e.rating).number == 5


@pytest.mark.parametrize(
    "token",
    ["0" * 32 + "-" + "0" * 32, "nonsense", "a" * 200],
)
def test_evaluation_page_wrong_token_not_found(client, e, owner, token):
    assert client.get(evaluation_url(token)).status_code == 404
    assert client.post(evaluation_url(token), {"save": ""}).status_code == 404
    assert not Response.objects.exists()


def test_evaluation_page_altered_token_not_found(client, e, owner):
    _invitation, token = owner
    altered = token[:-1] + ("0" if token[-1] != "0" else "1")
    assert client.get(evaluation_url(altered)).status_code == 404


@pytest.mark.parametrize("situation", ["closed", "survey_closed_status", "cancelled"])
def test_evaluation_page_expired_link_not_found(client, e, owner, situation):
    invitation, token = owner
    if situation == "closed":
        e.survey.closes_at = timezone.now() - datetime.timedelta(minutes=1)
        e.survey.save()
    elif situation == "survey_closed_status":
        e.survey.status = "closed"
        e.survey.save()
    else:
        invitation.registration.status = "cancelled"
        invitation.registration.save()
    assert client.get(evaluation_url(token)).status_code == 404
    assert client.post(evaluation_url(token), {f"q{e.rating.pk}": "3"}).status_code == 404
    assert not Response.objects.exists()


def test_evaluation_page_another_participant_sees_only_their_own(client, e, owner):
    invitation, _token = owner
    evaluations.save_evaluation(invitation=invitation, values={e.comment.pk: "Owner's secret"})
    _other, other_token = invite(e.survey, participant(e.event, name="Grace Mensah"))
    html = client.get(evaluation_url(other_token)).content.decode()
    assert "Owner's secret" not in html and "Ana Hernández" not in html
    assert "Grace Mensah" in html
    client.post(evaluation_url(other_token), {f"q{e.comment.pk}": "Mine", "save": ""})
    assert Answer.objects.get(response__registration=invitation.registration).text == (
        "Owner's secret"
    )
    assert Response.objects.count() == 2


def test_evaluation_results_anonymous_sent_to_login(client, e, owner):
    page = client.get(f"/surveys/{e.survey.pk}/results/")
    assert page.status_code == 302 and "/accounts/login/" in page["Location"]


def test_evaluation_results_delegate_refused_even_if_public_and_closed(client, e, owner):
    invitation, _token = owner
    evaluations.save_evaluation(invitation=invitation, values={e.comment.pk: "Private"})
    e.survey.results_public, e.survey.status = True, "closed"
    e.survey.save()
    client.force_login(DelegateFactory())
    page = client.get(f"/surveys/{e.survey.pk}/results/")
    # Delegates do not see an event's evaluation at all: not found, like any survey not theirs.
    assert page.status_code == 404 and "Private" not in page.content.decode()


def test_evaluation_results_staff_see_answers_by_category_without_names(staff_client, e):
    ngo, _token = invite(e.survey, participant(e.event, category="ngo", name="Grace Mensah"))
    academia, _token = invite(e.survey, participant(e.event, category="academia"))
    for invitation, rating, comment in ((ngo, 5, "Great panel"), (academia, 2, "Too long")):
        evaluations.save_evaluation(
            invitation=invitation, values={e.rating.pk: rating, e.comment.pk: comment}
        )
        evaluations.submit_evaluation(invitation=invitation)

    everyone = staff_client.get(f"/surveys/{e.survey.pk}/results/").content.decode()
    assert "2 submitted responses." in everyone
    assert "Great panel" in everyone and "Too long" in everyone
    assert "Grace Mensah" not in everyone
    ngo_only = staff_client.get(f"/surveys/{e.survey.pk}/results/?category=ngo")
    html = ngo_only.content.decode()
    assert ngo_only.context["results"].respondents == 1
    assert "Great panel" in html and "Too long" not in html
    assert "Participants of the category “Non-governmental organization” only." in html


def test_delegates_survey_list_leaves_out_evaluations(client, e):
    delegate = DelegateFactory()
    client.force_login(delegate)
    page = client.get("/surveys/")
    assert e.survey.title_en not in page.content.decode()
    assert client.get(f"/surveys/{e.survey.pk}/").status_code == 404


def test_evaluation_export_lists_responses_with_the_participants_state(staff_client, e):
    from tests.factories import MemberStateFactory

    state = MemberStateFactory(code="PH", name="Philippines", region="asia")
    invitation, _token = invite(
        e.survey, participant(e.event, category="member_state", member_state=state)
    )
    evaluations.save_evaluation(invitation=invitation, values={e.rating.pk: 4})
    export = staff_client.get(f"/surveys/{e.survey.pk}/responses.csv")
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = content.splitlines()
    assert len(rows) == 2 and rows[1].startswith("PH,Philippines,Asia,Draft")


def test_responses_api_leaves_out_participants_evaluations(staff_user, e, owner):
    from rest_framework.test import APIClient

    from tests.surveys.factories import delegation, small_survey

    invitation, _token = owner
    evaluations.save_evaluation(invitation=invitation, values={e.comment.pk: "Private"})
    s, d = small_survey(), delegation()
    Response.objects.create(survey=s.survey, member_state=d.state)
    api = APIClient()
    api.force_authenticate(staff_user)
    listed = api.get("/api/v1/responses/").json()["results"]
    assert [row["member_state"] for row in listed] == ["PH"]
    evaluation_response = Response.objects.get(registration=invitation.registration)
    assert api.get(f"/api/v1/responses/{evaluation_response.pk}/").status_code == 404
    results = api.get(f"/api/v1/surveys/{e.survey.pk}/results/")
    assert results.status_code == 200
    api.force_authenticate(DelegateFactory())
    assert api.get(f"/api/v1/surveys/{e.survey.pk}/results/").status_code == 403
