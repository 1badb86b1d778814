"""Event evaluations: the participant's page behind their personal link (no account), and the
staff page of an event's evaluation (response rate by category and region, ratings, sending
the invitations now, attaching an evaluation survey to the event)."""

import datetime

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from surveys import services
from surveys.evaluations import links
from surveys.evaluations import services as evaluations
from surveys.evaluations.summary import (
    BREAKDOWNS,
    event_evaluation_summary,
    ratings,
    response_rates,
)
from surveys.forms import question_views, read_section
from surveys.models import Survey
from surveys.services.notifications import answered_sections
from surveys.structure import load_answers, load_questionnaire
from surveys.views.staff import staff_only
from workshops.models import Event

# The participant's page


def invitation_or_404(token):
    """The invitation of a valid link; a wrong, altered or expired link is not found."""
    invitation = links.invitation_for_token(token)
    if invitation is None or not evaluations.link_is_valid(invitation):
        raise Http404
    return invitation


def read_all_sections(questionnaire, post):
    raw, cleaned, errors = {}, {}, {}
    for section in questionnaire.sections:
        section_raw, section_cleaned, section_errors = read_section(section, post)
        raw.update(section_raw)
        cleaned.update(section_cleaned)
        errors.update(section_errors)
    return raw, cleaned, errors


def render_evaluation(request, invitation, questionnaire, *, shown_values, errors=None, status=200):
    response = evaluations.participant_response(invitation)
    sections = []
    for section in questionnaire.sections:
        views = question_views(section, questionnaire, shown_values, answers={}, errors=errors)
        for view in views:  # every section is on the page: conditions apply across sections
            view.condition_on_page = view.question.condition_question_id is not None
        sections.append((section, views))
    submitted = response is not None and response.is_submitted
    if submitted:
        saved, _answers = load_answers(questionnaire, response)
        answered = answered_sections(questionnaire, saved)
    return render(
        request,
        "surveys/evaluations/respond.html",
        {
            "invitation": invitation,
            "survey": invitation.survey,
            "event": invitation.registration.event,
            "registration": invitation.registration,
            "response": response,
            "sections": sections,
            "answered": answered if submitted else [],
            "errors": errors or {},
            "error_views": [view for _section, views in sections for view in views if view.errors],
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def respond(request, token):
    """One participant's evaluation: save a draft and come back later, then submit."""
    invitation = invitation_or_404(token)
    questionnaire = load_questionnaire(invitation.survey)
    if request.method != "POST":
        response = evaluations.participant_response(invitation)
        saved, _answers = load_answers(questionnaire, response)
        return render_evaluation(request, invitation, questionnaire, shown_values=saved)
    raw, cleaned, errors = read_all_sections(questionnaire, request.POST)
    if not errors:
        try:
            evaluations.save_evaluation(
                invitation=invitation, values=cleaned, questionnaire=questionnaire
            )
        except services.AnswersInvalid as error:
            errors = error.errors
        except services.AlreadySubmitted as error:
            messages.info(request, error.message)
            return redirect(request.path)
        except services.SurveyNotOpen:
            raise Http404 from None
    if errors:
        return render_evaluation(
            request, invitation, questionnaire, shown_values=raw, errors=errors, status=400
        )
    if "submit" not in request.POST:
        messages.success(
            request,
            _("Your answers are saved. Come back to this link to continue, then submit them."),
        )
        return redirect(request.path)
    try:
        evaluations.submit_evaluation(invitation=invitation, questionnaire=questionnaire)
    except services.MissingAnswers as error:
        missing = {question.pk: [str(message)] for question, message in error.missing}
        return render_evaluation(
            request, invitation, questionnaire, shown_values=raw, errors=missing, status=400
        )
    except services.AlreadySubmitted as error:
        messages.info(request, error.message)
    else:
        messages.success(request, _("Thank you: your evaluation is submitted."))
    return redirect(request.path)


# Staff


def event_or_404(slug):
    return get_object_or_404(Event.objects.select_related("dialogue"), slug=slug)


class EvaluationTemplateForm(forms.Form):
    template = forms.ModelChoiceField(
        label=gettext_lazy("Template"),
        queryset=Survey.objects.evaluation_templates().order_by("title_en", "pk"),
        empty_label=None,
        help_text=gettext_lazy(
            "Its sections and questions are copied; change the copy in the back office."
        ),
    )


@staff_only
@require_safe
def event_evaluation(request, slug):
    """The evaluation of one event: where it stands, by category or region, and its ratings."""
    event = event_or_404(slug)
    summary = event_evaluation_summary(event)
    if summary is None:
        return render(
            request,
            "surveys/evaluations/event.html",
            {"event": event, "summary": None, "form": EvaluationTemplateForm()},
        )
    by = request.GET.get("by", "category")
    if by not in BREAKDOWNS:
        by = "category"
    survey = summary.survey
    questionnaire = load_questionnaire(survey)
    groups = response_rates(survey, by)
    return render(
        request,
        "surveys/evaluations/event.html",
        {
            "event": event,
            "summary": summary,
            "survey": survey,
            "by": by,
            "groups": groups,
            "ratings": ratings(survey, questionnaire, groups, by),
            "can_invite": summary.to_invite and evaluations.invitations_may_go_out(survey),
            "automatic_from": event.last_day + datetime.timedelta(days=1)
            if event.last_day
            else None,
        },
    )


@staff_only
@require_POST
def create_evaluation(request, slug):
    event = event_or_404(slug)
    form = EvaluationTemplateForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "surveys/evaluations/event.html",
            {"event": event, "summary": None, "form": form},
            status=400,
        )
    try:
        evaluations.create_event_evaluation(
            event=event, actor=request.user, template=form.cleaned_data["template"]
        )
    except services.SurveyError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "The evaluation survey is ready. Its participants are invited automatically "
                "the day after the event."
            ),
        )
    return redirect("surveys:event-evaluation", slug=event.slug)


@staff_only
@require_http_methods(["GET", "HEAD", "POST"])
def send_invitations(request, slug):
    """GET asks for confirmation (who will receive the link); POST sends the invitations."""
    event = event_or_404(slug)
    survey = evaluations.evaluation_of(event)
    if survey is None:
        raise Http404
    if request.method == "POST":
        try:
            sent = evaluations.send_invitations(survey=survey, actor=request.user)
        except services.SurveyError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "Invitation emailed to %(count)d participant.",
                    "Invitation emailed to %(count)d participants.",
                    sent,
                )
                % {"count": sent},
            )
        return redirect("surveys:event-evaluation", slug=event.slug)
    return render(
        request,
        "surveys/evaluations/send_invitations.html",
        {
            "event": event,
            "survey": survey,
            "participants": list(evaluations.participants_to_invite(survey)),
            "can_invite": evaluations.invitations_may_go_out(survey),
        },
    )
