"""A survey's questionnaire (surveys/structure.py): kept by each web process for the content
version, read again once anything public changes (a back-office edit of the survey)."""

import pytest
from django.test import override_settings

from idm import page_cache
from surveys import structure
from tests.surveys.factories import QuestionFactory, small_survey

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture(autouse=True)
def _nothing_kept():
    structure._kept.clear()
    yield
    structure._kept.clear()


def texts(questionnaire):
    return [question.text_en for question in questionnaire.questions]


def test_structure_kept_for_the_content_version(django_assert_num_queries):
    s = small_survey()
    with django_assert_num_queries(4):
        first = structure.load_questionnaire(s.survey)
    with django_assert_num_queries(0):
        again = structure.load_questionnaire(s.survey)
    assert texts(again) == texts(first)
    assert [o.text_en for o in again.by_id[s.single.pk].options.all()] == [
        "Workshop",
        "Panel",
        "Consultation",
    ]
    assert again.survey is s.survey


def test_structure_read_again_after_a_change(django_assert_num_queries):
    s = small_survey()
    structure.load_questionnaire(s.survey)
    QuestionFactory(section=s.single.section, position=9, text_en="Added in the back office?")
    page_cache.content_changed()  # what the back office does on every change it saves
    with django_assert_num_queries(4):
        reread = structure.load_questionnaire(s.survey)
    assert "Added in the back office?" in texts(reread)


def test_structure_not_kept_beyond_the_cache_time(monkeypatch):
    s = small_survey()
    structure.load_questionnaire(s.survey)
    QuestionFactory(section=s.single.section, position=9, text_en="Added without a service?")
    later = structure.time.monotonic() + 61
    monkeypatch.setattr(structure.time, "monotonic", lambda: later)
    assert "Added without a service?" in texts(structure.load_questionnaire(s.survey))


@override_settings(IDM_PAGE_CACHE_SECONDS=0)
def test_structure_read_every_time_without_the_cache(django_assert_num_queries):
    s = small_survey()
    structure.load_questionnaire(s.survey)
    with django_assert_num_queries(4):
        structure.load_questionnaire(s.survey)
