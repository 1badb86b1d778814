"""Exclusive options ("None", "Not yet") of multiple-choice questions: chosen with another
option, the answer is refused with the same message on the page, by the background save and
by the API (the multiple-choice type validates it)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from surveys import services
from surveys.models import Answer, Option, Question, Response
from tests.surveys.factories import delegation, small_survey

pytestmark = pytest.mark.django_db

REFUSED = "“None of these” cannot be combined with other options: choose it alone."


def with_none(s):
    """The small survey's multiple choice (1 to 2 options) gets an exclusive "None of these"."""
    none = Option.objects.create(
        question=s.multiple, position=4, text_en="None of these", exclusive=True
    )
    labour = s.option(s.multiple, 0)
    return none, labour


def save(s, d, values, version=0):
    return services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=values,
        expected_version=version,
        actor=d.contributor,
    )


def test_exclusive_option_with_another_refused_by_the_service():
    s, d = small_survey(), delegation()
    none, labour = with_none(s)
    with pytest.raises(services.AnswersInvalid) as refused:
        save(s, d, {s.multiple.pk: [labour.pk, none.pk]})
    assert refused.value.errors == {s.multiple.pk: [REFUSED]}
    assert not Answer.objects.exists()


def test_exclusive_option_alone_saved_even_below_the_minimum():
    s, d = small_survey(), delegation()
    none, labour = with_none(s)
    s.multiple.min_choices = 2
    s.multiple.save()
    save(s, d, {s.multiple.pk: [none.pk]})
    assert [c.option for c in Answer.objects.get(question=s.multiple).choices.all()] == [none]
    with pytest.raises(services.AnswersInvalid) as refused:  # the minimum still holds otherwise
        save(s, d, {s.multiple.pk: [labour.pk]}, version=1)
    assert refused.value.errors == {s.multiple.pk: ["Choose at least 2 options."]}


def test_exclusive_option_refused_on_the_page_beside_the_question_input_kept(client):
    s, d = small_survey(), delegation()
    none, labour = with_none(s)
    client.force_login(d.contributor)
    url = reverse("surveys:section", args=[s.survey.pk, "PH", 2])
    response = client.post(url, {"version": 0, f"q{s.multiple.pk}": [labour.pk, none.pk]})
    assert response.status_code == 400
    views = {view.question.pk: view for view in response.context["questions"]}
    assert views[s.multiple.pk].errors == [REFUSED]
    content = response.content.decode()
    error_block = content.split(f'id="q{s.multiple.pk}-error"', 1)[1].split("</div>", 1)[0]
    assert REFUSED in error_block
    for option in (labour, none):  # both ticks kept
        assert f'value="{option.pk}" checked' in content
    assert not Response.objects.exists()


def test_exclusive_option_refused_by_the_background_save(client):
    s, d = small_survey(), delegation()
    none, labour = with_none(s)
    client.force_login(d.contributor)
    url = reverse("surveys:autosave", args=[s.survey.pk, "PH", 2])
    response = client.post(url, {"version": 0, f"q{s.multiple.pk}": [none.pk, labour.pk]})
    assert response.status_code == 400
    assert response.json()["errors"] == {f"q{s.multiple.pk}": [REFUSED]}
    assert not Response.objects.exists()


def test_exclusive_option_refused_by_the_api_with_field_error(api_client):
    s, d = small_survey(), delegation()
    none, labour = with_none(s)
    api_client.force_authenticate(d.contributor)
    created = api_client.post(
        "/api/v1/responses/",
        {"survey": s.survey.pk, "answers": {str(s.multiple.pk): [labour.pk, none.pk]}},
        format="json",
    )
    assert created.status_code == 400
    assert created.json() == {"answers": {str(s.multiple.pk): [REFUSED]}}
    save(s, d, {s.multiple.pk: [none.pk]})
    response = Response.objects.get()
    patched = api_client.patch(
        f"/api/v1/responses/{response.pk}/",
        {"answers": {str(s.multiple.pk): [none.pk, labour.pk]}},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert patched.status_code == 400
    assert patched.json() == {"answers": {str(s.multiple.pk): [REFUSED]}}
    assert Response.objects.get().version == 1


def test_exclusive_option_flag_read_only_in_the_api_question_options(api_client):
    s = small_survey()
    none, _labour = with_none(s)
    body = api_client.get(f"/api/v1/surveys/{s.survey.pk}/").json()
    (multiple,) = [
        q for section in body["sections"] for q in section["questions"] if q["id"] == s.multiple.pk
    ]
    assert [(o["text_en"], o["exclusive"]) for o in multiple["options"]] == [
        ("Labour", False),
        ("Rights", False),
        ("Return", False),
        ("None of these", True),
    ]
    schema = api_client.get("/api/schema/?format=json").json()
    assert schema["components"]["schemas"]["Option"]["properties"]["exclusive"]["readOnly"]


def test_exclusive_option_marked_on_the_section_page(client):
    s, d = small_survey(), delegation()
    none, labour = with_none(s)
    client.force_login(d.contributor)
    content = client.get(reverse("surveys:section", args=[s.survey.pk, "PH", 2])).content.decode()
    assert f'value="{none.pk}" data-exclusive="true"' in content
    assert f'value="{labour.pk}" data-exclusive' not in content
    assert 'None of these <span class="exclusive-note' in content
    assert "(only on its own)" in content


def test_exclusive_option_editable_in_the_admin(staff_client):
    s = small_survey()
    url = reverse("admin:surveys_question_change", args=[s.multiple.pk])
    page = staff_client.get(url)
    assert 'name="options-0-exclusive"' in page.content.decode()
    form = page.context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "section": s.multiple.section_id,
            "kind": "multiple_choice",
            "position": s.multiple.position,
            "text_en": s.multiple.text_en,
            "min_choices": 1,
            "max_choices": 2,
            "options-TOTAL_FORMS": 3,
            "options-INITIAL_FORMS": 3,
            "options-MIN_NUM_FORMS": 0,
            "options-MAX_NUM_FORMS": 1000,
        }
    )
    data.pop("condition_options", None)
    for index, option in enumerate(s.multiple.options.all()):
        data.update(
            {
                f"options-{index}-id": option.pk,
                f"options-{index}-question": s.multiple.pk,
                f"options-{index}-position": option.position,
                f"options-{index}-text_en": option.text_en,
            }
        )
    data["options-2-exclusive"] = "on"
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert [o.exclusive for o in s.multiple.options.all()] == [False, False, True]


def test_exclusive_option_only_for_multiple_choice_questions():
    s = small_survey()
    option = s.option(s.single, 0)
    option.exclusive = True
    with pytest.raises(ValidationError) as refused:
        option.full_clean()
    assert refused.value.message_dict == {
        "exclusive": ["Only an option of a multiple-choice question can be exclusive."]
    }
    none = s.option(s.multiple, 2)
    none.exclusive = True
    none.full_clean()


def test_exclusive_option_seeded_for_not_yet():
    call_command("seed_idm", verbosity=0)
    exclusive = Option.objects.filter(exclusive=True).select_related("question")
    assert [(o.text_en, o.question.kind) for o in exclusive] == [("Not yet", "multiple_choice")]
    assert Question.objects.get(pk=exclusive[0].question_id).text_en == (
        "How has your government used IDM outcomes?"
    )
