"""Public programme pages: dialogue years, events with their agendas, calendars, registration."""

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from idm.models import Dialogue
from idm.page_cache import cached_public_page
from workshops import services
from workshops.calendar import dialogue_calendar, event_calendar
from workshops.forms import RegistrationForm
from workshops.models import Event, Registration, RegistrationPhase


@require_safe
@cached_public_page
def dialogue_archive(request):
    dialogues = Dialogue.objects.annotate(
        event_count=Count("events", distinct=True),
        workshop_count=Count("events", filter=Q(events__kind=Event.Kind.WORKSHOP), distinct=True),
    ).order_by("-year")
    return render(request, "workshops/dialogue_archive.html", {"dialogues": dialogues})


@require_safe
@cached_public_page
def dialogue_detail(request, year):
    dialogue = get_object_or_404(Dialogue, year=year)
    events = dialogue.events.in_calendar_order().with_document_count().with_seats_taken()
    documents = dialogue.documents.order_by("symbol", "revision", "addendum", "title", "language")
    return render(
        request,
        "workshops/dialogue_detail.html",
        {"dialogue": dialogue, "events": events, "documents": documents},
    )


@require_safe
@cached_public_page
def event_detail(request, slug):
    event = get_object_or_404(Event.objects.with_programme().with_seats_taken(), slug=slug)
    principles = event.principles.select_related("principle_set").order_by("principle_set", "order")
    phase = event.registration_phase()
    return render(
        request,
        "workshops/event_detail.html",
        {
            "event": event,
            "principles": principles,
            "registration_open": phase in (RegistrationPhase.OPEN, RegistrationPhase.FULL),
            "registration_full": phase == RegistrationPhase.FULL,
        },
    )


def ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def event_ics(request, slug):
    event = get_object_or_404(Event, slug=slug)
    if not event.dates_known:
        raise Http404(_("The date of this event has not been announced yet."))
    url = request.build_absolute_uri(event.get_absolute_url())
    return ics_response(event_calendar(event, url), f"{event.slug}.ics")


@require_safe
def dialogue_ics(request, year):
    dialogue = get_object_or_404(Dialogue, year=year)
    events = dialogue.events.in_calendar_order()
    content = dialogue_calendar(
        f"IDM {dialogue.year}",
        [(event, request.build_absolute_uri(event.get_absolute_url())) for event in events],
    )
    return ics_response(content, f"idm-{dialogue.year}.ics")


@require_http_methods(["GET", "HEAD", "POST"])
def register(request, slug):
    event = get_object_or_404(
        Event.objects.select_related("dialogue").with_seats_taken(), slug=slug
    )
    phase = event.registration_phase()
    if phase not in (RegistrationPhase.OPEN, RegistrationPhase.FULL):
        return render(request, "workshops/registration_closed.html", {"event": event}, status=403)
    data = request.POST if request.method == "POST" else None
    form = RegistrationForm(data, event=event, user=request.user, initial=initial_for(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.register(
                event=event,
                user=request.user,
                language=translation.get_language() or "en",
                **form.cleaned_data,
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            return redirect(registration)
    return render(
        request,
        "workshops/register.html",
        {"event": event, "form": form, "registration_full": phase == RegistrationPhase.FULL},
    )


def initial_for(user):
    if not user.is_authenticated:
        return {}
    return {
        "name": user.get_full_name(),
        "email": user.email,
        "member_state": user.member_state_id,
        "category": Registration.Category.MEMBER_STATE if user.member_state_id else None,
    }


def attach_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
