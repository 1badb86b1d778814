"""The benchmark harness cannot rot: load data at scale 0.01 and one short bench iteration of
every route against a live server, each answering 2xx."""

import io
import json
import shutil

import pytest
from django.core.management import call_command
from django.db import connection

from bench import fixtures, timings
from bench.loaddata.common import Volumes
from bench.models import LoadMark
from bench.runner import format_table, measure_routes, write_results
from idm.models import User
from surveys.models import Answer, Response, Survey
from workshops.models import Event, Registration

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the benchmark runs on PostgreSQL"
)


@pytest.fixture
def loaded(transactional_db):
    call_command("seed_idm", verbosity=0)
    call_command("generate_load_data", scale=0.01, stdout=io.StringIO())
    return Volumes.at(0.01)


def test_generate_load_data_small_scale_creates_the_volumes(loaded):
    load_events = Event.objects.filter(slug__startswith="load-")
    assert load_events.count() == loaded.events
    assert (
        Registration.objects.filter(event__in=load_events).count()
        == loaded.events * loaded.registrations_per_event + loaded.evaluation_participants
    )
    assert User.objects.filter(email__startswith="load-").count() == loaded.states * 4
    survey = Survey.objects.filter(title_en__startswith="load-").order_by("pk").first()
    assert Response.objects.filter(survey=survey).count() == loaded.states
    assert (
        Answer.objects.filter(response__survey=survey).count()
        == loaded.states * loaded.survey_questions
    )
    evaluation = Survey.objects.get(kind=Survey.Kind.EVENT_EVALUATION, title_en__startswith="load-")
    answers = Answer.objects.filter(response__survey=evaluation).count()
    assert answers >= loaded.evaluation_participants * loaded.evaluation_questions
    assert answers == evaluation.responses.count() * loaded.evaluation_questions
    assert LoadMark.objects.get().scale == 0.01


def test_generate_load_data_same_scale_twice_adds_nothing(loaded):
    before = (Registration.objects.count(), Answer.objects.count(), Event.objects.count())
    call_command("generate_load_data", scale=0.01, stdout=io.StringIO())
    assert (Registration.objects.count(), Answer.objects.count(), Event.objects.count()) == before


def test_generate_load_data_is_deterministic(loaded):
    first = sorted(Registration.objects.values_list("reference", flat=True))
    call_command("generate_load_data", remove=True, stdout=io.StringIO())
    assert not Event.objects.filter(slug__startswith="load-").exists()
    call_command("generate_load_data", scale=0.01, stdout=io.StringIO())
    assert sorted(Registration.objects.values_list("reference", flat=True)) == first


@pytest.mark.urls("tests.bench.urls")
@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk (Debian package) is not installed")
def test_bench_one_iteration_every_route_answers(loaded, live_server, tmp_path):
    prepared = fixtures.prepare()
    routes = fixtures.routes(prepared)
    assert {route.name for route in routes} >= {
        "home",
        "event page",
        "principles search",
        "participants",
        "API events",
        "API principles",
        "API registrations (staff)",
        "survey results",
        "delegate saves a section",
    }
    measured = measure_routes(live_server.url, fixtures.BASELINE, routes, duration=1, connections=2)
    assert [m.name for m in measured] == ["baseline"] + [route.name for route in routes]
    for m in measured:
        assert m.requests > 0, m.name
        assert m.errors == 0, f"{m.name} answered other than 2xx"
    in_process = timings.run_all(prepared)
    names = " ".join(t["name"] for t in in_process)
    for expected in (
        "survey results (states × questions)",
        "Borda ranking of the themes",
        "evaluation results",
        "evaluation CSV export",
        "funding report",
    ):
        assert expected in names
    table = format_table(measured, in_process)
    assert "| baseline `/bench/baseline/` |" in table
    output = tmp_path / "latest.json"
    write_results(output, measurements=measured, timings=in_process, machine={}, settings={})
    assert json.loads(output.read_text())["routes"][1]["name"] == "home"


def test_baseline_view_is_not_mounted_by_default(client):
    assert client.get("/bench/baseline/").status_code == 404
