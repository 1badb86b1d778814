"""Emails about responses: the submission receipt and reminders to focal points."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from idm.models import User
from surveys import values as answer_values
from surveys.models import Response
from surveys.structure import load_answers, load_questionnaire


def delegates_of(state):
    return list(
        User.objects.filter(member_state=state, is_active=True)
        .order_by("email")
        .values_list("email", flat=True)
    )


def answered_sections(questionnaire, question_values):
    """[(section, [(number, question, shown value)])] of the questions shown."""
    shown = questionnaire.visible(question_values)
    return [
        (
            section,
            [
                (
                    questionnaire.numbers[question.pk],
                    question,
                    answer_values.display(question, question_values[question.pk]),
                )
                for question in section.questions.all()
                if question.pk in shown
            ],
        )
        for section in questionnaire.sections
    ]


def send_receipt(*, response_id):
    """One email to every delegate of the state: a copy of the submitted answers."""
    response = Response.objects.select_related("survey", "member_state", "submitted_by").get(
        pk=response_id
    )
    questionnaire = load_questionnaire(response.survey)
    question_values, _answers = load_answers(questionnaire, response)
    context = {
        "response": response,
        "survey": response.survey,
        "sections": answered_sections(questionnaire, question_values),
        "language": get_language(),
    }
    recipients = delegates_of(response.member_state)
    if not recipients:
        return 0
    subject = _("Receipt: %(state)s submitted “%(survey)s”") % {
        "state": response.member_state.display_name,
        "survey": response.survey.title,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("surveys/email/receipt.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )
    message.attach_alternative(render_to_string("surveys/email/receipt.html", context), "text/html")
    return message.send()


def send_reminders(*, survey, focal_points, survey_url):
    """One email to each focal point: [(user, state, response status)]."""
    messages = []
    for user, state, status in focal_points:
        context = {"survey": survey, "state": state, "status": status, "survey_url": survey_url}
        messages.append(
            EmailMultiAlternatives(
                subject=_("Reminder: “%(survey)s” awaits %(state)s's response")
                % {"survey": survey.title, "state": state.display_name},
                body=render_to_string("surveys/email/reminder.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[user.email],
            )
        )
    if not messages:
        return 0
    return get_connection().send_messages(messages)
