"""How far a state's draft is: per section and overall, the questions shown, answered, required,
and the required ones answered; and the answers the submission would refuse as missing or
incomplete (the same check as surveys.services.submission.missing_answers)."""

from dataclasses import dataclass, field

from surveys import values as answer_values
from surveys.services.submission import missing_answers


@dataclass
class Counts:
    shown: int = 0
    answered: int = 0
    required: int = 0
    required_answered: int = 0
    missing: list = field(default_factory=list)  # [(question, message)] in questionnaire order

    @property
    def is_complete(self):
        """Nothing the submission would refuse."""
        return not self.missing

    @property
    def required_percent(self):
        return round(100 * self.required_answered / self.required) if self.required else 100

    def add(self, other):
        self.shown += other.shown
        self.answered += other.answered
        self.required += other.required
        self.required_answered += other.required_answered
        self.missing.extend(other.missing)


@dataclass
class SectionProgress(Counts):
    section: object = None


@dataclass
class Progress:
    sections: list
    overall: Counts

    def of(self, section):
        return next(item for item in self.sections if item.section.pk == section.pk)

    @property
    def incomplete_section_ids(self):
        return {item.section.pk for item in self.sections if not item.is_complete}


def response_progress(questionnaire, question_values):
    """The Progress of a response's values ({question id: value}, as load_answers gives)."""
    shown = questionnaire.visible(question_values)
    missing = dict(missing_answers(questionnaire, question_values))
    overall = Counts()
    sections = []
    for section in questionnaire.sections:
        counts = SectionProgress(section=section)
        for question in section.questions.all():
            if question.pk not in shown:
                continue
            answered = not answer_values.is_empty(question_values[question.pk])
            counts.shown += 1
            counts.answered += answered
            if question.required:
                counts.required += 1
                counts.required_answered += answered and question not in missing
            if question in missing:
                counts.missing.append((question, missing[question]))
        sections.append(counts)
        overall.add(counts)
    return Progress(sections=sections, overall=overall)
