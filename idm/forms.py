from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from idm.emails import email_language, send_email
from idm.fields import StateChoiceField
from idm.links import absolute_url
from idm.models import Document, Language


class EmailAuthenticationForm(AuthenticationForm):
    """Log in with an email address (case does not matter)."""

    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )


class PortalPasswordResetForm(PasswordResetForm):
    """Django's password reset, sent like every portal email: in the account's language, with
    the link built from IDM_SITE_URL (never from the request's Host header)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        reset_url = absolute_url(
            "password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]}
        )
        send_email(
            to=to_email,
            language=context["user"].preferred_language,
            subject_template=subject_template_name,
            text_template=email_template_name,
            html_template=html_email_template_name,
            context={"email": context["email"], "user": context["user"], "reset_url": reset_url},
        )


class TwoFactorCodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Six-digit code"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Enter the six digits your authenticator app shows.")},
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "maxlength": 8,
            }
        ),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip()


class InvitationForm(forms.Form):
    """Invite a person to a delegation; the inviter's permissions decide the roles offered."""

    email = forms.EmailField(
        label=_("Email address"), widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    role = forms.ChoiceField(label=_("Role in the delegation"))
    language = forms.ChoiceField(
        label=_("Language of the invitation email"), choices=settings.LANGUAGES, required=False
    )

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]
        self.fields["language"].initial = email_language(translation.get_language())

    def clean_language(self):
        """Not chosen (a client that omits it): the inviter's current language."""
        return self.cleaned_data["language"] or self.fields["language"].initial


class StaffInvitationForm(InvitationForm):
    """IOM staff invite for any member state."""

    member_state = StateChoiceField(label=_("Member state"))

    field_order = ["member_state", "email", "role", "language"]


class AcceptInvitationForm(forms.Form):
    """The invited person's name and new password (checked by Django's password validators)."""

    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autofocus": True})
    )
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            person = get_user_model()(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, person)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class DocumentFilterForm(forms.Form):
    """Filters of the public document list; every field is optional."""

    symbol = forms.CharField(
        label=_("Symbol"),
        required=False,
        max_length=40,
        help_text=_("The start of a symbol, e.g. IC/2008 or MC/2266."),
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(Document.Kind.choices)
        self.fields["language"].choices = everything + list(Language.choices)
        self.fields["year"].choices = everything + [(year, str(year)) for year in years]

    def filter(self, documents):
        if not self.is_valid():
            return documents.none()
        data = self.cleaned_data
        if data["symbol"]:
            documents = documents.filter(symbol__istartswith=data["symbol"].strip())
        if data["kind"]:
            documents = documents.filter(kind=data["kind"])
        if data["year"]:
            documents = documents.filter(dialogue__year=data["year"])
        if data["language"]:
            documents = documents.filter(language=data["language"])
        return documents
