"""The section page's form (one field per question, each from its question type), how each
question is prepared for display, and the small forms of the survey pages."""

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from idm.models import Region
from surveys.questions import question_type
from workshops.models import Registration


def field_name(question, option=None):
    return f"q{question.pk}_o{option.pk}" if option is not None else f"q{question.pk}"


class SectionForm(forms.Form):
    """The answers of one section. A field's `clean` is its question type's coercion and
    validation, the same as the API's and the background save's. `values` ({question id:
    value}, typed or saved) are what the inputs show when the form is not bound."""

    def __init__(self, section, data=None, *, values=None):
        values = values or {}
        initial = {
            field_name(question): values[question.pk]
            for question in section.questions.all()
            if question.pk in values
        }
        super().__init__(data, initial=initial, auto_id="%s")
        self.section = section
        for question in section.questions.all():
            self.fields[field_name(question)] = question_type(question).form_field(question)

    def question_fields(self):
        """[(question, bound field)] in questionnaire order."""
        return [(question, self[field_name(question)]) for question in self.section.questions.all()]

    def read(self):
        """({question id: raw input}, {question id: value}, {question id: [errors]})."""
        raw = {question.pk: bound.data for question, bound in self.question_fields()}
        self.is_valid()
        cleaned, errors = {}, {}
        for question, bound in self.question_fields():
            if bound.name in self.errors:
                errors[question.pk] = list(self.errors[bound.name])
            else:
                cleaned[question.pk] = self.cleaned_data[bound.name]
        return raw, cleaned, errors


def raw_from_post(question, post):
    """What the person sent for one question, before checking it."""
    return question_type(question).value_from_post(question, post, field_name(question))


def read_section(section, post):
    """({question id: raw input}, {question id: value}, {question id: [errors]})."""
    return SectionForm(section, post).read()


def post_as_dict(post):
    """A QueryDict as plain lists, to keep a person's input in the session."""
    return {key: post.getlist(key) for key in post if key != "csrfmiddlewaretoken"}


@dataclass
class QuestionView:
    """One question on a page: `value` is what its inputs show (typed or saved), `field` the
    form field that renders them."""

    question: object
    number: int
    value: object = ""
    errors: list = field(default_factory=list)
    answer: object = None
    condition_text: str = ""
    condition_on_page: bool = False
    changed_by_colleague: bool = False
    display_value: str = ""
    field: object = None

    @property
    def name(self):
        return field_name(self.question)

    @property
    def kind(self):
        return self.question.kind

    @property
    def grouped(self):
        """Several inputs (a fieldset with a legend) rather than one input with a label."""
        return question_type(self.question).grouped

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

    @property
    def widget(self):
        """The question's inputs, rendered by its type's template."""
        attrs = {}
        if self.described_by and not self.grouped:
            attrs["aria-describedby"] = self.described_by
        if self.errors:
            attrs["aria-invalid"] = "true"
        return self.field.as_widget(attrs=attrs)


def condition_text(question, questionnaire):
    controlling = question.condition_question
    if controlling is None:
        return ""
    number = questionnaire.numbers.get(controlling.pk)
    return _("Answer this if you answered %(answer)s to question %(number)s.") % {
        "answer": question_type(controlling).condition_text(question),
        "number": number,
    }


def question_views(
    section, questionnaire, shown_values, *, answers, errors=None, changed_by_colleague=()
):
    """QuestionViews of a section; `shown_values` are typed inputs or saved values;
    `changed_by_colleague`: ids of the questions a colleague changed meanwhile (conflict)."""
    errors = errors or {}
    on_page = {q.pk for q in section.questions.all()}
    form = SectionForm(section, values=shown_values)
    views = []
    for question, bound in form.question_fields():
        views.append(
            QuestionView(
                question=question,
                number=questionnaire.numbers[question.pk],
                value=bound.value(),
                errors=errors.get(question.pk, []),
                answer=answers.get(question.pk),
                condition_text=condition_text(question, questionnaire),
                condition_on_page=question.condition_question_id in on_page,
                changed_by_colleague=question.pk in changed_by_colleague,
                field=bound,
            )
        )
    return views


class AdoptThemeForm(forms.Form):
    """The dialogue year a winning theme is adopted for; empty means the survey's default."""

    year = forms.IntegerField(
        label=_("Dialogue year"), required=False, min_value=2001, max_value=2100
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for reopening"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The state's delegates see this reason on their response."),
    )


class RegionForm(forms.Form):
    """The results page's filter: one UN region, or all."""

    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        choices=[("", _("All regions")), *Region.choices],
    )

    def chosen_region(self):
        return self.cleaned_data["region"] if self.is_valid() else ""


class CategoryForm(forms.Form):
    """An event evaluation's results filter: one category of participants, or all."""

    category = forms.ChoiceField(
        label=_("Participants' category"),
        required=False,
        choices=[("", _("All categories")), *Registration.Category.choices],
    )

    def chosen_category(self):
        return self.cleaned_data["category"] if self.is_valid() else ""
