"""A survey's questionnaire loaded in a fixed number of queries, and a response's answers."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from surveys import values as answer_values
from surveys.models import Answer, AnswerChoice, Option, Question, Section


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
            if is_shown(question, question_values, shown):
                shown.add(question.pk)
        return shown


def is_shown(question, question_values, shown):
    condition_id = question.condition_question_id
    if condition_id is None:
        return True
    if condition_id not in shown:
        return False
    answer = question_values.get(condition_id)
    if isinstance(answer, bool):
        return question.condition_yes is None or answer == question.condition_yes
    wanted = {option.pk for option in question.condition_options.all()}
    chosen = set(answer) if isinstance(answer, list) else {answer}
    return bool(wanted & chosen)


def load_questionnaire(survey):
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
    return Questionnaire(survey=survey, sections=list(sections))


def load_answers(questionnaire, response):
    """({question id: value}, {question id: Answer}) of a response (two queries)."""
    if response is None:
        answers = {}
    else:
        # Unordered (a dict by question; stored_value orders the choices): the models'
        # default orderings would join responses, states and options to sort them.
        choices = Prefetch("choices", queryset=AnswerChoice.objects.order_by())
        answers = {
            answer.question_id: answer
            for answer in Answer.objects.filter(response=response)
            .order_by()
            .select_related("updated_by")
            .prefetch_related(choices)
        }
    question_values = {
        question.pk: answer_values.stored_value(question, answers.get(question.pk))
        for question in questionnaire.questions
    }
    return question_values, answers
