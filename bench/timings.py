"""In-process timings of the heavy computations, each against its target (issue 14)."""

import time
import tracemalloc

from django.db.models import Count

from funding.chart import funding_chart
from funding.reports import year_report
from idm.models import Dialogue
from surveys.exports import csv_response
from surveys.models import Answer, Survey
from surveys.results import compute_results


def timed(name, target_seconds, function, *, memory=False, target_mb=None):
    """Run `function` once (after one warm-up run); seconds and, if asked, the peak of memory
    allocated while it ran (tracemalloc) in MB."""
    function()
    if memory:
        tracemalloc.start()
    started = time.perf_counter()
    extra = function() or {}
    seconds = time.perf_counter() - started
    peak_mb = None
    if memory:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        peak_mb = peak / (1024 * 1024)
    met = seconds < target_seconds and (target_mb is None or (peak_mb or 0) < target_mb)
    target = f"< {target_seconds * 1000:.0f} ms" if target_seconds < 1 else f"< {target_seconds} s"
    if target_mb is not None:
        target += f", < {target_mb} MB"
    return {
        "name": name,
        "seconds": seconds,
        "peak_mb": peak_mb,
        "target": target,
        "met": met,
        **extra,
    }


def survey_results(survey):
    return lambda: compute_results(survey) and None


def stream_csv(survey):
    """The whole CSV export: time to the first chunk and in all."""

    def run():
        started = time.perf_counter()
        response = csv_response(survey, language="en")
        chunks = iter(response.streaming_content)
        next(chunks)
        first_byte = time.perf_counter() - started
        rows = 1 + sum(chunk.count(b"\n") for chunk in chunks)
        return {"first_byte_seconds": first_byte, "rows": rows}

    return run


def run_all(prepared):
    results = []
    survey = prepared.get("survey")
    if survey is not None:
        results.append(timed("survey results (states × questions)", 0.15, survey_results(survey)))
    ranking = Survey.objects.filter(kind=Survey.Kind.THEME_SELECTION).order_by("-pk").first()
    if ranking is not None:
        results.append(timed("Borda ranking of the themes", 0.15, survey_results(ranking)))
    evaluation = (
        Survey.objects.filter(kind=Survey.Kind.EVENT_EVALUATION)
        .annotate(n=Count("responses__answers"))
        .order_by("-n")
        .first()
    )
    if evaluation is not None:
        answers = Answer.objects.filter(response__survey=evaluation).count()
        results.append(
            timed(f"evaluation results ({answers:,} answers)", 1.0, survey_results(evaluation))
        )
        results.append(export_timing(evaluation, answers))
    year = Dialogue.objects.annotate(n=Count("events")).order_by("-n", "-year").first()
    if year is not None:
        results.append(timed(f"funding report (IDM {year.year})", 0.5, funding_report(year)))
    return results


def export_timing(survey, answers):
    """The streamed CSV export: time to the first byte and in all (a plain run), then the peak
    of memory allocated while streaming it all (a second run under tracemalloc, which slows
    Python down: its time is not the one reported)."""
    run = stream_csv(survey)
    run()  # warm-up
    started = time.perf_counter()
    extra = run()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak_mb = peak / (1024 * 1024)
    return {
        "name": f"evaluation CSV export ({answers:,} answers, {extra['rows']:,} rows): first byte",
        "seconds": extra["first_byte_seconds"],
        "total_seconds": seconds,
        "peak_mb": peak_mb,
        "target": "first byte < 1 s, < 50 MB",
        "met": extra["first_byte_seconds"] < 1 and peak_mb < 50,
        "rows": extra["rows"],
    }


def funding_report(dialogue):
    def run():
        report = year_report(dialogue)
        funding_chart(report.funding, title="Funding", description="Budget, funded, spent")

    return run
