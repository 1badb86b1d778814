"""What every question type does, and the registry that finds a question's type by its kind.

A question type is one class (one instance is registered per `Question.Kind`). It owns:

- its form field and widget (`form_field`, `value_from_post`, `form_value`, `template_name`
  and `widget_context`: the widget renders `surveys/questions/<kind>.html`);
- coercion and validation (`coerce` from form or JSON input, `validate`, `incomplete_message`);
- how an answer is stored (`storage`, `store`, `chosen_options`, `read`) and displayed
  (`display`, `to_json`);
- whether it can control a later question's display (`shows`, `condition_text`);
- its export columns (`export_headers`, `export_cells`);
- its aggregation for results (`aggregate`, `results_template`, `result_shape` for the API);
- how it is printed on the blank questionnaire (`print_template_name`).

Values have one plain Python shape per type (see each class), shared by pages, API, services.
"""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_REGISTRY = {}


def register(cls):
    """Class decorator: one instance of `cls` answers for questions of `cls.kind`."""
    if cls.kind in _REGISTRY:
        raise ValueError(f"Question kind {cls.kind!r} is registered twice.")
    _REGISTRY[cls.kind] = cls()
    return cls


def question_type(question_or_kind):
    """The type of a question (or of a kind such as "likert")."""
    kind = getattr(question_or_kind, "kind", question_or_kind)
    try:
        return _REGISTRY[kind]
    except KeyError:
        raise LookupError(f"No question type is registered for {kind!r}.") from None


def all_types():
    """Every registered type, in the order of Question.Kind."""
    from surveys.models import Question

    return [_REGISTRY[kind] for kind in Question.Kind.values if kind in _REGISTRY]


def kinds_where(predicate):
    """The kinds whose type satisfies `predicate(type)`, e.g. the kinds that store text."""
    return [kind for kind, question_type_ in _REGISTRY.items() if predicate(question_type_)]


def is_empty(value):
    return value is None or value == "" or value == [] or value == {}


def plain_number(value):
    """12.50 -> "12.5", 100.00 -> "100" (never "1E+2")."""
    return f"{Decimal(value).normalize():f}"


def answer_choices(answer):
    """An Answer's AnswerChoice rows: the list prefetched as `chosen`
    (`Prefetch("choices", to_attr="chosen")`: a plain list per answer is much cheaper than the
    queryset a plain prefetch attaches to each), else through the relation."""
    chosen = getattr(answer, "chosen", None)
    return chosen if chosen is not None else answer.choices.all()


def option_ids(question):
    return [option.pk for option in question.options.all()]


def percent(part, whole):
    return round(100.0 * part / whole, 1) if whole else 0.0


class AnswerField(forms.Field):
    """A question as a form field: the question's type cleans the input; never required here
    (required answers are checked when the focal point submits, not on every save)."""

    def __init__(self, *, question, question_type, **kwargs):
        self.question = question
        self.question_type = question_type
        super().__init__(required=False, label=question.text, **kwargs)

    def clean(self, value):
        return self.question_type.clean(self.question, value)

    def prepare_value(self, value):
        return self.question_type.form_value(self.question, value)


class QuestionWidget(forms.Widget):
    """The inputs of one question, rendered by its type's template."""

    def __init__(self, *, question, question_type, attrs=None):
        super().__init__(attrs)
        self.question = question
        self.question_type = question_type
        self.template_name = question_type.template_name
        self.use_fieldset = question_type.grouped

    def value_from_datadict(self, data, files, name):
        return self.question_type.value_from_post(self.question, data, name)

    def value_omitted_from_data(self, data, files, name):
        return False

    def format_value(self, value):
        return value

    def use_required_attribute(self, initial):
        return False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["invalid"] = widget["attrs"].get("aria-invalid") == "true"
        context["question"] = self.question
        context.update(self.question_type.widget_context(self.question, name, value))
        return context


