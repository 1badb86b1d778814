from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from idm.demo_totp import DEMO_STAFF_EMAIL, current_code, demo_device


class Command(BaseCommand):
    help = (
        f"Print the current two-factor code of the demo staff account {DEMO_STAFF_EMAIL} "
        "(development only: its key is published)."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo_totp only runs with DJANGO_DEBUG=1.")
        device = demo_device()
        if device is None:
            raise CommandError("No demo device: run `python manage.py seed_idm --demo` first.")
        self.stdout.write(current_code(device))
