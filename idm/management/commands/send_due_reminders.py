from django.core.management.base import BaseCommand
from django.utils import timezone

from idm import reminders


class Command(BaseCommand):
    help = (
        "Send the automatic reminders that are due (each once, however often this runs): "
        "focal points before a survey closes, registrants before their event."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        sent = sum(send_due(now) for send_due in reminders.registered())
        self.stdout.write(f"{sent} reminder(s) queued.")
