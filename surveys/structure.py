"""A survey's questionnaire loaded in a fixed number of queries, and a response's answers."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from surveys import values as answer_values
from surveys.models import Answer, Question, Section
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


def load_questionnaire(survey):
    """Sections, questions, options and display conditions: four queries."""
    questions = Question.objects.select_related("condition_question").prefetch_related(
        "options", "condition_options"
    )
    sections = Section.objects.filter(survey=survey).prefetch_related(
        Prefetch("questions", queryset=questions)
    )
    return Questionnaire(survey=survey, sections=list(sections))


def load_answers(questionnaire, response):
    """({question id: value}, {question id: Answer}) of a response (two queries)."""
    if response is None:
        answers = {}
    else:
        answers = {
            answer.question_id: answer
            for answer in Answer.objects.filter(response=response)
            .select_related("updated_by")
            .prefetch_related("choices")
        }
    question_values = {
        question.pk: answer_values.stored_value(question, answers.get(question.pk))
        for question in questionnaire.questions
    }
    return question_values, answers
