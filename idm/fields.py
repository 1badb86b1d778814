"""Form fields shared by every form of the portal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from idm.collation import collation_key
from idm.models import MemberState

MEMBERSHIP_GROUPS = {
    MemberState.Membership.MEMBER: _("IOM member states"),
    MemberState.Membership.OBSERVER: _("IOM observer states"),
    MemberState.Membership.NONE: _("Other states"),
}


class StateChoiceIterator(forms.models.ModelChoiceIterator):
    """States grouped by IOM membership, each group in the alphabetical order of the page's
    language (computed when the list is shown, so a French page sorts the French names)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        states = sorted(self.queryset, key=lambda state: collation_key(state.display_name))
        for membership in self.field.group_order():
            group = [self.choice(state) for state in states if state.membership == membership]
            if group:
                yield (MEMBERSHIP_GROUPS[membership], group)

    def __len__(self):
        return self.queryset.count() + (1 if self.field.empty_label is not None else 0)


class StateChoiceField(forms.ModelChoiceField):
    """Chooses a state (never a territory): IOM member states first, or observer states
    first for a delegate of an observer state (`user`), then the other states."""

    iterator = StateChoiceIterator

    def __init__(self, *, user=None, queryset=None, **kwargs):
        self.user = user
        if queryset is None:
            queryset = MemberState.objects.states()
        super().__init__(queryset=queryset, **kwargs)

    def group_order(self):
        Membership = MemberState.Membership
        state = getattr(self.user, "member_state", None)
        if state is not None and state.membership == Membership.OBSERVER:
            return [Membership.OBSERVER, Membership.MEMBER, Membership.NONE]
        return [Membership.MEMBER, Membership.OBSERVER, Membership.NONE]

    def label_from_instance(self, obj):
        return obj.display_name
