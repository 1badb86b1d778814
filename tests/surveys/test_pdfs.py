"""Printable documents: the blank questionnaire (anyone who may see the survey) and a state's
submitted response (its delegates and staff), which the receipt email carries as a PDF."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from surveys import services
from surveys.models import Question, Survey
from tests.surveys.factories import complete_values, delegation, small_survey

pytestmark = pytest.mark.django_db


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def flat(text):
    return " ".join(text.split())


def questionnaire_url(survey):
    return reverse("surveys:questionnaire-pdf", args=[survey.pk])


def response_pdf_url(s, code="PH"):
    return reverse("surveys:response-pdf", args=[s.survey.pk, code])


def test_blank_questionnaire_of_the_seeded_effectiveness_survey_has_every_question(client):
    call_command("seed_idm")
    survey = Survey.objects.get(title_en="IDM effectiveness survey")
    client.force_login(delegation().viewer)
    answer = client.get(questionnaire_url(survey))
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    assert answer["Content-Disposition"] == (
        'inline; filename="idm-effectiveness-survey-questionnaire.pdf"'
    )
    text = pdf_text(answer.content)
    questions = Question.objects.filter(section__survey=survey).prefetch_related("options")
    assert questions.count() == 16
    for number, question in enumerate(questions, start=1):
        assert f"{number}. {flat(question.text_en)}" in text, question.text_en
        for option in question.options.all():
            assert flat(option.text_en) in text, option.text_en
    for section in survey.sections.all():
        assert f"Section {section.position}: {section.title_en}" in text
    assert "Answer this if you answered Yes to question 8." in text  # a display condition


def test_blank_questionnaire_in_the_readers_language(client):
    s = small_survey()
    client.force_login(delegation().contributor)
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    text = pdf_text(client.get(questionnaire_url(s.survey)).content)
    assert flat(s.likert.text_fr) in text and "Workshop (fr)" in text


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("focal_point", 200),
        ("viewer", 200),
        ("outsider", 200),  # any delegate may see a published survey's questions
        ("anonymous", 302),
        ("staff", 200),
    ],
)
def test_blank_questionnaire_access(request, role, status):
    s, d, outsider = small_survey(), delegation(), delegation("MX", "americas")
    client = client_for(request, role, d, outsider)
    answer = client.get(questionnaire_url(s.survey))
    assert answer.status_code == status
    if status == 302:
        assert answer.url.startswith(reverse("login"))


def test_blank_questionnaire_of_a_survey_being_built_only_for_staff(client, staff_client):
    s = small_survey(status="draft")
    delegate = Client()
    delegate.force_login(delegation().focal_point)
    assert delegate.get(questionnaire_url(s.survey)).status_code == 404
    assert staff_client.get(questionnaire_url(s.survey)).status_code == 200


def client_for(request, role, d, outsider):
    if role == "staff":
        return request.getfixturevalue("staff_client")
    client = Client()
    if role == "outsider":
        client.force_login(outsider.focal_point)
    elif role != "anonymous":
        client.force_login(getattr(d, role))
    return client


def submitted(s, d):
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    return services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("focal_point", 200),  # the owner
        ("viewer", 200),  # a colleague
        ("outsider", 404),  # another state's delegate: as for a response that does not exist
        ("anonymous", 302),
        ("staff", 200),
    ],
)
def test_response_pdf_access(request, role, status):
    s, d, outsider = small_survey(), delegation(), delegation("MX", "americas")
    submitted(s, d)
    answer = client_for(request, role, d, outsider).get(response_pdf_url(s))
    assert answer.status_code == status
    if status == 200:
        text = pdf_text(answer.content)
        assert "Managing Return Migration" in text and d.state.display_name in text
    elif status == 302:
        assert answer.url.startswith(reverse("login"))


def test_response_pdf_of_a_draft_not_found(client):
    s, d = small_survey(), delegation()
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    client.force_login(d.focal_point)
    assert client.get(response_pdf_url(s)).status_code == 404


def test_receipt_has_the_response_pdf_attached_in_each_language(
    django_capture_on_commit_callbacks,
):
    s, d = small_survey(), delegation()
    d.viewer.preferred_language = "fr"
    d.viewer.save()
    with django_capture_on_commit_callbacks(execute=True):
        submitted(s, d)
    by_language = {tuple(email.to): email for email in mail.outbox}
    english = by_language[(d.contributor.email, d.focal_point.email)]
    french = by_language[(d.viewer.email,)]
    for email, question_text in [(english, s.likert.text_en), (french, s.likert.text_fr)]:
        [(filename, content, mimetype)] = email.attachments
        assert (filename, mimetype) == (
            f"{s.survey.title_en.lower().replace(' ', '-')}-PH.pdf",
            "application/pdf",
        )
        text = pdf_text(content)
        assert flat(question_text) in text and "Managing Return Migration" in text


def test_overview_links_the_documents(client):
    s, d = small_survey(), delegation()
    client.force_login(d.viewer)
    overview = reverse("surveys:response", args=[s.survey.pk, "PH"])
    content = client.get(overview).content.decode()
    assert questionnaire_url(s.survey) in content and response_pdf_url(s) not in content
    submitted(s, d)
    assert response_pdf_url(s) in client.get(overview).content.decode()


def test_every_question_type_prints_on_the_blank_questionnaire():
    from django.template.loader import get_template

    from surveys.questions import all_types

    names = [question_type.print_template_name for question_type in all_types()]
    assert len(names) == len(Question.Kind.values)
    for name in names:
        assert get_template(name) is not None


def test_document_and_review_paths():
    assert reverse("surveys:questionnaire-pdf", args=[3]) == "/surveys/3/questionnaire.pdf"
    assert reverse("surveys:response-pdf", args=[3, "PH"]) == "/surveys/3/PH/response.pdf"
    assert reverse("surveys:review", args=[3, "PH"]) == "/surveys/3/PH/review/"
    assert reverse("surveys:notify", args=[3, "PH"]) == "/surveys/3/PH/notify/"