class QuestionType:
    """The defaults of a question type whose answer is one value in one Answer column."""

    kind = None
    # storage: the Answer column holding the value ("text", "number", "boolean"), or "choices"
    # for AnswerChoice rows
    storage = "text"
    invalid_message = _("Enter text.")
    # several inputs (radios, checkboxes, selects): a fieldset with a legend; one input: a label
    grouped = False
    # the API's result serializer family (surveys.api.results) and the results page's template
    result_shape = None
    results_template = None
    # may a later question be shown only for some answers of this one (display conditions)?
    controls_display = False
    # may its options be marked exclusive ("None", "Not yet")?
    allows_exclusive_options = False

    @property
    def template_name(self):
        return f"surveys/questions/{self.kind}.html"

    @property
    def print_template_name(self):
        """The question as printed on the blank questionnaire (surveys/pdfs.py)."""
        return f"surveys/questions/print/{self.kind}.html"

    @property
    def label(self):
        from surveys.models import Question

        return Question.Kind(self.kind).label

    # values --------------------------------------------------------------------------------

    def empty_value(self, question):
        return None

    def coerce(self, question, raw):
        """Form or JSON input -> the type's value shape; ValidationError if it can't."""
        if is_empty(raw):
            return self.empty_value(question)
        try:
            return self.parse(question, raw)
        except (TypeError, ValueError, InvalidOperation, AttributeError):
            raise ValidationError(self.invalid_message) from None

    def parse(self, question, raw):
        if not isinstance(raw, str):
            raise TypeError
        return raw.strip()

    def validate(self, question, value):
        """A draft value, normalised, or ValidationError with messages a respondent
        understands. Required answers are only enforced when the focal point submits."""
        if is_empty(value):
            return self.empty_value(question)
        return self.check(question, value)

    def check(self, question, value):
        return value

    def clean(self, question, raw):
        return self.validate(question, self.coerce(question, raw))

    def incomplete_message(self, question, value):
        """Why a submitted answer is missing or incomplete, or None when it is fine."""
        if is_empty(value):
            return _("This question needs an answer.") if question.required else None
        return self.incomplete(question, value)

    def incomplete(self, question, value):
        return None

    def same_value(self, question, first, second):
        return first == second

    def check_question(self, question):
        """Checks of the question itself when staff build it (Question.clean)."""

    # form ----------------------------------------------------------------------------------

    def form_field(self, question):
        widget = QuestionWidget(
            question=question, question_type=self, attrs=self.input_attrs(question)
        )
        return AnswerField(question=question, question_type=self, widget=widget)

    def input_attrs(self, question):
        """HTML attributes of the type's single input (maxlength, inputmode…)."""
        return {}

    def value_from_post(self, question, data, name):
        """What the person sent for the question, before checking it."""
        return data.get(name, "")

    def form_value(self, question, value):
        """A value (typed or saved) as the inputs show it: strings."""
        if value is None:
            return ""
        return str(value)

    def widget_context(self, question, name, value):
        """What the type's template needs beyond `widget` (name, value, attrs)."""
        return {}

    # storage -------------------------------------------------------------------------------

    def read(self, question, answer):
        """The value an Answer holds (choices prefetched); empty when there is no answer."""
        if answer is None:
            return self.empty_value(question)
        return self.read_answer(question, answer)

    def read_answer(self, question, answer):
        return getattr(answer, self.storage)

    def store(self, answer, question, value):
        """Put the value in the Answer's column (the others are emptied by the caller)."""
        setattr(answer, self.storage, value)

    def chosen_options(self, question, value):
        """{option id: rank or None} for AnswerChoice rows; None when the type has none."""
        return None

    # display -------------------------------------------------------------------------------

    def display(self, question, value):
        """The value as a person reads it, in the active language."""
        if is_empty(value):
            return ""
        return self.show(question, value)

    def show(self, question, value):
        return value

    def to_json(self, question, value):
        return value

    # display conditions --------------------------------------------------------------------

    def shows(self, dependent, value):
        """Is `dependent` (conditional on a question of this type) shown for `value`?"""
        return False

    def condition_text(self, dependent):
        """The answer(s) of this question that show `dependent`, as a person reads them."""
        return ""

    # export --------------------------------------------------------------------------------

    def export_headers(self, question, language):
        """One label per column: None for the question's only column, else the option's."""
        return [None]

    def export_cells(self, question, value, language):
        """The row's cells for the question; call with the export's language active."""
        if is_empty(value):
            return [""]
        return [self.export_value(question, value, language)]

    def export_value(self, question, value, language):
        return value

    # results -------------------------------------------------------------------------------

    def aggregate(self, result, figures):
        """Fill a QuestionResult from the survey's Figures (surveys.results)."""
        raise NotImplementedError

    def results_rows(self, result):
        """[(value, its label, count, percent)] of the distribution, for the results page."""
        return [(value, "", count, share) for value, count, share in result.distribution]
