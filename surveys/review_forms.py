"""Forms of the delegate's path to submission: the explicit confirmation on the review page and
the optional note with which a contributor tells the focal point the draft is ready."""

from django import forms
from django.utils.translation import gettext_lazy as _

from surveys.services.review_notices import NOTE_MAX_LENGTH


class ConfirmSubmitForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
    confirm = forms.BooleanField(
        label=_(
            "I have reviewed these answers. Submit them as my state's official response: the "
            "response is then locked."
        ),
        error_messages={
            "required": _("Tick the box to confirm that these answers are to be submitted.")
        },
    )

    def __init__(self, *args, state=None, **kwargs):
        super().__init__(*args, **kwargs)
        if state is not None:
            self.fields["confirm"].label = _(
                "I have reviewed these answers. Submit them as the official response of "
                "%(state)s: the response is then locked."
            ) % {"state": state.display_name}


class NotifyFocalPointForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the focal point (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
