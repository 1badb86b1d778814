from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_safe

from idm.page_cache import cached_public_page
from principles.forms import PrincipleSearchForm
from principles.models import Principle, PrincipleSet
from workshops.models import Event


def filtered_principles(form):
    principles = Principle.objects.all()
    if not form.is_valid():
        return principles.none()
    if form.cleaned_data["topic"]:
        principles = principles.filter(topics=form.cleaned_data["topic"])
    if form.cleaned_data["year"]:
        principles = principles.filter(principle_set__dialogue__year=form.cleaned_data["year"])
    return principles.search(form.cleaned_data["q"])


@require_safe
@cached_public_page
def principle_list(request):
    form = PrincipleSearchForm(request.GET or None)
    searching = form.is_bound
    principles = filtered_principles(form) if searching else Principle.objects.all()
    principles = principles.select_related("principle_set__dialogue").prefetch_related(
        "topics", Prefetch("events", queryset=Event.objects.in_calendar_order())
    )
    if not searching:
        principles = principles.order_by("-principle_set__dialogue__year", "principle_set", "order")
    principles = list(principles)
    sets = PrincipleSet.objects.filter(pk__in={p.principle_set_id for p in principles})
    groups = [
        (principle_set, [p for p in principles if p.principle_set_id == principle_set.pk])
        for principle_set in sets.select_related("dialogue")
    ]
    return render(
        request,
        "principles/principle_list.html",
        {
            "form": form if searching else PrincipleSearchForm(),
            "searching": searching,
            "groups": groups,
            "result_count": len(principles),
        },
    )
