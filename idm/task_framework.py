"""Django's Tasks framework, imported in one place: `django.tasks` from Django 6 on, its
backport `django_tasks` (with the `django_tasks_db` database backend) on Django 5.2. Moving to
Django 6 only drops the fallback below (and the backend paths in settings.TASKS)."""

try:
    from django.tasks import TaskResultStatus, task
except ImportError:  # Django 5.2: the backport
    from django_tasks import TaskResultStatus, task

__all__ = ["TaskResultStatus", "task"]
