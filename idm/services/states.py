"""IOM membership of countries."""

from django.db import transaction

from idm.page_cache import content_changed


@transaction.atomic
def set_membership(*, states, membership, actor):
    """Record the IOM membership of `states`; each change lands in the state's history."""
    changed = 0
    for state in states.select_for_update().exclude(membership=membership):
        state.membership = membership
        state._history_user = actor
        state.save(update_fields=["membership"])
        changed += 1
    if changed:
        content_changed()
    return changed
