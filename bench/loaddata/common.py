"""What a scale means, and the mark every generated row carries (so it can be removed)."""

from dataclasses import dataclass

from django.db import connection

PREFIX = "load-"
SEED = 2009  # the random generator's seed: the same data on every machine


@dataclass(frozen=True)
class Volumes:
    states: int
    years: int
    events_per_year: int
    registrations_per_event: int
    survey_questions: int
    membership_surveys: int
    evaluation_participants: int
    evaluation_questions: int

    @classmethod
    def at(cls, scale):
        """Scale 1 is IOM's scale (175 states, 25 years, 150 events, 15,000 registrations,
        3 surveys × 60 questions answered by every state, an evaluation with 100,000 answers).
        Above 1 the per-event and per-survey volumes grow; below 1 (the harness's own test)
        everything shrinks, keeping a few of each."""
        if scale <= 0:
            raise ValueError("The scale must be more than zero.")
        shrink = min(scale, 1)
        return cls(
            states=max(6, round(175 * shrink)),
            years=max(2, round(25 * shrink)),
            events_per_year=6 if scale >= 1 else max(2, round(6 * shrink * 2)),
            registrations_per_event=max(4, round(100 * scale)),
            survey_questions=max(8, round(60 * shrink)),
            membership_surveys=3 if scale >= 1 else 2,
            evaluation_participants=max(10, round(5000 * scale)),
            evaluation_questions=20 if scale >= 1 else 8,
        )

    @property
    def events(self):
        return self.years * self.events_per_year


def raw_delete(queryset):
    """Delete rows in one statement: no signals (no history rows for load data), no
    cascade collection in Python. Callers delete children before parents."""
    pks = queryset.values("pk")
    queryset.model._base_manager.filter(pk__in=pks)._raw_delete(connection.alias)
