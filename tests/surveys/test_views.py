import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from surveys import services
from surveys.models import Answer, Response
from tests.factories import UserFactory
from tests.helpers import count_queries
from tests.surveys.factories import SurveyFactory, complete_values, delegation, small_survey

pytestmark = pytest.mark.django_db


def section_url(s, state, position=1):
    return reverse("surveys:section", args=[s.survey.pk, state.code, position])


def autosave_url(s, state, position=1):
    return reverse("surveys:autosave", args=[s.survey.pk, state.code, position])


def response_url(s, state):
    return reverse("surveys:response", args=[s.survey.pk, state.code])


def section_post(s, version, **overrides):
    data = {
        "version": version,
        f"q{s.single.pk}": s.option(s.single, 0).pk,
        f"q{s.yes_no.pk}": "yes",
        f"q{s.conditional.pk}": "Managing Return Migration",
    }
    data.update(overrides)
    return data


def test_section_page_shows_question_types_and_version(client):
    s, d = small_survey(), delegation()
    client.force_login(d.contributor)
    content = client.get(section_url(s, d.state, 2)).content.decode()
    assert 'name="version" value="0"' in content
    assert f'name="q{s.ranking.pk}_o{s.option(s.ranking, 0).pk}"' in content
    assert "1 – Not relevant" in content and "5 – Highly relevant" in content
    assert "<script" in content and "survey.js" in content and "onclick" not in content


def test_section_page_in_french_shows_french_texts(client):
    s, d = small_survey(), delegation()
    client.force_login(d.contributor)
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    content = client.get(section_url(s, d.state, 1)).content.decode()
    assert "Workshop (fr)" in content
    assert "Enregistrer cette section" in content


def test_section_save_redirects_and_shows_who_changed(client):
    s, d = small_survey(), delegation()
    client.force_login(d.contributor)
    response = client.post(section_url(s, d.state), section_post(s, 0))
    assert response.status_code == 302
    page = client.get(section_url(s, d.state)).content.decode()
    assert f"Last changed by {d.contributor}" in page
    assert 'name="version" value="1"' in page


