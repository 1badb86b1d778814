"""Who may do what with surveys: django-rules predicates, registered as named permissions.

Views ask `request.user.has_perm("surveys.…", obj)`, templates
`{% load rules %}{% has_perm "surveys.…" user obj as allowed %}`; the API and the services ask
the same predicates. The objects:

- a Survey: `surveys.view_survey`, `surveys.manage_survey`, `surveys.view_results`;
- a MemberState: `surveys.view_response` (a state's responses to every survey);
- a state's response as the pages load it (anything with `survey`, `state` and `response`,
  e.g. surveys.views.common.StateResponse; `response` is None before the first save):
  `surveys.respond`, `surveys.submit_response`, `surveys.notify_focal_point`,
  `surveys.reopen_response`, `surveys.view_response_pdf`.
"""

import rules
from django.db.models import Q
from django.utils import timezone

from idm.models import MemberState
from idm.permissions import (
    can_contribute_for,
    can_view_delegation,
    is_delegate_of,
    is_focal_point_of,
    is_staff,
)
from surveys.models import Survey


@rules.predicate
def is_published(user, survey):
    """Open or closed: a survey staff are still building is theirs alone."""
    return survey.status != survey.Status.DRAFT


@rules.predicate
def is_for_member_states(user, survey):
    """A membership survey; an event's evaluation is its participants' (through their links)."""
    return not survey.is_evaluation


@rules.predicate
def is_signed_in(user):
    return bool(user and user.is_authenticated and user.is_active)


@rules.predicate
def has_public_results(user, survey):
    """Results published after closing, and the survey closed (by staff or by its date). The
    results of an event's evaluation (what participants think of it) are for staff only."""
    return not survey.is_evaluation and survey.results_public and survey.is_closed()


def public_results_filter(now=None):
    """has_public_results as a query filter on surveys (the public survey list)."""
    now = now or timezone.now()
    closed = Q(status=Survey.Status.CLOSED) | Q(status=Survey.Status.OPEN, closes_at__lte=now)
    return Q(results_public=True) & closed & ~Q(kind=Survey.Kind.EVENT_EVALUATION)


def results_visible(user, survey):
    """Staff always; anyone once a survey whose results are public has closed."""
    return _view_results.test(user, survey)


def can_read_response(user, state):
    """A state's survey responses: the people who see its delegation (its delegates, staff)."""
    return can_view_delegation(user, state)


# Predicates on a state's response (survey + state + response or None) --------------------


@rules.predicate
def state_is_member(user, target):
    """Surveys take one official response per IOM member state, not from observers."""
    return target.state.membership == MemberState.Membership.MEMBER


@rules.predicate
def is_open_draft(user, target):
    """The survey accepts answers and the state's response is not submitted."""
    response = target.response
    return target.survey.is_accepting_answers() and not (
        response is not None and response.is_submitted
    )


@rules.predicate
def is_submitted(user, target):
    return target.response is not None and target.response.is_submitted


@rules.predicate
def has_draft(user, target):
    return target.response is not None and not target.response.is_submitted


@rules.predicate
def contributes_for_state(user, target):
    return can_contribute_for(user, target.state)


@rules.predicate
def is_focal_point_of_state(user, target):
    return is_focal_point_of(user, target.state)


@rules.predicate
def is_contributor_of_state(user, target):
    """A contributor of the state's delegation (not its focal point, not a viewer)."""
    return is_delegate_of(user, target.state) and (
        user.delegation_role == user.DelegationRole.CONTRIBUTOR
    )


@rules.predicate
def reads_state(user, target):
    return can_view_delegation(user, target.state)


_view_survey = is_staff | (is_signed_in & is_published & is_for_member_states)
_view_results = is_staff | has_public_results
_respond = state_is_member & is_open_draft & contributes_for_state
_submit = state_is_member & is_open_draft & is_focal_point_of_state
_notify = state_is_member & is_open_draft & has_draft & is_contributor_of_state

rules.add_perm("surveys.view_survey", _view_survey)
rules.add_perm("surveys.manage_survey", is_staff)
rules.add_perm("surveys.view_results", _view_results)
rules.add_perm("surveys.view_response", is_staff | is_delegate_of)
rules.add_perm("surveys.respond", _respond)
rules.add_perm("surveys.submit_response", _submit)
rules.add_perm("surveys.notify_focal_point", _notify)
rules.add_perm("surveys.reopen_response", is_staff & is_submitted)
rules.add_perm("surveys.view_response_pdf", reads_state & is_submitted)
