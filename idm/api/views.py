import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.parsers import MultiPartParser

from idm.api.conditional import CachedReadMixin
from idm.api.filters import ApiFilterSet, IntegerFilter
from idm.api.parsers import JSONParser
from idm.api.permissions import PublicReadStaffWrite
from idm.api.serializers import DialogueSerializer, DocumentSerializer, MemberStateSerializer
from idm.content_languages import language_fields
from idm.models import Dialogue, Document, MemberState


class MemberStateViewSet(CachedReadMixin, viewsets.ReadOnlyModelViewSet):
    """Countries (ISO 3166) with their UN region and IOM membership."""

    queryset = MemberState.objects.all()
    serializer_class = MemberStateSerializer
    permission_classes = [PublicReadStaffWrite]
    lookup_field = "code"
    filterset_fields = ["region", "membership", "sponsorship_eligible"]
    search_fields = ["name", "code", "iso3"]
    ordering_fields = ["name", "code", "region"]


class DialogueViewSet(CachedReadMixin, viewsets.ReadOnlyModelViewSet):
    """IDM years and their overarching themes."""

    queryset = Dialogue.objects.all()
    serializer_class = DialogueSerializer
    permission_classes = [PublicReadStaffWrite]
    lookup_field = "year"
    search_fields = language_fields("theme", "summary")
    ordering_fields = ["year"]


class DocumentFilter(ApiFilterSet):
    year = IntegerFilter(field_name="dialogue__year")
    symbol = django_filters.CharFilter(field_name="symbol", lookup_expr="iexact")
    symbol_prefix = django_filters.CharFilter(
        field_name="symbol", lookup_expr="istartswith", label="Symbol starts with"
    )

    class Meta:
        model = Document
        fields = [
            "year",
            "symbol",
            "symbol_prefix",
            "revision",
            "addendum",
            "kind",
            "language",
            "status",
        ]


# The schema offers one content type per operation (a client generated from it handles no
# more): multipart, which carries every field and the file; the view also reads JSON.
DOCUMENT_BODY = {"multipart/form-data": DocumentSerializer}


@extend_schema_view(
    create=extend_schema(request=DOCUMENT_BODY),
    update=extend_schema(request=DOCUMENT_BODY),
    partial_update=extend_schema(request=DOCUMENT_BODY),
)
class DocumentViewSet(
    CachedReadMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Official documents by symbol (with revision and addendum), kind, language and year.
    Anyone may read; IOM staff may add and change documents (JSON with a link, or multipart
    with a file)."""

    queryset = Document.objects.select_related("dialogue")
    serializer_class = DocumentSerializer
    permission_classes = [PublicReadStaffWrite]
    parser_classes = [JSONParser, MultiPartParser]
    filterset_class = DocumentFilter
    search_fields = ["symbol", *language_fields("title", "description")]
    ordering_fields = ["symbol", "title", "published_on"]
