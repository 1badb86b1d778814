"""The funding app's named permissions (one permission layer: idm/permissions.py).

Views ask `request.user.has_perm("funding.…", obj)`; templates `{% if perms.funding.… %}` or
`{% has_perm "funding.…" user obj as allowed %}`. Imported by FundingConfig.ready.
"""

import rules

from idm.permissions import is_focal_point_of, is_staff


@rules.predicate
def is_registrant(user, registration):
    """The participant of `registration`: its account, or the account of its email address."""
    if registration is None or not (user and user.is_authenticated and user.is_active):
        return False
    if registration.user_id is not None:
        return registration.user_id == user.pk
    return bool(user.email) and registration.email.lower() == user.email.lower()


@rules.predicate
def is_focal_point_of_registrant_state(user, registration):
    """The focal point of the state `registration` represents (who nominates its delegates)."""
    return registration is not None and is_focal_point_of(user, registration.member_state_id)


# Staff read the year's funding report, donor statements and event reports.
rules.add_perm("funding.view_funding_report", is_staff)
# Staff see money: budgets, amounts funded, gaps, every contribution (public or not).
rules.add_perm("funding.view_amounts", is_staff)
# A registrant asks for sponsorship of their own registration, a focal point for their state's.
rules.add_perm("funding.request_sponsorship", is_registrant | is_focal_point_of_registrant_state)
# Staff approve or decline sponsorship requests.
rules.add_perm("funding.decide_sponsorship", is_staff)
