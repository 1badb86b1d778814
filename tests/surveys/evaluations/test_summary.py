"""Figures of an event's evaluation: counts and response rate, by category and region, and
mean ratings per group (all computed in the database)."""

import pytest

from surveys.evaluations import event_evaluation_summary
from surveys.evaluations import services as evaluations
from surveys.evaluations.summary import ratings, response_rates
from surveys.structure import load_questionnaire
from tests.factories import MemberStateFactory
from tests.surveys.evaluations.factories import evaluation, held_event, invite, participant

pytestmark = pytest.mark.django_db


def answer(e, invitation, rating, *, submit=True):
    evaluations.save_evaluation(invitation=invitation, values={e.rating.pk: rating})
    if submit:
        evaluations.submit_evaluation(invitation=invitation)


@pytest.fixture
def answered():
    """Invited: two delegates from Asia (both answer 4 and 2), an NGO participant without a
    state (answers 5), a delegate from Africa (draft only); one participant not invited."""
    e = evaluation()
    asia, africa = MemberStateFactory(region="asia"), MemberStateFactory(region="africa")
    delegate = {"category": "member_state"}
    invitations = [
        invite(e.survey, participant(e.event, member_state=asia, **delegate))[0],
        invite(e.survey, participant(e.event, member_state=asia, **delegate))[0],
        invite(e.survey, participant(e.event, category="ngo"))[0],
        invite(e.survey, participant(e.event, member_state=africa, **delegate))[0],
    ]
    participant(e.event, category="academia")
    for invitation, rating in zip(invitations[:3], (4, 2, 5), strict=True):
        answer(e, invitation, rating)
    answer(e, invitations[3], 1, submit=False)
    return e


def test_event_evaluation_summary_counts_and_rate(answered, django_assert_num_queries):
    with django_assert_num_queries(4):
        summary = event_evaluation_summary(answered.event)
    assert (summary.participants, summary.invited, summary.answered, summary.drafts) == (
        5,
        4,
        3,
        1,
    )
    assert summary.to_invite == 1 and summary.response_rate == 75.0
    assert summary.page_url == f"/events/{answered.event.slug}/evaluation/"
    assert summary.results_url == f"/surveys/{answered.survey.pk}/results/"


def test_event_evaluation_summary_without_survey_is_none():
    assert event_evaluation_summary(held_event()) is None


def test_event_evaluation_summary_nobody_invited_has_no_rate():
    e = evaluation()
    participant(e.event)
    summary = event_evaluation_summary(e.event)
    assert (summary.invited, summary.response_rate, summary.to_invite) == (0, None, 1)


def test_response_rates_by_category_and_region(answered, django_assert_num_queries):
    with django_assert_num_queries(1):
        by_category = response_rates(answered.survey, "category")
    assert [(r.value, r.invited, r.answered, r.rate) for r in by_category] == [
        ("member_state", 3, 2, 66.7),
        ("ngo", 1, 1, 100.0),
    ]
    by_region = response_rates(answered.survey, "region")
    assert [(r.value, r.invited, r.answered) for r in by_region] == [
        ("africa", 1, 0),
        ("asia", 2, 2),
        (None, 1, 1),
    ]
    assert [str(r.label) for r in by_region][0] == "Africa"
    assert str(by_region[2].label) == "No state (organizations and others)"


def test_ratings_mean_per_group_from_submitted_answers(answered, django_assert_num_queries):
    questionnaire = load_questionnaire(answered.survey)
    groups = response_rates(answered.survey, "region")
    with django_assert_num_queries(1):
        rows = ratings(answered.survey, questionnaire, groups, "region")
    assert len(rows) == 1
    row = rows[0]
    assert (row.question, row.count, row.mean) == (answered.rating, 3, 3.67)
    assert row.groups == [(0, None), (2, 3.0), (1, 5.0)]  # Africa's draft does not count


def test_event_evaluation_summary_template_for_reports(answered, django_assert_num_queries):
    from django.template.loader import render_to_string

    with django_assert_num_queries(9):
        html = render_to_string("surveys/_event_evaluation_summary.html", {"event": answered.event})
    assert "3 of 4 invited participants answered (75.0 %)." in html
    assert "How relevant was the theme?" in html and "3.67" in html
    assert f'href="/surveys/{answered.survey.pk}/results/"' in html


def test_event_evaluation_summary_template_without_evaluation_is_empty():
    from django.template.loader import render_to_string

    html = render_to_string("surveys/_event_evaluation_summary.html", {"event": held_event()})
    assert html.strip() == ""
