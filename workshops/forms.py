from django import forms
from django.utils.translation import gettext_lazy as _

from idm.models import MemberState
from workshops.models import Registration


class RegistrationForm(forms.ModelForm):
    """What a participant gives to register; the service decides confirmed or waitlisted."""

    member_state = forms.ModelChoiceField(
        queryset=MemberState.objects.order_by("name"),
        required=False,
        label=_("State represented"),
        help_text=_("Required for delegates of member and observer states."),
    )

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "function", "category", "member_state"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "function": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def clean(self):
        cleaned = super().clean()
        category = cleaned.get("category")
        if category in Registration.STATE_CATEGORIES and not cleaned.get("member_state"):
            self.add_error("member_state", _("Say which state the delegate represents."))
        return cleaned

    def _post_clean(self):
        # The service validates the registration as a whole (with the event it locks).
        pass
