"""Currencies as ISO 4217 codes (pycountry) and money as exact decimals, never floats."""

from decimal import ROUND_HALF_UP, Decimal

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REPORTING_CURRENCY = "USD"
CENT = Decimal("0.01")


def currency_codes():
    return {currency.alpha_3 for currency in pycountry.currencies}


def currency_choices():
    return sorted((c.alpha_3, f"{c.alpha_3} – {c.name}") for c in pycountry.currencies)


def validate_currency(code):
    if code not in currency_codes():
        raise ValidationError(
            _("“%(code)s” is not an ISO 4217 currency code (for example USD, EUR, CHF)."),
            code="currency",
            params={"code": code},
        )


def to_cents(amount):
    """Round an exact Decimal to cents, half up (as accounts do); refuses floats."""
    if isinstance(amount, float):
        raise TypeError("Money is never a float: pass a Decimal or a string.")
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
