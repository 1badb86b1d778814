"""A participant's own registration: see it, change it, cancel it (after a confirmation),
find its link again by email, and, logged in, the list of one's registrations.

The registration's page is reached through its unguessable reference (the link in the
confirmation email): whoever holds the link manages the registration, as with pretix orders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from idm.rate_limits import allowed, client_address
from workshops import services
from workshops.forms import ChangeRegistrationForm, LostLinkForm
from workshops.models import Registration
from workshops.views import attach_errors

# "I lost my link": per connection, then per email address (an address that receives its
# links does not get them again and again, whoever asks).
LOST_LINK_PER_ADDRESS = (10, 60 * 60)
LOST_LINK_PER_EMAIL = (3, 60 * 60)


def get_registration(reference):
    return get_object_or_404(
        Registration.objects.select_related("event__dialogue", "member_state"),
        reference=reference,
    )


@never_cache
@require_safe
def registration_detail(request, reference):
    registration = get_registration(reference)
    return render(request, "workshops/registration_detail.html", {"registration": registration})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def registration_change(request, reference):
    registration = get_registration(reference)
    if not registration.can_be_changed:
        return redirect(registration)
    form = ChangeRegistrationForm(request.POST or None, instance=registration)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_registration(
                registration=registration,
                actor=request.user if request.user.is_authenticated else None,
                **form.cleaned_data,
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Your registration is updated."))
            return redirect(registration)
    return render(
        request, "workshops/registration_change.html", {"registration": registration, "form": form}
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def registration_cancel(request, reference):
    """GET asks for confirmation; POST cancels (and emails the participant)."""
    registration = get_registration(reference)
    if not registration.can_be_changed:
        return redirect(registration)
    if request.method == "POST":
        services.cancel_registration(
            registration=registration,
            actor=request.user if request.user.is_authenticated else None,
        )
        messages.success(request, _("Your registration is cancelled. We have sent you an email."))
        return redirect(registration)
    return render(request, "workshops/registration_cancel.html", {"registration": registration})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def lost_link(request):
    """Whether or not the address has registrations, the answer is the same page: only the
    mailbox learns it (no enumeration)."""
    form = LostLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limit, period = LOST_LINK_PER_ADDRESS
        if not allowed("lost-link-address", client_address(request), limit=limit, period=period):
            return render(request, "429.html", status=429)
        email = form.cleaned_data["email"]
        limit, period = LOST_LINK_PER_EMAIL
        if allowed("lost-link-email", email, limit=limit, period=period):
            services.send_lost_links(email=email)
        return render(request, "workshops/lost_link.html", {"form": None, "sent_to": email})
    return render(request, "workshops/lost_link.html", {"form": form})


@login_required
@never_cache
@require_safe
def my_registrations(request):
    """The registrations made with the account or its email address."""
    registrations = Registration.objects.of_user(request.user)
    return render(request, "workshops/my_registrations.html", {"registrations": registrations})
