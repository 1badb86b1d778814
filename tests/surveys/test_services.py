from decimal import Decimal

import pytest
from django.core import mail

from surveys import services
from surveys.models import Answer, Response
from tests.factories import StaffFactory
from tests.surveys.factories import complete_values, delegation, small_survey

pytestmark = pytest.mark.django_db


def save(s, state, user, values, version):
    return services.save_answers(
        survey=s.survey, member_state=state, values=values, expected_version=version, actor=user
    )


def test_save_answers_first_save_creates_one_draft_with_version():
    s, d = small_survey(), delegation()
    response = save(s, d.state, d.contributor, {s.single.pk: s.option(s.single, 1).pk}, 0)
    assert (response.status, response.version) == ("draft", 1)
    answer = Answer.objects.get(response=response, question=s.single)
    assert (answer.updated_by, answer.changed_in_version) == (d.contributor, 1)
    assert answer.choices.get().option == s.option(s.single, 1)


def test_save_answers_colleague_continues_same_draft():
    s, d = small_survey(), delegation()
    save(s, d.state, d.contributor, {s.single.pk: s.option(s.single, 0).pk}, 0)
    response = save(s, d.state, d.focal_point, {s.likert.pk: 5}, 1)
    assert Response.objects.filter(survey=s.survey).count() == 1
    assert response.version == 2
    who = dict(Answer.objects.values_list("question_id", "updated_by__email"))
    assert who == {s.single.pk: d.contributor.email, s.likert.pk: d.focal_point.email}


def test_save_answers_stale_version_same_section_refused_and_nothing_written():
    s, d = small_survey(), delegation()
    save(s, d.state, d.contributor, {s.single.pk: s.option(s.single, 0).pk}, 0)
    save(s, d.state, d.focal_point, {s.single.pk: s.option(s.single, 1).pk}, 1)
    with pytest.raises(services.StaleVersion) as refused:
        save(s, d.state, d.contributor, {s.single.pk: s.option(s.single, 2).pk}, 1)
    assert refused.value.changed_question_ids == {s.single.pk}
    answer = Answer.objects.get(question=s.single)
    assert answer.choices.get().option == s.option(s.single, 1)
    assert Response.objects.get().version == 2


def test_save_answers_stale_version_other_section_merges_without_loss():
    s, d = small_survey(), delegation()
    save(s, d.state, d.contributor, {s.single.pk: s.option(s.single, 0).pk}, 0)
    save(s, d.state, d.focal_point, {s.single.pk: s.option(s.single, 1).pk}, 1)
    response = save(s, d.state, d.contributor, {s.likert.pk: 3}, 1)
    assert response.version == 3
    assert Answer.objects.get(question=s.likert).number == 3
    assert Answer.objects.get(question=s.single).choices.get().option == s.option(s.single, 1)


def test_save_answers_invalid_values_refused_with_messages_per_question():
    s, d = small_survey(), delegation()
    ranking = {s.option(s.ranking, 0).pk: 1, s.option(s.ranking, 1).pk: 1}
    values = {
        s.number.pk: Decimal("11"),
        s.ranking.pk: ranking,
        s.multiple.pk: [o.pk for o in s.multiple.options.all()],
        s.likert.pk: 6,
    }
    with pytest.raises(services.AnswersInvalid) as refused:
        save(s, d.state, d.contributor, values, 0)
    assert refused.value.errors == {
        s.number.pk: ["Enter a number of at most 10."],
        s.ranking.pk: ["Give each rank to one option only."],
        s.multiple.pk: ["Choose at most 2 options."],
        s.likert.pk: ["Choose a point from 1 to 5."],
    }
    assert not Response.objects.exists()


def test_save_answers_viewer_and_outsider_refused():
    s, d, other = small_survey(), delegation(), delegation("MX", "americas")
    for user in (d.viewer, other.focal_point, StaffFactory()):
        with pytest.raises(services.NotAllowed):
            save(s, d.state, user, {s.likert.pk: 3}, 0)
    assert not Response.objects.exists()


