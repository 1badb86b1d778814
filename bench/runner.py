"""Drive the portal with wrk (Debian's package) and tabulate what it measured.

Every route is loaded at the same concurrency for the same time, right after the baseline view
in the same run, so each route's requests per second is also given as a ratio of the
baseline's: a figure that means something on any machine.
"""

import json
import shutil
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

LATENCY_SCRIPT = Path(__file__).with_name("latency.lua")
SESSIONS_SCRIPT = Path(__file__).with_name("sessions.lua")


class BenchError(RuntimeError):
    """The load tool is missing or did not report (what to do is in the message)."""


@dataclass
class Route:
    name: str
    path: str
    method: str = "GET"
    body: str = ""
    headers: dict = field(default_factory=dict)
    # One (path, headers, body with "{version}", first version) per connection: a logged-in
    # user per connection, each saving their own draft (bench/sessions.lua).
    sessions: list = field(default_factory=list)


@dataclass
class Measurement:
    name: str
    path: str
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    requests: int
    errors: int
    ratio_to_baseline: float | None = None
    p95_ratio_to_baseline: float | None = None


def wrk_path():
    path = shutil.which("wrk")
    if not path:
        raise BenchError("wrk is not installed: apt-get install wrk (Debian's package).")
    return path


def run_wrk(base_url, route, *, duration, connections, threads=2, timeout=10):
    """Load one route; returns a Measurement. Non-2xx/3xx answers count as errors."""
    env = {
        "BENCH_METHOD": route.method,
        "BENCH_BODY": route.body,
        "BENCH_HEADERS": "\n".join(f"{k}: {v}" for k, v in route.headers.items()),
        "PATH": "/usr/bin:/bin",
    }
    script = LATENCY_SCRIPT
    if route.sessions:
        script = SESSIONS_SCRIPT
        connections = threads = min(connections, len(route.sessions))
        env["BENCH_SESSIONS"] = "\n".join(
            path + "|" + "\t".join(f"{k}: {v}" for k, v in headers.items()) + f"|{body}|{version}"
            for path, headers, body, version in route.sessions[:connections]
        )
    command = [
        wrk_path(),
        f"--threads={min(threads, connections)}",
        f"--connections={connections}",
        f"--duration={duration}s",
        f"--timeout={timeout}s",
        f"--script={script}",
        base_url.rstrip("/") + route.path,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    report = next(
        (line for line in reversed(completed.stdout.splitlines()) if line.startswith("{")), None
    )
    if completed.returncode != 0 or report is None:
        raise BenchError(f"wrk failed on {route.path}: {completed.stderr or completed.stdout}")
    data = json.loads(report)
    seconds = data["duration_us"] / 1_000_000 or 1
    errors = sum(
        data[key]
        for key in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")
    )
    return Measurement(
        name=route.name,
        path=route.path,
        requests_per_second=round(data["requests"] / seconds, 1),
        p50_ms=round(data["p50_us"] / 1000, 2),
        p95_ms=round(data["p95_us"] / 1000, 2),
        requests=data["requests"],
        errors=errors,
    )


def measure_routes(base_url, baseline, routes, *, duration, connections):
    """The baseline first, then each route; ratios against that baseline."""
    reference = run_wrk(base_url, baseline, duration=duration, connections=connections)
    reference.ratio_to_baseline = 1.0
    reference.p95_ratio_to_baseline = 1.0
    results = [reference]
    for route in routes:
        measured = run_wrk(base_url, route, duration=duration, connections=connections)
        if reference.requests_per_second:
            measured.ratio_to_baseline = round(
                measured.requests_per_second / reference.requests_per_second, 3
            )
        if reference.p95_ms:
            measured.p95_ratio_to_baseline = round(measured.p95_ms / reference.p95_ms, 2)
        results.append(measured)
    return results


def format_table(measurements, timings):
    """The table printed at the end of a run and copied into bench/README.md (Markdown)."""
    lines = [
        "| route | req/s | × baseline | p50 ms | p95 ms | p95 × baseline | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for m in measurements:
        lines.append(
            f"| {m.name} `{m.path}` | {m.requests_per_second:.1f} | {m.ratio_to_baseline or 0:.2f}"
            f" | {m.p50_ms:.1f} | {m.p95_ms:.1f} | {m.p95_ratio_to_baseline or 0:.1f}"
            f" | {m.errors} |"
        )
    if timings:
        lines += ["", "| in process | seconds | peak memory growth MB | target | met |"]
        lines.append("|---|---:|---:|---|---|")
        for t in timings:
            memory = "" if t.get("peak_mb") is None else f"{t['peak_mb']:.1f}"
            lines.append(
                f"| {t['name']} | {t['seconds']:.3f} | {memory} | {t.get('target', '')}"
                f" | {'yes' if t.get('met', True) else 'NO'} |"
            )
    return "\n".join(lines)


def write_results(path, *, measurements, timings, machine, settings):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "machine": machine,
        "settings": settings,
        "routes": [asdict(m) for m in measurements],
        "in_process": timings,
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return document
