from rest_framework import serializers

from idm.models import Dialogue, Document, MemberState


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


class DocumentSerializer(serializers.ModelSerializer):
    dialogue_year = serializers.IntegerField(source="dialogue.year", read_only=True)
    href = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "symbol",
            "title",
            "kind",
            "language",
            "status",
            "dialogue_year",
            "href",
            "description",
            "published_on",
        ]

    def get_href(self, document) -> str:
        href = document.href
        request = self.context.get("request")
        if href and href.startswith("/") and request is not None:
            return request.build_absolute_uri(href)
        return href
