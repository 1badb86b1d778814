"""The delegate's progress: answered / required per section and overall, on the overview and
the section pages; section tabs mark the sections with missing required answers."""

import pytest
from django.urls import reverse

from surveys import services
from surveys.progress import response_progress
from surveys.structure import load_answers, load_questionnaire
from tests.surveys.factories import delegation, small_survey

pytestmark = pytest.mark.django_db


def progress_of(s, response):
    questionnaire = load_questionnaire(s.survey)
    values, _answers = load_answers(questionnaire, response)
    return response_progress(questionnaire, values)


def save(s, d, values, version=0):
    return services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=values,
        expected_version=version,
        actor=d.contributor,
    )


def counts(item):
    return (item.shown, item.answered, item.required, item.required_answered, len(item.missing))


def test_progress_of_an_empty_draft():
    s = small_survey()
    progress = progress_of(s, None)
    # section 1: single (required), yes/no (required); the conditional question is hidden
    # section 2: multiple, Likert (required), ranking, number, long text
    assert [counts(item) for item in progress.sections] == [(2, 0, 2, 0, 2), (5, 0, 1, 0, 1)]
    assert counts(progress.overall) == (7, 0, 3, 0, 3)
    assert progress.overall.required_percent == 0


def test_progress_counts_shown_conditional_and_incomplete_answers():
    s, d = small_survey(), delegation()
    response = save(
        s,
        d,
        {
            s.single.pk: s.option(s.single, 0).pk,
            s.yes_no.pk: True,  # shows the required conditional question, left empty
            s.multiple.pk: [s.option(s.multiple, 0).pk],
            s.ranking.pk: {s.option(s.ranking, 0).pk: 1},  # top 2 asked: incomplete
        },
    )
    progress = progress_of(s, response)
    first, second = progress.sections
    assert counts(first) == (3, 2, 3, 2, 1)
    assert [question for question, _message in first.missing] == [s.conditional]
    assert counts(second) == (5, 2, 1, 0, 2)
    assert [question for question, _message in second.missing] == [s.likert, s.ranking]
    assert counts(progress.overall) == (8, 4, 4, 2, 3)
    assert progress.overall.required_percent == 50
    assert progress.incomplete_section_ids == {first.section.pk, second.section.pk}


def test_progress_complete_when_nothing_missing():
    s, d = small_survey(), delegation()
    response = save(
        s,
        d,
        {
            s.single.pk: s.option(s.single, 1).pk,
            s.yes_no.pk: False,
            s.likert.pk: 5,
        },
    )
    progress = progress_of(s, response)
    assert counts(progress.overall) == (7, 3, 3, 3, 0)
    assert progress.overall.is_complete and progress.incomplete_section_ids == set()


def test_overview_shows_progress_per_section_and_overall(client):
    s, d = small_survey(), delegation()
    save(s, d, {s.single.pk: s.option(s.single, 0).pk, s.yes_no.pk: True, s.likert.pk: 3})
    client.force_login(d.viewer)
    content = client.get(reverse("surveys:response", args=[s.survey.pk, "PH"])).content.decode()
    assert "Required answers: 3 of 4" in content
    assert "3 of 8 questions answered in all." in content
    assert "1 answer is missing or incomplete." in content
    assert 'max="4" value="3"' in content  # the progress bar
    first = content.split('data-section="1"')[1].split("</tr>")[0]
    second = content.split('data-section="2"')[1].split("</tr>")[0]
    assert "2 of 3" in first and "1 missing" in first
    assert "1 of 1" in second and "complete" in second and "missing" not in second


def test_section_tabs_mark_sections_with_missing_required_answers(client):
    s, d = small_survey(), delegation()
    save(s, d, {s.likert.pk: 4})
    client.force_login(d.contributor)
    content = client.get(reverse("surveys:section", args=[s.survey.pk, "PH", 2])).content.decode()
    tabs = content.split('aria-label="Sections"')[1].split("</nav>")[0]
    first, second = tabs.split("</li>")[:2]
    assert "section-missing" in first and "2<span" in first and "answers missing" in first
    assert "section-missing" not in second and "complete" in second
    assert "Required answers in this section: 1 of 1." in content
    assert "Whole survey: 1 of 3 required answers." in content
