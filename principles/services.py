"""State changes of principles. The back office and the API call these."""

from django.db import transaction

from idm.page_cache import content_changed


@transaction.atomic
def save_principle(*, principle, actor, topics=None, events=None):
    """Validate and save a principle; `topics` / `events` replace its links when given."""
    principle.full_clean()
    principle._history_user = actor
    principle.save()
    if topics is not None:
        principle.topics.set(topics)
    if events is not None:
        principle.events.set(events)
    content_changed()
    return principle
