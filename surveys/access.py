"""Who may read a survey's results (pages and API ask the same question)."""

from idm.permissions import is_staff


def results_visible(user, survey):
    """Staff always; anyone once a survey whose results are public has closed."""
    return is_staff(user) or (survey.results_public and survey.is_closed())