def test_section_save_invalid_keeps_input_and_shows_message_beside_question(client):
    s, d = small_survey(), delegation()
    client.force_login(d.contributor)
    data = {
        "version": 0,
        f"q{s.number.pk}": "twelve",
        f"q{s.long_text.pk}": "Keep this text, please",
        f"q{s.multiple.pk}": [o.pk for o in s.multiple.options.all()],
    }
    response = client.post(section_url(s, d.state, 2), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Enter a number, for example 12 or 3.5." in content
    assert "Choose at most 2 options." in content
    assert 'value="twelve"' in content and "Keep this text, please" in content
    assert not Response.objects.exists()


def test_conflict_second_delegate_gets_both_versions_and_keeps_input(client):
    """Acceptance 1: two delegates load the draft; both save; the second gets the conflict
    page with their input intact; nothing is silently overwritten."""
    s, d = small_survey(), delegation()
    client.force_login(d.contributor)
    client.post(section_url(s, d.state), section_post(s, 0))
    # both load version 1
    first, second = d.contributor, d.focal_point
    client.force_login(first)
    assert client.get(section_url(s, d.state)).context["version"] == 1
    client.force_login(second)
    assert client.get(section_url(s, d.state)).context["version"] == 1
    # the first saves a change
    client.force_login(first)
    saved = client.post(
        section_url(s, d.state),
        section_post(s, 1, **{f"q{s.conditional.pk}": "Enhancing the Role of Return Migration"}),
    )
    assert saved.status_code == 302
    # the second saves a different answer on the stale version
    client.force_login(second)
    refused = client.post(
        section_url(s, d.state),
        section_post(s, 1, **{f"q{s.conditional.pk}": "Human rights workshop, 25-26 March"}),
        follow=True,
    )
    assert refused.status_code == 409
    content = refused.content.decode()
    assert "Enhancing the Role of Return Migration" in content  # theirs, saved
    assert 'value="Human rights workshop, 25-26 March"' in content  # yours, kept in the form
    assert 'name="version" value="2"' in content
    assert Answer.objects.get(question=s.conditional).text == (
        "Enhancing the Role of Return Migration"
    )
    # merging and saving again works on the current version
    resaved = client.post(
        section_url(s, d.state),
        section_post(s, 2, **{f"q{s.conditional.pk}": "Both 2008 workshops"}),
    )
    assert resaved.status_code == 302
    assert Answer.objects.get(question=s.conditional).text == "Both 2008 workshops"
    texts = [h.text for h in Answer.history.filter(question=s.conditional).order_by("history_id")]
    assert texts == [
        "Managing Return Migration",
        "Enhancing the Role of Return Migration",
        "Both 2008 workshops",
    ]


def test_section_save_nul_in_text_message_beside_question_other_values_kept(client):
    s, d = small_survey(), delegation()
    client.force_login(d.contributor)
    data = {"version": 0, f"q{s.long_text.pk}": "Keep\x00 this", f"q{s.number.pk}": "7"}
    response = client.post(section_url(s, d.state, 2), data)
    assert response.status_code == 400
    views = {view.question.pk: view for view in response.context["questions"]}
    assert views[s.long_text.pk].errors == ["Null characters are not allowed."]
    assert views[s.number.pk].value == "7"
    assert not Response.objects.exists()


def test_autosave_nul_in_text_returns_field_error(client):
    s, d = small_survey(), delegation()
    client.force_login(d.contributor)
    response = client.post(
        autosave_url(s, d.state, 2), {"version": 0, f"q{s.long_text.pk}": "a\x00b"}
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {f"q{s.long_text.pk}": ["Null characters are not allowed."]}
    assert not Response.objects.exists()


def test_autosave_returns_version_and_409_with_conflict_link(client):
    s, d = small_survey(), delegation()
    client.force_login(d.contributor)
    saved = client.post(autosave_url(s, d.state), section_post(s, 0))
    assert saved.status_code == 200 and saved.json()["version"] == 1
    client.force_login(d.focal_point)
    client.post(section_url(s, d.state), section_post(s, 1, **{f"q{s.yes_no.pk}": "no"}))
    client.force_login(d.contributor)
    stale = client.post(autosave_url(s, d.state), section_post(s, 1, **{f"q{s.single.pk}": ""}))
    assert stale.status_code == 409
    conflict_url = stale.json()["conflict_url"]
    assert conflict_url == reverse("surveys:conflict", args=[s.survey.pk, "PH", 1])
    page = client.get(conflict_url)
    assert page.status_code == 409
    assert "Saved version (your colleague's)" in page.content.decode()


def test_autosave_invalid_returns_field_errors(client):
    s, d = small_survey(), delegation()
    client.force_login(d.contributor)
    response = client.post(autosave_url(s, d.state, 2), {"version": 0, f"q{s.number.pk}": "-1"})
    assert response.status_code == 400
    assert response.json()["errors"] == {f"q{s.number.pk}": ["Enter a number of at least 0."]}


def test_submit_missing_answers_listed_with_links(client):
    s, d = small_survey(), delegation()
    client.force_login(d.focal_point)
    client.post(section_url(s, d.state), section_post(s, 0))
    response = client.post(
        reverse("surveys:submit", args=[s.survey.pk, "PH"]), {"version": 1, "confirm": "on"}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Not submitted: these answers are missing or incomplete." in content
    assert f"{section_url(s, d.state, 2)}#question-{s.likert.pk}" in content
    assert "Question 5: Relevance?" in content
    assert mail.outbox == []


def test_submit_by_focal_point_locks_and_emails_once(client, django_capture_on_commit_callbacks):
    s, d = small_survey(), delegation()
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    client.force_login(d.focal_point)
    url = reverse("surveys:submit", args=[s.survey.pk, "PH"])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {"version": 1, "confirm": "on"}, follow=True)
        second = client.post(url, {"version": 1, "confirm": "on"}, follow=True)
    assert "Submitted. A receipt" in first.content.decode()
    assert "already been submitted" in second.content.decode()
    assert Response.objects.get().status == "submitted"
    assert len(mail.outbox) == 1
    locked = client.post(section_url(s, d.state), section_post(s, 2))
    assert locked.status_code == 403


def test_reopen_requires_reason_and_staff(staff_client, client):
    s, d = small_survey(), delegation()
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    url = reverse("surveys:reopen", args=[s.survey.pk, "PH"])
    missing = staff_client.post(url, {"reason": ""})
    assert missing.status_code == 400 and "This field is required." in missing.content.decode()
    assert staff_client.post(url, {"reason": "Wrong figure"}).status_code == 302
    assert Response.objects.get().status == "draft"
    client.force_login(d.focal_point)
    assert (
        "IOM reopened this response: Wrong figure"
        in client.get(response_url(s, d.state)).content.decode()
    )


# Acceptance 2: route matrix -------------------------------------------------------------------

ROLES = ["focal_point", "contributor", "viewer", "outsider", "anonymous", "staff"]


def actor(role, d, outsider):
    if role in ("anonymous", "staff"):  # staff: the staff_client fixture's verified session
        return None
    if role == "outsider":
        return outsider.focal_point
    return getattr(d, role)


def submitted_setup():
    s, d, outsider = small_survey(), delegation(), delegation("MX", "americas")
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    return s, d, outsider


ROUTES = {
    # route: expected status per role (302 for anonymous means: sent to the login page).
    # An outsider gets 404 for another state's response, as for its delegation.
    "read": ("get", 200, 200, 200, 404, 302, 200),
    "save": ("post", 302, 302, 403, 404, 302, 403),
    "submit": ("post", 302, 403, 403, 404, 302, 403),
    "reopen": ("post", 403, 403, 403, 404, 302, 302),
    "results": ("get", 403, 403, 403, 403, 302, 200),
    "dashboard": ("get", 403, 403, 403, 403, 302, 200),
    "export": ("get", 403, 403, 403, 403, 302, 200),
}


def route_request(route, s, d):
    survey_id = s.survey.pk
    if route == "read":
        return reverse("surveys:section", args=[survey_id, "PH", 1]), {}
    if route == "save":
        return section_url(s, d.state), section_post(s, 1, **{f"q{s.conditional.pk}": "New"})
    if route == "submit":
        return reverse("surveys:submit", args=[survey_id, "PH"]), {"version": 1, "confirm": "on"}
    if route == "reopen":
        return reverse("surveys:reopen", args=[survey_id, "PH"]), {"reason": "Typo"}
    if route == "results":
        return reverse("surveys:results", args=[survey_id]), {}
    if route == "dashboard":
        return reverse("surveys:dashboard", args=[survey_id]), {}
    return reverse("surveys:csv", args=[survey_id]), {}


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("role", ROLES)
def test_route_matrix(request, client, route, role):
    s, d, outsider = submitted_setup()
    if role == "staff":
        client = request.getfixturevalue("staff_client")
    if route == "reopen":
        services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    user = actor(role, d, outsider)
    if user is not None:
        client.force_login(user)
    method, *expected = ROUTES[route]
    url, data = route_request(route, s, d)
    response = getattr(client, method)(url, data)
    assert response.status_code == expected[ROLES.index(role)], (route, role)
    if role == "anonymous":
        assert response.url.startswith(reverse("login"))
    response_row = Response.objects.get()
    if route == "submit":
        assert response_row.is_submitted == (role == "focal_point")
    if route == "reopen":
        assert response_row.is_submitted == (role != "staff")
    if route == "save":
        assert response_row.version == (2 if role in ("focal_point", "contributor") else 1)


def test_response_of_other_state_outsider_gets_same_404_as_its_delegation(client):
    """Nobody learns which responses exist: an outsider's answer for another state's response
    is the answer for its delegation (404, the site's page), not a 403 that confirms it."""
    s, d, outsider = submitted_setup()
    delegation_url = reverse("delegation_detail", args=["PH"])
    for user, expected in [
        (d.focal_point, 200),  # the response's owner
        (d.viewer, 200),  # a colleague
        (outsider.focal_point, 404),
    ]:
        client.force_login(user)
        answers = [client.get(url) for url in (response_url(s, d.state), delegation_url)]
        assert [answer.status_code for answer in answers] == [expected, expected], user.email
        if expected == 404:
            for answer in answers:
                assert "Page not found" in answer.content.decode()
                assert "Managing Return Migration" not in answer.content.decode()
    client.logout()
    anonymous = client.get(response_url(s, d.state))
    assert anonymous.status_code == 302 and anonymous.url.startswith(reverse("login"))


def test_results_public_after_closing_for_anyone(client):
    s = small_survey(results_public=True, status="closed")
    assert client.get(reverse("surveys:results", args=[s.survey.pk])).status_code == 200
    client.force_login(UserFactory())
    assert client.get(reverse("surveys:results", args=[s.survey.pk])).status_code == 200
    assert client.get(reverse("surveys:csv", args=[s.survey.pk])).status_code == 403


def test_draft_survey_hidden_from_delegates(client):
    s, d = small_survey(status="draft"), delegation()
    client.force_login(d.focal_point)
    assert client.get(response_url(s, d.state)).status_code == 404
    assert s.survey.title not in client.get(reverse("surveys:list")).content.decode()


def test_dashboard_groups_states_by_region_with_status(staff_client):
    s, d, outsider = submitted_setup()
    services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    third = delegation("GH", "africa")
    content = staff_client.get(reverse("surveys:dashboard", args=[s.survey.pk])).content.decode()
    assert "1 of 3 member states have submitted (33 %)." in content
    for region, line in [
        ("Asia", "1 submitted, 0 drafts, 0 not started"),
        ("Americas", "0 submitted, 0 drafts, 1 not started"),
        ("Africa", "0 submitted, 0 drafts, 1 not started"),
    ]:
        assert region in content and line in content
    assert third.state.name in content


def test_remind_emails_focal_points_of_states_not_submitted(
    staff_client, django_capture_on_commit_callbacks
):
    s, d, outsider = submitted_setup()
    services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    draft_state = delegation("GH", "africa")
    services.save_answers(
        survey=s.survey,
        member_state=draft_state.state,
        values={s.likert.pk: 2},
        expected_version=0,
        actor=draft_state.contributor,
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("surveys:remind", args=[s.survey.pk]), follow=True)
    assert "Reminder emailed to 2 focal points" in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["fp.gh@example.org", "fp.mx@example.org"]
    gh = next(m for m in mail.outbox if m.to == ["fp.gh@example.org"])
    assert "has started a draft" in gh.body and f"/surveys/{s.survey.pk}/" in gh.body


def test_remind_refused_for_delegates(client):
    s, d, _outsider = submitted_setup()
    client.force_login(d.focal_point)
    assert client.post(reverse("surveys:remind", args=[s.survey.pk])).status_code == 403
    assert mail.outbox == []


def test_survey_list_and_dashboard_queries_bounded(staff_client, django_assert_num_queries):
    s, d, _outsider = submitted_setup()
    client = Client()
    client.force_login(d.focal_point)
    list_url = reverse("surveys:list")
    dashboard_url = reverse("surveys:dashboard", args=[s.survey.pk])
    list_queries = count_queries(client, list_url)
    dashboard_queries = count_queries(staff_client, dashboard_url)
    for i in range(19):
        SurveyFactory()
        delegation(f"Z{chr(65 + i)}", "europe")
    with django_assert_num_queries(list_queries):
        client.get(list_url)
    with django_assert_num_queries(dashboard_queries):
        staff_client.get(dashboard_url)
