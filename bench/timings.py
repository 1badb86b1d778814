"""In-process timings of the heavy computations, each against its target (issue 14)."""

import time
import tracemalloc

from django.test import RequestFactory

from surveys.exports import csv_response
from surveys.models import Survey
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
    RequestFactory()  # settings are loaded before tracemalloc starts
    results = []
    survey = prepared.get("survey")
    if survey is not None:
        results.append(timed("survey results (states × questions)", 0.15, survey_results(survey)))
    ranking = Survey.objects.filter(kind=Survey.Kind.THEME_SELECTION).order_by("-pk").first()
    if ranking is not None:
        results.append(timed("Borda ranking of the themes", 0.15, survey_results(ranking)))
    evaluation = Survey.objects.filter(kind=Survey.Kind.EVENT_EVALUATION).first()
    if evaluation is not None:
        results.append(timed("evaluation results", 1.0, survey_results(evaluation)))
        results.append(
            timed("evaluation CSV export", 1.0, stream_csv(evaluation), memory=True, target_mb=50)
        )
    return results
