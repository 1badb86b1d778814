import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from idm.models import MemberState
from surveys.models import Answer, AnswerChoice, Option, Question, Response, Section
from surveys.results import compute_results, median_of
from tests.factories import MemberStateFactory
from tests.surveys.factories import QuestionFactory, SurveyFactory, add_options

pytestmark = pytest.mark.django_db


def submitted(survey, state):
    return Response.objects.create(
        survey=survey, member_state=state, status="submitted", submitted_at=timezone.now()
    )


def rank(response, question, order):
    """order: options in rank order (rank 1 first)."""
    answer = Answer.objects.create(response=response, question=question)
    for position, option in enumerate(order, start=1):
        AnswerChoice.objects.create(answer=answer, option=option, rank=position)


def states(*codes_regions):
    return [
        MemberStateFactory(code=code, iso3=f"{code}X", name=f"State {code}", region=region)
        for code, region in codes_regions
    ]


def test_borda_full_ranking_matches_hand_count():
    """Three states rank A, B, C, D. With N = 4 options, rank r earns 4 - r points:
    PH: A B C D -> A3 B2 C1 D0;  MX: B A D C -> B3 A2 D1 C0;  GH: B C A D -> B3 C2 A1 D0.
    Borda: B 8, A 6, C 3, D 1. Mean rank: B 4/3, A 2, C 3, D 11/3."""
    question = QuestionFactory(kind="ranking")
    a, b, c, d = add_options(question, "A", "B", "C", "D")
    survey = question.section.survey
    ph, mx, gh = states(("PH", "asia"), ("MX", "americas"), ("GH", "africa"))
    rank(submitted(survey, ph), question, [a, b, c, d])
    rank(submitted(survey, mx), question, [b, a, d, c])
    rank(submitted(survey, gh), question, [b, c, a, d])
    Response.objects.create(survey=survey, member_state=MemberStateFactory(code="FR"))  # draft
    result = compute_results(survey).questions[0]
    assert result.answered == 3
    assert [(o.option.text, o.borda, o.mean_rank, o.first_count) for o in result.options] == [
        ("B", 8, 1.33, 2),
        ("A", 6, 2.0, 1),
        ("C", 3, 3.0, 0),
        ("D", 1, 3.67, 0),
    ]


def test_borda_top_k_partial_ranking_and_top_k_share():
    """Top 2 of four: PH A B, MX B C, GH B A -> A 3+2=5, B 2+3+3=8, C 2, D 0;
    in the top 2: A 2 of 3, B 3 of 3, C 1 of 3."""
    question = QuestionFactory(kind="ranking", top_k=2)
    a, b, c, _d = add_options(question, "A", "B", "C", "D")
    survey = question.section.survey
    ph, mx, gh = states(("PH", "asia"), ("MX", "americas"), ("GH", "africa"))
    rank(submitted(survey, ph), question, [a, b])
    rank(submitted(survey, mx), question, [b, c])
    rank(submitted(survey, gh), question, [b, a])
    result = compute_results(survey).questions[0]
    assert [(o.option.text, o.borda, o.top_k_count, o.top_k_percent) for o in result.options] == [
        ("B", 8, 3, 100.0),
        ("A", 5, 2, 66.7),
        ("C", 2, 1, 33.3),
        ("D", 0, 0, 0.0),
    ]


def test_results_likert_number_choice_yes_no_text_and_region_filter():
    section = QuestionFactory().section
    section.questions.all().delete()
    survey = section.survey
    likert = QuestionFactory(section=section, kind="likert")
    number = QuestionFactory(section=section, kind="number")
    single = QuestionFactory(section=section, kind="single_choice")
    first, second = add_options(single, "Workshop", "Panel")
    yes_no = QuestionFactory(section=section, kind="yes_no")
    text = QuestionFactory(section=section, kind="long_text")
    rows = [
        ("PH", "asia", 1, 2, first, True, "Más talleres regionales"),
        ("MX", "americas", 4, 3, first, True, ""),
        ("GH", "africa", 5, 10, second, False, "Interprétation"),
        ("FR", "europe", 5, None, first, None, ""),
    ]
    for code, region, points, count, option, yes, words in rows:
        response = submitted(survey, states((code, region))[0])
        Answer.objects.create(response=response, question=likert, number=points)
        if count is not None:
            Answer.objects.create(response=response, question=number, number=count)
        answer = Answer.objects.create(response=response, question=single)
        AnswerChoice.objects.create(answer=answer, option=option)
        Answer.objects.create(response=response, question=yes_no, boolean=yes)
        Answer.objects.create(response=response, question=text, text=words)
    results = compute_results(survey)
    by_id = {r.question.pk: r for r in results.questions}
    assert results.respondents == 4
    assert (by_id[likert.pk].mean, by_id[likert.pk].median) == (3.75, 4.5)
    assert by_id[likert.pk].distribution == [
        (1, 1, 25.0),
        (2, 0, 0.0),
        (3, 0, 0.0),
        (4, 1, 25.0),
        (5, 2, 50.0),
    ]
    assert (by_id[number.pk].answered, by_id[number.pk].mean, by_id[number.pk].median) == (
        3,
        5.0,
        3.0,
    )
    assert [(o.count, o.percent) for o in by_id[single.pk].options] == [(3, 75.0), (1, 25.0)]
    assert by_id[yes_no.pk].distribution == [(True, 2, 66.7), (False, 1, 33.3)]
    assert by_id[text.pk].texts == [
        ("State GH", "Interprétation"),
        ("State PH", "Más talleres regionales"),
    ]

    asia = compute_results(survey, region="asia")
    assert asia.respondents == 1
    assert {r.question.pk: r.mean for r in asia.questions}[likert.pk] == 1.0


