"""The surveys' part of the seed: the "IDM effectiveness survey", the "IDM 2009 theme
selection" survey and the "Event evaluation" template, in English, French and Spanish. `demo`
adds draft and submitted responses of the demo states (the Philippines and Mexico) and an
evaluation survey to the demo workshop. Idempotent: a row is saved only when it changes.
"""

from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from idm.links import absolute_url
from idm.models import Dialogue, MemberState, User
from surveys import values as answer_values
from surveys.evaluations.services import build_event_evaluation, evaluation_window
from surveys.models import Option, Question, Response, Section, Survey
from surveys.seed_data import effectiveness, evaluation, theme_selection
from surveys.services.drafts import write_answer
from workshops.demo import DEMO_SLUG
from workshops.models import Event

SURVEYS = [effectiveness.SURVEY, theme_selection.SURVEY, evaluation.SURVEY]
LANGS = ("en", "fr", "es")


def load(*, demo=False, stdout=None):
    loaded = {data["title"][0]: load_survey(data) for data in SURVEYS}
    if demo:
        load_demo_responses(loaded)
        load_demo_evaluation(loaded[evaluation.TITLE[0]][0], stdout=stdout)


def texts(name, values):
    return {f"{name}_{code}": value for code, value in zip(LANGS, values, strict=True)}


def upsert(model, lookup, values):
    """Create, or update only the fields that differ (no needless history rows)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**{**values, **lookup})
    changed = [
        field
        for field, value in values.items()
        if field not in lookup and getattr(obj, field) != value
    ]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save(update_fields=changed)
    return obj


def moment(text):
    return datetime.fromisoformat(text) if text else None


def load_survey(data):
    """Returns (survey, {question key: question})."""
    dialogue = Dialogue.objects.filter(year=data["year"]).first()
    survey = upsert(
        Survey,
        {"title_en": data["title"][0]},
        {
            **texts("title", data["title"]),
            **texts("intro", data["intro"]),
            "kind": data["kind"],
            "dialogue": dialogue,
            "status": data["status"],
            "opens_at": moment(data["opens_at"]),
            "closes_at": moment(data["closes_at"]),
            "results_public": data["results_public"],
        },
    )
    questions = {}
    for position, section_data in enumerate(data["sections"], start=1):
        section = upsert(
            Section,
            {"survey": survey, "position": position},
            texts("title", section_data["title"]),
        )
        for number, question_data in enumerate(section_data["questions"], start=1):
            questions[question_data["key"]] = load_question(
                section, number, question_data, questions
            )
    return survey, questions


def load_question(section, position, data, earlier):
    empty = ("", "", "")
    condition = data.get("condition")
    values = {
        "kind": data["kind"],
        "required": data.get("required", False),
        **texts("text", data["text"]),
        **texts("help", data.get("help", empty)),
        **texts("low_label", data.get("low", empty)),
        **texts("high_label", data.get("high", empty)),
        "min_choices": data.get("min_choices"),
        "max_choices": data.get("max_choices"),
        "top_k": data.get("top_k"),
        "min_value": Decimal(data["min_value"]) if "min_value" in data else None,
        "max_value": Decimal(data["max_value"]) if "max_value" in data else None,
        "condition_question": earlier[condition[0]] if condition else None,
        "condition_yes": condition[1] if condition and isinstance(condition[1], bool) else None,
    }
    question = upsert(Question, {"section": section, "position": position}, values)
    for number, option in enumerate(data.get("options", []), start=1):
        # an option is its three texts, or {"text": texts, "exclusive": True} ("None")
        option = option if isinstance(option, dict) else {"text": option}
        upsert(
            Option,
            {"question": question, "position": number},
            {**texts("text", option["text"]), "exclusive": option.get("exclusive", False)},
        )
    return question


# Demo responses: {survey title: {state code: (submitted?, author email, {key: value})}}, with
# option values given by their position (1-based).
DEMO_RESPONSES = {
    "IDM effectiveness survey": {
        "PH": (
            False,
            "delegate.ph@example.org",
            {
                "relevance_2008": 5,
                "relevance_2009": 5,
                "future_topics": [1, 3, 6],
                "format": 1,
                "attended_2008": True,
                "usefulness_2008": 4,
            },
        ),
        "MX": (
            True,
            "focal.point.mx@example.org",
            {
                "relevance_2008": 3,
                "relevance_2009": 5,
                "future_topics": [2, 3, 5],
                "format": 3,
                "attended_2008": True,
                "usefulness_2008": 4,
                "workshops_per_year": 2,
                "capital_participated": True,
                "capital_officials": 3,
                "capital_obstacle": 1,
                "principles_useful": 4,
                "outcomes_used": [2, 3],
                "funding_priorities": [1, 4, 2, 3],
                "funding_approach": 1,
                "suggestions": (
                    "Hold one regional workshop in the Americas and publish the background "
                    "papers in Spanish a month before each workshop."
                ),
                "contact": "Secretaría de Relaciones Exteriores, Dirección de Migración",
            },
        ),
    },
    "IDM 2009 theme selection": {
        "PH": (True, "focal.point.ph@example.org", {"theme": [1, 2, 5], "workshops": [1, 2]}),
        "MX": (True, "focal.point.mx@example.org", {"theme": [1, 5, 3], "workshops": [1, 2]}),
    },
}


def demo_value(question, value):
    """The demo value as the question's type takes it: option positions (1-based) become
    option ids (a ranking lists them in rank order), then the type coerces it."""
    options = list(question.options.order_by("position").values_list("pk", flat=True))
    if options:
        value = [options[i - 1] for i in value] if isinstance(value, list) else options[value - 1]
    return answer_values.coerce(question, value)


def load_demo_responses(loaded):
    """Responses of the demo states, written once (never changed on a second run)."""
    states = {state.code: state for state in MemberState.objects.filter(code__in=["PH", "MX"])}
    for title, by_state in DEMO_RESPONSES.items():
        survey, questions = loaded[title]
        for code, (submitted, email, answers) in by_state.items():
            state, author = states.get(code), User.objects.filter(email=email).first()
            if state is None or Response.objects.filter(survey=survey, member_state=state):
                continue
            response = Response(survey=survey, member_state=state, version=1, updated_by=author)
            response._history_user = author
            response.save()
            for key, value in answers.items():
                question = questions[key]
                write_answer(response, question, None, demo_value(question, value), 1, author)
            if submitted:
                response.status = Response.Status.SUBMITTED
                response.submitted_by = author
                response.submitted_at = survey.closes_at or timezone.now()
                response.version = 2
                response.save()


def load_demo_evaluation(template, *, stdout=None):
    """The demo workshop's evaluation survey, copied from the template once; while nobody has
    answered it, its dates follow the demo workshop (which moves along with today's date)."""
    event = Event.objects.filter(slug=DEMO_SLUG).first()
    if event is None or event.start_date is None:
        return
    survey = Survey.objects.filter(event=event).first()
    if survey is None:
        survey = build_event_evaluation(event=event, template=template)
    elif not survey.has_answers():
        opens_at, closes_at = evaluation_window(event)
        upsert(Survey, {"pk": survey.pk}, {"opens_at": opens_at, "closes_at": closes_at})
    if stdout is not None:
        url = absolute_url("surveys:event-evaluation", kwargs={"slug": event.slug})
        stdout.write(f"  its evaluation by the participants (staff): {url}")
