"""Forms of sponsored participation: the request (registrant or focal point) and staff's
decisions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from funding.models import Sponsorship


class SponsorshipRequestForm(forms.Form):
    """What the sponsorship should pay, and why (the service decides whether it may be asked)."""

    covers_travel = forms.BooleanField(
        label=_("Travel (air ticket to the venue and back)"), required=False, initial=True
    )
    covers_accommodation = forms.BooleanField(
        label=_("Accommodation"), required=False, initial=True
    )
    covers_daily_allowance = forms.BooleanField(
        label=_("Daily subsistence allowance"), required=False, initial=True
    )
    justification = forms.CharField(
        label=_("Why the participation needs sponsorship (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example: the official comes from the capital and the ministry has no travel "
            "budget for this meeting."
        ),
    )

    def clean(self):
        data = super().clean()
        fields = ["covers_travel", "covers_accommodation", "covers_daily_allowance"]
        if not any(data.get(name) for name in fields):
            raise forms.ValidationError(
                _("Ask for travel, accommodation or the daily allowance (at least one)."),
                code="nothing",
            )
        return data


class DecisionForm(forms.Form):
    """Staff decide one request of the event's list: approve (amount), decline, withdraw."""

    ACTIONS = [
        ("approve", _("Approve")),
        ("decline", _("Decline")),
        ("withdraw", _("Withdraw")),
    ]

    action = forms.ChoiceField(choices=ACTIONS)
    sponsorship = forms.ModelChoiceField(queryset=Sponsorship.objects.none())
    amount_usd = forms.CharField(label=_("Amount (USD)"), required=False, max_length=20)
    note = forms.CharField(
        label=_("Note to the participant"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sponsorship"].queryset = Sponsorship.objects.filter(registration__event=event)

    def clean(self):
        data = super().clean()
        if data.get("action") == "approve" and not data.get("amount_usd"):
            self.add_error("amount_usd", _("Give the amount approved, in US dollars."))
        return data


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *Sponsorship.Status.choices],
    )

    def filter(self, sponsorships):
        if self.is_valid() and self.cleaned_data["status"]:
            return sponsorships.filter(status=self.cleaned_data["status"])
        return sponsorships
