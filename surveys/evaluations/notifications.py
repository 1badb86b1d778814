"""The emails a participant receives about an event's evaluation: the invitation with their
personal link, and one reminder while they have not answered; in their language (their
account's, else the language they registered in)."""

from idm.emails import send_email
from surveys.evaluations import links
from workshops.emails import recipient_language


def evaluation_context(invitation):
    survey, registration = invitation.survey, invitation.registration
    return {
        "survey": survey,
        "registration": registration,
        "event": registration.event,
        "evaluation_url": links.link_for(invitation),
        "closes_at": survey.closes_at,
    }


def send_about_evaluation(invitation, name):
    return send_email(
        to=invitation.registration.email,
        language=recipient_language(invitation.registration),
        subject_template=f"surveys/email/evaluation_{name}_subject.txt",
        text_template=f"surveys/email/evaluation_{name}.txt",
        context=lambda: evaluation_context(invitation),
    )


def send_invitation(invitation):
    """The participant's personal link to the event's evaluation."""
    return send_about_evaluation(invitation, "invitation")


def send_reminder(invitation):
    """The same link again, for a participant who has not submitted their evaluation."""
    return send_about_evaluation(invitation, "reminder")
