"""Survey snippets other pages can show without importing this app, e.g. a delegate's start
page: `{% load surveys_tags %}{% state_surveys user %}`."""

from datetime import timedelta

from django import template
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from surveys.models import Response, Survey

register = template.Library()


@register.inclusion_tag("surveys/tags/state_surveys.html")
def state_surveys(user):
    """The published surveys for the user's state, each with its response's status and its
    deadline, in one query."""
    state_id = getattr(user, "member_state_id", None)
    if state_id is None:
        return {"rows": [], "state": None}
    status = Response.objects.filter(survey=OuterRef("pk"), member_state_id=state_id)
    surveys = (
        Survey.objects.published()
        .for_member_states()
        .select_related("dialogue")
        .annotate(response_status=Subquery(status.values("status")[:1]))
        .order_by("-opens_at", "-pk")
    )
    rows = [
        {
            "survey": survey,
            "status": Response.Status(survey.response_status).label
            if survey.response_status
            else None,
        }
        for survey in surveys
    ]
    return {"rows": rows, "state": user.member_state}


SOON = timedelta(days=3)


@register.inclusion_tag("surveys/tags/deadline.html")
def deadline(survey, label=True):
    """A survey's deadline as people need it: the date and the time left while it is open
    (highlighted in its last three days), "closed on …" afterwards, or "no deadline"."""
    now = timezone.now()
    closes_at = survey.closes_at
    if survey.is_closed(now):
        state = "closed"
    elif closes_at is None:
        state = "none"
    else:
        state = "open"
    return {
        "state": state,
        "closes_at": closes_at if state != "closed" or (closes_at and closes_at <= now) else None,
        "soon": state == "open" and closes_at - now <= SOON,
        "label": label,
    }
