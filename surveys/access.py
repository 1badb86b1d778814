"""Who may read a survey's results and a state's response (pages and API ask the same
questions)."""

from idm.permissions import can_view_delegation, is_staff


def results_visible(user, survey):
    """Staff always; anyone once a survey whose results are public has closed. The results of
    an event's evaluation (what participants think of it) are for staff only."""
    if survey.is_evaluation:
        return is_staff(user)
    return is_staff(user) or (survey.results_public and survey.is_closed())


def can_read_response(user, state):
    """A state's survey responses: the people who see its delegation (its delegates, staff)."""
    return can_view_delegation(user, state)
