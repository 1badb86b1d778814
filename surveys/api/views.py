from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, PermissionDenied
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.response import Response as ApiResponse

from idm.api.conditional import CachedReadMixin
from idm.api.preconditions import parse_if_match
from idm.api.schema import error_response, etag_header, if_match_parameter
from idm.models import Region
from idm.permissions import is_staff
from surveys import services
from surveys.access import results_visible
from surveys.api.results import SurveyResultsSerializer
from surveys.api.serializers import (
    ReopenSerializer,
    SurveyResponseCreateSerializer,
    SurveyResponseSerializer,
    SurveyResponseWriteSerializer,
    SurveySerializer,
)
from surveys.models import Answer, Question, Response, Section, Survey
from surveys.results import compute_results


class SurveyViewSet(CachedReadMixin, viewsets.ReadOnlyModelViewSet):
    """Published surveys (open or closed) with their sections, questions and options."""

    serializer_class = SurveySerializer
    permission_classes = [AllowAny]
    filterset_fields = ["kind", "status"]
    ordering_fields = ["opens_at", "id"]

    def get_queryset(self):
        questions = Question.objects.prefetch_related("options", "condition_options")
        sections = Section.objects.prefetch_related(Prefetch("questions", queryset=questions))
        return (
            Survey.objects.published()
            .select_related("dialogue")
            .prefetch_related(Prefetch("sections", queryset=sections))
            .order_by("-opens_at", "-pk")
        )

    @extend_schema(
        parameters=[OpenApiParameter("region", str, enum=Region.values, required=False)],
        responses={200: SurveyResultsSerializer, 403: error_response(403)},
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def results(self, request, pk=None):
        """Aggregates of the submitted responses: staff always; anyone once a survey whose
        results are public has closed. `?region=` filters by UN region."""
        survey = self.get_object()
        if not results_visible(request.user, survey):
            if not request.user.is_authenticated:
                raise NotAuthenticated()
            raise PermissionDenied("The results of this survey are not public.")
        region = request.query_params.get("region", "")
        if region and region not in Region.values:
            return ApiResponse(
                {"region": [f"Choose one of: {', '.join(Region.values)}."]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        results = compute_results(
            survey, region=region, include_text_sources=is_staff(request.user)
        )
        return ApiResponse(SurveyResultsSerializer(results).data)


class StaffOrDelegate(BasePermission):
    """Staff tokens reach every response; a delegate's token reaches their own state's."""

    def has_permission(self, request, view):
        user = request.user
        return is_staff(user) or bool(
            user and user.is_authenticated and user.is_active and user.member_state_id
        )


class ResponseViewSet(
    CachedReadMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Survey responses. Staff: all; delegates: their own state's. PATCH needs `If-Match` with
    the version (the ETag of GET): a stale version gets 412 and nothing is written."""

    serializer_class = SurveyResponseSerializer
    permission_classes = [StaffOrDelegate]
    cache_reads = False  # drafts change without content_changed(); ETag and 304 still apply
    filterset_fields = ["survey", "status"]
    ordering_fields = ["updated_at", "id"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        answers = Answer.objects.select_related("question").prefetch_related(
            "choices", "question__options"
        )
        responses = (
            Response.objects.filter(member_state__isnull=False)  # not participants' evaluations
            .select_related("member_state", "updated_by", "submitted_by")
            .prefetch_related(Prefetch("answers", queryset=answers))
            .order_by("survey_id", "member_state__name", "pk")
        )
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return responses.none()
        user = self.request.user
        if is_staff(user):
            return responses
        return responses.filter(member_state_id=user.member_state_id)

    def get_serializer_class(self):
        if self.action == "create":
            return SurveyResponseCreateSerializer
        if self.action == "partial_update":
            return SurveyResponseWriteSerializer
        if self.action == "reopen":
            return ReopenSerializer
        return SurveyResponseSerializer

    @extend_schema(parameters=[etag_header(200)])
    def retrieve(self, request, *args, **kwargs):
        response = self.get_object()
        api_response = ApiResponse(SurveyResponseSerializer(response).data)
        api_response["ETag"] = f'"{response.version}"'
        return api_response

    def refusal(self, error):
        if isinstance(error, services.NotAllowed):
            return ApiResponse({"detail": error.message}, status=status.HTTP_403_FORBIDDEN)
        if isinstance(error, services.AnswersInvalid):
            return ApiResponse(
                {"answers": {str(k): v for k, v in error.errors.items()}},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return ApiResponse({"detail": error.message}, status=status.HTTP_409_CONFLICT)

    def precondition_failed(self, error):
        """412: the client's If-Match names an older version; it gets the current one."""
        return ApiResponse(
            {"detail": str(error.message), "version": error.response.version},
            status=status.HTTP_412_PRECONDITION_FAILED,
        )

    def saved(self, response, code=status.HTTP_200_OK):
        response = self.get_queryset().get(pk=response.pk)
        api_response = ApiResponse(SurveyResponseSerializer(response).data, status=code)
        api_response["ETag"] = f'"{response.version}"'
        return api_response

    @extend_schema(
        request=SurveyResponseCreateSerializer,
        responses={201: SurveyResponseSerializer, 409: error_response(409)},
        parameters=[etag_header(201)],
    )
    def create(self, request, *args, **kwargs):
        """Start the draft of your state's response (delegates who may contribute)."""
        serializer = SurveyResponseCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        state = request.user.member_state
        if state is None:
            raise PermissionDenied("Only delegates of member states answer surveys.")
        try:
            response = services.save_answers(
                survey=serializer.validated_data["survey"],
                member_state=state,
                values=serializer.validated_data.get("answers", {}),
                expected_version=0,
                actor=request.user,
                coerce=True,
                whole_response=True,
            )
        except services.StaleVersion:
            return ApiResponse(
                {"detail": "Your state's response exists already: PATCH it with If-Match."},
                status=status.HTTP_409_CONFLICT,
            )
        except services.SurveyError as error:
            return self.refusal(error)
        return self.saved(response, status.HTTP_201_CREATED)

    @extend_schema(
        request=SurveyResponseWriteSerializer,
        responses={200: SurveyResponseSerializer, 409: error_response(409)},
        parameters=[if_match_parameter(required=True), etag_header(200)],
    )
    def partial_update(self, request, *args, **kwargs):
        response = self.get_object()
        serializer = SurveyResponseWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        version = parse_if_match(request.headers.get("If-Match"))
        if version is None:
            return ApiResponse(
                {"detail": "Send If-Match with the response version (its ETag)."},
                status=status.HTTP_428_PRECONDITION_REQUIRED,
            )
        try:
            response = services.save_answers(
                survey=response.survey,
                member_state=response.member_state,
                values=serializer.validated_data["answers"],
                expected_version=version,
                actor=request.user,
                coerce=True,
                whole_response=True,
            )
        except services.StaleVersion as error:
            return self.precondition_failed(error)
        except services.SurveyError as error:
            return self.refusal(error)
        return self.saved(response)

    @extend_schema(
        request=None,
        responses={200: SurveyResponseSerializer, 409: error_response(409)},
        parameters=[if_match_parameter(required=False), etag_header(200)],
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """The focal point submits the state's response (checked, locked, receipt emailed)."""
        response = self.get_object()
        try:
            response = services.submit_response(
                survey=response.survey,
                member_state=response.member_state,
                actor=request.user,
                expected_version=parse_if_match(request.headers.get("If-Match")),
            )
        except services.MissingAnswers as error:
            return ApiResponse(
                {
                    "missing": [
                        {"question": question.pk, "message": str(message)}
                        for question, message in error.missing
                    ]
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        except services.StaleVersion as error:
            return self.precondition_failed(error)
        except services.SurveyError as error:
            return self.refusal(error)
        return self.saved(response)

    @extend_schema(
        request=ReopenSerializer,
        responses={200: SurveyResponseSerializer, 409: error_response(409)},
        parameters=[etag_header(200)],
    )
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        """Staff reopen a submitted response, giving the reason."""
        response = self.get_object()
        if not is_staff(request.user):
            raise PermissionDenied("Only IOM staff reopen responses.")
        serializer = ReopenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            response = services.reopen_response(
                response=response, actor=request.user, reason=serializer.validated_data["reason"]
            )
        except services.SurveyError as error:
            return self.refusal(error)
        return self.saved(response)
