from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule


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
        if demo and not settings.DEBUG:
            raise CommandError(
                "--demo creates accounts with a published password; it only runs with "
                "DJANGO_DEBUG=1."
            )
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                if module_has_submodule(app_config.module, "seed"):
                    seed = import_module(f"{app_config.name}.seed")
                    seed.load(demo=demo, stdout=self.stdout)
                    self.stdout.write(f"Seeded {app_config.label}.")
        self.stdout.write(self.style.SUCCESS("IDM programme loaded."))
