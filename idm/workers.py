"""Heartbeats of the background workers, and the recovery of tasks whose worker died.

The backport's worker marks a task RUNNING when it claims it and never looks at it again: a
worker killed in the middle of a task (SIGKILL, a lost machine) would leave it RUNNING forever.
Each `db_worker` (idm's wrapper of the backport's command) therefore records a heartbeat every
minute or so from a thread beside the worker loop; a RUNNING task whose worker has no heartbeat
newer than settings.IDM_WORKER_HEARTBEAT_MAX_AGE minutes is queued again. Its own code decides
what a second run does: an email that already went out is not sent twice (idm.emails.deliver).
"""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from idm.models import WorkerHeartbeat
from idm.task_framework import TaskResultStatus

logger = logging.getLogger(__name__)
# Heartbeat rows of workers gone for this long are deleted.
FORGET_AFTER = timedelta(days=1)


def max_age():
    return timedelta(minutes=settings.IDM_WORKER_HEARTBEAT_MAX_AGE)


def beat(worker_id):
    """Record that `worker_id` is alive now."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"beat_at": timezone.now()}
    )


def requeue_abandoned_tasks():
    """Queue again every RUNNING task whose worker has not been heard from for longer than the
    heartbeat's maximum age. Returns how many were queued again."""
    now = timezone.now()
    WorkerHeartbeat.objects.filter(beat_at__lt=now - FORGET_AFTER).delete()
    alive = set(
        WorkerHeartbeat.objects.filter(beat_at__gte=now - max_age()).values_list(
            "worker_id", flat=True
        )
    )
    requeued = 0
    for task in DBTaskResult.objects.running().only("id", "worker_ids", "started_at"):
        if task.worker_ids and task.worker_ids[-1] in alive:
            continue
        # Only if still the same claim: a task finished or claimed again meanwhile stays.
        requeued += DBTaskResult.objects.filter(
            id=task.id, status=TaskResultStatus.RUNNING, started_at=task.started_at
        ).update(status=TaskResultStatus.READY)
        logger.warning("Task %s of worker %s queued again", task.id, task.worker_ids[-1:])
    return requeued


class Heartbeat(threading.Thread):
    """Beats for `worker_id` (and recovers abandoned tasks) every `interval` seconds until
    stopped; a daemon thread, so it dies with the worker process."""

    def __init__(self, worker_id, interval):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.interval = interval
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(self.interval):
            beat_and_recover(self.worker_id)

    def stop(self):
        self.stopped.set()


def beat_and_recover(worker_id):
    try:
        beat(worker_id)
        requeue_abandoned_tasks()
    except DatabaseError:
        logger.exception("Worker heartbeat failed")
    finally:
        connection.close()
