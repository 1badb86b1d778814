"""What IOM staff do with a survey: remind states, adopt a winning theme."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from idm.models import Dialogue, MemberState, User
from idm.page_cache import content_changed
from idm.permissions import is_staff
from surveys.models import Question, Response, Survey, ThemeAdoption
from surveys.questions.choice import Ranking
from surveys.results import compute_results, winning_option
from surveys.services.errors import NotAllowed, SurveyError
from surveys.services.notifications import send_reminders


def response_status_by_state(survey):
    """{state id: response status} of the survey's responses (one query)."""
    return dict(
        Response.objects.filter(survey=survey, member_state__isnull=False).values_list(
            "member_state_id", "status"
        )
    )


def remind_focal_points(*, survey, actor):
    """Email the focal point of every member state that has not submitted. Returns how many
    focal points were reminded. (The automatic reminders, surveys.services.reminders, send the
    same email.)"""
    if not is_staff(actor):
        raise NotAllowed()
    if survey.is_evaluation:
        raise SurveyError(_("An event's participants, not focal points, answer its evaluation."))
    if not survey.is_accepting_answers():
        raise SurveyError(_("Reminders go out only while the survey is open."))
    return send_reminders(survey=survey, focal_points=focal_points_to_remind(survey))


def focal_points_to_remind(survey):
    """[(user, state, response status)] of the active focal points of member states that have
    not submitted `survey`."""
    statuses = response_status_by_state(survey)
    return [
        (user, user.member_state, statuses.get(user.member_state_id, ""))
        for user in User.objects.filter(
            delegation_role=User.DelegationRole.FOCAL_POINT,
            is_active=True,
            member_state__membership=MemberState.Membership.MEMBER,
        )
        .select_related("member_state")
        .order_by("member_state__name", "email")
        if statuses.get(user.member_state_id) != Response.Status.SUBMITTED
    ]


class ThemeAdoptionRefused(SurveyError):
    not_theme_survey = _("Only a theme selection survey with a ranking question can adopt a theme.")
    not_closed = _("Close the survey before adopting its winning theme.")
    no_answers = _("No submitted response ranks the candidate themes yet.")


def theme_question(survey):
    """The survey's first ranking question: its Borda winner is the theme."""
    return (
        Question.objects.filter(section__survey=survey, kind=Ranking.kind)
        .order_by("section__position", "position")
        .first()
    )


def default_theme_year(survey):
    if survey.dialogue_id:
        return survey.dialogue.year + 1
    current = Dialogue.objects.current()
    return current.year + 1 if current else timezone.now().year + 1


@transaction.atomic
def adopt_winning_theme(*, survey, actor, year=None):
    """Make the ranking's winner (Borda count) the overarching theme of the dialogue of `year`
    (default: the year after the survey's dialogue), creating that year if needed."""
    if not is_staff(actor):
        raise NotAllowed()
    question = theme_question(survey)
    if survey.kind != Survey.Kind.THEME_SELECTION or question is None:
        raise ThemeAdoptionRefused(ThemeAdoptionRefused.not_theme_survey)
    if not survey.is_closed():
        raise ThemeAdoptionRefused(ThemeAdoptionRefused.not_closed)
    results = compute_results(survey)
    result = next(r for r in results.questions if r.question.pk == question.pk)
    winner = winning_option(result)
    if winner is None:
        raise ThemeAdoptionRefused(ThemeAdoptionRefused.no_answers)
    year = year or default_theme_year(survey)
    dialogue = Dialogue.objects.select_for_update().filter(year=year).first()
    previous = dialogue.theme_en if dialogue else ""
    if dialogue is None:
        dialogue = Dialogue(year=year)
    # The theme in each language the option has (the dialogue's texts are translated fields).
    for language in ("en", "fr", "es"):
        setattr(dialogue, f"theme_{language}", getattr(winner.option, f"text_{language}") or None)
    dialogue.theme_selection_en = (
        f"Selected by the membership through the survey “{survey.title_en}”: ranked first by "
        f"Borda count ({winner.borda} points from {result.answered} official responses of "
        f"member states); adopted on {timezone.localdate():%d %B %Y}."
    )
    dialogue.theme_selection_fr = dialogue.theme_selection_es = None  # written in English only
    dialogue.full_clean()
    dialogue.save()
    adoption = ThemeAdoption(
        survey=survey,
        option=winner.option,
        dialogue=dialogue,
        previous_theme=previous,
        borda_score=winner.borda,
        respondents=result.answered,
        adopted_by=actor,
    )
    adoption._history_user = actor
    adoption.save()
    content_changed()  # the dialogue's theme
    return adoption
