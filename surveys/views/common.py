"""What every survey page needs: the survey, the state, the response, and who may do what."""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from idm.models import MemberState
from idm.permissions import can_contribute_for, is_focal_point_of, is_staff
from surveys.access import can_read_response
from surveys.models import Response, Survey
from surveys.structure import load_answers, load_questionnaire


def visible_surveys(user):
    """Staff see every survey; delegates the published surveys for member states (an event's
    evaluation is answered by its participants through their own links)."""
    surveys = Survey.objects.select_related("dialogue")
    return surveys if is_staff(user) else surveys.published().for_member_states()


def get_survey(request, pk):
    return get_object_or_404(visible_surveys(request.user), pk=pk)


@dataclass
class StateResponse:
    """A survey, one member state, its response (None before the first save) and the
    requesting user's rights on it."""

    survey: object
    state: object
    response: object
    user: object

    def __post_init__(self):
        self.questionnaire = load_questionnaire(self.survey)
        self.values, self.answers = load_answers(self.questionnaire, self.response)

    @property
    def is_open_draft(self):
        return self.survey.is_accepting_answers() and not (
            self.response is not None and self.response.is_submitted
        )

    @property
    def is_member(self):
        return self.state.membership == MemberState.Membership.MEMBER

    @property
    def can_edit(self):
        return self.is_member and self.is_open_draft and can_contribute_for(self.user, self.state)

    @property
    def can_submit(self):
        return self.is_member and self.is_open_draft and is_focal_point_of(self.user, self.state)

    @property
    def can_reopen(self):
        return is_staff(self.user) and self.response is not None and self.response.is_submitted

    @property
    def version(self):
        return self.response.version if self.response is not None else 0

    @property
    def status_label(self):
        if self.response is None:
            return _("Not started")
        return self.response.get_status_display()


def state_response(request, pk, code):
    """The survey's response of state `code`, for someone who may read it. Anyone else gets
    the same 404 as for a state or survey that does not exist (as for delegations): nobody
    learns which responses exist."""
    survey = get_survey(request, pk)
    state = get_object_or_404(MemberState, code=code.upper())
    if not can_read_response(request.user, state):
        raise Http404
    response = (
        Response.objects.select_related("updated_by", "submitted_by")
        .filter(survey=survey, member_state=state)
        .first()
    )
    return StateResponse(survey=survey, state=state, response=response, user=request.user)
