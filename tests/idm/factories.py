"""Factories and helpers for delegations, invitations and staff two-factor devices."""

import time
from datetime import timedelta

import factory
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from idm.models import Invitation
from idm.models.delegations import hash_secret
from tests.factories import FocalPointFactory, MemberStateFactory


def confirmed_totp_device(user):
    """The user's confirmed TOTP device, created if missing."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)


def totp_code(device):
    """A code the device accepts now: the current one, or the next if the current one was
    already used (django-otp refuses a code twice; its tolerance accepts the next step)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if device.last_t is not None and totp.t() <= device.last_t:
        totp.time += device.step * (device.last_t - totp.t() + 1)
    return f"{totp.token():0{device.digits}d}"


def verify_staff_session(client, user):
    """Mark a test client's logged-in session as verified by the user's TOTP device."""
    device = confirmed_totp_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    member_state = factory.SubFactory(MemberStateFactory)
    role = "contributor"
    invited_by = factory.SubFactory(
        FocalPointFactory, member_state=factory.SelfAttribute("..member_state")
    )
    secret_hash = factory.Sequence(lambda n: hash_secret(f"secret-{n}"))
    created_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(
        lambda invitation: invitation.created_at + timedelta(days=14)
    )
