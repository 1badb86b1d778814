"""What every survey page needs: the survey, the state, the response, and who may do what."""

from dataclasses import dataclass
from functools import cached_property

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from idm.models import MemberState
from surveys.access import is_open_draft
from surveys.models import Response, Survey
from surveys.structure import load_answers, load_questionnaire


def visible_surveys(user):
    """The surveys `user` may see (surveys.view_survey): staff all, others the published
    surveys for member states (an event's evaluation is answered by its participants through
    their own links)."""
    surveys = Survey.objects.select_related("dialogue")
    if user.has_perm("surveys.manage_survey"):
        return surveys
    return surveys.published().for_member_states()


def get_survey(request, pk):
    survey = get_object_or_404(Survey.objects.select_related("dialogue"), pk=pk)
    if not request.user.has_perm("surveys.view_survey", survey):
        raise Http404
    return survey


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

    @cached_property
    def _loaded_answers(self):
        # Read when a page shows them; a save reads them itself, under the response's lock.
        return load_answers(self.questionnaire, self.response)

    @property
    def values(self):
        return self._loaded_answers[0]

    @property
    def answers(self):
        return self._loaded_answers[1]

    @property
    def is_open_draft(self):
        return is_open_draft(self.user, self)

    @property
    def is_member(self):
        return self.state.membership == MemberState.Membership.MEMBER

    @property
    def can_edit(self):
        return self.user.has_perm("surveys.respond", self)

    @property
    def can_submit(self):
        return self.user.has_perm("surveys.submit_response", self)

    @property
    def can_reopen(self):
        return self.user.has_perm("surveys.reopen_response", self)

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
    if not request.user.has_perm("surveys.view_response", state):
        raise Http404
    response = (
        Response.objects.select_related("updated_by", "submitted_by")
        .filter(survey=survey, member_state=state)
        .order_by("pk")  # one row at most; the default ordering would join and sort
        .first()
    )
    if response is not None:  # the survey and state just read: no query to read them again
        response.survey, response.member_state = survey, state
    return StateResponse(survey=survey, state=state, response=response, user=request.user)
