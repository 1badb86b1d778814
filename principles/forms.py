from django import forms
from django.utils.translation import gettext_lazy as _

from principles.models import Topic


class PrincipleSearchForm(forms.Form):
    q = forms.CharField(label=_("Search the principles"), required=False, max_length=200)
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    year = forms.IntegerField(label=_("Dialogue year"), required=False, min_value=2001)
