"""The session store: Django's database sessions, refusing malformed session keys.

A cookie's session key goes into a query; Django only checks its length, so a key holding
NUL made PostgreSQL raise (500). Keys Django creates are lowercase letters and digits: any
other key is no session (the visitor is anonymous), like an unknown one.
"""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


class SessionStore(DatabaseSessionStore):
    def _validate_session_key(self, key):
        return super()._validate_session_key(key) and key.isascii() and key.isalnum()
