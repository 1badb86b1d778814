"""The demo workshop of `seed_idm --demo` in a browser: the event page with its format and
livestream, and a confirmed online participant's page with the meeting link."""

import pytest
from django.core.management import call_command

from workshops.demo import DEMO_MEETING_URL, DEMO_SLUG
from workshops.models import Event

pytestmark = pytest.mark.django_db(transaction=True)


def test_demo_online_participant_sees_meeting_link_event_page_does_not(
    live_server, page, axe_violations, settings
):
    settings.DEBUG = True
    call_command("seed_idm", "--demo")
    event = Event.objects.get(slug=DEMO_SLUG)
    online = event.registrations.get(participation="online", status="confirmed")

    page.goto(live_server.url + event.get_absolute_url())
    assert page.get_by_test_id("event-format").inner_text() == "Hybrid (in person and online)"
    assert page.get_by_role("link", name="Watch the livestream").is_visible()
    assert DEMO_MEETING_URL not in page.content()
    assert axe_violations(page) == []

    page.goto(live_server.url + online.get_absolute_url())
    block = page.get_by_test_id("meeting-link")
    assert block.get_by_role("heading", name="Joining online").is_visible()
    assert block.get_by_role("link", name=DEMO_MEETING_URL).is_visible()
    assert axe_violations(page) == []
    assert page.remote_requests == []
