"""Steps that many browser tests share."""

from tests.factories import DEFAULT_PASSWORD


def log_in(page, base_url, email, password=DEFAULT_PASSWORD):
    """Log in through the login page, as a person would; returns on the page after login."""
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in", exact=True).last.click()
    page.wait_for_load_state()
