"""Every question type through every operation: form field and widget, coercion and validation,
storage, display, JSON, export columns and aggregation. A kind without a row in SAMPLES fails
test_registry_samples_cover_every_kind, so adding a type means adding it here too."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.template.loader import get_template
from django.utils import timezone

from surveys import values as answer_values
from surveys.forms import SectionForm, question_views
from surveys.models import Answer, Question, Response
from surveys.questions import all_types, question_type
from surveys.results import compute_results
from surveys.services.drafts import write_answer
from surveys.structure import load_answers, load_questionnaire
from tests.factories import MemberStateFactory, UserFactory
from tests.surveys.factories import QuestionFactory, add_options

pytestmark = pytest.mark.django_db


@dataclass
class Sample:
    """One type's behaviour on one answer. Option values are option positions (0-based) and
    are turned into option ids; `post` is form input (lists for several values)."""

    post: dict  # {suffix of the input name ("" or "_o<position>"): value or [values]}
    value: object  # the value's shape, options as positions
    display: str
    json: object
    export: list  # one cell per export column
    rendered: str  # a piece of the rendered inputs showing the value (options by position)
    invalid: object  # input refused
    invalid_message: str
    check_result: object  # function(result, options) -> None, asserting the aggregate


def choice_counts(expected):
    def check(result, options):
        assert [o.count for o in result.options] == expected
        assert result.answered == 1

    return check


def ranking_result(result, options):
    # N = 3: rank 1 earns 2 points, rank 2 earns 1, unranked nothing
    assert [(o.option.pk, o.borda, o.first_count) for o in result.options] == [
        (options[1].pk, 2, 1),
        (options[0].pk, 1, 0),
        (options[2].pk, 0, 0),
    ]


def likert_result(result, options):
    assert result.mean == 5.0 and result.median == 5.0
    assert [(point, label, count) for point, label, count, _share in result.rows] == [
        (1, "Low", 0),
        (2, "", 0),
        (3, "", 0),
        (4, "", 0),
        (5, "Very", 1),
    ]


def number_result(result, options):
    assert (result.mean, result.minimum, result.maximum) == (3.5, Decimal("3.5"), Decimal("3.5"))
    assert result.distribution == [(Decimal("3.50"), 1, 100.0)]


def yes_no_result(result, options):
    assert result.distribution == [(True, 1, 100.0), (False, 0, 0.0)]


def text_result(text):
    def check(result, options):
        assert result.texts == [("State QX", text)]

    return check


SAMPLES = {
    "single_choice": Sample(
        post={"": "{1}"},
        value=1,
        display="B",
        json=1,
        export=["B"],
        rendered='value="{1}" checked',
        invalid="x",
        invalid_message="Choose one of the options.",
        check_result=choice_counts([0, 1, 0]),
    ),
    "multiple_choice": Sample(
        post={"": ["{0}", "{2}"]},
        value=[0, 2],
        display="A; C",
        json=[0, 2],
        export=[1, 0, 1],
        rendered='value="{2}" checked',
        invalid="not a list",
        invalid_message="Choose options from the list.",
        check_result=choice_counts([1, 0, 1]),
    ),
    "ranking": Sample(
        post={"_o1": "1", "_o0": "2"},
        value={1: 1, 0: 2},
        display="1. B; 2. A",
        json={"1": 1, "0": 2},
        export=[2, 1, ""],
        rendered='<option value="1" selected>1</option>',
        invalid="first",
        invalid_message="Give each option a rank number.",
        check_result=ranking_result,
    ),
    "likert": Sample(
        post={"": "5"},
        value=5,
        display="5 (Very)",
        json=5,
        export=[5],
        rendered='value="5" checked',
        invalid="9",
        invalid_message="Choose a point from 1 to 5.",
        check_result=likert_result,
    ),
    "number": Sample(
        post={"": "3,5"},
        value=Decimal("3.5"),
        display="3.5",
        json="3.5",
        export=[3.5],
        rendered='value="3.5"',
        invalid="twelve",
        invalid_message="Enter a number, for example 12 or 3.5.",
        check_result=number_result,
    ),
    "yes_no": Sample(
        post={"": "yes"},
        value=True,
        display="Yes",
        json=True,
        export=["Yes"],
        rendered='value="yes" checked',
        invalid="maybe",
        invalid_message="Answer yes or no.",
        check_result=yes_no_result,
    ),
    "short_text": Sample(
        post={"": "  Geneva  "},
        value="Geneva",
        display="Geneva",
        json="Geneva",
        export=["Geneva"],
        rendered='maxlength="300"',
        invalid="x" * 301,
        invalid_message="Use at most 300 characters.",
        check_result=text_result("Geneva"),
    ),
    "long_text": Sample(
        post={"": "Line 1\nLine 2"},
        value="Line 1\nLine 2",
        display="Line 1\nLine 2",
        json="Line 1\nLine 2",
        export=["Line 1\nLine 2"],
        rendered=">Line 1\nLine 2</textarea>",
        invalid="a\x00b",
        invalid_message="Null characters are not allowed.",
        check_result=text_result("Line 1\nLine 2"),
    ),
}


def with_ids(value, options):
    """A sample value with option positions replaced by option ids (choice types only)."""
    if not options:
        return value
    if isinstance(value, dict):
        return {options[position].pk: rank for position, rank in value.items()}
    if isinstance(value, list):
        return [options[position].pk for position in value]
    return options[value].pk


def ids_in(text, options):
    return text.format(*[option.pk for option in options])


def question_of(kind):
    question = QuestionFactory(  # limits that a type ignores when they are not its own
        kind=kind,
        text_en=f"The {kind} question?",
        low_label_en="Low",
        high_label_en="Very",
        top_k=2,
    )
    options = add_options(question, "A", "B", "C") if kind in Question.CHOICE_KINDS else []
    return Question.objects.get(pk=question.pk), options


def post_of(question, sample, options):
    post = QueryDict(mutable=True)
    for suffix, raw in sample.post.items():
        name = f"q{question.pk}"
        if suffix.startswith("_o"):
            name += f"_o{options[int(suffix[2:])].pk}"
        items = raw if isinstance(raw, list) else [raw]
        post.setlist(name, [ids_in(item, options) for item in items])
    return post


def json_with_ids(sample, options):
    if isinstance(sample.json, dict):
        return {str(options[int(k)].pk): rank for k, rank in sample.json.items()}
    return with_ids(sample.json, options) if options else sample.json


def test_registry_samples_cover_every_kind():
    assert sorted(SAMPLES) == sorted(Question.Kind.values)
    assert [type_.kind for type_ in all_types()] == Question.Kind.values


@pytest.mark.parametrize("kind", Question.Kind.values)
def test_registry_type_owns_its_template_and_form_field(kind):
    type_ = question_type(kind)
    assert type_.template_name == f"surveys/questions/{kind}.html"
    get_template(type_.template_name)
    get_template(type_.results_template)
    question, options = question_of(kind)
    form = SectionForm(question.section)
    field = form.fields[f"q{question.pk}"]
    assert field.question == question and not field.required
    assert field.label == question.text


@pytest.mark.parametrize("kind", Question.Kind.values)
def test_registry_form_post_coerced_validated_and_invalid_input_refused(kind):
    sample = SAMPLES[kind]
    question, options = question_of(kind)
    raw, cleaned, errors = SectionForm(question.section, post_of(question, sample, options)).read()
    assert errors == {}
    assert cleaned == {question.pk: with_ids(sample.value, options)}
    invalid = QueryDict(mutable=True)
    invalid.setlist(f"q{question.pk}", [sample.invalid])
    if kind == "ranking":  # a rank is typed in each option's input
        invalid.setlist(f"q{question.pk}_o{options[0].pk}", [sample.invalid])
    _raw, _cleaned, errors = SectionForm(question.section, invalid).read()
    assert errors == {question.pk: [sample.invalid_message]}


@pytest.mark.parametrize("kind", Question.Kind.values)
def test_registry_json_input_coerced_like_form_input(kind):
    sample = SAMPLES[kind]
    question, options = question_of(kind)
    value = with_ids(sample.value, options)
    json_input = answer_values.to_json(question, value)
    assert json_input == json_with_ids(sample, options)
    assert answer_values.validate(question, answer_values.coerce(question, json_input)) == value
    with pytest.raises(ValidationError):
        answer_values.validate(question, answer_values.coerce(question, sample.invalid))


@pytest.mark.parametrize("kind", Question.Kind.values)
def test_registry_empty_answer_everywhere(kind):
    question, _options = question_of(kind)
    empty = answer_values.empty_value(question)
    assert answer_values.is_empty(empty)
    assert answer_values.coerce(question, None) == empty
    assert answer_values.display(question, empty) == ""
    assert answer_values.stored_value(question, None) == empty
    assert answer_values.incomplete_message(question, empty) is None
    question.required = True
    assert answer_values.incomplete_message(question, empty) == "This question needs an answer."
    cells = question_type(question).export_cells(question, empty, "en")
    assert cells == [""] * len(question_type(question).export_headers(question, "en"))


@pytest.mark.parametrize("kind", Question.Kind.values)
def test_registry_stored_read_back_displayed_and_rendered(kind):
    sample = SAMPLES[kind]
    question, options = question_of(kind)
    value = with_ids(sample.value, options)
    state = MemberStateFactory(code="QX", iso3="QXX", name="State QX")
    response = Response.objects.create(survey=question.section.survey, member_state=state)
    write_answer(response, question, None, value, 1, UserFactory())
    questionnaire = load_questionnaire(question.section.survey)
    stored, answers = load_answers(questionnaire, response)
    assert answer_values.same_value(question, stored[question.pk], value)
    assert answer_values.display(question, stored[question.pk]) == sample.display
    assert answer_values.incomplete_message(question, stored[question.pk]) is None
    answer = Answer.objects.get()
    columns = {"text": answer.text, "number": answer.number, "boolean": answer.boolean}
    storage = question_type(question).storage
    assert [column for column, held in columns.items() if held not in ("", None)] == (
        [storage] if storage in columns else []
    )
    chosen_rows = {"single_choice": 1, "multiple_choice": 2, "ranking": 2}
    assert answer.choices.count() == chosen_rows.get(kind, 0)
    (view,) = question_views(question.section, questionnaire, stored, answers=answers)
    assert ids_in(sample.rendered, options) in str(view.widget)


@pytest.mark.parametrize("kind", Question.Kind.values)
def test_registry_export_columns_and_cells(kind):
    sample = SAMPLES[kind]
    question, options = question_of(kind)
    type_ = question_type(question)
    headers = type_.export_headers(question, "fr")
    expected = [f"{o.text_en} (fr)" for o in options] if len(sample.export) > 1 else [None]
    assert headers == expected
    cells = type_.export_cells(question, with_ids(sample.value, options), "en")
    assert cells == sample.export


@pytest.mark.parametrize("kind", Question.Kind.values)
def test_registry_aggregation_of_a_submitted_answer(kind):
    sample = SAMPLES[kind]
    question, options = question_of(kind)
    survey = question.section.survey
    state = MemberStateFactory(code="QX", iso3="QXX", name="State QX")
    response = Response.objects.create(
        survey=survey, member_state=state, status="submitted", submitted_at=timezone.now()
    )
    write_answer(response, question, None, with_ids(sample.value, options), 1, UserFactory())
    Response.objects.create(survey=survey, member_state=MemberStateFactory(code="QY"))  # draft
    (result,) = compute_results(survey).questions
    assert result.answered == 1
    assert result.results_template == question_type(kind).results_template
    sample.check_result(result, options)
