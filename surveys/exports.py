"""Responses as CSV or XLSX: one row per response, one column per question (one per option for
multiple choice and ranking), labels in the chosen language. Both are streamed and safe to open
in a spreadsheet (idm.exports).

Responses are read CHUNK at a time, with their answers and chosen options as plain rows (two
queries a chunk): 100,000 answers stream in seconds with flat memory, where a model instance and
a prefetch queryset per answer took tens of seconds."""

from itertools import islice

from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from idm import exports
from idm.countries import localized_country_name
from idm.models import Region
from surveys import values as answer_values
from surveys.models import Response, localized
from surveys.questions import question_type
from surveys.structure import load_questionnaire, stored_answers

CHUNK = 1000


class Columns:
    """Column headers and how to fill them, computed once in the export's language."""

    def __init__(self, survey, language):
        self.language = language
        self.zone = timezone.get_current_timezone()
        self.questionnaire = load_questionnaire(survey)
        with translation.override(language):
            self.fixed = [
                _("State code"),
                _("Member state"),
                _("Region"),
                _("Status"),
                _("Version"),
                _("Submitted at"),
                _("Submitted by"),
                _("Last changed at"),
            ]
            self.status_labels = {value: str(label) for value, label in Response.Status.choices}
            self.sheet_title = _("Responses")
            self.region_labels = {value: str(label) for value, label in Region.choices}
        self.question_headers = []
        for question in self.questionnaire.questions:
            number = self.questionnaire.numbers[question.pk]
            text = localized(question, "text", language)
            for label in question_type(question).export_headers(question, language):
                self.question_headers.append(
                    f"Q{number}. {text} — {label}" if label else f"Q{number}. {text}"
                )

    @property
    def headers(self):
        return self.fixed + self.question_headers

    def row(self, response, answers):
        state = response.member_state or (
            response.registration.member_state if response.registration_id else None
        )
        row = [
            state.code if state else "",
            localized_country_name(state.name, self.language) if state else "",
            self.region_labels.get(state.region, "") if state else "",
            self.status_labels[response.status],
            response.version,
            exports.local_time(response.submitted_at, self.zone),
            response.submitted_by.email if response.submitted_by else "",
            exports.local_time(response.updated_at, self.zone),
        ]
        with translation.override(self.language):
            for question in self.questionnaire.questions:
                value = answer_values.stored_value(question, answers.get(question.pk))
                row.extend(question_type(question).export_cells(question, value, self.language))
        return row


def responses_of(survey):
    """(response, its answers by question), read CHUNK responses at a time."""
    responses = (
        Response.objects.filter(survey=survey)
        .select_related("member_state", "registration__member_state", "submitted_by")
        .order_by("member_state__name", "pk")
        .iterator(chunk_size=CHUNK)
    )
    while chunk := list(islice(responses, CHUNK)):
        answers = stored_answers([response.pk for response in chunk])
        for response in chunk:
            yield response, answers[response.pk]


def filename(survey, extension):
    return f"{slugify(survey.title_en)[:60] or 'survey'}-responses.{extension}"


def table(survey, columns):
    """Headers, then one row per response (read in chunks while the file is written)."""
    yield columns.headers
    for response, answers in responses_of(survey):
        yield columns.row(response, answers)


def lazy_table(survey, language):
    """The table, computed only when the streamed CSV starts."""
    yield from table(survey, Columns(survey, language))


def csv_response(survey, *, language):
    return exports.csv_response(
        lazy_table(survey, language), filename=filename(survey, "csv"), language=language
    )


def xlsx_response(survey, *, language):
    columns = Columns(survey, language)
    return exports.xlsx_response(
        table(survey, columns),
        filename=filename(survey, "xlsx"),
        sheet_title=columns.sheet_title,
        language=language,
    )
