"""Staff pages of an event's evaluation: response rate by category and region, ratings,
attaching a survey from the template, sending the invitations now; and the evaluation block
on the event's participants page."""

import pytest
from django.core import mail

from surveys.evaluations import services as evaluations
from surveys.models import EvaluationInvitation, Survey
from tests.factories import DelegateFactory, MemberStateFactory
from tests.helpers import count_queries
from tests.surveys.evaluations.factories import evaluation, held_event, invite, participant
from tests.surveys.factories import QuestionFactory, SectionFactory, SurveyFactory
from tests.workshops.factories import OpenEventFactory

pytestmark = pytest.mark.django_db


def page_url(event):
    return f"/events/{event.slug}/evaluation/"


def answered_evaluation(participants):
    """An evaluation with `participants` invited, every second one of them answering."""
    e = evaluation()
    for index in range(participants):
        state = MemberStateFactory(region="asia" if index % 2 else "europe")
        invitation, _token = invite(
            e.survey, participant(e.event, category="member_state", member_state=state)
        )
        if index % 2 == 0:
            evaluations.save_evaluation(invitation=invitation, values={e.rating.pk: 3 + index % 3})
            evaluations.submit_evaluation(invitation=invitation)
    return e


def test_event_evaluation_page_staff_see_rate_breakdown_and_ratings(staff_client):
    e = answered_evaluation(4)
    participant(e.event)  # not invited yet
    page = staff_client.get(page_url(e.event))
    assert page.status_code == 200
    html = page.content.decode()
    assert "2 of 4 invited participants answered (50.0 %)." in html
    assert "1 participant not invited yet." in html
    rates = page.context["groups"]
    assert [(g.value, g.invited, g.answered) for g in rates] == [("member_state", 4, 2)]
    assert page.context["ratings"][0].question == e.rating
    by_region = staff_client.get(page_url(e.event) + "?by=region")
    assert [(g.value, g.answered) for g in by_region.context["groups"]] == [
        ("asia", 0),
        ("europe", 2),
    ]
    assert f"/surveys/{e.survey.pk}/results/?region=europe" in by_region.content.decode()


@pytest.mark.parametrize("by", ["category", "region"])
def test_event_evaluation_page_same_query_count_at_1_and_8_participants(
    staff_client, django_assert_num_queries, by
):
    small, large = answered_evaluation(1), answered_evaluation(8)
    one = count_queries(staff_client, page_url(small.event) + f"?by={by}")
    with django_assert_num_queries(one):
        page = staff_client.get(page_url(large.event) + f"?by={by}")
    assert sum(group.invited for group in page.context["groups"]) == 8


def test_event_evaluation_page_delegate_refused_anonymous_sent_to_login(client):
    e = answered_evaluation(2)
    assert client.get(page_url(e.event)).status_code == 302
    client.force_login(DelegateFactory())
    page = client.get(page_url(e.event))
    assert page.status_code == 403 and "invited participants" not in page.content.decode()
    assert client.post(f"/events/{e.event.slug}/evaluation/invitations/").status_code == 403
    assert client.post(f"/events/{e.event.slug}/evaluation/create/").status_code == 403


def test_event_evaluation_page_without_survey_offers_the_templates(staff_client):
    template = SurveyFactory(kind=Survey.Kind.EVENT_EVALUATION, status="draft")
    QuestionFactory(section=SectionFactory(survey=template), kind="likert")
    event = held_event()
    page = staff_client.get(page_url(event))
    assert page.status_code == 200 and page.context["summary"] is None
    assert "Create the evaluation survey" in page.content.decode()

    created = staff_client.post(f"/events/{event.slug}/evaluation/create/", {"template": ""})
    assert created.status_code == 400 and "This field is required." in created.content.decode()
    created = staff_client.post(
        f"/events/{event.slug}/evaluation/create/", {"template": template.pk}, follow=True
    )
    survey = Survey.objects.get(event=event)
    assert survey.sections.get().questions.get().kind == "likert"
    assert "The evaluation survey is ready." in created.content.decode()
    again = staff_client.post(
        f"/events/{event.slug}/evaluation/create/", {"template": template.pk}, follow=True
    )
    assert "This event already has an evaluation survey." in again.content.decode()
    assert Survey.objects.filter(event=event).count() == 1


def test_event_evaluation_page_without_template_says_how_to_make_one(staff_client):
    page = staff_client.get(page_url(held_event()))
    assert "There is no evaluation template to copy." in page.content.decode()


def test_send_invitations_confirm_then_send(staff_client, django_capture_on_commit_callbacks):
    e = evaluation()
    participant(e.event, name="Jose Reyes")
    participant(e.event, name="Waiting Person", status="waitlisted")
    url = f"/events/{e.event.slug}/evaluation/invitations/"
    confirm = staff_client.get(url).content.decode()
    assert "Jose Reyes" in confirm and "Waiting Person" not in confirm
    assert not EvaluationInvitation.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        sent = staff_client.post(url, follow=True)
    assert "Invitation emailed to 1 participant." in sent.content.decode()
    assert len(mail.outbox) == 1
    assert "Send the invitations now" not in staff_client.get(page_url(e.event)).content.decode()
    again = staff_client.post(url, follow=True).content.decode()
    assert "Every confirmed participant has already been invited." in again
    assert len(mail.outbox) == 1


def test_send_invitations_before_event_not_offered(staff_client):
    e = evaluation(event=OpenEventFactory())
    participant(e.event)
    assert "Send the invitations now" not in staff_client.get(page_url(e.event)).content.decode()
    refused = staff_client.post(f"/events/{e.event.slug}/evaluation/invitations/", follow=True)
    assert "Invitations go out once the event has started." in refused.content.decode()
    assert not EvaluationInvitation.objects.exists()


def test_participants_staff_page_shows_evaluation_rate(staff_client):
    e = answered_evaluation(4)
    page = staff_client.get(f"/events/{e.event.slug}/participants/all/")
    html = page.content.decode()
    assert "Evaluation by the participants" in html
    assert "2 of 4 invited participants answered (50.0 %)." in html
    assert f'href="/surveys/{e.survey.pk}/results/"' in html


def test_participants_staff_page_without_evaluation_links_to_set_it_up(staff_client):
    event = held_event()
    html = staff_client.get(f"/events/{event.slug}/participants/all/").content.decode()
    assert "This event has no evaluation survey yet." in html
    assert f'href="/events/{event.slug}/evaluation/"' in html


def test_survey_dashboard_of_an_evaluation_leads_to_the_event_page(staff_client):
    e = evaluation()
    page = staff_client.get(f"/surveys/{e.survey.pk}/dashboard/")
    assert page.status_code == 302 and page["Location"] == page_url(e.event)


def test_remind_focal_points_of_an_evaluation_refused(staff_client):
    e = evaluation()
    page = staff_client.post(f"/surveys/{e.survey.pk}/remind/", follow=True)
    assert "answer its evaluation" in page.content.decode()
    assert mail.outbox == []
