"""Funding on the programme's pages without the workshops app importing funding:
`{% load funding_tags %}` in a workshops template, then

- `{% funding_badge event %}`: the computed funding status and percent funded (lists);
- `{% funding_fact event %}`: the same as a <dt>/<dd> pair of an event's facts;
- `{% event_funding_panel event %}`: the event page's funding section (progress, public
  donors; budget, funded and gap for staff; "funded: confirm it" for staff);
- `{% dialogue_funding dialogue %}`: the year's public donors on the dialogue page.

A dialogue year's allocation is computed once per page (five queries), however many events
the page lists: the tags keep it on the request.
"""

from django import template

from funding.allocation import FundingStatus, allocate
from funding.summary import donor_names, funding_of, public_donors, year_public_donors
from workshops.models import Event

register = template.Library()

STATUS_BADGES = {
    FundingStatus.SUBJECT_TO_FUNDING: "text-bg-warning",
    FundingStatus.FUNDED: "text-bg-success",
    FundingStatus.NOT_BUDGETED: "text-bg-light border",
}
CACHE_ATTRIBUTE = "_funding_allocations"


def year_funding(context, dialogue_id):
    """The allocation of a dialogue year, computed once per request (or template render)."""
    holder = getattr(context, "request", None) or context
    allocations = getattr(holder, CACHE_ATTRIBUTE, None)
    if allocations is None:
        allocations = {}
        setattr(holder, CACHE_ATTRIBUTE, allocations)
    if dialogue_id not in allocations:
        allocations[dialogue_id] = allocate(dialogue_id)
    return allocations[dialogue_id]


def viewer(context):
    request = getattr(context, "request", None)
    return getattr(request, "user", None) or context.get("user")


def can(user, permission):
    return bool(user is not None and user.has_perm(permission))


def badge_context(context, event):
    """What the badge shows: nothing for a cancelled event, nor publicly for an event without
    a budget ("No budget" to staff)."""
    if event.status == Event.Status.CANCELLED:
        return {"item": None}
    item = funding_of(event, year_funding(context, event.dialogue_id))
    show_amounts = can(viewer(context), "funding.view_amounts")
    if item.status == FundingStatus.NOT_BUDGETED and not show_amounts:
        return {"item": None}
    return {"item": item, "badge": STATUS_BADGES[item.status]}


@register.inclusion_tag("funding/tags/badge.html", takes_context=True)
def funding_badge(context, event):
    """'Subject to available funding 45 % funded (demo figures)', for a list of events."""
    return badge_context(context, event)


@register.inclusion_tag("funding/tags/fact.html", takes_context=True)
def funding_fact(context, event):
    """The same as a "Funding" term and its description, inside an event's <dl>."""
    return badge_context(context, event)


@register.inclusion_tag("funding/tags/event_panel.html", takes_context=True)
def event_funding_panel(context, event):
    """The event page's funding section."""
    if event.status == Event.Status.CANCELLED:
        return {"item": None}
    user = viewer(context)
    year = year_funding(context, event.dialogue_id)
    item = funding_of(event, year)
    show_amounts = can(user, "funding.view_amounts")
    if item.status == FundingStatus.NOT_BUDGETED and not show_amounts:
        return {"item": None}
    donors = public_donors(item, year)
    return {
        "item": item,
        "badge": STATUS_BADGES[item.status],
        "donors": donors,
        "donor_names": donor_names(donors),
        "show_amounts": show_amounts,
        "can_confirm": (
            can(user, "idm.staff")
            and item.status == FundingStatus.FUNDED
            and event.status == Event.Status.PROPOSED
        ),
        "event": event,
    }


@register.inclusion_tag("funding/tags/dialogue_funding.html", takes_context=True)
def dialogue_funding(context, dialogue):
    """The dialogue year's public donors and, for staff, its totals."""
    year = year_funding(context, dialogue.pk)
    donors = year_public_donors(year)
    return {
        "dialogue": dialogue,
        "year": year,
        "donors": donors,
        "show_amounts": can(viewer(context), "funding.view_amounts"),
        "demo": any(item.demo_budget for item in year.events),
    }