def test_median_of_distribution():
    assert median_of([(1, 1), (4, 1), (5, 2)]) == 4.5
    assert median_of([(2, 1), (3, 1), (10, 1)]) == 3.0
    assert median_of([]) is None


KINDS = ["single_choice", "multiple_choice", "likert", "ranking", "number", "long_text", "yes_no"]


def big_survey(question_count=60, option_count=4):
    survey = SurveyFactory()
    sections = Section.objects.bulk_create(
        [Section(survey=survey, position=i + 1, title_en=f"Section {i}") for i in range(10)]
    )
    questions = Question.objects.bulk_create(
        [
            Question(
                section=sections[i % 10],
                position=i // 10 + 1,
                kind=KINDS[i % len(KINDS)],
                text_en=f"Question {i}",
            )
            for i in range(question_count)
        ]
    )
    Option.objects.bulk_create(
        [
            Option(question=q, position=p + 1, text_en=f"Option {p}")
            for q in questions
            if q.kind in Question.CHOICE_KINDS
            for p in range(option_count)
        ]
    )
    options = {}
    for option in Option.objects.filter(question__in=questions).order_by("position"):
        options.setdefault(option.question_id, []).append(option)
    return survey, questions, options


def add_responses(survey, questions, options, member_states):
    responses = Response.objects.bulk_create(
        [
            Response(survey=survey, member_state=s, status="submitted", submitted_at=timezone.now())
            for s in member_states
        ]
    )
    answers = []
    for n, response in enumerate(responses):
        for question in questions:
            answers.append(
                Answer(
                    response=response,
                    question=question,
                    number=(n % 5) + 1 if question.kind in Question.NUMERIC_KINDS else None,
                    boolean=n % 2 == 0 if question.kind == "yes_no" else None,
                    text=f"Idea {n}" if question.kind == "long_text" else "",
                )
            )
    answers = Answer.objects.bulk_create(answers)
    kinds = {q.pk: q.kind for q in questions}
    choices = []
    for n, answer in enumerate(answers):
        kind, opts = kinds[answer.question_id], options.get(answer.question_id, [])
        if kind == "single_choice":
            choices.append(AnswerChoice(answer=answer, option=opts[n % len(opts)]))
        elif kind == "multiple_choice":
            choices += [AnswerChoice(answer=answer, option=o) for o in opts[:2]]
        elif kind == "ranking":
            rotated = opts[n % len(opts) :] + opts[: n % len(opts)]
            choices += [
                AnswerChoice(answer=answer, option=o, rank=r + 1) for r, o in enumerate(rotated)
            ]
    AnswerChoice.objects.bulk_create(choices)


def results_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_results_queries_bounded_175_states_60_questions_5_and_50_responses(staff_client):
    """Acceptance 4: the same number of queries at 5 and at 50 responses."""
    MemberState.objects.bulk_create(
        [
            MemberState(
                code=f"{chr(65 + i // 26)}{chr(65 + i % 26)}",
                iso3=f"{chr(65 + i // 26)}{chr(65 + i % 26)}X",
                name=f"State {i}",
                region=["africa", "americas", "asia", "europe", "oceania"][i % 5],
                membership="member",
            )
            for i in range(175)
        ]
    )
    member_states = list(MemberState.objects.order_by("code"))
    survey, questions, options = big_survey()
    add_responses(survey, questions, options, member_states[:5])
    url = reverse("surveys:results", args=[survey.pk])
    at_five, page = results_queries(staff_client, url)
    assert page.context["results"].respondents == 5
    at_five_asia, _page = results_queries(staff_client, url + "?region=asia")

    add_responses(survey, questions, options, member_states[5:50])
    at_fifty, page = results_queries(staff_client, url)
    assert page.context["results"].respondents == 50
    assert at_fifty == at_five
    assert results_queries(staff_client, url + "?region=asia")[0] == at_five_asia
    ranking = next(r for r in page.context["results"].questions if r.kind == "ranking")
    assert sum(o.borda for o in ranking.options) == 50 * (3 + 2 + 1 + 0)
    assert at_fifty < 20


@pytest.mark.parametrize(
    ("language", "respondents", "answers"),
    [
        ("en", "2 submitted responses.", "2 answers"),
        ("fr", "2 réponses soumises.", "2 réponses"),
        ("es", "2 respuestas enviadas.", "2 respuestas"),
    ],
)
def test_results_page_two_responses_counted_in_page_language(
    client, language, respondents, answers
):
    """Acceptance 13.1: a count of two takes the plural of the page's language (Spanish has a
    third plural form; left empty, the count showed in English)."""
    survey = SurveyFactory(status="closed", results_public=True)
    question = QuestionFactory(section__survey=survey, kind="likert", text_en="Relevance?")
    for state in states(("PH", "asia"), ("MX", "americas")):
        response = submitted(survey, state)
        Answer.objects.create(response=response, question=question, number=4)
    page = client.get(
        reverse("surveys:results", args=[survey.pk]), headers={"accept-language": language}
    )
    assert page.status_code == 200
    assert page.headers["Content-Language"] == language
    content = page.content.decode()
    assert respondents in content
    assert f"{answers} · " in content
    if language != "en":
        assert "submitted responses" not in content
