from django.urls import get_resolver
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from idm.api.conditional import CachedReadMixin


def api_list_route_names():
    """Names of every list endpoint mounted under the `api` namespace, whatever app owns it."""
    _prefix, api_resolver = get_resolver().namespace_dict["api"]
    return sorted(
        name
        for name in api_resolver.reverse_dict
        if isinstance(name, str) and name.endswith("-list")
    )


@extend_schema(exclude=True)
class ApiRootView(CachedReadMixin, APIView):
    """The entry point of /api/v1/: a link to every collection, the schema and the docs."""

    permission_classes = [AllowAny]

    def get(self, request):
        links = {}
        for name in api_list_route_names():
            url = reverse(f"api:{name}", request=request)
            links[url.rstrip("/").rsplit("/", 1)[-1]] = url
        links["schema"] = reverse("api-schema", request=request)
        links["docs"] = reverse("api-docs", request=request)
        return Response(links)


@extend_schema(exclude=True)
class ApiNotFoundView(APIView):
    """Any other address under /api/v1/ (e.g. `/dialogues/0.5/`, whose segment no route
    admits): the API's JSON 404, not the site's HTML page."""

    permission_classes = [AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound()
