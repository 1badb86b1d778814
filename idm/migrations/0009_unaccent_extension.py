from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """PostgreSQL's `unaccent`, for searching in French and Spanish with accents ignored
    (idm/search.py). Django's operation does nothing on other databases (SQLite gets the
    function from idm.search.add_sqlite_functions)."""

    dependencies = [
        ("idm", "0008_content_in_three_languages"),
    ]

    operations = [
        UnaccentExtension(),
    ]
