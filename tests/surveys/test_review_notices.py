"""A contributor tells the focal point "the draft is ready for your review": an email in the
focal point's language, recorded, and at most one notice an hour per response."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from surveys import services
from surveys.models import ReviewNotice
from surveys.services.review_notices import NoticeRefused, NoticeTooSoon, notify_focal_point
from tests.factories import FocalPointFactory
from tests.surveys.factories import complete_values, delegation, small_survey

pytestmark = pytest.mark.django_db


def draft(s, d, values=None):
    return services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=values if values is not None else {s.likert.pk: 4},
        expected_version=0,
        actor=d.contributor,
    )


def notify_url(s, code="PH"):
    return reverse("surveys:notify", args=[s.survey.pk, code])


def overview_url(s, code="PH"):
    return reverse("surveys:response", args=[s.survey.pk, code])


def test_notice_emails_the_focal_point_in_their_language_and_is_recorded(
    client, django_capture_on_commit_callbacks
):
    s, d = small_survey(closes_at=timezone.now() + datetime.timedelta(days=5)), delegation()
    d.focal_point.preferred_language = "fr"
    d.focal_point.save()
    response = draft(s, d)
    client.force_login(d.contributor)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(notify_url(s), {"note": "Section 2 needs the ministry's figure."})
    assert answer.status_code == 302 and answer.url == overview_url(s)
    notice = ReviewNotice.objects.get()
    assert (notice.response, notice.version, notice.sent_by) == (response, 1, d.contributor)
    assert notice.recipients == [d.focal_point.email]
    assert notice.note == "Section 2 needs the ministry's figure."
    [email] = mail.outbox
    assert email.to == [d.focal_point.email]
    assert email.subject.startswith("Prêt pour votre relecture")
    assert "Section 2 needs the ministry's figure." in email.body
    assert "Réponses obligatoires données : 1 sur 3." in email.body  # progress
    review = f"/surveys/{s.survey.pk}/PH/review/"
    assert review in email.body
    assert "Date limite" in email.body
    page = client.get(overview_url(s)).content.decode()
    assert "was told that the draft is ready for review" in page
    assert "Sent for review" in page and str(d.contributor) in page


def test_second_notice_within_the_hour_refused_with_a_clear_message_note_kept(
    client, django_capture_on_commit_callbacks
):
    s, d = small_survey(), delegation()
    draft(s, d)
    client.force_login(d.contributor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(notify_url(s), {"note": ""})
        answer = client.post(notify_url(s), {"note": "Please look again"})
    assert answer.status_code == 400
    content = answer.content.decode()
    assert "told the focal point on" in content and "Another notice can be sent after" in content
    assert "Please look again" in content  # nothing typed is lost
    assert ReviewNotice.objects.count() == 1 and len(mail.outbox) == 1


def test_notice_allowed_again_after_the_interval():
    s, d = small_survey(), delegation()
    draft(s, d)
    first = notify_focal_point(survey=s.survey, member_state=d.state, actor=d.contributor)
    with pytest.raises(NoticeTooSoon):
        notify_focal_point(
            survey=s.survey,
            member_state=d.state,
            actor=d.contributor,
            now=first.sent_at + datetime.timedelta(minutes=59),
        )
    later = notify_focal_point(
        survey=s.survey,
        member_state=d.state,
        actor=d.contributor,
        now=first.sent_at + datetime.timedelta(minutes=61),
    )
    assert ReviewNotice.objects.count() == 2 and later.pk != first.pk


def test_notice_reaches_every_active_focal_point_of_the_state_only():
    s, d, other = small_survey(), delegation(), delegation("MX", "americas")
    second = FocalPointFactory(member_state=d.state, email="fp2.ph@example.org")
    FocalPointFactory(member_state=d.state, email="gone.ph@example.org", is_active=False)
    draft(s, d)
    notice = notify_focal_point(survey=s.survey, member_state=d.state, actor=d.contributor)
    assert notice.recipients == sorted([d.focal_point.email, second.email])
    assert other.focal_point.email not in notice.recipients


def test_notice_refused_without_a_draft_or_a_focal_point():
    s, d = small_survey(), delegation()
    with pytest.raises(NoticeRefused, match="no draft"):
        notify_focal_point(survey=s.survey, member_state=d.state, actor=d.contributor)
    draft(s, d)
    d.focal_point.is_active = False
    d.focal_point.save()
    with pytest.raises(NoticeRefused, match="no focal point"):
        notify_focal_point(survey=s.survey, member_state=d.state, actor=d.contributor)
    assert not ReviewNotice.objects.exists() and mail.outbox == []


def test_notice_refused_once_submitted():
    s, d = small_survey(), delegation()
    draft(s, d, complete_values(s))
    services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    with pytest.raises(services.ResponseLocked):
        notify_focal_point(survey=s.survey, member_state=d.state, actor=d.contributor)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("contributor", 302),  # the owner of the notice
        ("focal_point", 403),  # colleagues of other roles
        ("viewer", 403),
        ("outsider", 404),  # another state's delegate
        ("anonymous", 302),  # to the login page
        ("staff", 403),
    ],
)
def test_notify_route_access(request, role, status):
    s, d, outsider = small_survey(), delegation(), delegation("MX", "americas")
    draft(s, d)
    if role == "staff":
        client = request.getfixturevalue("staff_client")
    else:
        client = Client()
        if role == "outsider":
            client.force_login(outsider.contributor)
        elif role != "anonymous":
            client.force_login(getattr(d, role))
    answer = client.post(notify_url(s), {"note": ""})
    assert answer.status_code == status
    if role == "anonymous":
        assert answer.url.startswith(reverse("login"))
    assert ReviewNotice.objects.count() == (1 if role == "contributor" else 0)


def test_notify_button_on_the_overview_for_contributors_only(client):
    s, d = small_survey(), delegation()
    draft(s, d)
    for user, shown in [(d.contributor, True), (d.focal_point, False), (d.viewer, False)]:
        client.force_login(user)
        content = client.get(overview_url(s)).content.decode()
        assert ('id="notify-focal-point"' in content) == shown, user
        assert "Tell the focal point the draft is ready for review" in content or not shown
