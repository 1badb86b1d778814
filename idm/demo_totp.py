"""The demo staff account's two-factor device: a fixed, published key, for development only.

`seed_idm --demo` creates it; `make demo-totp` (`manage.py demo_totp`) prints its current code.
"""

import base64

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from idm.models import User

DEMO_STAFF_EMAIL = "staff@example.org"
# 20 bytes in hex, as django-otp stores keys; in base32: MRSW23ZNNFSG2LLUN52HALLEMVWW6LLJ
DEMO_TOTP_KEY = "64656d6f2d69646d2d746f74702d64656d6f2d69"
DEMO_DEVICE_NAME = "Demo authenticator"


def ensure_demo_totp_device():
    """Give the demo staff account its confirmed device with the published key (idempotent)."""
    user = User.objects.get(email__iexact=DEMO_STAFF_EMAIL)
    device = TOTPDevice.objects.filter(user=user, name=DEMO_DEVICE_NAME).first()
    if device is None:
        return TOTPDevice.objects.create(
            user=user, name=DEMO_DEVICE_NAME, key=DEMO_TOTP_KEY, confirmed=True
        )
    if device.key != DEMO_TOTP_KEY or not device.confirmed:
        device.key, device.confirmed = DEMO_TOTP_KEY, True
        device.save(update_fields=["key", "confirmed"])
    return device


def demo_device():
    return TOTPDevice.objects.filter(
        user__email__iexact=DEMO_STAFF_EMAIL, name=DEMO_DEVICE_NAME, key=DEMO_TOTP_KEY
    ).first()


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def demo_totp_instructions():
    device = demo_device()
    secret = base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()
    lines = [
        f"IOM staff log in with a second step: {DEMO_STAFF_EMAIL} asks for a six-digit code.",
        f"  Base32 key for an authenticator app: {secret}",
    ]
    if device is not None:
        lines.append(f"  otpauth URI: {device.config_url}")
    lines.append(f"  Current code: make demo-totp   (or: oathtool --totp -b {secret})")
    return "\n".join(lines)
