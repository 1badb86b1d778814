"""The question type decides, nothing else: outside the registry (surveys/questions/), no module
or template of the surveys app compares a question's kind with a particular kind."""

import ast
import re
from pathlib import Path

import surveys
from surveys.models import Question

APP = Path(surveys.__file__).resolve().parent
REGISTRY = APP / "questions"
# data, not code: the seed's questionnaires name their questions' kinds; migrations are history
NOT_CODE = [APP / "seed_data", APP / "migrations"]
KIND_NAMES = set(Question.Kind.names)
KIND_VALUES = set(Question.Kind.values)
KINDS = "|".join(sorted(KIND_VALUES))
TEMPLATE_SWITCH = re.compile(
    rf"""kind\s*(?:==|!=)\s*["'](?:{KINDS})["']"""
    rf"""|["'](?:{KINDS})["']\s*(?:==|!=)\s*\S*kind\b"""
    r"""|kind\s+(?:not\s+)?in\s"""
)


def is_kind_member(node):
    """`Question.Kind.LIKERT` or `Kind.RANKING`."""
    if not (isinstance(node, ast.Attribute) and node.attr in KIND_NAMES):
        return False
    owner = node.value
    return getattr(owner, "attr", None) == "Kind" or getattr(owner, "id", None) == "Kind"


def names_a_kind(node):
    """`Question.Kind.LIKERT`, `Kind.RANKING` or "likert" (or several): particular kinds."""
    if isinstance(node, ast.Constant):
        return node.value in KIND_VALUES
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(names_a_kind(item) for item in node.elts)
    return is_kind_member(node)


def kind_switches(source):
    """Line numbers where code compares with, or filters on, one particular question kind."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            if any(names_a_kind(part) for part in [node.left, *node.comparators]):
                lines.append(node.lineno)
        elif isinstance(node, ast.keyword) and re.fullmatch(r"(\w+__)?kind(__in)?", node.arg or ""):
            if names_a_kind(node.value):
                lines.append(node.value.lineno)
        elif isinstance(node, ast.Dict) and any(is_kind_member(key) for key in node.keys if key):
            lines.append(node.lineno)
    return lines


def app_files(pattern):
    for path in sorted(APP.rglob(pattern)):
        if path.is_relative_to(REGISTRY) or any(path.is_relative_to(d) for d in NOT_CODE):
            continue
        yield path


def test_kind_switches_detector_finds_the_usual_forms():
    """The detector is not blind: each of these is a switch on a kind."""
    for code in [
        'if question.kind == "likert": pass',
        "if kind in (Kind.SINGLE_CHOICE, Kind.LIKERT): pass",
        "x = question.kind != Question.Kind.RANKING",
        "Question.objects.filter(kind=Question.Kind.RANKING)",
        'Answer.objects.filter(question__kind__in=["short_text", "long_text"])',
        "MESSAGES = {Kind.NUMBER: 'Enter a number.'}",
    ]:
        assert kind_switches(code) == [1], code
    for code in [
        "if survey.kind == Survey.Kind.THEME_SELECTION: pass",
        "if saved.kind != self.kind: pass",
        "question_type(question).display(question, value)",
    ]:
        assert kind_switches(code) == [], code
    assert TEMPLATE_SWITCH.search('{% if view.kind == "ranking" %}')
    assert TEMPLATE_SWITCH.search("{% elif result.kind == 'yes_no' %}")
    assert not TEMPLATE_SWITCH.search("{{ result.question.get_kind_display }}")


def test_kind_switches_none_in_python_outside_the_registry():
    found = {
        str(path.relative_to(APP)): lines
        for path in app_files("*.py")
        if (lines := kind_switches(path.read_text()))
    }
    assert found == {}


def test_kind_switches_none_in_templates():
    found = {
        str(path.relative_to(APP)): [match.group(0) for match in TEMPLATE_SWITCH.finditer(text)]
        for path in sorted(APP.rglob("*.html")) + sorted(APP.rglob("*.txt"))
        if TEMPLATE_SWITCH.search(text := path.read_text())
    }
    assert found == {}


def test_kind_switches_every_type_has_its_input_template():
    templates = APP / "templates" / "surveys" / "questions"
    assert sorted(p.stem for p in templates.glob("*.html")) == sorted(Question.Kind.values)
