"""Every service that changes what public pages or API reads show moves the content version
(idm/page_cache.py), once at the call and again after commit; one that changes nothing public
leaves it alone.

A new service that changes something public: add one line to CHANGES (a callable that sets up
what the service needs and returns the call to make, usually a `partial`)."""

from functools import partial

import pytest

from funding import services as funding_services
from idm import page_cache
from idm import services as idm_services
from idm.models import MemberState
from principles import services as principle_services
from surveys import services as survey_services
from surveys.evaluations import services as evaluation_services
from tests.factories import (
    DialogueFactory,
    DocumentFactory,
    FocalPointFactory,
    MemberStateFactory,
    StaffFactory,
)
from tests.funding.factories import (
    BudgetLineFactory,
    ContributionFactory,
    ManualAllocationFactory,
    OrganizationDonorFactory,
    ProgrammeBudgetFactory,
)
from tests.principles.factories import PrincipleFactory
from tests.surveys.evaluations.factories import evaluation, held_event, invite, participant
from tests.surveys.evaluations.test_services import evaluation_template
from tests.surveys.factories import complete_values, delegation, small_survey
from tests.surveys.test_themes import theme_survey
from tests.workshops.factories import EventFactory, OpenEventFactory, RegistrationFactory
from workshops import services as workshop_services
from workshops.models import Event, Registration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

Status = Registration.Status


def new_registration(event):
    return partial(
        workshop_services.register,
        event=event,
        name="Ana Pérez",
        email="ana@example.org",
        organisation="Permanent Mission",
        category=Registration.Category.NGO,
    )


def answered_draft():
    """A complete draft of a state's response to an open survey: (survey, delegation)."""
    s, team = small_survey(status="open"), delegation("PH")
    survey_services.save_answers(
        survey=s.survey,
        member_state=team.state,
        values=complete_values(s),
        expected_version=0,
        actor=team.contributor,
        coerce=True,
    )
    return s.survey, team


def submitted_response():
    survey, team = answered_draft()
    return survey_services.submit_response(
        survey=survey, member_state=team.state, actor=team.focal_point
    )


def evaluation_submission():
    e = evaluation()
    invitation, _token = invite(e.survey, participant(e.event))
    evaluation_services.save_evaluation(invitation=invitation, values={e.rating.pk: 4})
    return partial(evaluation_services.submit_evaluation, invitation=invitation)


def by_hand_allocation(staff):
    contribution = ContributionFactory()
    event = EventFactory(dialogue=contribution.dialogue)
    return partial(
        funding_services.allocate_by_hand,
        contribution=contribution,
        event=event,
        amount_usd="500",
        actor=staff,
    )


def submission():
    survey, team = answered_draft()
    return partial(
        survey_services.submit_response,
        survey=survey,
        member_state=team.state,
        actor=team.focal_point,
    )


