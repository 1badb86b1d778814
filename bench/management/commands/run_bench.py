"""`make bench`'s second half: serve the loaded database under gunicorn with production
settings on 127.0.0.1, load every route with wrk, time the heavy computations in process, print
one table and write it to bench/results/latest.json (and into bench/README.md)."""

import os
import platform
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from bench import fixtures, timings
from bench.runner import BenchError, format_table, measure_routes, write_results

ROOT = Path(settings.BASE_DIR)
DEFAULT_OUTPUT = ROOT / "bench" / "results" / "latest.json"
README = ROOT / "bench" / "README.md"
TABLE_START, TABLE_END = "<!-- bench:latest -->", "<!-- /bench:latest -->"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def machine_description():
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "processor": platform.processor() or platform.machine(),
        "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def production_environment(port):
    """This process's production settings (bench/run.sh sets them), on 127.0.0.1 only, for
    gunicorn: the same secret key (the delegate's session is signed here), the baseline view
    on, and API throttles raised so that they do not answer the load tool with 429."""
    environment = dict(os.environ)
    environment.update(
        {
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "IDM_SITE_URL": f"http://127.0.0.1:{port}",
            "IDM_BENCH_BASELINE": "1",
            "IDM_API_ANON_RATE": "100000000/minute",
            "IDM_API_USER_RATE": "100000000/minute",
        }
    )
    return environment


class Command(BaseCommand):
    help = (
        "Benchmark the portal under gunicorn (run generate_load_data first; see bench/README.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="Seconds per route.")
        parser.add_argument("--connections", type=int, default=64)
        parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
        parser.add_argument("--output", default=str(DEFAULT_OUTPUT))
        parser.add_argument("--only", nargs="*", help="Route names to measure (default: all).")
        parser.add_argument("--skip-in-process", action="store_true")
        parser.add_argument(
            "--no-readme", action="store_true", help="Do not copy the table into the README."
        )

    def handle(self, *args, **options):
        if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
            raise CommandError("The benchmark runs on PostgreSQL: set DATABASE_URL.")
        if settings.DEBUG:
            raise CommandError("The benchmark measures production settings: run `make bench`.")
        prepared = fixtures.prepare()
        call_command(
            "collectstatic", interactive=False, verbosity=0
        )  # the manifest production uses
        port = free_port()
        server = self.start_gunicorn(port, options["workers"])
        try:
            base_url = f"http://127.0.0.1:{port}"
            routes = fixtures.routes(prepared, options["connections"])
            if options["only"]:
                routes = [route for route in routes if route.name in options["only"]]
            self.stdout.write(f"Measuring {len(routes)} routes for {options['duration']} s each…")
            measurements = measure_routes(
                base_url,
                fixtures.BASELINE,
                routes,
                duration=options["duration"],
                connections=options["connections"],
            )
        except BenchError as error:
            raise CommandError(str(error)) from error
        finally:
            self.stop(server)
        in_process = [] if options["skip_in_process"] else timings.run_all(prepared)
        table = format_table(measurements, in_process)
        machine = machine_description()
        write_results(
            options["output"],
            measurements=measurements,
            timings=in_process,
            machine=machine,
            settings={
                "duration_s": options["duration"],
                "connections": options["connections"],
                "gunicorn_workers": options["workers"],
            },
        )
        if not options["no_readme"]:
            self.update_readme(table, machine, options)
        self.stdout.write(table)
        self.stdout.write(f"\nWritten to {options['output']}")

    def start_gunicorn(self, port, workers):
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "idm.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--log-level=warning",
        ]
        log = (ROOT / "bench" / "results" / "gunicorn.log").open("w")
        server = subprocess.Popen(
            command,
            cwd=ROOT,
            env=production_environment(port),
            start_new_session=True,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError("gunicorn stopped at startup: see bench/results/gunicorn.log.")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                    return server
            except OSError:
                time.sleep(0.3)
        self.stop(server)
        raise CommandError("gunicorn did not answer /healthz within 60 seconds.")

    def stop(self, server):
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)

    def update_readme(self, table, machine, options):
        if not README.exists():
            return
        text = README.read_text(encoding="utf-8")
        if TABLE_START not in text or TABLE_END not in text:
            return
        head, rest = text.split(TABLE_START, 1)
        _, tail = rest.split(TABLE_END, 1)
        block = (
            f"{TABLE_START}\nMeasured {machine['measured_at']} on {machine['cpus']} CPUs "
            f"({machine['processor']}, {machine['platform']}, Python {machine['python']}); "
            f"{options['connections']} connections, {options['duration']} s per route, "
            f"{options['workers']} gunicorn workers.\n\n{table}\n{TABLE_END}"
        )
        README.write_text(head + block + tail, encoding="utf-8")
