"""Documents of the symbol register, and their files in the storage (STORAGES["default"]).

A file leaves the storage when its document is deleted or gets another file, once that change
is committed (a rolled-back change keeps its file), unless another document still names it.
"""

import logging
from functools import partial

from django.db import transaction

from idm.models import Document
from idm.page_cache import content_changed

logger = logging.getLogger(__name__)


@transaction.atomic
def save_document(*, document, actor):
    """Validate (symbol register, file type and size) and save a document; the file it
    replaces, if any, is removed from the storage after commit."""
    document.full_clean()
    previous_name = _stored_file_name(document)
    document._history_user = actor
    document.save()
    content_changed()
    if previous_name and previous_name != document.file.name:
        _remove_file_after_commit(previous_name)
    return document


@transaction.atomic
def delete_document(*, document, actor):
    """Delete a document; its file is removed from the storage after commit."""
    name = _stored_file_name(document)
    document._history_user = actor
    document.delete()
    content_changed()
    if name:
        _remove_file_after_commit(name)


def _stored_file_name(document):
    """The file name the database holds for `document`, whatever the instance holds in memory
    (the row is locked until commit, as the update that follows would lock it)."""
    if document.pk is None:
        return ""
    stored = Document.objects.select_for_update().filter(pk=document.pk)
    return stored.values_list("file", flat=True).first() or ""


def _remove_file_after_commit(name):
    # robust: a storage that fails (bucket unreachable) is logged; the committed change stands.
    transaction.on_commit(partial(_remove_unused_file, name), robust=True)


def _remove_unused_file(name):
    if Document.objects.filter(file=name).exists():
        return  # another document still serves this file
    Document._meta.get_field("file").storage.delete(name)
    logger.info("Removed document file %s from the storage.", name)
