"""`python manage.py generate_load_data --scale N`: realistic volumes on top of the seed."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench import loaddata
from idm.page_cache import content_changed


class Command(BaseCommand):
    help = "Load realistic data at IOM's scale (deterministic; idempotent per scale)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument(
            "--remove", action="store_true", help="Remove the load data instead of loading it."
        )

    def handle(self, *args, scale, remove, **options):
        if remove:
            loaddata.remove()
            content_changed()  # rows written directly: cached pages are out of date
            self.stdout.write("Load data removed.")
            return
        if scale <= 0:
            raise CommandError("--scale must be more than zero (e.g. 0.01, 1 or 10).")
        if loaddata.load(scale, log=self.stdout.write):
            content_changed()
            self.analyze()

    def analyze(self):
        """The planner's statistics after a bulk load: without them PostgreSQL plans for the
        empty tables it last saw (autovacuum analyzes later, or never where it is off)."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            self.stdout.write("Planner statistics updated (ANALYZE).")
