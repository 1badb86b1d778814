from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import DelegateFactory, FocalPointFactory, StaffFactory


def client_as(role):
    """An API client with the token of a new user of `role` (anonymous: no token)."""
    client = APIClient()
    users = {
        "staff": StaffFactory,
        "delegate": DelegateFactory,
        "focal_point": FocalPointFactory,
    }
    if role != "anonymous":
        user = users[role]()
        token = Token.objects.create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        client.user = user
    return client
