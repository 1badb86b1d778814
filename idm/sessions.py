"""The session store: Django's database sessions, refusing malformed session keys, and saving
an existing session in one statement.

A cookie's session key goes into a query; Django only checks its length, so a key holding
NUL made PostgreSQL raise (500). Keys Django creates are lowercase letters and digits: any
other key is no session (the visitor is anonymous), like an unknown one.

Staff sessions are saved on every request (their idle expiry moves forward): Django wraps
each save in a transaction (three round trips: begin or savepoint, UPDATE, commit or
release), which only creating a session needs (to tell a key collision from other errors).
Updating is a single UPDATE, atomic by itself; a session deleted meanwhile still raises
UpdateError, as in Django.
"""

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import DatabaseError, router


class SessionStore(DatabaseSessionStore):
    def _validate_session_key(self, key):
        return super()._validate_session_key(key) and key.isascii() and key.isalnum()

    def save(self, must_create=False):
        if must_create or self.session_key is None:
            return super().save(must_create=must_create)
        obj = self.create_model_instance(self._get_session())
        using = router.db_for_write(self.model, instance=obj)
        try:
            updated = (
                self.model._default_manager.using(using)
                .filter(pk=obj.pk)
                .update(session_data=obj.session_data, expire_date=obj.expire_date)
            )
        except DatabaseError as error:
            raise UpdateError from error
        if not updated:
            raise UpdateError
