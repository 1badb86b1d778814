"""The deadline wherever a delegate needs it (survey list, overview, section and review pages,
reminder emails, "my tasks"), and the staff reminder: a confirmation step, hidden when nobody
is waited for."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from surveys import services
from surveys.services.notifications import send_reminders
from tests.surveys.factories import complete_values, delegation, small_survey

pytestmark = pytest.mark.django_db


def closing_in(days, hours=0):
    return timezone.now() + datetime.timedelta(days=days, hours=hours, minutes=1)


def shown(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def test_deadline_with_time_left_on_every_delegate_page(client):
    closes = closing_in(5, 3)
    s, d = small_survey(closes_at=closes), delegation()
    client.force_login(d.contributor)
    for url in [
        reverse("surveys:list"),
        reverse("surveys:response", args=[s.survey.pk, "PH"]),
        reverse("surveys:section", args=[s.survey.pk, "PH", 1]),
        reverse("surveys:review", args=[s.survey.pk, "PH"]),
        reverse("my_tasks"),
    ]:
        content = client.get(url).content.decode().replace("\xa0", " ")
        assert shown(closes) in content, url
        assert "5 days, 3 hours left" in content, url


def test_deadline_highlighted_in_its_last_three_days(client):
    s, d = small_survey(closes_at=closing_in(2)), delegation()
    client.force_login(d.contributor)
    content = client.get(reverse("surveys:response", args=[s.survey.pk, "PH"])).content.decode()
    assert 'class="survey-deadline text-danger-emphasis fw-semibold"' in content
    s.survey.closes_at = closing_in(4)
    s.survey.save()
    content = client.get(reverse("surveys:response", args=[s.survey.pk, "PH"])).content.decode()
    assert 'class="survey-deadline"' in content


def test_deadline_passed_or_absent(client):
    past = timezone.now() - datetime.timedelta(days=2)
    small_survey(opens_at=past - datetime.timedelta(days=9), closes_at=past)
    d = delegation()
    other = small_survey(title_en="Without a date")
    client.force_login(d.viewer)
    content = client.get(reverse("surveys:list")).content.decode()
    assert f"closed on {shown(past)}" in content
    row = content.split(f'data-survey="{other.survey.pk}"')[1].split("</tr>")[0]
    assert "none" in row


def test_reminder_email_gives_the_deadline_and_time_left(django_capture_on_commit_callbacks):
    closes = closing_in(6)
    s, d = small_survey(closes_at=closes), delegation()
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders(survey=s.survey, focal_points=[(d.focal_point, d.state, "")])
    [email] = mail.outbox
    assert f"Deadline: {shown(closes)} (6 days left)" in email.body.replace("\xa0", " ")
    assert ".." not in email.body


def test_reminder_asks_for_confirmation_listing_who_is_reminded(staff_client):
    s, d, other = small_survey(), delegation(), delegation("MX", "americas")
    url = reverse("surveys:remind", args=[s.survey.pk])
    page = staff_client.get(url)
    content = page.content.decode()
    assert page.status_code == 200 and mail.outbox == []
    assert d.state.display_name in content and other.state.display_name in content
    assert str(d.focal_point) in content
    assert "Send the reminder to 2 focal points" in content
    dashboard = staff_client.get(reverse("surveys:dashboard", args=[s.survey.pk])).content.decode()
    assert f'href="{url}"' in dashboard
    assert "Email a reminder to 2 focal points of states that have not submitted…" in dashboard


def test_reminder_hidden_when_every_state_has_submitted(staff_client):
    s, d = small_survey(), delegation()
    services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    services.submit_response(survey=s.survey, member_state=d.state, actor=d.focal_point)
    url = reverse("surveys:remind", args=[s.survey.pk])
    dashboard = staff_client.get(reverse("surveys:dashboard", args=[s.survey.pk])).content.decode()
    assert url not in dashboard
    assert "Every member state has submitted: nobody to remind." in dashboard
    confirm = staff_client.get(url).content.decode()
    assert "Nobody to remind" in confirm and "<form" not in confirm.split("<main")[1]
    answer = staff_client.post(url, follow=True)
    assert "Nobody to remind" in answer.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize("role", ["focal_point", "contributor", "anonymous"])
def test_reminder_confirmation_page_staff_only(role):
    s, d = small_survey(), delegation()
    client = Client()
    if role != "anonymous":
        client.force_login(getattr(d, role))
    answer = client.get(reverse("surveys:remind", args=[s.survey.pk]))
    assert answer.status_code == (302 if role == "anonymous" else 403)
    assert "Send the reminder" not in answer.content.decode()
