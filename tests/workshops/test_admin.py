import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import DialogueFactory, DocumentFactory
from tests.helpers import count_queries
from tests.workshops.factories import EventFactory, OpenEventFactory, RegistrationFactory
from workshops.models import Event, Registration

pytestmark = pytest.mark.django_db


def event_form_data(dialogue, **changes):
    data = {
        "dialogue": dialogue.pk,
        "kind": "workshop",
        "title_en": "Migration and the Economic Crisis",
        "slug": "2010-economic-crisis",
        "status": "proposed",
        "order": 0,
        "start_date": "2010-03-18",
        "end_date": "2010-03-19",
        "format": "in_person",
        "sessions-TOTAL_FORMS": 0,
        "sessions-INITIAL_FORMS": 0,
        "Event_documents-TOTAL_FORMS": 0,
        "Event_documents-INITIAL_FORMS": 0,
        "category_quotas-TOTAL_FORMS": 0,
        "category_quotas-INITIAL_FORMS": 0,
    }
    return {**data, **changes}


def test_admin_event_end_before_start_refused_with_clear_message(staff_client):
    dialogue = DialogueFactory(year=2010)
    response = staff_client.post(
        reverse("admin:workshops_event_add"), event_form_data(dialogue, end_date="2010-03-17")
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors == {"end_date": ["The end date cannot be before the start date."]}
    assert "The end date cannot be before the start date." in response.content.decode()
    assert not Event.objects.exists()


def test_admin_event_add_saves_through_service_with_history(staff_client, staff_user):
    dialogue = DialogueFactory(year=2010)
    document = DocumentFactory(dialogue=dialogue)
    data = event_form_data(
        dialogue,
        **{
            "sessions-TOTAL_FORMS": 1,
            "sessions-0-order": 1,
            "sessions-0-title_en": "Opening",
            "sessions-0-kind": "opening",
            "Event_documents-TOTAL_FORMS": 1,
            "Event_documents-0-document": document.pk,
        },
    )
    response = staff_client.post(reverse("admin:workshops_event_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    assert [s.title for s in event.sessions.all()] == ["Opening"]
    assert list(event.documents.all()) == [document]
    assert event.history.latest().history_user == staff_user


def test_admin_event_list_shows_document_counts_with_bounded_queries(
    staff_client, django_assert_num_queries
):
    url = reverse("admin:workshops_event_changelist")

    def make(i):
        event = EventFactory()
        event.documents.add(DocumentFactory(), DocumentFactory())
        RegistrationFactory(event=event)

    make(0)
    queries_for_one = count_queries(staff_client, url)
    for i in range(1, 20):
        make(i)
    with django_assert_num_queries(queries_for_one):
        response = staff_client.get(url)
    rows = response.context["cl"].result_list
    assert {(e.document_count, e.seats_taken) for e in rows} == {(2, 1)}


def test_admin_dialogue_list_shows_event_counts(staff_client):
    dialogue = DialogueFactory(year=2009)
    EventFactory(dialogue=dialogue)
    EventFactory(dialogue=dialogue).documents.add(DocumentFactory(dialogue=dialogue))
    response = staff_client.get(reverse("admin:idm_dialogue_changelist"))
    (row,) = response.context["cl"].result_list
    assert (row.event_count, row.document_count) == (2, 1)


def test_admin_registration_actions_cancel_promotes_waiting_list(staff_client):
    event = EventFactory(capacity=1)
    confirmed = RegistrationFactory(event=event, status=Registration.Status.CONFIRMED)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    staff_client.post(
        reverse("admin:workshops_registration_changelist"),
        {"action": "cancel", "_selected_action": [confirmed.pk]},
    )
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_admin_registration_list_filters_by_status(staff_client):
    RegistrationFactory(status=Registration.Status.WAITLISTED, name="Waiting Person")
    RegistrationFactory(status=Registration.Status.CONFIRMED)
    response = staff_client.get(
        reverse("admin:workshops_registration_changelist"), {"status__exact": "waitlisted"}
    )
    assert [r.name for r in response.context["cl"].result_list] == ["Waiting Person"]


def test_admin_event_status_action(staff_client):
    event = EventFactory(status=Event.Status.PROPOSED)
    staff_client.post(
        reverse("admin:workshops_event_changelist"),
        {"action": "mark_confirmed", "_selected_action": [event.pk]},
    )
    event.refresh_from_db()
    assert event.status == Event.Status.CONFIRMED


@pytest.mark.parametrize(
    "name",
    [
        "workshops_event",
        "workshops_session",
        "workshops_speaker",
        "workshops_registration",
        "principles_principleset",
        "principles_principle",
        "principles_topic",
    ],
)
def test_admin_pages_staff_only(staff_client, name):
    url = reverse(f"admin:{name}_changelist")
    assert Client().get(url).status_code == 302
    assert staff_client.get(url).status_code == 200


def test_admin_change_pages_render_with_inlines(staff_client):
    from django.core.management import call_command

    from principles.models import PrincipleSet

    call_command("seed_idm")
    event = Event.objects.get(slug="2008-informal-consultations")
    response = staff_client.get(reverse("admin:workshops_event_change", args=[event.pk]))
    assert response.status_code == 200
    assert "IC/2008/6" in response.content.decode()  # the documents inline
    principle_set = PrincipleSet.objects.get()
    response = staff_client.get(
        reverse("admin:principles_principleset_change", args=[principle_set.pk])
    )
    assert response.status_code == 200
    assert "Equal partnership between countries of origin" in response.content.decode()


def test_admin_approve_and_decline_actions_with_acting_user(staff_client, staff_user):
    event = OpenEventFactory(capacity=1, requires_approval=True)
    first, second, third = (
        RegistrationFactory(event=event, status=Registration.Status.PENDING) for _ in range(3)
    )
    url = reverse("admin:workshops_registration_changelist")
    staff_client.post(url, {"action": "approve", "_selected_action": [first.pk, second.pk]})
    staff_client.post(url, {"action": "decline", "_selected_action": [third.pk]})
    statuses = list(event.registrations.order_by("pk").values_list("status", flat=True))
    assert statuses == ["confirmed", "waitlisted", "declined"]
    assert {r.history.order_by("-history_id").first().history_user for r in (first, third)} == {
        staff_user
    }


def test_admin_event_saves_category_quota_and_state_limit(staff_client):
    dialogue = DialogueFactory(year=2010)
    data = event_form_data(
        dialogue,
        requires_approval="on",
        per_state_limit=3,
        **{
            "category_quotas-TOTAL_FORMS": 1,
            "category_quotas-0-category": "ngo",
            "category_quotas-0-seats": 20,
        },
    )
    response = staff_client.post(reverse("admin:workshops_event_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    assert (event.requires_approval, event.per_state_limit) == (True, 3)
    assert list(event.category_quotas.values_list("category", "seats")) == [("ngo", 20)]
