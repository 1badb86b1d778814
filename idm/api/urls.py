from django.urls import path
from rest_framework.routers import SimpleRouter

from idm.api.delegations import AuthTokenView, DelegationViewSet
from idm.api.views import DialogueViewSet, DocumentViewSet, MemberStateViewSet

router = SimpleRouter()
router.register("member-states", MemberStateViewSet, basename="memberstate")
router.register("dialogues", DialogueViewSet, basename="dialogue")
router.register("documents", DocumentViewSet, basename="document")
router.register("delegations", DelegationViewSet, basename="delegation")

urlpatterns = [
    path("auth/token/", AuthTokenView.as_view(), name="auth-token"),
    *router.urls,
]
