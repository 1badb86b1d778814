"""A survey's questionnaire loaded in a fixed number of queries, and a response's answers.

A questionnaire is read on every save of a draft (the delegates' pages save in the background
as they type), so each web process keeps the structure it read (sections, questions, options,
display conditions) for the content version of idm/page_cache.py, which the back office
moves on every change it saves (a survey, its sections, questions or options), and at most
IDM_PAGE_CACHE_SECONDS. The structure is only read from, never changed, by its users.
"""

import time
from collections import namedtuple
from dataclasses import dataclass, field

from django.db.models import Prefetch

from idm.page_cache import cache_seconds, content_state
from surveys import values as answer_values
from surveys.models import Answer, AnswerChoice, Option, Question, Section
from surveys.questions import question_type


@dataclass
class Questionnaire:
    survey: object
    sections: list
    questions: list = field(default_factory=list)

    def __post_init__(self):
        self.questions = [q for section in self.sections for q in section.questions.all()]
        self.by_id = {question.pk: question for question in self.questions}
        self.numbers = {question.pk: n for n, question in enumerate(self.questions, start=1)}

    def section_at(self, position):
        return next((s for s in self.sections if s.position == position), None)

    def visible(self, question_values):
        """Ids of the questions shown, given the answers: a question with a display condition
        is shown when its (itself shown) earlier question has one of the chosen options."""
        shown = set()
        for question in self.questions:
            if is_shown(question, question_values, shown, self.by_id):
                shown.add(question.pk)
        return shown


def is_shown(question, question_values, shown, by_id=None):
    condition_id = question.condition_question_id
    if condition_id is None:
        return True
    if condition_id not in shown:
        return False
    condition = (by_id or {}).get(condition_id) or question.condition_question
    return question_type(condition).shows(question, question_values.get(condition_id))


_KEPT_SURVEYS = 64
_kept = {}  # survey pk -> (content version, monotonic expiry, sections)


def load_questionnaire(survey):
    """The survey's questionnaire: kept in the process for the content version (see the
    module's docstring), else read in four queries."""
    state = content_state()
    kept = _kept.get(survey.pk)
    if state is not None and kept and kept[0] == state.version and kept[1] > time.monotonic():
        return Questionnaire(survey=survey, sections=kept[2])
    sections = read_sections(survey)
    if state is not None:
        if len(_kept) >= _KEPT_SURVEYS:
            _kept.clear()
        _kept[survey.pk] = (state.version, time.monotonic() + cache_seconds(), sections)
    return Questionnaire(survey=survey, sections=sections)


def read_sections(survey):
    """Sections, questions, options and display conditions: four queries.

    Each is ordered within its parent only (the models' default orderings name the parent,
    which would join and sort by the parent's own ordering: the survey, the section)."""
    questions = (
        Question.objects.select_related("condition_question")
        .prefetch_related(
            Prefetch("options", queryset=Option.objects.order_by("position", "pk")),
            Prefetch("condition_options", queryset=Option.objects.order_by("position", "pk")),
        )
        .order_by("position", "pk")
    )
    sections = (
        Section.objects.filter(survey=survey)
        .prefetch_related(Prefetch("questions", queryset=questions))
        .order_by("position", "pk")
    )
    return list(sections)


def load_answers(questionnaire, response, *, editors=True):
    """({question id: value}, {question id: Answer}) of a response (two queries); with
    `editors`, each answer's `updated_by` too (pages say who changed what)."""
    if response is None:
        answers = {}
    else:
        # Unordered (a dict by question; stored_value orders the choices): the models'
        # default orderings would join responses, states and options to sort them.
        choices = Prefetch("choices", queryset=AnswerChoice.objects.order_by(), to_attr="chosen")
        rows = Answer.objects.filter(response=response).order_by().prefetch_related(choices)
        if editors:
            rows = rows.select_related("updated_by")
        answers = {answer.question_id: answer for answer in rows}
    return values_of(questionnaire, answers), answers


def values_of(questionnaire, answers):
    """{question id: value} of every question, from its Answer (or StoredAnswer) or empty."""
    return {
        question.pk: answer_values.stored_value(question, answers.get(question.pk))
        for question in questionnaire.questions
    }


class StoredAnswer:
    """What is read of an Answer to know its value (its columns, its chosen options as the
    list `chosen`) and who changed it in which version, from plain rows: much cheaper than
    Answer instances with their prefetched choices when only the values are needed (a save
    that changes one answer of sixty, an export of 100,000 answers)."""

    __slots__ = (
        "boolean",
        "changed_in_version",
        "chosen",
        "number",
        "pk",
        "question_id",
        "text",
        "updated_by_id",
    )

    def __init__(self, pk, question_id, text, number, boolean, changed_in_version, updated_by_id):
        self.pk, self.question_id = pk, question_id
        self.text, self.number, self.boolean = text, number, boolean
        self.changed_in_version, self.updated_by_id = changed_in_version, updated_by_id
        self.chosen = []


Chosen = namedtuple("Chosen", "option_id rank")


def stored_answers(response_ids):
    """{response id: {question id: StoredAnswer}} of the responses: two queries."""
    by_response, by_id = {key: {} for key in response_ids}, {}
    rows = (
        Answer.objects.filter(response_id__in=response_ids)
        .order_by()
        .values_list(
            "pk",
            "response_id",
            "question_id",
            "text",
            "number",
            "boolean",
            "changed_in_version",
            "updated_by_id",
        )
    )
    for pk, response_id, question_id, *columns in rows:
        answer = by_id[pk] = StoredAnswer(pk, question_id, *columns)
        by_response[response_id][question_id] = answer
    if by_id:
        choices = (
            AnswerChoice.objects.filter(answer__response_id__in=response_ids)
            .order_by()
            .values_list("answer_id", "option_id", "rank")
        )
        for answer_id, option_id, rank in choices:
            by_id[answer_id].chosen.append(Chosen(option_id, rank))
    return by_response


def load_stored_values(questionnaire, response):
    """({question id: value}, {question id: StoredAnswer}) of a response (two queries)."""
    answers = stored_answers([response.pk])[response.pk] if response is not None else {}
    return values_of(questionnaire, answers), answers
