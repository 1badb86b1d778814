from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from idm.api.translated import TranslatedContentSerializer, with_translations
from principles import services
from principles.models import Principle, PrincipleSet, Topic
from workshops.models import Event


class PrincipleSerializer(TranslatedContentSerializer):
    """A lettered principle, its headline and body in the request's language; staff write
    through the same service as the back office."""

    url = serializers.HyperlinkedIdentityField(view_name="api:principle-detail")
    principle_set = serializers.PrimaryKeyRelatedField(queryset=PrincipleSet.objects.all())
    set_title = serializers.CharField(source="principle_set.title", read_only=True)
    dialogue_year = serializers.IntegerField(source="principle_set.dialogue.year", read_only=True)
    topics = serializers.SlugRelatedField(
        many=True, slug_field="slug", queryset=Topic.objects.all(), required=False
    )
    events = serializers.SlugRelatedField(
        many=True, slug_field="slug", queryset=Event.objects.all(), required=False
    )

    class Meta:
        model = Principle
        fields = [
            "url",
            "id",
            "principle_set",
            "set_title",
            "dialogue_year",
            "label",
            "order",
            *with_translations("headline", "body"),
            "topics",
            "events",
        ]
        translated_fields = ["headline", "body"]
        validators = []  # the model's full_clean (in the service) checks the constraints

    def create(self, validated_data):
        return self._save(Principle(), validated_data)

    def update(self, principle, validated_data):
        return self._save(principle, validated_data)

    def _save(self, principle, validated_data):
        topics = validated_data.pop("topics", None)
        events = validated_data.pop("events", None)
        for field, value in validated_data.items():
            setattr(principle, field, value)
        try:
            return services.save_principle(
                principle=principle,
                actor=self.context["request"].user,
                topics=topics,
                events=events,
            )
        except DjangoValidationError as error:
            raise self.translated_validation_error(error) from error
