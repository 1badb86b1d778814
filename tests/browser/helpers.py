"""Steps that many browser tests share."""

from django.contrib.auth import get_user_model

from tests.factories import DEFAULT_PASSWORD
from tests.idm.factories import confirmed_totp_device, totp_code


def log_in(page, base_url, email, password=DEFAULT_PASSWORD):
    """Log in through the login page, as a person would; returns on the page after login.

    IOM staff then pass the two-factor step with a code computed from their TOTP device
    (one is created for them if they have none)."""
    user = get_user_model().objects.filter(email__iexact=email).first()
    device = confirmed_totp_device(user) if user is not None and user.is_staff else None
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in", exact=True).last.click()
    page.wait_for_load_state()
    if device is not None and "/accounts/login/code/" in page.url:
        page.get_by_label("Six-digit code").fill(totp_code(device))
        page.get_by_role("button", name="Verify").click()
        page.wait_for_load_state()
