import pytest
from django.urls import reverse
from django.utils import translation

from idm.models import Dialogue
from surveys import services
from surveys.models import Answer, AnswerChoice, Response, ThemeAdoption
from tests.factories import DialogueFactory, FocalPointFactory, MemberStateFactory, StaffFactory
from tests.surveys.factories import QuestionFactory, SectionFactory, SurveyFactory, add_options

pytestmark = pytest.mark.django_db


def theme_survey(status="closed"):
    survey = SurveyFactory(
        kind="theme_selection", status=status, dialogue=DialogueFactory(year=2008)
    )
    question = QuestionFactory(section=SectionFactory(survey=survey), kind="ranking")
    options = add_options(question, "Human Rights and Migration", "Labour Mobility", "Climate")
    for code, order in [("PH", [1, 0, 2]), ("MX", [0, 2, 1]), ("GH", [0, 1, 2])]:
        response = Response.objects.create(
            survey=survey,
            member_state=MemberStateFactory(code=code, iso3=f"{code}X"),
            status="submitted",
            submitted_at="2008-11-01T10:00:00Z",
        )
        answer = Answer.objects.create(response=response, question=question)
        for rank, index in enumerate(order, start=1):
            AnswerChoice.objects.create(answer=answer, option=options[index], rank=rank)
    return survey, options


def test_adopt_winning_theme_creates_next_year_and_records_how(staff_client, staff_user):
    survey, options = theme_survey()
    response = staff_client.post(reverse("surveys:adopt-theme", args=[survey.pk]), follow=True)
    assert "“Human Rights and Migration” is now the overarching theme of IDM 2009." in (
        response.content.decode()
    )
    dialogue = Dialogue.objects.get(year=2009)
    assert dialogue.theme == "Human Rights and Migration"
    assert "ranked first by Borda count (5 points from 3 official responses" in (
        dialogue.theme_selection
    )
    adoption = ThemeAdoption.objects.get()
    assert (adoption.option, adoption.borda_score, adoption.adopted_by) == (
        options[0],
        5,
        staff_user,
    )
    assert adoption.history.get().history_user == staff_user


def test_adopt_theme_replaces_existing_year_theme_and_keeps_previous():
    survey, _options = theme_survey()
    DialogueFactory(year=2009, theme="Provisional theme")
    adoption = services.adopt_winning_theme(survey=survey, actor=StaffFactory())
    assert adoption.previous_theme == "Provisional theme"
    assert Dialogue.objects.get(year=2009).theme == "Human Rights and Migration"


def test_adopt_theme_refused_while_open_and_for_delegates(client, staff_client):
    survey, _options = theme_survey(status="open")
    response = staff_client.post(reverse("surveys:adopt-theme", args=[survey.pk]), follow=True)
    assert "Close the survey before adopting its winning theme." in response.content.decode()
    assert not Dialogue.objects.filter(year=2009).exists()
    survey.status = "closed"
    survey.save()
    client.force_login(FocalPointFactory())
    assert client.post(reverse("surveys:adopt-theme", args=[survey.pk])).status_code == 403
    assert not Dialogue.objects.filter(year=2009).exists()


def test_adopt_theme_for_chosen_year_and_invalid_year(staff_client):
    survey, _options = theme_survey()
    url = reverse("surveys:adopt-theme", args=[survey.pk])
    refused = staff_client.post(url, {"year": "1999"}, follow=True)
    assert "Enter a dialogue year between 2001 and 2100." in refused.content.decode()
    staff_client.post(url, {"year": "2010"})
    assert Dialogue.objects.get(year=2010).theme == "Human Rights and Migration"
    assert not Dialogue.objects.filter(year=2009).exists()


@pytest.mark.parametrize("year", ["²", "1" * 5000, "2010\x00", "٢٠١٠x", "twenty"])
def test_adopt_theme_malformed_year_refused_with_message(staff_client, year):
    survey, _options = theme_survey()
    url = reverse("surveys:adopt-theme", args=[survey.pk])
    refused = staff_client.post(url, {"year": year}, follow=True)
    assert refused.status_code == 200
    assert "Enter a dialogue year between 2001 and 2100." in refused.content.decode()
    assert not ThemeAdoption.objects.exists()


def test_adopt_theme_in_french_writes_each_language_of_the_option():
    """Staff working in French adopt the theme: English stays the original, and the option's
    French and Spanish texts become the dialogue's."""
    survey, options = theme_survey()
    options[0].text_fr = "Droits de l’homme et migration"
    options[0].save()
    with translation.override("fr"):
        services.adopt_winning_theme(survey=survey, actor=StaffFactory())
        dialogue = Dialogue.objects.get(year=2009)
        assert dialogue.theme == "Droits de l’homme et migration"
    assert (dialogue.theme_en, dialogue.theme_fr, dialogue.theme_es) == (
        "Human Rights and Migration",
        "Droits de l’homme et migration",
        None,
    )
    assert dialogue.theme_selection_en.startswith("Selected by the membership")
    assert Dialogue.objects.filter(year=2009, theme="Human Rights and Migration").exists()
