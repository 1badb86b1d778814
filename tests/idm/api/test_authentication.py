import pytest
from rest_framework.authtoken.models import Token

from tests.factories import DelegateFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "header",
    ["Token \x00", "Token abc\x00def", "Token ²", "Token " + "a" * 41, "Token a-b", "token \x01"],
)
def test_token_header_malformed_key_refused_as_invalid_token(api_client, header):
    answer = api_client.get("/api/v1/delegations/", HTTP_AUTHORIZATION=header)
    # 401 with WWW-Authenticate: Token (token authentication comes first).
    assert answer.status_code == 401
    assert answer.json()["detail"].startswith("Invalid token")


def test_token_header_real_key_still_authenticates(api_client):
    token = Token.objects.create(user=DelegateFactory())
    answer = api_client.get("/api/v1/delegations/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert answer.status_code == 200


def test_schema_still_declares_token_authentication(api_client):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.json()["components"]["securitySchemes"]["tokenAuth"]["type"] == "apiKey"
