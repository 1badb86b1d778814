"""The email a registrant receives when staff decide on their sponsorship request, in their
language (idm.emails.send_email, queued in the decision's transaction)."""

from idm.emails import send_email
from workshops.emails import recipient_language, registration_context


def send_sponsorship_decision_email(sponsorship):
    """Tell the registrant that their sponsorship is approved (what IOM covers) or declined,
    with staff's note if they wrote one. The amount stays with the secretariat."""
    registration = sponsorship.registration
    name = "approved" if sponsorship.status == sponsorship.Status.APPROVED else "declined"
    send_email(
        to=registration.email,
        language=recipient_language(registration),
        subject_template=f"funding/email/sponsorship_{name}_subject.txt",
        text_template=f"funding/email/sponsorship_{name}_body.txt",
        context=lambda: {
            **registration_context(registration),
            "sponsorship": sponsorship,
            "covers": covered(sponsorship),
        },
    )


def covered(sponsorship):
    """What the sponsorship pays, as labels in the active language."""
    fields = ["covers_travel", "covers_accommodation", "covers_daily_allowance"]
    return [
        str(sponsorship._meta.get_field(name).verbose_name)
        for name in fields
        if getattr(sponsorship, name)
    ]
