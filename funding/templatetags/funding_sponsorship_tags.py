"""Sponsored participation shown on workshops' pages, which load this library rather than
import the funding app: the registrant's panel on their registration page, and the links of
focal points and staff to the sponsorship pages."""

from django import template

from funding.models import Sponsorship
from funding.services_sponsorship import STANDING, sponsorship_refusal
from workshops.models import Registration

register = template.Library()


@register.inclusion_tag("funding/tags/sponsorship_panel.html")
def sponsorship_panel(registration):
    """On the registrant's page: their request and its decision, or the way to ask when the
    registration may be sponsored (a delegate of an eligible state, in person, in play)."""
    if registration.category not in Registration.STATE_CATEGORIES:
        return {"show": False}
    sponsorship = Sponsorship.objects.filter(registration=registration).first()
    if sponsorship is not None and sponsorship.status in STANDING:
        return {"show": True, "registration": registration, "sponsorship": sponsorship}
    may_ask = sponsorship_refusal(registration) is None
    return {"show": may_ask, "registration": registration, "sponsorship": None}


@register.inclusion_tag("funding/tags/delegation_link.html", takes_context=True)
def delegation_sponsorship_link(context, event):
    """On the focal point's nominations page: their delegation's sponsorship requests."""
    user = context["user"]
    return {"event": event, "show": user.has_perm("idm.focal_point")}


@register.inclusion_tag("funding/tags/staff_link.html", takes_context=True)
def event_sponsorships_link(context, event, css="btn btn-outline-primary"):
    """On staff's pages of an event: the event's sponsorship requests."""
    user = context["user"]
    return {"event": event, "css": css, "show": user.has_perm("funding.decide_sponsorship")}
