"""Every email the portal sends: links built from IDM_SITE_URL, the recipient's language
(not the sender's), and an HTML alternative. One test per email kind."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from surveys import services as survey_services
from tests.factories import FocalPointFactory, MemberStateFactory, UserFactory
from tests.surveys.factories import complete_values, delegation, small_survey
from tests.workshops.factories import OpenEventFactory
from workshops import services as workshop_services
from workshops.models import Registration

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8100"
LINK = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture
def site_url(settings):
    settings.IDM_SITE_URL = SITE
    return SITE


def register(event, email, **extra):
    return workshop_services.register(
        event=event,
        email=email,
        name="Amina Diallo",
        organisation="Ministry of the Interior",
        category=Registration.Category.NGO,
        **extra,
    )


def links(message):
    html = message.alternatives[0][0]
    return LINK.findall(message.body), LINK.findall(html)


def assert_links_on_site(message):
    text_links, html_links = links(message)
    assert text_links, message.body
    for link in text_links + html_links:
        assert link.startswith(f"{SITE}/"), link


def draft_response():
    s, d = small_survey(), delegation()
    survey_services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    return s, d


# Links: every kind of email, built from IDM_SITE_URL (never the request's host) -----------


def test_registration_email_links_start_with_site_url(site_url, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(OpenEventFactory(), "amina@example.org")
    assert_links_on_site(mail.outbox[-1])


def test_promotion_email_links_start_with_site_url(site_url, django_capture_on_commit_callbacks):
    event = OpenEventFactory(capacity=1)
    first = register(event, "first@example.org")
    register(event, "second@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        workshop_services.cancel_registration(registration=first)
    assert mail.outbox[-1].to == ["second@example.org"]
    assert_links_on_site(mail.outbox[-1])


def test_invitation_email_links_start_with_site_url(
    site_url, staff_client, django_capture_on_commit_callbacks
):
    MemberStateFactory(code="PH")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("delegation_detail", args=["PH"]),
            {"email": "new@example.org", "role": "contributor"},
            HTTP_HOST="attacker.example",
        )
    assert mail.outbox[-1].to == ["new@example.org"]
    assert_links_on_site(mail.outbox[-1])


def test_receipt_email_links_start_with_site_url(site_url, django_capture_on_commit_callbacks):
    s, d = draft_response()
    with django_capture_on_commit_callbacks(execute=True):
        survey_services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    assert_links_on_site(mail.outbox[-1])
    assert f"{SITE}/surveys/{s.survey.pk}/PH/" in mail.outbox[-1].body


def test_reminder_email_links_start_with_site_url(
    site_url, staff_client, django_capture_on_commit_callbacks
):
    s, d = small_survey(), delegation()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("surveys:remind", args=[s.survey.pk]), HTTP_HOST="attacker.example"
        )
    assert mail.outbox[-1].to == [d.focal_point.email]
    assert_links_on_site(mail.outbox[-1])


def test_password_reset_email_links_start_with_site_url(
    site_url, client, django_capture_on_commit_callbacks
):
    FocalPointFactory(email="d@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("password_reset"), {"email": "d@example.org"}, HTTP_HOST="attacker.example"
        )
    assert mail.outbox[-1].to == ["d@example.org"]
    assert_links_on_site(mail.outbox[-1])


# Language: the recipient's, whatever the language of whoever caused the email -------------


def test_invitation_email_in_language_chosen_for_invitee(
    staff_client, django_capture_on_commit_callbacks
):
    MemberStateFactory(code="PH")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("delegation_detail", args=["PH"]),
            {"email": "new@example.org", "role": "contributor", "language": "es"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    message = mail.outbox[-1]
    assert message.body.startswith("Hola:")
    assert '<html lang="es">' in message.alternatives[0][0]


def test_receipt_email_in_each_delegates_language(client, django_capture_on_commit_callbacks):
    s, d = draft_response()
    d.contributor.preferred_language = "fr"
    d.contributor.save()
    d.viewer.preferred_language = "es"
    d.viewer.save()
    client.force_login(d.focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("surveys:submit", args=[s.survey.pk, "PH"]),
            {"version": 1, "confirm": "on"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {
        (d.focal_point.email,),
        (d.contributor.email,),
        (d.viewer.email,),
    }
    assert by_recipient[(d.focal_point.email,)].subject.startswith("Receipt:")
    assert by_recipient[(d.contributor.email,)].subject.startswith("Accusé de réception")
    assert by_recipient[(d.viewer.email,)].subject.startswith("Acuse de recibo")
    assert "Vous trouverez" in by_recipient[(d.contributor.email,)].body


def test_reminder_email_in_focal_points_language(staff_client, django_capture_on_commit_callbacks):
    s, d = small_survey(), delegation()
    d.focal_point.preferred_language = "es"
    d.focal_point.save()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("surveys:remind", args=[s.survey.pk]), HTTP_ACCEPT_LANGUAGE="fr")
    message = mail.outbox[-1]
    assert message.subject.startswith("Recordatorio")
    assert '<html lang="es">' in message.alternatives[0][0]


def test_registration_email_of_account_in_its_language(django_capture_on_commit_callbacks):
    user = UserFactory(preferred_language="es")
    with django_capture_on_commit_callbacks(execute=True):
        register(OpenEventFactory(title="Human Rights"), user.email, user=user, language="fr")
    assert mail.outbox[-1].subject == "Inscripción confirmada: Human Rights"
