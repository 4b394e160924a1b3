"""The staff side of events: the coordinator's list with who signed up, and creating,
changing and cancelling events.

Events hold no personal data of citizens, so this module needs nothing from reception.
Volunteers get 404 on every page here.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.core.scoping import get_visible_or_404
from integration_portal.letters.languages import Language
from volunteers import selectors, services
from volunteers.forms import EventForm, add_service_error
from volunteers.models import Event


def _language_names(codes: list[str]) -> list[str]:
    return [Language(code).label if code in Language.values else code for code in codes]


@permission_required(Perm.COORDINATE_VOLUNTEERS)
def staff_events(request: HttpRequest) -> HttpResponse:
    """Events with their coming meetings, how many signed up for each, and who."""
    items = selectors.meetings_for_staff(viewer=request.user)
    return render(request, "volunteers/staff_events.html", {
        "events": [{"event": item.event, "meetings": item.meetings,
                    "languages": _language_names(item.event.interpreter_languages)}
                   for item in items],
    })


@permission_required(Perm.COORDINATE_VOLUNTEERS)
def event_create(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(municipality=request.user.municipality,
                                          actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            # Everything typed stays in the form; each refusal sits on its field.
            add_service_error(form, error)
        else:
            messages.success(request, _("The event “%(title)s” was created.") % {
                "title": event.title})
            return redirect("volunteers:staff_events")
    return render(request, "volunteers/event_form.html", {"form": form, "event": None,
                                                          "title": ""})


@permission_required(Perm.COORDINATE_VOLUNTEERS)
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_visible_or_404(Event.objects.active(), request.user, pk=pk)
    title = event.title
    initial = {field: getattr(event, field) for field in services.EVENT_FIELDS}
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(event=event, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The event “%(title)s” was changed.") % {
                "title": event.title})
            return redirect("volunteers:staff_events")
    # The heading keeps the saved title while the form shows what was typed.
    return render(request, "volunteers/event_form.html", {"form": form, "event": event,
                                                          "title": title})


@permission_required(Perm.COORDINATE_VOLUNTEERS)
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first (GET), cancels on POST."""
    event = get_visible_or_404(Event.objects.active(), request.user, pk=pk)
    if request.method == "POST":
        try:
            services.event_cancel(event=event, actor=request.user)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("The event “%(title)s” was cancelled.") % {
                "title": event.title})
        return redirect("volunteers:staff_events")
    return render(request, "volunteers/event_cancel.html", {
        "event": event,
        "signups": selectors.coming_signup_count(event=event),
    })
