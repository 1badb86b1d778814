"""Named permissions of the funding app (django-rules), asked by views and templates:
`request.user.has_perm("funding.view_funding_report")`, `{% if perms.funding.view_amounts %}`."""

import rules

from idm.permissions import is_focal_point_of, is_staff


@rules.predicate
def is_registrant(user, registration):
    """The person registered: the registration's account or its email address."""
    if registration is None or not (user and user.is_authenticated and user.is_active):
        return False
    if registration.user_id is not None:
        return registration.user_id == user.pk
    return bool(user.email) and registration.email.lower() == user.email.lower()


@rules.predicate
def is_focal_point_of_registrant(user, registration):
    """The focal point of the state the registrant represents (they nominate its delegation)."""
    if registration is None or registration.member_state_id is None:
        return False
    return is_focal_point_of(user, registration.member_state_id)


# The secretariat's funding report, donor statements and event reports.
rules.add_perm("funding.view_funding_report", is_staff)
# Amounts of contributions that are not public, budgets and sponsorship costs.
rules.add_perm("funding.view_amounts", is_staff)
# Ask that IOM pay a registrant's participation: the registrant or their state's focal point.
rules.add_perm("funding.request_sponsorship", is_registrant | is_focal_point_of_registrant)
# Approve or decline a sponsorship request.
rules.add_perm("funding.decide_sponsorship", is_staff)