# name -> (staff -> the call that changes something public), one line per service.
CHANGES = {
    "idm.save_document": lambda staff: partial(
        idm_services.save_document,
        document=DocumentFactory.build(dialogue=DialogueFactory()),
        actor=staff,
    ),
    "idm.delete_document": lambda staff: partial(
        idm_services.delete_document, document=DocumentFactory(), actor=staff
    ),
    "idm.set_membership": lambda staff: partial(
        idm_services.set_membership,
        states=MemberState.objects.filter(pk=MemberStateFactory().pk),
        membership=MemberState.Membership.OBSERVER,
        actor=staff,
    ),
    "workshops.save_event": lambda staff: partial(
        workshop_services.save_event, event=OpenEventFactory(), actor=staff
    ),
    "workshops.set_event_status": lambda staff: partial(
        workshop_services.set_event_status,
        events=[EventFactory()],
        status=Event.Status.HELD,
        actor=staff,
    ),
    "workshops.register": lambda staff: new_registration(OpenEventFactory()),
    "workshops.nominate": lambda staff: partial(
        workshop_services.nominate,
        event=OpenEventFactory(),
        actor=FocalPointFactory(),
        organisation="Permanent Mission",
        name="Li Wei",
        email="li.wei@example.org",
    ),
    "workshops.change_registration": lambda staff: partial(
        workshop_services.change_registration,
        registration=RegistrationFactory(),
        function="Counsellor",
        organisation="Ministry of Labour",
        needs="",
    ),
    "workshops.cancel_registration": lambda staff: partial(
        workshop_services.cancel_registration, registration=RegistrationFactory()
    ),
    "workshops.promote_from_waiting_list": lambda staff: partial(
        workshop_services.promote_from_waiting_list,
        event=RegistrationFactory(status=Status.WAITLISTED).event,
    ),
    "workshops.set_registration_status": lambda staff: partial(
        workshop_services.set_registration_status,
        registrations=[RegistrationFactory()],
        status=Status.ATTENDED,
        actor=staff,
    ),
    "workshops.approve_registrations": lambda staff: partial(
        workshop_services.approve_registrations,
        registrations=[RegistrationFactory(status=Status.PENDING)],
        actor=staff,
    ),
    "workshops.decline_registrations": lambda staff: partial(
        workshop_services.decline_registrations,
        registrations=[RegistrationFactory(status=Status.PENDING)],
        actor=staff,
    ),
    "workshops.check_in": lambda staff: partial(
        workshop_services.check_in, registration=RegistrationFactory(), by=staff
    ),
    "principles.save_principle": lambda staff: partial(
        principle_services.save_principle, principle=PrincipleFactory(), actor=staff
    ),
    "surveys.submit_response": lambda staff: submission(),
    "surveys.reopen_response": lambda staff: partial(
        survey_services.reopen_response, response=submitted_response(), actor=staff, reason="Typo"
    ),
    "surveys.adopt_winning_theme": lambda staff: partial(
        survey_services.adopt_winning_theme, survey=theme_survey()[0], actor=staff
    ),
    "surveys.create_event_evaluation": lambda staff: partial(
        evaluation_services.create_event_evaluation,
        event=held_event(),
        actor=staff,
        template=evaluation_template(),
    ),
    "surveys.submit_evaluation": lambda staff: evaluation_submission(),
    # funding: event pages show each event's funding status, percent funded and donors
    "funding.save_donor": lambda staff: partial(
        funding_services.save_donor, donor=OrganizationDonorFactory.build(), actor=staff
    ),
    "funding.delete_donor": lambda staff: partial(
        funding_services.delete_donor, donor=OrganizationDonorFactory(), actor=staff
    ),
    "funding.save_contribution": lambda staff: partial(
        funding_services.save_contribution, contribution=ContributionFactory(), actor=staff
    ),
    "funding.delete_contribution": lambda staff: partial(
        funding_services.delete_contribution, contribution=ContributionFactory(), actor=staff
    ),
    "funding.save_budget_line": lambda staff: partial(
        funding_services.save_budget_line, line=BudgetLineFactory(), actor=staff
    ),
    "funding.delete_budget_line": lambda staff: partial(
        funding_services.delete_budget_line, line=BudgetLineFactory(), actor=staff
    ),
    "funding.save_programme_budget": lambda staff: partial(
        funding_services.save_programme_budget, budget=ProgrammeBudgetFactory(), actor=staff
    ),
    "funding.delete_programme_budget": lambda staff: partial(
        funding_services.delete_programme_budget, budget=ProgrammeBudgetFactory(), actor=staff
    ),
    "funding.allocate_by_hand": lambda staff: by_hand_allocation(staff),
    "funding.remove_allocation": lambda staff: partial(
        funding_services.remove_allocation, allocation=ManualAllocationFactory(), actor=staff
    ),
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_page_cache_invalidation_service_moves_the_content_version(
    name, django_capture_on_commit_callbacks
):
    change = CHANGES[name](StaffFactory())
    before = page_cache.content_state().version
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        change()
        at_the_call = page_cache.content_state().version
    after_commit = page_cache.content_state().version
    assert at_the_call > before
    assert page_cache._move_version in callbacks
    assert after_commit > at_the_call


def test_page_cache_invalidation_draft_saved_leaves_the_version(
    django_capture_on_commit_callbacks,
):
    """Delegates save drafts all day: a draft is not public, cached pages stay."""
    s, team = small_survey(status="open"), delegation("MX")
    before = page_cache.content_state().version
    with django_capture_on_commit_callbacks(execute=True):
        survey_services.save_answers(
            survey=s.survey,
            member_state=team.state,
            values=complete_values(s),
            expected_version=0,
            actor=team.contributor,
            coerce=True,
        )
    assert page_cache.content_state().version == before
