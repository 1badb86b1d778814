import pytest

pytestmark = pytest.mark.django_db


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/api/v1/", "/api/docs/"])
def test_security_headers_csp_without_unsafe_inline_scripts(client, url):
    response = client.get(url)
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["default-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


def test_security_headers_frame_referrer_nosniff(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_security_headers_hsts_on_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_security_headers_admin_pages_carry_csp(staff_client):
    response = staff_client.get("/admin/idm/user/")
    assert response.status_code == 200
    assert csp_directives(response)["script-src"] == ["'self'"]
    assert "<script>" not in response.content.decode()
