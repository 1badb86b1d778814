"""Login for everyone, with a second step for IOM staff: a TOTP code (django-otp).

A staff account is not logged in after the password: the session only remembers, for a few
minutes, who passed the password step. The code step then logs them in and marks the session
as verified. A staff member without a confirmed device sets one up in that step (scan the QR
code or type the key into an authenticator app, confirm with a first code).
"""

import base64
import time

import django_otp
import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model, login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_totp.models import TOTPDevice

from idm.forms import EmailAuthenticationForm, TwoFactorCodeForm
from idm.middleware import LAST_ACTIVITY_SESSION_KEY

PENDING_SESSION_KEY = "idm_two_factor_pending"
DEVICE_NAME = "Authenticator app"


class PortalLoginView(auth_views.LoginView):
    """Email and password; IOM staff continue to the two-factor step."""

    authentication_form = EmailAuthenticationForm

    def form_valid(self, form):
        user = form.get_user()
        if not user.is_staff:
            return super().form_valid(form)
        self.request.session[PENDING_SESSION_KEY] = {
            "user": user.pk,
            "backend": user.backend,
            "at": int(time.time()),
        }
        return redirect(
            f"{reverse('two_factor')}?{urlencode({REDIRECT_FIELD_NAME: self.get_success_url()})}"
        )


def pending_staff_user(request):
    """The staff account that passed the password step in this session, if still fresh."""
    pending = request.session.get(PENDING_SESSION_KEY)
    if not pending or time.time() - pending["at"] > settings.IDM_TWO_FACTOR_PENDING_SECONDS:
        return None
    User = get_user_model()
    return User.objects.filter(pk=pending["user"], is_active=True, is_staff=True).first()


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def device_to_set_up(user):
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def base32_key(device):
    return base64.b32encode(device.bin_key).decode()


def qr_code_data_uri(device):
    return segno.make(device.config_url, error="m").svg_data_uri(scale=4, border=2)


def safe_next(request):
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def complete_staff_login(request, user, device):
    backend = request.session[PENDING_SESSION_KEY]["backend"]
    del request.session[PENDING_SESSION_KEY]
    login(request, user, backend=backend)
    django_otp.login(request, device)
    request.session[LAST_ACTIVITY_SESSION_KEY] = int(time.time())
    request.session.set_expiry(settings.IDM_STAFF_SESSION_IDLE_SECONDS)


def check_code(device, form):
    """Verify the form's code against `device`; add a clear error when it fails."""
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        form.add_error(
            "code", _("Too many wrong codes. Wait a minute, then enter the newest code.")
        )
        return False
    if device.verify_token(form.cleaned_data["code"]):
        return True
    form.add_error(
        "code", _("This code is not valid. Check the clock of your phone and try the next one.")
    )
    return False


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def two_factor(request):
    user = pending_staff_user(request)
    if user is None:
        messages.info(request, _("Please log in again."))
        return redirect(
            f"{reverse('login')}?{urlencode({REDIRECT_FIELD_NAME: safe_next(request)})}"
        )
    device = confirmed_device(user)
    setting_up = device is None
    if setting_up:
        device = device_to_set_up(user)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and check_code(device, form):
        if setting_up:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        complete_staff_login(request, user, device)
        return redirect(safe_next(request))
    context = {
        "form": form,
        "setting_up": setting_up,
        "next": safe_next(request),
        "account": user,
    }
    if setting_up:
        context.update({"secret": base32_key(device), "qr_code": qr_code_data_uri(device)})
    return render(request, "registration/two_factor.html", context)
