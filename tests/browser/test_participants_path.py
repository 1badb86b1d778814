"""Acceptance 6: a focal point nominates two colleagues, staff approve one (with a later
registration, which goes to the waiting list) and decline the other, the approved participant
gets the email, cancels through its link after a confirmation, the first person on the waiting
list is promoted, and staff check them in on the check-in page at 390 px. Also: no
serious/critical axe violation on the nominations and staff pages."""

import re

import pytest
from django.core import mail

from tests.browser.helpers import log_in
from tests.factories import DelegateFactory, FocalPointFactory, MemberStateFactory, StaffFactory
from tests.workshops.factories import OpenEventFactory, RegistrationFactory
from workshops.models import Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def messages_to(email):
    return [message for message in mail.outbox if message.to == [email]]


def nominate(page, delegate_label):
    page.get_by_label("A delegate of your state").select_option(label=delegate_label)
    page.get_by_label("Organization").fill("Department of Foreign Affairs")
    page.get_by_role("button", name="Nominate", exact=True).click()
    page.wait_for_load_state()


def test_focal_point_nominates_staff_decide_participant_cancels_waiting_list_moves(
    live_server, page, axe_violations
):
    philippines = MemberStateFactory(code="PH", iso3="PHL", name="Philippines")
    focal_point = FocalPointFactory(member_state=philippines, email="fp@ph.example.org")
    DelegateFactory(
        member_state=philippines,
        first_name="Maria",
        last_name="Santos",
        email="maria@ph.example.org",
    )
    DelegateFactory(
        member_state=philippines, first_name="Jose", last_name="Rizal", email="jose@ph.example.org"
    )
    staff = StaffFactory(email="secretariat@iom.example.org")
    event = OpenEventFactory(
        title="Labour mobility", capacity=1, requires_approval=True, per_state_limit=3
    )

    log_in(page, live_server.url, focal_point.email)
    page.goto(f"{live_server.url}{event.get_absolute_url()}")
    page.get_by_role("link", name="Nominate your delegation").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Delegation of Philippines"
    nominate(page, "Maria Santos (maria@ph.example.org)")
    nominate(page, "Jose Rizal (jose@ph.example.org)")
    rows = page.get_by_test_id("nomination-row")
    assert rows.count() == 2
    assert (
        page.get_by_test_id("places")
        .inner_text()
        .startswith("2 of 3 places for your state are taken.")
    )
    assert axe_violations(page) == []
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()

    # Someone registers after the nominations: approved too, they wait for a seat.
    RegistrationFactory(event=event, name="Kofi Mensah", email="kofi@example.org", status="pending")
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}{event.get_absolute_url()}")
    page.get_by_role("link", name="Registrations (staff)").click()
    page.wait_for_load_state()
    assert axe_violations(page) == []
    maria_row = page.get_by_role("row", name=re.compile("Maria Santos"))
    assert focal_point.get_full_name() in maria_row.inner_text()  # who nominated whom
    page.get_by_label("Select Maria Santos").check()
    page.get_by_label("Select Kofi Mensah").check()
    page.get_by_role("button", name="Approve selected").click()
    page.wait_for_load_state()
    assert page.get_by_text("Approved: 1 confirmed, 1 on the waiting list.").is_visible()
    page.get_by_role("button", name="Decline Jose Rizal").click()
    page.wait_for_load_state()
    assert page.get_by_text("Declined: 1.").is_visible()
    statuses = dict(event.registrations.values_list("email", "status"))
    assert statuses == {
        "maria@ph.example.org": "confirmed",
        "jose@ph.example.org": "declined",
        "kofi@example.org": "waitlisted",
    }
    assert (
        messages_to("jose@ph.example.org")[-1].subject == "Registration declined: Labour mobility"
    )
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()

    confirmation = messages_to("maria@ph.example.org")[-1]
    assert confirmation.subject == "Registration confirmed: Labour mobility"
    link = re.search(r"https?://\S+/registrations/[0-9a-f-]+/", confirmation.body)[0]
    page.goto(link)
    assert page.get_by_test_id("registration-status").inner_text() == "Confirmed"
    page.get_by_role("link", name="Cancel my registration").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("registration-status").count() == 0  # a confirmation step first
    page.get_by_role("button", name="Yes, cancel my registration").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("registration-status").inner_text() == "Cancelled"

    promoted = Registration.objects.get(email="kofi@example.org")
    assert promoted.status == "confirmed"
    assert messages_to("kofi@example.org")[-1].subject == "Registration confirmed: Labour mobility"

    # At the door, on a phone: staff check the promoted participant in by badge number.
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/events/{event.slug}/check-in/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_label("Badge code or number").fill(str(promoted.pk))
    page.get_by_role("button", name="Check in", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text(f"Checked in: {promoted.name}.").is_visible()
    promoted.refresh_from_db()
    assert (promoted.status, promoted.checked_in_by) == ("attended", staff)
