"""What every survey page needs: the survey, the state, the response, and who may do what."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from idm.models import MemberState
from idm.permissions import can_contribute_for, is_delegate_of, is_focal_point_of, is_staff
from surveys.models import Response, Survey
from surveys.structure import load_answers, load_questionnaire


def refuse(request, message=None, status=403):
    """A clear refusal page instead of a bare 403."""
    return render(
        request,
        "surveys/refused.html",
        {"message": message or _("You are not allowed to see or do this.")},
        status=status,
    )


def visible_surveys(user):
    surveys = Survey.objects.select_related("dialogue")
    return surveys if is_staff(user) else surveys.published()


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
    def can_read(self):
        return is_staff(self.user) or is_delegate_of(self.user, self.state)

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
    survey = get_survey(request, pk)
    state = get_object_or_404(MemberState, code=code.upper())
    response = (
        Response.objects.select_related("updated_by", "submitted_by")
        .filter(survey=survey, member_state=state)
        .first()
    )
    return StateResponse(survey=survey, state=state, response=response, user=request.user)
