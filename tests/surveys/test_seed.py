import pytest
from django.core.management import call_command

from surveys.models import Answer, Option, Question, Response, Survey
from surveys.results import compute_results

pytestmark = pytest.mark.django_db

THEME_2009 = "Human Rights and Migration: Working Together for Safe, Dignified and Secure Migration"


def test_seed_loads_effectiveness_survey_in_three_languages():
    call_command("seed_idm")
    survey = Survey.objects.get(title_en="IDM effectiveness survey")
    assert (survey.kind, survey.status, survey.dialogue.year) == ("effectiveness", "open", 2009)
    assert "strengthen the IDM’s effectiveness for the membership" in survey.intro_en
    sections = list(survey.sections.values_list("title_en", flat=True))
    assert sections == [
        "Relevance of themes",
        "Workshop formats",
        "Participation of capitals",
        "Outcomes",
        "Funding",
        "Open suggestions",
    ]
    questions = Question.objects.filter(section__survey=survey)
    assert not questions.filter(text_fr="").exists() and not questions.filter(text_es="").exists()
    assert set(questions.values_list("kind", flat=True)) == set(Question.Kind.values)
    assert not Option.objects.filter(question__section__survey=survey, text_es="").exists()


def test_seed_theme_selection_lists_2009_theme_word_for_word():
    call_command("seed_idm")
    survey = Survey.objects.get(title_en="IDM 2009 theme selection")
    assert (survey.kind, survey.status, survey.dialogue.year) == ("theme_selection", "closed", 2008)
    ranking = Question.objects.get(section__survey=survey, kind="ranking")
    options = list(ranking.options.values_list("text_en", flat=True))
    assert options[0] == THEME_2009
    assert all(text.startswith("Candidate theme: ") for text in options[1:])
    workshops = Question.objects.get(section__survey=survey, kind="multiple_choice")
    assert list(workshops.options.values_list("text_en", flat=True))[:2] == [
        "Effective Respect for the Human Rights of Migrants: A Shared Responsibility",
        "Trafficking and Exploitation of Migrants: Ensuring Protection of Human Rights",
    ]


def test_seed_demo_adds_draft_and_submitted_responses(settings):
    settings.DEBUG = True
    call_command("seed_idm", "--demo")
    rows = sorted(Response.objects.values_list("survey__title_en", "member_state__code", "status"))
    assert rows == [
        ("IDM 2009 theme selection", "MX", "submitted"),
        ("IDM 2009 theme selection", "PH", "submitted"),
        ("IDM effectiveness survey", "MX", "submitted"),
        ("IDM effectiveness survey", "PH", "draft"),
    ]
    ph_draft = Response.objects.get(member_state__code="PH", status="draft")
    assert Answer.objects.filter(response=ph_draft).count() == 6
    theme = Survey.objects.get(kind="theme_selection")
    ranking = next(r for r in compute_results(theme).questions if r.kind == "ranking")
    assert ranking.options[0].option.text_en == THEME_2009
