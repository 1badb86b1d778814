"""The evaluation of an event on pages of other apps, which do not import this one: the
participants' staff page shows `{% load surveys_evaluations %}{% event_evaluation event %}`,
a report `{% event_evaluation_results event %}` (or includes
surveys/_event_evaluation_summary.html with `event` in its context)."""

from django import template

from surveys.evaluations.summary import event_evaluation_summary, mean_ratings
from surveys.structure import load_questionnaire

register = template.Library()


@register.inclusion_tag("surveys/tags/event_evaluation.html")
def event_evaluation(event):
    """Where the event's evaluation stands (response rate) with links to its page and results;
    or a link to attach one (four queries)."""
    return {"event": event, "summary": event_evaluation_summary(event)}


@register.simple_tag
def evaluation_summary(event):
    """`{% evaluation_summary event as summary %}`: the EvaluationSummary, or None."""
    return event_evaluation_summary(event)


@register.inclusion_tag("surveys/tags/event_evaluation_results.html")
def event_evaluation_results(event):
    """The evaluation's response rate and mean ratings, for a report; nothing when the event
    has no evaluation survey (nine queries)."""
    summary = event_evaluation_summary(event)
    if summary is None:
        return {"summary": None}
    questionnaire = load_questionnaire(summary.survey)
    return {"summary": summary, "ratings": mean_ratings(summary.survey, questionnaire)}
