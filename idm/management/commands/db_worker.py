"""`manage.py db_worker`: the backport's database worker (django_tasks_db), plus a heartbeat.

Before it takes its first task the worker records its heartbeat and queues again the tasks of
workers that died in the middle of one (idm.workers); a thread then does both every
IDM_WORKER_HEARTBEAT_MAX_AGE / 5 minutes. Options are the backport's (see --help).
"""

import os

from django.conf import settings
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from idm.workers import Heartbeat, beat_and_recover


class Command(db_worker.Command):
    help = db_worker.Command.help + " (with a heartbeat; dead workers' tasks are queued again)"

    def handle(self, *args, reload, worker_id, **options):
        # With --reload the parent process only watches files; the child runs the tasks.
        runs_tasks = not reload or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        heartbeat = None
        if runs_tasks:
            beat_and_recover(worker_id)
            interval = settings.IDM_WORKER_HEARTBEAT_MAX_AGE * 60 / 5
            heartbeat = Heartbeat(worker_id, interval)
            heartbeat.start()
        try:
            super().handle(*args, reload=reload, worker_id=worker_id, **options)
        finally:
            if heartbeat is not None:
                heartbeat.stop()
