"""The review page before submission: every answer, the missing ones flagged with links to fix
them, the submit button below the answers, and an explicit confirmation; the submission
service stays the one that submits."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from surveys import services
from surveys.models import Response
from tests.surveys.factories import complete_values, delegation, small_survey

pytestmark = pytest.mark.django_db


def review_url(s, code="PH"):
    return reverse("surveys:review", args=[s.survey.pk, code])


def submit_url(s, code="PH"):
    return reverse("surveys:submit", args=[s.survey.pk, code])


def section_url(s, position, code="PH"):
    return reverse("surveys:section", args=[s.survey.pk, code, position])


def save(s, d, values):
    return services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=values,
        expected_version=0,
        actor=d.contributor,
    )


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_review_flags_missing_answers_with_links_and_holds_back_submit():
    s, d = small_survey(), delegation()
    save(s, d, {s.single.pk: s.option(s.single, 0).pk, s.yes_no.pk: True})
    content = logged_in(d.focal_point).get(review_url(s)).content.decode()
    # every shown answer, in order
    assert content.index("Best format?") < content.index("Did you attend?")
    assert content.index("Did you attend?") < content.index("Suggestions?")
    assert "Workshop" in content and "Yes" in content
    # the missing required answers, flagged and linked to their question
    missing = content.split('id="missing-answers"')[1].split("</div>")[0]
    assert "Question 3: Which workshop?" in missing and "Question 5: Relevance?" in missing
    assert f'href="{section_url(s, 1)}#question-{s.conditional.pk}"' in missing
    assert f'href="{section_url(s, 2)}#question-{s.likert.pk}"' in missing
    flagged = content.split(f'id="review-question-{s.likert.pk}"')[1].split("</div>")[0]
    assert "review-question-missing" in content and "This question needs an answer." in flagged
    assert f"{section_url(s, 2)}#question-{s.likert.pk}" in flagged
    assert "Answer question 5" in flagged
    # no submit button while answers are missing
    assert 'id="submit-response"' not in content and 'id="submit-blocked"' in content


def test_review_complete_shows_confirmation_and_submit_below_the_answers():
    s, d = small_survey(), delegation()
    save(s, d, complete_values(s))
    content = logged_in(d.focal_point).get(review_url(s)).content.decode()
    assert 'id="missing-answers"' not in content
    form = content.split('id="submit-response"')[1].split("</form>")[0]
    assert 'type="checkbox"' in form and 'name="confirm"' in form
    assert "I have reviewed these answers" in form and d.state.display_name in form
    assert content.index("Suggestions?") < content.index('id="submit-response"')


def test_submit_without_confirmation_refused_beside_the_box_nothing_submitted():
    s, d = small_survey(), delegation()
    save(s, d, complete_values(s))
    answer = logged_in(d.focal_point).post(submit_url(s), {"version": 1})
    assert answer.status_code == 400
    content = answer.content.decode()
    assert "Tick the box to confirm that these answers are to be submitted." in content
    assert Response.objects.get().status == "draft"
    assert mail.outbox == []


def test_submit_confirmed_uses_the_submission_service(django_capture_on_commit_callbacks):
    s, d = small_survey(), delegation()
    save(s, d, complete_values(s))
    client = logged_in(d.focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(submit_url(s), {"version": 1, "confirm": "on"}, follow=True)
    assert "Submitted. A receipt" in answer.content.decode()
    response = Response.objects.get()
    assert (response.status, response.submitted_by) == ("submitted", d.focal_point)
    assert len(mail.outbox) == 1  # the service's receipt, once
    after = client.get(review_url(s)).content.decode()
    assert "The submitted response" in after and 'id="submit-response"' not in after


def test_submit_after_a_colleague_changed_the_draft_goes_back_to_review():
    s, d = small_survey(), delegation()
    save(s, d, complete_values(s))
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values={s.long_text.pk: "Added later"},
        expected_version=1,
        actor=d.contributor,
    )
    client = logged_in(d.focal_point)
    answer = client.post(submit_url(s), {"version": 1, "confirm": "on"})
    assert answer.status_code == 302 and answer.url == review_url(s)
    assert Response.objects.get().status == "draft"


def test_save_and_review_on_the_last_section_leads_to_the_review_page():
    s, d = small_survey(), delegation()
    client = logged_in(d.contributor)
    answer = client.post(section_url(s, 2), {"version": 0, f"q{s.likert.pk}": "4", "save_next": ""})
    assert answer.status_code == 302 and answer.url == review_url(s)


ROLES = ["focal_point", "contributor", "viewer", "outsider", "anonymous", "staff"]


def client_for(role, d, outsider, staff_client):
    if role == "staff":
        return staff_client
    client = Client()
    if role == "outsider":
        client.force_login(outsider.focal_point)
    elif role != "anonymous":
        client.force_login(getattr(d, role))
    return client


@pytest.mark.parametrize(
    ("role", "status", "can_submit"),
    [
        ("focal_point", 200, True),  # the owner
        ("contributor", 200, False),  # colleagues
        ("viewer", 200, False),
        ("outsider", 404, False),  # another state's delegate
        ("anonymous", 302, False),
        ("staff", 200, False),
    ],
)
def test_review_page_access(request, role, status, can_submit):
    s, d, outsider = small_survey(), delegation(), delegation("MX", "americas")
    save(s, d, complete_values(s))
    client = client_for(role, d, outsider, request.getfixturevalue("staff_client"))
    answer = client.get(review_url(s))
    assert answer.status_code == status
    if status == 302:
        assert answer.url.startswith(reverse("login"))
    if status == 200:
        content = answer.content.decode()
        assert "Managing Return Migration" in content
        assert ('id="submit-response"' in content) == can_submit
    else:
        assert "Managing Return Migration" not in answer.content.decode()
