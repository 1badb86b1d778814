"""Forms of the staff registration list (filters, decisions) and of focal points' nominations."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from idm.models import MemberState
from workshops.models import Registration


class RegistrationFilterForm(forms.Form):
    """Filters of the staff registration list (GET); an invalid value filters nothing."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Registration.Status.choices
    )
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All"))] + Registration.Category.choices,
    )
    state = forms.ModelChoiceField(
        label=_("State"),
        required=False,
        queryset=MemberState.objects.filter(registrations__isnull=False).distinct(),
        to_field_name="code",
        empty_label=_("All"),
    )

    def filter(self, registrations):
        if not self.is_valid():
            return registrations
        data = self.cleaned_data
        if data["status"]:
            registrations = registrations.filter(status=data["status"])
        if data["category"]:
            registrations = registrations.filter(category=data["category"])
        if data["state"]:
            registrations = registrations.filter(member_state=data["state"])
        return registrations


class DecisionForm(forms.Form):
    """Approve or decline the chosen registrations of one event."""

    action = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        error_messages={"required": _("Choose approve or decline.")},
    )
    registrations = forms.ModelMultipleChoiceField(
        queryset=Registration.objects.none(),
        error_messages={"required": _("Select at least one registration.")},
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registrations"].queryset = event.registrations.all()


class NominationForm(forms.Form):
    """A focal point nominates a delegate of their state or a new person."""

    delegate = forms.ModelChoiceField(
        label=_("A delegate of your state"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Someone else (give the name and email below)"),
    )
    name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    function = forms.CharField(label=_("Function"), max_length=200, required=False)
    organisation = forms.CharField(
        label=_("Organization"),
        max_length=200,
        help_text=_("Ministry, permanent mission or institution."),
    )

    def __init__(self, *args, state, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegate"].queryset = (
            get_user_model()
            .objects.filter(member_state=state, is_active=True)
            .order_by("first_name", "last_name", "email")
        )
        self.fields["delegate"].label_from_instance = delegate_label

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("delegate") is None:
            if not cleaned.get("name"):
                self.add_error("name", _("Give the name, or choose a delegate."))
            if not cleaned.get("email") and "email" not in self.errors:
                self.add_error("email", _("Give the email address, or choose a delegate."))
        return cleaned


def delegate_label(user):
    name = user.get_full_name()
    return f"{name} ({user.email})" if name else user.email
