"""Realistic data at IOM's scale on top of the seed (`generate_load_data --scale N`).

Deterministic (one seeded random generator), fast (`bulk_create`), idempotent per scale: the
scale loaded is recorded in the cache-free `LoadMark` row; loading the same scale again does
nothing, another scale replaces the earlier load data. Every generated row is recognisable
(`load-` in a slug, an email address or a reference) so that it can be removed.
"""

import random

from django.db import transaction

from bench.loaddata import funding, programme, surveys
from bench.loaddata.common import SEED, Volumes
from bench.models import LoadMark


def load(scale, *, log=print):
    mark = LoadMark.objects.first()
    if mark and mark.scale == scale:
        log(f"Load data at scale {scale:g} is already there.")
        return False
    volumes = Volumes.at(scale)
    rng = random.Random(SEED)
    with transaction.atomic():
        if mark:
            log(f"Removing the load data of scale {mark.scale:g}…")
            remove()
        states = programme.member_states(volumes)
        log(f"{len(states)} member states with delegations")
        years = programme.dialogue_years(volumes)
        events = programme.events(volumes, years, rng)
        log(f"{len(years)} dialogue years, {len(events)} events with agendas")
        programme.registrations(volumes, events, states, rng)
        log(f"{volumes.registrations_per_event * len(events)} registrations")
        surveys.membership_surveys(volumes, years[-1], states, rng)
        log(f"{volumes.membership_surveys} surveys × {volumes.survey_questions} questions")
        surveys.theme_selection(volumes, years[-1], states, rng)
        held = [event for event in events if event.status == event.Status.HELD]
        answers = surveys.evaluation(volumes, held[-1], states, rng)
        log(f"an evaluation survey with {answers} answers")
        funding.load(years, events, states, rng)
        log("funding for every year")
        LoadMark.objects.all().delete()
        LoadMark.objects.create(scale=scale)
    return True


def remove():
    surveys.remove()
    funding.remove()
    programme.remove()
    LoadMark.objects.all().delete()
