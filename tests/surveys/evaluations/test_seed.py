"""The seeded evaluation template (EN/FR/ES) and the demo workshop's evaluation."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from surveys.models import Option, Question, Survey
from workshops.demo import DEMO_SLUG
from workshops.models import Event

pytestmark = pytest.mark.django_db


def test_seed_loads_evaluation_template_in_three_languages():
    call_command("seed_idm")
    template = Survey.objects.evaluation_templates().get()
    assert (template.title_en, template.title_fr, template.title_es) == (
        "Event evaluation",
        "Évaluation de l’événement",
        "Evaluación del evento",
    )
    assert (template.status, template.audience, template.event) == ("draft", "participants", None)
    questions = Question.objects.filter(section__survey=template)
    texts = " ".join(questions.values_list("text_en", flat=True)).lower()
    for subject in ("relevant", "format", "speakers", "organization", "take home", "suggestions"):
        assert subject in texts
    assert not questions.filter(text_fr="").exists() and not questions.filter(text_es="").exists()
    assert not Option.objects.filter(question__section__survey=template, text_fr="").exists()
    assert not Option.objects.filter(question__section__survey=template, text_es="").exists()
    likert = questions.filter(kind="likert")
    assert likert.count() == 4 and not likert.filter(low_label_es="").exists()


def test_seed_demo_attaches_an_evaluation_to_the_demo_workshop(settings):
    settings.DEBUG = True
    call_command("seed_idm", "--demo")
    event = Event.objects.get(slug=DEMO_SLUG)
    survey = Survey.objects.get(event=event)
    template = Survey.objects.evaluation_templates().get()
    assert survey.status == "open" and survey.title_en.startswith("Event evaluation: Demo:")
    assert Question.objects.filter(section__survey=survey).count() == (
        Question.objects.filter(section__survey=template).count()
    )
    assert timezone.localtime(survey.opens_at).date() == event.start_date
    assert timezone.localtime(survey.closes_at).date() > event.end_date


def test_seed_demo_evaluation_follows_the_demo_workshop_dates(settings):
    """On a later day the demo workshop moves along; its unanswered evaluation moves with it."""
    settings.DEBUG = True
    call_command("seed_idm", "--demo")
    event = Event.objects.get(slug=DEMO_SLUG)
    earlier = datetime.timedelta(days=7)
    Survey.objects.filter(event=event).update(
        opens_at=timezone.now() - earlier, closes_at=timezone.now()
    )
    call_command("seed_idm", "--demo")
    survey = Survey.objects.get(event=event)
    assert timezone.localtime(survey.opens_at).date() == event.start_date
    assert Survey.objects.filter(kind="event_evaluation").count() == 2
