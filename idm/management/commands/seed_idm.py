from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import module_has_submodule

from idm.content_languages import ORIGINAL_LANGUAGE
from idm.page_cache import content_changed


def refuse_demo_unless_development_was_asked_for():
    """--demo creates a superuser whose password and two-factor key the README publishes: it
    runs only where someone set DJANGO_DEBUG=1 on purpose, never in manage.py's automatic
    development mode (which a production database URL without a secret key would also get)."""
    if not settings.DEBUG:
        raise CommandError(
            "--demo creates accounts with a published password and two-factor key; it only "
            "runs with DJANGO_DEBUG=1 (DJANGO_DEBUG is off)."
        )
    if settings.IDM_IMPLICIT_DEVELOPMENT_MODE:
        raise CommandError(
            "--demo creates accounts with a published password and two-factor key; it only "
            "runs with DJANGO_DEBUG=1 set explicitly in the environment. Development mode is "
            "on only because neither DJANGO_DEBUG nor DJANGO_SECRET_KEY is set (manage.py's "
            "automatic development mode), which does not count. Use `make run`, or "
            "DJANGO_DEBUG=1 .venv/bin/python manage.py seed_idm --demo."
        )


class Command(BaseCommand):
    help = (
        "Load the IDM programme from the IDM 2009 discussion note (idempotent: running it twice "
        "changes nothing). --demo adds demo accounts and prints their credentials."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Also create demo accounts and demo data (only with DJANGO_DEBUG=1).",
        )

    def handle(self, *args, demo=False, **options):
        if demo:
            refuse_demo_unless_development_was_asked_for()
        # The seed's texts are the English originals (and its lookups by title are English).
        with transaction.atomic(), translation.override(ORIGINAL_LANGUAGE):
            for app_config in apps.get_app_configs():
                if module_has_submodule(app_config.module, "seed"):
                    seed = import_module(f"{app_config.name}.seed")
                    seed.load(demo=demo, stdout=self.stdout)
                    self.stdout.write(f"Seeded {app_config.label}.")
            content_changed()  # the seed writes rows directly: cached pages are out of date
        self.stdout.write(self.style.SUCCESS("IDM programme loaded."))
