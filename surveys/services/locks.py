"""Row locks on responses.

Every save and every submission locks the response row (SELECT ... FOR UPDATE) before it
checks the version or the status, so two delegates saving at the same moment are serialised:
the second sees the first one's version and gets a conflict instead of overwriting it.
`LOCK_ROWS` exists only so that a test can switch the lock off and show that, without it,
parallel saves overwrite each other and parallel submissions send two receipts.
"""

LOCK_ROWS = True


def locked(queryset):
    # of=("self",): the response rows only. A plain FOR UPDATE also locks every row joined
    # in (Response's default ordering joins its survey and member state), so every save of
    # a survey waited for every other state's save of the same survey.
    return queryset.select_for_update(of=("self",)) if LOCK_ROWS else queryset
