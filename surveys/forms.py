"""The section page's form: read a section's answers from a POST and prepare each question for
display (its inputs, what is typed or saved, its errors, who last changed it)."""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from surveys import values as answer_values
from surveys.models import Question

Kind = Question.Kind


def field_name(question, option=None):
    return f"q{question.pk}_o{option.pk}" if option is not None else f"q{question.pk}"


def raw_from_post(question, post):
    """What the person sent for one question, before checking it."""
    name = field_name(question)
    if question.kind == Kind.MULTIPLE_CHOICE:
        return post.getlist(name)
    if question.kind == Kind.RANKING:
        return {
            option.pk: post.get(field_name(question, option), "").strip()
            for option in question.options.all()
            if post.get(field_name(question, option), "").strip()
        }
    return post.get(name, "")


def read_section(section, post):
    """({question id: raw input}, {question id: value}, {question id: [errors]})."""
    raw, cleaned, errors = {}, {}, {}
    for question in section.questions.all():
        raw[question.pk] = raw_from_post(question, post)
        try:
            value = answer_values.coerce(question, raw[question.pk])
            cleaned[question.pk] = answer_values.validate(question, value)
        except ValidationError as error:
            errors[question.pk] = error.messages
    return raw, cleaned, errors


def post_as_dict(post):
    """A QueryDict as plain lists, to keep a person's input in the session."""
    return {key: post.getlist(key) for key in post if key != "csrfmiddlewaretoken"}


def as_strings(value):
    if isinstance(value, dict):
        return {int(k): str(v) for k, v in value.items()}
    if isinstance(value, list):
        return [str(item) for item in value]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return ""
    if hasattr(value, "normalize"):
        return answer_values.plain_number(value)
    return str(value)


@dataclass
class OptionRow:
    option: object
    input_name: str
    input_id: str
    checked: bool = False
    rank: str = ""


@dataclass
class QuestionView:
    """One question on a page: `value` is what to show in the inputs (typed or saved)."""

    question: object
    number: int
    value: object = ""
    errors: list = field(default_factory=list)
    answer: object = None
    condition_text: str = ""
    condition_on_page: bool = False
    changed_by_colleague: bool = False
    display_value: str = ""

    @property
    def name(self):
        return field_name(self.question)

    @property
    def kind(self):
        return self.question.kind

    @property
    def option_rows(self):
        selected = self.value if isinstance(self.value, list | dict) else [self.value]
        rows = []
        for option in self.question.options.all():
            rank = self.value.get(option.pk, "") if isinstance(self.value, dict) else ""
            rows.append(
                OptionRow(
                    option=option,
                    input_name=field_name(self.question, option)
                    if self.kind == Kind.RANKING
                    else self.name,
                    input_id=f"{self.name}-o{option.pk}",
                    checked=str(option.pk) in selected,
                    rank=str(rank),
                )
            )
        return rows

    @property
    def rank_choices(self):
        return [str(rank) for rank in range(1, answer_values.rank_limit(self.question) + 1)]

    @property
    def likert_rows(self):
        labels = {1: self.question.low_label, 5: self.question.high_label}
        return [
            (str(point), labels.get(point, ""), self.value == str(point)) for point in range(1, 6)
        ]

    @property
    def condition_option_ids(self):
        return ",".join(str(o.pk) for o in self.question.condition_options.all())

    @property
    def described_by(self):
        ids = []
        if self.question.help:
            ids.append(f"{self.name}-help")
        if self.errors:
            ids.append(f"{self.name}-error")
        return " ".join(ids)


def condition_text(question, questionnaire):
    controlling = question.condition_question
    if controlling is None:
        return ""
    number = questionnaire.numbers.get(controlling.pk)
    if controlling.kind == Kind.YES_NO:
        wanted = _("Yes") if question.condition_yes is not False else _("No")
    else:
        wanted = " / ".join(f"“{o.text}”" for o in question.condition_options.all())
    return _("Answer this if you answered %(answer)s to question %(number)s.") % {
        "answer": wanted,
        "number": number,
    }


def question_views(section, questionnaire, shown_values, *, answers, errors=None, stale=()):
    """QuestionViews of a section; `shown_values` are typed inputs or saved values."""
    errors = errors or {}
    on_page = {q.pk for q in section.questions.all()}
    views = []
    for question in section.questions.all():
        value = shown_values.get(question.pk, answer_values.empty_value(question))
        views.append(
            QuestionView(
                question=question,
                number=questionnaire.numbers[question.pk],
                value=as_strings(value),
                errors=errors.get(question.pk, []),
                answer=answers.get(question.pk),
                condition_text=condition_text(question, questionnaire),
                condition_on_page=question.condition_question_id in on_page,
                changed_by_colleague=question.pk in stale,
            )
        )
    return views


class AdoptThemeForm(forms.Form):
    """The dialogue year a winning theme is adopted for; empty means the survey's default."""

    year = forms.IntegerField(required=False, min_value=2001, max_value=2100)


class SubmitForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for reopening"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The state's delegates see this reason on their response."),
    )
