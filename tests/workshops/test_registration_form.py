"""The registration form: data-protection notice, consent to the public list, needs, how
one takes part (asked only at a hybrid event), and the state list."""

import html
import re

import pytest
from django.urls import reverse

from tests.factories import MemberStateFactory
from tests.workshops.factories import OpenEventFactory
from workshops.models import Event, Registration

pytestmark = pytest.mark.django_db


def form_data(**extra):
    return {
        "name": "Amina Diallo",
        "email": "amina@example.org",
        "organisation": "Ministry of the Interior",
        "function": "Director",
        "category": Registration.Category.NGO,
        **extra,
    }


def test_register_page_shows_data_protection_notice_and_consent(client):
    event = OpenEventFactory()
    content = client.get(reverse("workshops:register", args=[event.slug])).content.decode()
    assert 'data-testid="data-protection"' in content
    assert 'name="listed_publicly"' in content
    assert 'name="needs"' in content


def test_register_stores_consent_needs_and_chosen_participation_at_hybrid_event(client):
    event = OpenEventFactory(format=Event.Format.HYBRID)
    page = client.get(reverse("workshops:register", args=[event.slug])).content.decode()
    assert 'name="participation"' in page
    client.post(
        reverse("workshops:register", args=[event.slug]),
        form_data(listed_publicly="on", needs="Vegetarian meals", participation="online"),
    )
    registration = Registration.objects.get()
    assert registration.listed_publicly is True
    assert registration.needs == "Vegetarian meals"
    assert registration.participation == Registration.Participation.ONLINE


def test_register_without_consent_is_not_listed_publicly(client):
    event = OpenEventFactory()
    client.post(reverse("workshops:register", args=[event.slug]), form_data())
    assert Registration.objects.get().listed_publicly is False


@pytest.mark.parametrize(
    ("event_format", "expected"),
    [
        (Event.Format.ONLINE, Registration.Participation.ONLINE),
        (Event.Format.IN_PERSON, Registration.Participation.IN_PERSON),
    ],
)
def test_participation_not_asked_but_follows_format(client, event_format, expected):
    event = OpenEventFactory(format=event_format)
    url = reverse("workshops:register", args=[event.slug])
    assert 'name="participation"' not in client.get(url).content.decode()
    # Whatever a client sends, a single-format event decides.
    other = next(p for p in Registration.Participation if p != expected)
    client.post(url, form_data(participation=other))
    assert Registration.objects.get().participation == expected


def option_labels(content, start_after='name="member_state"'):
    select = content[content.index(start_after) :]
    select = select[: select.index("</select>")]
    labels = re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)<", select)
    return [html.unescape(label.strip()) for label in labels]


def seed_states():
    for code, name in [
        ("ZW", "Zimbabwe"),
        ("CI", "Côte d'Ivoire"),
        ("EG", "Egypt"),
        ("CR", "Costa Rica"),
        ("EC", "Ecuador"),
        ("DK", "Denmark"),
        ("BE", "Belgium"),
        ("BZ", "Belize"),
        ("PE", "Peru"),
        ("PA", "Panama"),
    ]:
        MemberStateFactory(code=code, name=name)


def test_register_page_state_list_in_french_alphabetical_order(client):
    seed_states()
    event = OpenEventFactory()
    url = reverse("workshops:register", args=[event.slug])
    content = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert option_labels(content) == [
        "Belgique",
        "Belize",
        "Costa Rica",
        "Côte d'Ivoire",
        "Danemark",
        "Égypte",
        "Équateur",
        "Panama",
        "Pérou",
        "Zimbabwe",
    ]


def test_register_page_state_list_in_spanish_alphabetical_order(client):
    seed_states()
    event = OpenEventFactory()
    url = reverse("workshops:register", args=[event.slug])
    content = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert option_labels(content) == [
        "Bélgica",
        "Belice",
        "Costa de Marfíl",
        "Costa Rica",
        "Dinamarca",
        "Ecuador",
        "Egipto",
        "Panamá",
        "Perú",
        "Zimbabue",
    ]
