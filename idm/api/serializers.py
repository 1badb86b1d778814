from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from idm import services
from idm.api.translated import TranslatedContentSerializer, with_translations
from idm.models import Dialogue, Document, MemberState


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class DocumentHrefField(serializers.Field):
    """Where an API client downloads a document: the absolute file URL, else its link; null
    for a document that has neither yet."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, document) -> str | None:
        href = document.href
        if not href:
            return None
        request = self.context.get("request")
        if href and href.startswith("/") and request is not None:
            return request.build_absolute_uri(href)
        return href


class MemberStateSerializer(serializers.ModelSerializer):
    class Meta:
        model = MemberState
        fields = [
            "code",
            "iso3",
            "name",
            "region",
            "sub_region",
            "membership",
            "sponsorship_eligible",
        ]


class DialogueSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:dialogue-detail", lookup_field="year")

    class Meta:
        model = Dialogue
        fields = ["url", "year", "theme", "summary", "theme_selection", "funding_approach"]


class DocumentSerializer(TranslatedContentSerializer):
    """A document in one language (`language`); its title and description are also given in
    the portal's languages. Staff write through the same validation as the admin (symbol
    register, file type and size)."""

    dialogue_year = serializers.SlugRelatedField(
        source="dialogue", slug_field="year", queryset=Dialogue.objects.all()
    )
    href = DocumentHrefField()
    full_symbol = serializers.CharField(read_only=True)
    file = serializers.FileField(write_only=True, required=False, allow_empty_file=False)

    class Meta:
        model = Document
        fields = [
            "id",
            "symbol",
            "revision",
            "addendum",
            "full_symbol",
            *with_translations("title"),
            "kind",
            "language",
            "status",
            "dialogue_year",
            "href",
            "url",
            "file",
            *with_translations("description"),
            "published_on",
        ]
        translated_fields = ["title", "description"]
        extra_kwargs = {"url": {"write_only": True}}
        validators = []  # the model's full_clean (in the service) checks the constraints

    def create(self, validated_data):
        return self._save(Document(), validated_data)

    def update(self, document, validated_data):
        return self._save(document, validated_data)

    def _save(self, document, validated_data):
        for field, value in validated_data.items():
            setattr(document, field, value)
        try:
            return services.save_document(document=document, actor=self.context["request"].user)
        except DjangoValidationError as error:
            raise self.translated_validation_error(error) from error
