"""Small helpers shared by the tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    """Run GET `url` and return how many SQL queries it took (it must answer 200)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return len(context.captured_queries)
