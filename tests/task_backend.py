"""The task backend of the test suite: Django's database backend (every task is a row, enqueued
in the caller's transaction and rolled back with it), plus a worker that is always instantly
there: a task that is ready runs in this process as soon as the transaction that enqueued it
commits, through db_worker's own code. A task deferred to later (an email's retry) just waits in
its row, as with the real worker. Integration tests that start a real `db_worker` switch back to
the plain database backend (tests/worker_settings.py)."""

from functools import partial

from django.db import transaction
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

WORKER_ID = "test-suite"


class RunAfterCommitBackend(DatabaseBackend):
    def enqueue(self, task, args, kwargs):
        result = super().enqueue(task, args, kwargs)
        if task.run_after is None:
            transaction.on_commit(partial(run_task, result.id, self.alias))
        return result


def run_task(result_id, backend_name):
    """Claim and run one ready task as `manage.py db_worker` does."""
    with transaction.atomic():
        db_result = DBTaskResult.objects.ready().filter(id=result_id).select_for_update().first()
        if db_result is None:
            return
        db_result.claim(WORKER_ID)
    worker = Worker(
        queue_names=[db_result.queue_name],
        interval=0,
        batch=True,
        backend_name=backend_name,
        startup_delay=False,
        max_tasks=None,
        worker_id=WORKER_ID,
        excluded_queue_names=[],
    )
    worker.run_task(db_result)
