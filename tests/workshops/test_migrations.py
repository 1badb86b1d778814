"""Data migrations of the workshops app, run on the real database."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("workshops", "0004_declined_status")]
AFTER = [("workshops", "0005_event_status_without_subject_to_funding")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_migration_subject_to_funding_events_become_proposed():
    old_apps = migrate(BEFORE)
    Dialogue = old_apps.get_model("idm", "Dialogue")
    Event = old_apps.get_model("workshops", "Event")
    dialogue = Dialogue.objects.create(year=2009, theme="Human rights and migration")
    for slug, status in [("a", "subject_to_funding"), ("b", "confirmed"), ("c", "proposed")]:
        Event.objects.create(
            dialogue=dialogue, kind="workshop", title=slug, slug=slug, status=status
        )
    try:
        new_apps = migrate(AFTER)
        statuses = dict(
            new_apps.get_model("workshops", "Event").objects.values_list("slug", "status")
        )
        assert statuses == {"a": "proposed", "b": "confirmed", "c": "proposed"}
    finally:
        leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
        migrate(leaves)
