"""A participant's own registration: change, cancel after a confirmation, the lost link,
"my registrations", and what the confirmation email carries."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from idm.models import OutgoingEmail
from tests.factories import UserFactory
from tests.helpers import count_queries
from tests.workshops.factories import (
    EventFactory,
    OpenEventFactory,
    RegistrationFactory,
    SessionFactory,
)
from workshops import services
from workshops.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the email tasks queued on commit (the test backend runs them at once)."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def register(event, email="amina@example.org", **extra):
    values = {
        "name": "Amina Diallo",
        "organisation": "Ministry of the Interior",
        "category": Registration.Category.NGO,
    }
    return services.register(event=event, email=email, **{**values, **extra})


# Change


def test_change_page_updates_function_organisation_needs_with_history(client):
    registration = RegistrationFactory(function="Adviser", needs="")
    url = reverse("workshops:registration-change", args=[registration.reference])
    response = client.post(
        url, {"function": "Director", "organisation": "Ministry of Labour", "needs": "Wheelchair"}
    )
    assert response.status_code == 302 and response.url == registration.get_absolute_url()
    registration.refresh_from_db()
    assert (registration.function, registration.organisation, registration.needs) == (
        "Director",
        "Ministry of Labour",
        "Wheelchair",
    )
    assert registration.history.first().organisation == "Ministry of Labour"


def test_change_page_requires_organisation(client):
    registration = RegistrationFactory(organisation="Mission")
    url = reverse("workshops:registration-change", args=[registration.reference])
    response = client.post(url, {"function": "", "organisation": "", "needs": ""})
    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.organisation == "Mission"


def test_change_page_of_cancelled_registration_goes_back_to_it(client):
    registration = RegistrationFactory(status=Registration.Status.CANCELLED)
    url = reverse("workshops:registration-change", args=[registration.reference])
    response = client.post(url, {"function": "X", "organisation": "Y", "needs": ""})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.organisation == "Permanent Mission"


# Cancel, with a confirmation step


def test_registration_page_links_to_change_and_cancel(client):
    registration = RegistrationFactory()
    content = client.get(registration.get_absolute_url()).content.decode()
    assert reverse("workshops:registration-change", args=[registration.reference]) in content
    assert reverse("workshops:registration-cancel", args=[registration.reference]) in content


def test_cancel_page_asks_before_cancelling(client):
    registration = RegistrationFactory()
    url = reverse("workshops:registration-cancel", args=[registration.reference])
    response = client.get(url)
    assert response.status_code == 200
    assert "Do you really want to cancel" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_cancel_confirmed_cancels_emails_and_promotes_waiting_list(client, on_commit):
    event = OpenEventFactory(capacity=1)
    first = register(event, "first@example.org")
    waiting = register(event, "second@example.org")
    mail.outbox.clear()
    url = reverse("workshops:registration-cancel", args=[first.reference])
    response = on_commit(client.post, url)
    assert response.status_code == 302 and response.url == first.get_absolute_url()
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert (first.status, waiting.status) == ("cancelled", "confirmed")
    assert [(m.to, m.subject.split(":")[0]) for m in mail.outbox] == [
        (["first@example.org"], "Registration cancelled"),
        (["second@example.org"], "Registration confirmed"),
    ]


def test_registration_page_no_longer_cancels_on_a_bare_post(client):
    registration = RegistrationFactory()
    response = client.post(registration.get_absolute_url(), {"action": "cancel"})
    assert response.status_code == 405
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_registration_of_held_event_cannot_be_cancelled(client):
    registration = RegistrationFactory(event=EventFactory())  # 2009
    content = client.get(registration.get_absolute_url()).content.decode()
    assert "Cancel my registration" not in content
    client.post(reverse("workshops:registration-cancel", args=[registration.reference]))
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


# The confirmation email: venue, dates with time zone, .ics


def test_confirmation_email_carries_venue_time_zone_and_ics(on_commit):
    event = OpenEventFactory(venue="Palais des Nations", city="Geneva")
    SessionFactory(event=event, date=event.start_date, starts_at=datetime.time(10, 0))
    registration = on_commit(register, event)
    queued = OutgoingEmail.objects.get()
    assert queued.attachments[0]["filename"] == f"{event.slug}.ics"
    assert queued.attachments[0]["mimetype"] == "text/calendar"
    (sent,) = mail.outbox
    assert "Venue: Palais des Nations, Geneva" in sent.body
    assert "10:00 CET (Europe/Zurich)" in sent.body or "10:00 CEST (Europe/Zurich)" in sent.body
    assert registration.get_absolute_url() in sent.body
    ((filename, content, mimetype),) = sent.attachments
    assert (filename, mimetype) == (f"{event.slug}.ics", "text/calendar")
    (entry,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(entry["summary"]) == event.title
    assert entry.decoded("dtstart") == event.start_date


def test_waiting_list_email_has_no_ics(on_commit):
    event = OpenEventFactory(capacity=1)
    RegistrationFactory(event=event)
    on_commit(register, event)
    (sent,) = mail.outbox
    assert sent.attachments == []
    assert "Time zone: " in sent.body


# Lost link (acceptance 4)


def page_text(response, email):
    """The page with the address typed and the per-response tokens (CSRF, CSP nonce) masked."""
    content = response.content.decode().replace(email, "ADDRESS")
    content = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", content)
    return re.sub(r'nonce="[^"]+"', "NONCE", content)


def test_lost_link_same_answer_registered_or_not_only_registered_gets_email(client, on_commit):
    RegistrationFactory(email="amina@example.org")
    RegistrationFactory(email="amina@example.org", event=OpenEventFactory())
    url = reverse("workshops:lost-link")
    registered = on_commit(client.post, url, {"email": "Amina@example.org"})
    unknown = on_commit(client.post, url, {"email": "nobody@example.org"})
    assert registered.status_code == unknown.status_code == 200
    assert page_text(registered, "Amina@example.org") == page_text(unknown, "nobody@example.org")
    (sent,) = mail.outbox
    assert sent.to == ["amina@example.org"]
    links = [r.get_absolute_url() for r in Registration.objects.all()]
    assert all(link in sent.body for link in links)


def test_lost_link_per_email_limit_stops_emails_but_not_the_answer(client, on_commit):
    RegistrationFactory(email="amina@example.org")
    url = reverse("workshops:lost-link")
    answers = [on_commit(client.post, url, {"email": "amina@example.org"}) for _ in range(5)]
    assert {answer.status_code for answer in answers} == {200}
    assert len(mail.outbox) == 3


def test_lost_link_per_connection_limit_answers_429(client):
    url = reverse("workshops:lost-link")
    codes = [client.post(url, {"email": f"p{i}@example.org"}).status_code for i in range(11)]
    assert codes == [200] * 10 + [429]


# My registrations: /accounts/registrations/


def test_my_registrations_lists_by_account_and_by_email(client):
    owner = UserFactory(email="amina@example.org")
    by_email = RegistrationFactory(email="AMINA@example.org")
    by_account = RegistrationFactory(email="other@example.org", user=owner)
    someone_else = RegistrationFactory(email="x@example.org")
    client.force_login(owner)
    content = client.get(reverse("workshops:my-registrations")).content.decode()
    assert by_email.get_absolute_url() in content
    assert by_account.get_absolute_url() in content
    assert someone_else.get_absolute_url() not in content


def test_my_registrations_other_user_sees_none_of_them(client):
    RegistrationFactory(email="amina@example.org")
    client.force_login(UserFactory(email="colleague@example.org"))
    content = client.get(reverse("workshops:my-registrations")).content.decode()
    assert "You have no registration" in content


def test_my_registrations_anonymous_goes_to_login(client):
    response = client.get(reverse("workshops:my-registrations"))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_my_registrations_staff_sees_only_their_own(staff_client, staff_user):
    mine = RegistrationFactory(email=staff_user.email)
    other = RegistrationFactory()
    content = staff_client.get(reverse("workshops:my-registrations")).content.decode()
    assert mine.get_absolute_url() in content and other.get_absolute_url() not in content


def test_my_registrations_queries_same_at_1_and_30(client):
    owner = UserFactory(email="amina@example.org")
    client.force_login(owner)
    url = reverse("workshops:my-registrations")
    RegistrationFactory(email=owner.email)
    one = count_queries(client, url)
    for _ in range(29):
        RegistrationFactory(email=owner.email)
    assert count_queries(client, url) == one
