from django import forms
from django.utils.translation import gettext_lazy as _

from idm.fields import StateChoiceField
from workshops.models import Event, Registration


class RegistrationForm(forms.ModelForm):
    """What a participant gives to register; the service decides confirmed or waitlisted.

    How they take part is asked only of a hybrid event (an online event is attended online,
    any other in person: `Event.participation_for`)."""

    member_state = StateChoiceField(
        required=False,
        label=_("State represented"),
        help_text=_("Required for delegates of member and observer states."),
    )
    listed_publicly = forms.BooleanField(
        required=False,
        label=_("Include me in the public list of participants"),
        help_text=_("Your name, function and organization then appear on the event's list."),
    )

    class Meta:
        model = Registration
        fields = [
            "name",
            "email",
            "organisation",
            "function",
            "category",
            "member_state",
            "participation",
            "needs",
            "listed_publicly",
        ]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "function": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "participation": forms.RadioSelect,
            "needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, event, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["member_state"].user = user
        if event.format == Event.Format.HYBRID:
            self.fields["participation"].label = _("How will you take part?")
        else:
            del self.fields["participation"]

    def clean(self):
        cleaned = super().clean()
        category = cleaned.get("category")
        if category in Registration.STATE_CATEGORIES and not cleaned.get("member_state"):
            self.add_error("member_state", _("Say which state the delegate represents."))
        return cleaned

    def _post_clean(self):
        # The service validates the registration as a whole (with the event it locks).
        pass


class ChangeRegistrationForm(forms.ModelForm):
    """What a participant may change after registering."""

    class Meta:
        model = Registration
        fields = ["function", "organisation", "needs"]
        widgets = {
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "function": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }

    def _post_clean(self):
        # services.change_registration validates and saves (with the history's author).
        pass


class LostLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address you registered with"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
