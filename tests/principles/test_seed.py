import pytest
from django.core.management import call_command

from principles.models import Principle, PrincipleSet
from tests.seed_text import principle_paragraphs

pytestmark = pytest.mark.django_db

HEADLINES = {
    "a": "Return migration is neither a secondary nor ancillary phenomenon, but rather an "
    "integral and crucial component of much international migration and concerns nearly every "
    "State, albeit to differing degrees.",
    "b": "Most returns are “spontaneous”, whereby the migrant returns voluntarily and without "
    "the involvement of States or other national and international actors.",
    "c": "Including return migration in an overall comprehensive policy approach to migration "
    "is crucial for both countries of origin and destination.",
    "d": "Human rights of migrants are an essential component to be safeguarded in the design "
    "and implementation of return migration programmes and policies.",
    "e": "Voluntary return is preferable over forced return as it provides the greatest "
    "convergence of interests between the stakeholders involved.",
    "f": "Assisted Voluntary Return and Reintegration (AVRR) has proven an effective strategy to "
    "organize return by supporting migrants from their departure from the country of "
    "destination through to their reintegration in the country of origin, whereby individuals "
    "receive counselling on their rights, responsibilities and options to enable them to make "
    "an informed decision and benefit from financial and/or logistical support from a State or "
    "other national or international actor.",
    "g": "Policy coherence between different spheres of policy-making is an important "
    "consideration.",
    "h": "Similarly, policy coherence is also relevant at various levels of policy making "
    "(local, national, regional and international).",
    "i": "One aspect of return migration is its potential to enhance home country development.",
    "j": "Capacity is a prerequisite to developing and implementing effective and humane return "
    "policies, to maximizing its positive potential, including its development potential, and "
    "to minimizing its potentially negative impact.",
    "k": "Equal partnership between countries of origin and countries of destination is the "
    "fundamental principle underlying effective, fair and transparent return migration policy.",
}


def test_seed_principles_eleven_headlines_verbatim():
    call_command("seed_idm")
    principles = Principle.objects.order_by("order")
    assert [p.label for p in principles] == list("abcdefghijk")
    assert {p.label: p.headline for p in principles} == HEADLINES


def test_seed_principles_headline_and_body_give_the_note_word_for_word():
    call_command("seed_idm")
    paragraphs = principle_paragraphs()
    assert len(paragraphs) == 11
    for principle in Principle.objects.all():
        assert f"{principle.headline} {principle.body}" == paragraphs[principle.label]
    assert "nonnationals" in Principle.objects.get(label="d").body
    assert "Article 1(1)(e)" not in Principle.objects.get(label="b").body


def test_seed_principles_belong_to_idm_2008_and_its_two_workshops():
    call_command("seed_idm")
    principle_set = PrincipleSet.objects.get()
    assert (principle_set.title, principle_set.dialogue.year) == (
        "Key policy principles on return migration",
        2008,
    )
    assert principle_set.introduction.startswith("With reference to the overarching theme")
    for principle in Principle.objects.prefetch_related("events", "topics"):
        assert sorted(e.title for e in principle.events.all()) == [
            "Enhancing the Role of Return Migration in Fostering Development",
            "Managing Return Migration",
        ]
        assert principle.topics.exists()
    reintegration = Principle.objects.filter(topics__slug="reintegration")
    assert sorted(reintegration.values_list("label", flat=True)) == ["e", "f", "i", "j"]