def test_save_answers_hidden_question_emptied_when_condition_no_longer_met():
    s, d = small_survey(), delegation()
    save(s, d.state, d.contributor, {s.yes_no.pk: True, s.conditional.pk: "Return"}, 0)
    save(s, d.state, d.contributor, {s.yes_no.pk: False, s.conditional.pk: "Return"}, 1)
    assert Answer.objects.get(question=s.conditional).text == ""


def test_submit_missing_required_answers_listed_in_order():
    s, d = small_survey(), delegation()
    save(s, d.state, d.contributor, {s.yes_no.pk: True}, 0)
    with pytest.raises(services.MissingAnswers) as refused:
        services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    assert [question for question, _message in refused.value.missing] == [
        s.single,
        s.conditional,
        s.likert,
    ]
    assert Response.objects.get().status == "draft"
    assert mail.outbox == []


def test_submit_skips_hidden_required_question(django_capture_on_commit_callbacks):
    s, d = small_survey(), delegation()
    values = complete_values(s)
    values[s.yes_no.pk] = False
    del values[s.conditional.pk]
    save(s, d.state, d.contributor, values, 0)
    with django_capture_on_commit_callbacks(execute=True):
        response = services.submit_response(
            survey=s.survey, member_state=d.state, actor=d.focal_point
        )
    assert response.status == "submitted"


def test_submit_incomplete_ranking_refused():
    s, d = small_survey(), delegation()
    values = complete_values(s)
    values[s.ranking.pk] = {s.option(s.ranking, 0).pk: 2}
    save(s, d.state, d.contributor, values, 0)
    with pytest.raises(services.MissingAnswers) as refused:
        services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    assert refused.value.missing == [
        (s.ranking, "Rank 2 options, using each rank from 1 to 2 once.")
    ]


def test_submit_twice_one_submission_one_receipt(django_capture_on_commit_callbacks):
    s, d = small_survey(), delegation()
    save(s, d.state, d.contributor, complete_values(s), 0)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.AlreadySubmitted),
    ):
        services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    assert len(mail.outbox) == 1
    receipt = mail.outbox[0]
    assert sorted(receipt.to) == sorted([d.focal_point.email, d.contributor.email, d.viewer.email])
    html = receipt.alternatives[0][0]
    for expected in ("Best format?", "Workshop", "Did you attend?", "Managing Return Migration"):
        assert expected in html
    assert Response.objects.get().history.filter(status="submitted").count() == 1


def test_submit_only_focal_point():
    s, d = small_survey(), delegation()
    save(s, d.state, d.contributor, complete_values(s), 0)
    with pytest.raises(services.NotAllowed):
        services.submit_response(survey=s.survey, member_state=d.state, actor=d.contributor)


def test_save_after_submission_refused_locked(django_capture_on_commit_callbacks):
    s, d = small_survey(), delegation()
    save(s, d.state, d.contributor, complete_values(s), 0)
    services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    with pytest.raises(services.ResponseLocked):
        save(s, d.state, d.contributor, {s.likert.pk: 1}, 2)


def test_reopen_records_reason_in_history():
    s, d, staff = small_survey(), delegation(), StaffFactory()
    save(s, d.state, d.contributor, complete_values(s), 0)
    response = services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    with pytest.raises(services.ReopenRefused):
        services.reopen_response(response=response, actor=staff, reason="  ")
    with pytest.raises(services.NotAllowed):
        services.reopen_response(response=response, actor=d.focal_point, reason="typo")
    services.reopen_response(response=response, actor=staff, reason="Typo in question 4")
    response.refresh_from_db()
    assert (response.status, response.reopen_reason) == ("draft", "Typo in question 4")
    latest = response.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (staff, "Typo in question 4")
    save(s, d.state, d.contributor, {s.likert.pk: 2}, response.version)
