from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from idm.models import Document, Language


class EmailAuthenticationForm(AuthenticationForm):
    """Log in with an email address (case does not matter)."""

    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )


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
