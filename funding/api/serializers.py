"""The funding API's serializers. Money is a decimal string ("1250.50"), never a float; staff
write through funding/services.py (the same validation and history as the back office)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from funding import services
from funding.allocation import FundingStatus
from funding.currencies import REPORTING_CURRENCY
from funding.models import BudgetLine, Contribution, Donor
from idm.api.errors import api_validation_error
from idm.models import Dialogue
from workshops.models import Event

MONEY = {"max_digits": 16, "decimal_places": 2}


class ServiceSaveMixin:
    """create/update set the fields on the model and call the service (`save_with`)."""

    def create(self, validated_data):
        return self._save(self.Meta.model(), validated_data)

    def update(self, instance, validated_data):
        return self._save(instance, validated_data)

    def _save(self, instance, validated_data):
        for name, value in validated_data.items():
            setattr(instance, name, value)
        try:
            return self.save_with(instance, self.context["request"].user)
        except DjangoValidationError as error:
            raise api_validation_error(error) from error


class DonorSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:donor-detail")
    display_name = serializers.CharField(read_only=True)
    member_state = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Donor
        fields = ["url", "id", "kind", "display_name", "name", "member_state", "notes"]
        read_only_fields = fields


class ContributionSerializer(ServiceSaveMixin, serializers.ModelSerializer):
    """A contribution: `amount` in `currency` (ISO 4217), `rate_to_usd` the US dollars for
    one unit of it on `rate_date`; `amount_usd` is computed (exact, to the cent). Dates left
    out: pledged today, rate of the pledge's date, received today (status `received`)."""

    url = serializers.HyperlinkedIdentityField(view_name="api:contribution-detail")
    donor = serializers.PrimaryKeyRelatedField(queryset=Donor.objects.all())
    donor_name = serializers.CharField(source="donor.display_name", read_only=True)
    dialogue_year = serializers.SlugRelatedField(
        source="dialogue", slug_field="year", queryset=Dialogue.objects.all()
    )
    event = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Event.objects.all(),
        allow_null=True,
        required=False,
        help_text="Slug of the event the money is earmarked for; null: the year's programme.",
    )
    amount_usd = serializers.DecimalField(read_only=True, **MONEY)

    class Meta:
        model = Contribution
        fields = [
            "url",
            "id",
            "donor",
            "donor_name",
            "dialogue_year",
            "event",
            "amount",
            "currency",
            "rate_to_usd",
            "rate_date",
            "amount_usd",
            "status",
            "pledged_on",
            "received_on",
            "agreement_reference",
            "is_public",
            "notes",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {"rate_date": {"required": False}, "pledged_on": {"required": False}}
        validators = []  # the model's full_clean (in the service) checks the constraints

    def save_with(self, contribution, actor):
        return services.save_contribution(contribution=contribution, actor=actor)


class BudgetLineSerializer(ServiceSaveMixin, serializers.ModelSerializer):
    """One category of an event's budget, in USD; `is_demo`: an illustrative figure."""

    url = serializers.HyperlinkedIdentityField(view_name="api:budget-detail")
    event = serializers.SlugRelatedField(slug_field="slug", queryset=Event.objects.all())
    dialogue_year = serializers.IntegerField(source="event.dialogue.year", read_only=True)

    class Meta:
        model = BudgetLine
        fields = [
            "url",
            "id",
            "event",
            "dialogue_year",
            "category",
            "amount_usd",
            "description",
            "is_demo",
        ]
        validators = []  # the model's full_clean (in the service) checks the constraints

    def save_with(self, line, actor):
        return services.save_budget_line(line=line, actor=actor)


class PublicDonorSerializer(serializers.Serializer):
    name = serializers.CharField()
    member_state = serializers.CharField(
        allow_null=True, help_text="ISO 3166 code of a member-state donor."
    )
    amount = serializers.DecimalField(**MONEY)
    currency = serializers.CharField()
    earmarked = serializers.BooleanField(
        help_text="Earmarked for this event (true) or given to the year's programme (false)."
    )


class EventFundingSerializer(serializers.Serializer):
    """An event's funding, computed from its budget and the year's contributions. Everyone
    reads the status, the percent funded and the donors whose contribution is public; the
    amounts (`currency` … `surplus`) are present for IOM staff only."""

    event = serializers.CharField(source="event.slug")
    dialogue_year = serializers.IntegerField(source="event.dialogue.year")
    status = serializers.ChoiceField(choices=list(FundingStatus.LABELS.items()))
    status_label = serializers.CharField()
    percent_funded = serializers.IntegerField(
        allow_null=True, help_text="0–100, rounded down; null without a budget."
    )
    demo_budget = serializers.BooleanField(
        help_text="The budget holds demo figures (the seed's), not an approved budget."
    )
    donors = PublicDonorSerializer(many=True, help_text="Public contributions only.")
    # Staff only (declared writable so that the schema marks them optional; never written).
    currency = serializers.CharField(required=False, help_text=f"Always {REPORTING_CURRENCY}.")
    budget = serializers.DecimalField(required=False, **MONEY)
    earmarked = serializers.DecimalField(required=False, **MONEY)
    allocated_by_hand = serializers.DecimalField(required=False, **MONEY)
    allocated_automatically = serializers.DecimalField(required=False, **MONEY)
    funded = serializers.DecimalField(required=False, **MONEY)
    gap = serializers.DecimalField(required=False, **MONEY)
    surplus = serializers.DecimalField(required=False, **MONEY)

    STAFF_FIELDS = (
        "currency",
        "budget",
        "earmarked",
        "allocated_by_hand",
        "allocated_automatically",
        "funded",
        "gap",
        "surplus",
    )

    def to_representation(self, summary):
        data = super().to_representation(summary)
        if not self.context.get("show_amounts"):
            for name in self.STAFF_FIELDS:
                data.pop(name, None)
        return data
