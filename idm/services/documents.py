"""Documents of the symbol register."""

from django.db import transaction


@transaction.atomic
def save_document(*, document, actor):
    """Validate (symbol register, file type and size) and save a document."""
    document.full_clean()
    document._history_user = actor
    document.save()
    return document
