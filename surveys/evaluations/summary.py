"""Figures of an event's evaluation, computed in the database: how many participants were
invited and answered (overall, by category and by region of the participants), and the mean
rating of each rated question by category or region.

`event_evaluation_summary(event)` is what other pages show (the participants' staff page,
the event report): `{% load surveys_evaluations %}` gives it to templates without importing
this app.
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from idm.models import Region
from surveys.evaluations.services import EVALUATING_STATUSES
from surveys.models import Answer, EvaluationInvitation, Response, Survey
from surveys.results import percent
from workshops.models import Registration

BREAKDOWNS = {
    "category": ("registration__category", Registration.Category),
    "region": ("registration__member_state__region", Region),
}
NO_REGION = _("No state (organizations and others)")


@dataclass
class EvaluationSummary:
    """Where an event's evaluation stands. `response_rate` is answered / invited in percent
    (None before anyone is invited); links lead to staff pages."""

    survey: Survey
    participants: int  # confirmed or attending
    invited: int
    answered: int  # submitted responses
    drafts: int
    to_invite: int  # participants not invited yet

    @property
    def event(self):
        return self.survey.event

    @property
    def response_rate(self):
        return percent(self.answered, self.invited) if self.invited else None

    @property
    def page_url(self):
        return reverse("surveys:event-evaluation", kwargs={"slug": self.survey.event.slug})

    @property
    def results_url(self):
        return reverse("surveys:results", kwargs={"pk": self.survey.pk})


def event_evaluation_summary(event):
    """The EvaluationSummary of `event`'s evaluation survey, or None if it has none (four
    queries)."""
    survey = Survey.objects.filter(event=event).select_related("event").first()
    if survey is None:
        return None
    responses = Response.objects.filter(survey=survey).aggregate(
        answered=Count("pk", filter=Q(status=Response.Status.SUBMITTED)),
        drafts=Count("pk", filter=Q(status=Response.Status.DRAFT)),
    )
    invitations = EvaluationInvitation.objects.filter(survey=survey)
    registrations = Registration.objects.filter(
        event=event, status__in=EVALUATING_STATUSES
    ).aggregate(
        participants=Count("pk"),
        to_invite=Count("pk", filter=~Q(Exists(invitations.filter(registration=OuterRef("pk"))))),
    )
    return EvaluationSummary(
        survey=survey,
        invited=invitations.count(),
        **responses,
        **registrations,
    )


@dataclass
class RateRow:
    value: str
    label: str
    invited: int
    answered: int

    @property
    def rate(self):
        return percent(self.answered, self.invited)


def group_label(choices, value):
    if value is None:
        return NO_REGION
    return choices(value).label if value in choices.values else value


def in_choice_order(rows, choices):
    order = {value: index for index, value in enumerate(choices.values)}
    return sorted(rows, key=lambda row: order.get(row.value, len(order)))


def response_rates(survey, by):
    """[RateRow] of the invited participants grouped `by` "category" or "region" (one query)."""
    path, choices = BREAKDOWNS[by]
    submitted = Response.objects.filter(
        survey=survey,
        registration=OuterRef("registration"),
        status=Response.Status.SUBMITTED,
    )
    rows = (
        EvaluationInvitation.objects.filter(survey=survey)
        .values(path)
        .annotate(invited=Count("pk"), answered=Count("pk", filter=Q(Exists(submitted))))
        .order_by()
    )
    return in_choice_order(
        [
            RateRow(row[path], group_label(choices, row[path]), row["invited"], row["answered"])
            for row in rows
        ],
        choices,
    )


@dataclass
class RatingRow:
    """One rated question: its mean over all submitted answers and per group."""

    question: object
    number: int
    count: int = 0
    mean: float | None = None
    groups: list = field(default_factory=list)  # [(count, mean or None)] in column order


def ratings(survey, questionnaire, groups, by):
    """[RatingRow] of every question answered with a number (Likert ratings), with its mean
    in each of `groups` (RateRows), from submitted responses (one query)."""
    path = f"response__{BREAKDOWNS[by][0]}"
    cells = {}
    for question_id, group, count, mean in (
        Answer.objects.filter(
            response__survey=survey,
            response__status=Response.Status.SUBMITTED,
            number__isnull=False,
        )
        .values_list("question_id", path)
        .annotate(n=Count("pk"), mean=Avg("number"))
        .order_by()
    ):
        cells[question_id, group] = (count, float(mean))
    rows = []
    for question in questionnaire.questions:
        in_groups = [cells.get((question.pk, group.value)) for group in groups]
        known = [cell for cell in in_groups if cell]
        if not known:
            continue
        count = sum(n for n, _mean in known)
        rows.append(
            RatingRow(
                question=question,
                number=questionnaire.numbers[question.pk],
                count=count,
                mean=round(sum(n * mean for n, mean in known) / count, 2),
                groups=[(cell[0], round(cell[1], 2)) if cell else (0, None) for cell in in_groups],
            )
        )
    return rows


def mean_ratings(survey, questionnaire):
    """[RatingRow] of every question answered with a number, over all submitted responses
    (one query); no breakdown."""
    overall = {
        question_id: (count, float(mean))
        for question_id, count, mean in Answer.objects.filter(
            response__survey=survey,
            response__status=Response.Status.SUBMITTED,
            number__isnull=False,
        )
        .values_list("question_id")
        .annotate(n=Count("pk"), mean=Avg("number"))
        .order_by()
    }
    return [
        RatingRow(
            question=question,
            number=questionnaire.numbers[question.pk],
            count=overall[question.pk][0],
            mean=round(overall[question.pk][1], 2),
        )
        for question in questionnaire.questions
        if question.pk in overall
    ]
