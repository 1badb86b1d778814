"""The conflict page highlights the questions a colleague changed after the editor opened the
section (StaleVersion.changed_question_ids), in the comparison and in the form to merge."""

import re

import pytest
from django.urls import reverse

from tests.surveys.factories import delegation, small_survey

pytestmark = pytest.mark.django_db


def section_post(s, version, **overrides):
    data = {
        "version": version,
        f"q{s.single.pk}": s.option(s.single, 0).pk,
        f"q{s.yes_no.pk}": "yes",
        f"q{s.conditional.pk}": "Managing Return Migration",
    }
    data.update(overrides)
    return data


def highlighted(content):
    """Ids of the questions marked as changed by a colleague: (table rows, question cards)."""
    rows = re.findall(
        r'<tr[^>]*data-changed-by-colleague="true"[^>]*>\s*<th scope="row">(\d+)\.', content
    )
    cards = re.findall(
        r'class="question card[^"]*changed-by-colleague"\s+id="question-(\d+)"', content
    )
    return rows, [int(card) for card in cards]


def colleague_changed_the_workshop(client, s, d):
    """The contributor saves section 1 (version 1); the focal point then changes the answer
    to "Which workshop?" (version 2)."""
    url = reverse("surveys:section", args=[s.survey.pk, "PH", 1])
    client.force_login(d.contributor)
    client.post(url, section_post(s, 0))
    client.force_login(d.focal_point)
    changed = {f"q{s.conditional.pk}": "Enhancing the Role of Return Migration"}
    assert client.post(url, section_post(s, 1, **changed)).status_code == 302
    client.force_login(d.contributor)
    return url


def test_conflict_page_highlights_only_the_questions_a_colleague_changed(client):
    s, d = small_survey(), delegation()
    url = colleague_changed_the_workshop(client, s, d)
    mine = {f"q{s.yes_no.pk}": "yes", f"q{s.single.pk}": s.option(s.single, 1).pk}
    page = client.post(url, section_post(s, 1, **mine), follow=True)
    assert page.status_code == 409
    content = page.content.decode()
    rows, cards = highlighted(content)
    assert rows == ["3"]  # question 3 is "Which workshop?"
    assert cards == [s.conditional.pk]
    views = {view.question.pk: view for view in page.context["questions"]}
    assert [pk for pk, view in views.items() if view.changed_by_colleague] == [s.conditional.pk]
    assert "A colleague saved a new answer to this question after you opened the page." in content
    # the editor's own change (question 1) differs from the saved version but is not theirs
    by_question = {row["question"].pk: row for row in page.context["rows"]}
    assert (
        by_question[s.single.pk]["differs"] and not by_question[s.single.pk]["changed_by_colleague"]
    )


def test_conflict_page_after_a_background_save_highlights_the_same(client):
    s, d = small_survey(), delegation()
    colleague_changed_the_workshop(client, s, d)
    autosave = reverse("surveys:autosave", args=[s.survey.pk, "PH", 1])
    refused = client.post(autosave, section_post(s, 1, **{f"q{s.yes_no.pk}": "no"}))
    assert refused.status_code == 409
    content = client.get(refused.json()["conflict_url"]).content.decode()
    assert highlighted(content) == (["3"], [s.conditional.pk])


def test_section_page_highlights_nothing_outside_a_conflict(client):
    s, d = small_survey(), delegation()
    url = colleague_changed_the_workshop(client, s, d)
    content = client.get(url).content.decode()
    assert highlighted(content) == ([], [])
    assert "Changed by a colleague" not in content
