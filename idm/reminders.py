"""Automatic reminders, sent by `manage.py send_due_reminders` (cron or the compose scheduler).

Each app registers a function `send_due(now)` that sends its due reminders and returns how
many it sent (surveys: focal points before a survey closes; workshops: registrants before their
event). Each reminder goes through `send_once`: it is recorded as a SentReminder under a unique
(kind, key) in the same transaction as its email is queued, so running the command twice, or
two runs at once, sends it once.
"""

from django.db import transaction

from idm.models import SentReminder

_senders = []


def register(send_due):
    """Add an app's `send_due(now)` to what send_due_reminders runs (from AppConfig.ready)."""
    if send_due not in _senders:
        _senders.append(send_due)
    return send_due


def registered():
    return list(_senders)


@transaction.atomic
def send_once(*, kind, key, send):
    """Call `send()` (which queues the reminder's email) unless the reminder (kind, key) was
    already sent. Returns True if it was sent now."""
    _reminder, created = SentReminder.objects.get_or_create(kind=kind, key=key)
    if created:
        send()
    return created
