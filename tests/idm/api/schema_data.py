"""Objects behind every API endpoint, including the fields that are null (draft responses,
registrations without a state, speakers without a presentation, documents without a file or
link, surveys without a dialogue, results with no answer yet)."""

from idm.models import Document
from surveys import services
from tests.factories import DialogueFactory, DocumentFactory, StaffFactory
from tests.funding.factories import (
    BudgetLineFactory,
    ContributionFactory,
    DonorFactory,
    StateDonorFactory,
)
from tests.principles.factories import PrincipleFactory
from tests.surveys.factories import complete_values, delegation, small_survey
from tests.workshops.factories import (
    EventFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
)


def api_objects():
    """Path parameters of every detail endpoint: {path template: [values]}."""
    dialogue = DialogueFactory(year=2009)
    linked = DocumentFactory(dialogue=dialogue)
    unlinked = DocumentFactory(dialogue=dialogue, url="", status=Document.Status.FORTHCOMING)
    event = EventFactory(dialogue=dialogue, start_date=None, end_date=None)
    event.documents.add(linked, unlinked)
    session = SessionFactory(event=event, date=None, starts_at=None, ends_at=None)
    session.documents.add(unlinked)
    SessionSpeakerFactory(session=session, presentation=None)
    SessionSpeakerFactory(session=session, presentation=unlinked)
    registration = RegistrationFactory(event=event, member_state=None)
    principle = PrincipleFactory()
    unbudgeted = EventFactory(dialogue=dialogue)
    BudgetLineFactory(event=event)
    organization, state_donor = DonorFactory(), StateDonorFactory()
    earmarked = ContributionFactory(
        dialogue=dialogue, event=event, donor=state_donor, is_public=True
    )
    unearmarked = ContributionFactory(dialogue=dialogue, donor=organization, received_on=None)

    answered, unanswered = small_survey(results_public=True), small_survey()
    ph, mx = delegation(), delegation("MX", "americas")
    values = complete_values(answered)
    values.update(
        {
            answered.multiple.pk: [answered.option(answered.multiple, 0).pk],
            answered.ranking.pk: [
                answered.option(answered.ranking, 2).pk,
                answered.option(answered.ranking, 0).pk,
            ],
            answered.number.pk: "7.5",
            answered.long_text.pk: "More workshops.",
        }
    )
    submitted = draft_response(answered, ph, values)
    services.submit_response(survey=answered.survey, member_state=ph.state, actor=ph.focal_point)
    answered.survey.status = "closed"
    answered.survey.save()
    draft = draft_response(unanswered, mx, {unanswered.likert.pk: 2})
    return {
        "/api/v1/budgets/{id}/": [event.budget_lines.get().pk],
        "/api/v1/contributions/{id}/": [earmarked.pk, unearmarked.pk],
        "/api/v1/donors/{id}/": [organization.pk, state_donor.pk],
        "/api/v1/events/{slug}/funding/": [event.slug, unbudgeted.slug],
        "/api/v1/delegations/{code}/": [ph.state.code, mx.state.code],
        "/api/v1/dialogues/{year}/": [dialogue.year],
        "/api/v1/documents/{id}/": [linked.pk, unlinked.pk],
        "/api/v1/events/{slug}/": [event.slug],
        "/api/v1/member-states/{code}/": [ph.state.code],
        "/api/v1/principles/{id}/": [principle.pk],
        "/api/v1/registrations/{reference}/": [registration.reference],
        "/api/v1/responses/{id}/": [submitted.pk, draft.pk],
        "/api/v1/surveys/{id}/": [answered.survey.pk, unanswered.survey.pk],
        "/api/v1/surveys/{id}/results/": [answered.survey.pk, unanswered.survey.pk],
    }


def draft_response(s, d, values):
    return services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=values,
        expected_version=0,
        actor=d.contributor,
        coerce=True,
    )


def staff():
    return StaffFactory(is_superuser=True)
