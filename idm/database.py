"""Database connection options that settings and the health check share."""


def with_postgresql_timeouts(database, *, connect_timeout, statement_timeout):
    """`database` (a DATABASES entry) with libpq's connect timeout (seconds) and a statement
    timeout (seconds, 0 for none), unless DATABASE_URL already sets them. Other engines are
    returned unchanged."""
    if "postgresql" not in database["ENGINE"]:
        return database
    options = dict(database.get("OPTIONS", {}))
    options.setdefault("connect_timeout", connect_timeout)
    server_options = options.get("options", "")
    if "statement_timeout" not in server_options:
        milliseconds = statement_timeout * 1000
        options["options"] = f"{server_options} -c statement_timeout={milliseconds}".strip()
    return {**database, "OPTIONS": options}


def with_connect_timeout(database, seconds):
    """`database` with libpq's connect timeout replaced by `seconds` (PostgreSQL only)."""
    if "postgresql" not in database["ENGINE"]:
        return database
    return {**database, "OPTIONS": {**database.get("OPTIONS", {}), "connect_timeout": seconds}}
