from django.urls import path
from rest_framework.routers import SimpleRouter

from funding.api.views import (
    BudgetLineViewSet,
    ContributionViewSet,
    DonorViewSet,
    EventFundingView,
)

router = SimpleRouter()
router.register("donors", DonorViewSet, basename="donor")
router.register("contributions", ContributionViewSet, basename="contribution")
router.register("budgets", BudgetLineViewSet, basename="budget")

urlpatterns = [
    path("events/<slug:slug>/funding/", EventFundingView.as_view(), name="event-funding"),
    *router.urls,
]
