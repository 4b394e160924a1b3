"""The volunteer's meetings: signing up for events, and their private calendar feed.

Outside the privacy wall, like volunteer.py: everything shown comes from the events' own
fields, the volunteer's own sign-ups and tasks. This module must not import reception.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.core.scoping import get_visible_or_404
from integration_portal.letters.languages import Language
from volunteers import selectors, services
from volunteers.calendar_feed import volunteer_feed
from volunteers.forms import OccurrenceForm
from volunteers.models import Event


def _language_names(codes: list[str]) -> list[str]:
    return [Language(code).label if code in Language.values else code for code in codes]


def _render_events(request: HttpRequest, *, error: str = "") -> HttpResponse:
    volunteer = request.user
    profile = selectors.profile_of(volunteer)
    events = selectors.meetings_for_volunteer(volunteer=volunteer)
    return render(request, "volunteers/events.html", {
        "events": [{"event": item.event, "meetings": item.meetings,
                    "languages": _language_names(item.event.interpreter_languages)}
                   for item in events],
        "my_meetings": selectors.my_meetings(volunteer=volunteer),
        # The same answer for every meeting: it depends on the volunteer only.
        "refusal": services.volunteer_refusal(volunteer=volunteer, profile=profile),
        "error": error,
    })


@permission_required(Perm.VOLUNTEER_TASKS)
def events(request: HttpRequest) -> HttpResponse:
    """Coming meetings the volunteer can sign up for, and the ones they signed up for."""
    return _render_events(request)


def _event_and_date(request: HttpRequest, pk: int):
    event = get_visible_or_404(Event.objects, request.user, pk=pk)
    form = OccurrenceForm(request.POST)
    if not form.is_valid():
        raise Http404
    return event, form.cleaned_data["occurs_on"]


@require_POST
@permission_required(Perm.VOLUNTEER_TASKS)
def event_sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    event, occurs_on = _event_and_date(request, pk)
    try:
        services.event_sign_up(event=event, occurs_on=occurs_on, volunteer=request.user)
    except ValidationError as error:
        return _render_events(request, error=" ".join(error.messages))
    messages.success(request, _("You signed up for “%(title)s” on %(date)s.") % {
        "title": event.title, "date": occurs_on.strftime("%d.%m.%Y")})
    return redirect("volunteers:events")


@require_POST
@permission_required(Perm.VOLUNTEER_TASKS)
def event_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    event, occurs_on = _event_and_date(request, pk)
    try:
        services.event_withdraw(event=event, occurs_on=occurs_on, volunteer=request.user)
    except ValidationError as error:
        return _render_events(request, error=" ".join(error.messages))
    messages.success(request, _("You are no longer signed up for “%(title)s” on %(date)s.")
                     % {"title": event.title, "date": occurs_on.strftime("%d.%m.%Y")})
    return redirect("volunteers:events")


def calendar_feed_url(token: str) -> str:
    """The feed's absolute address: calendar programs fetch it from outside the portal."""
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse("volunteers:calendar_feed",
                                                          args=[token])


@permission_required(Perm.VOLUNTEER_TASKS)
def calendar_settings(request: HttpRequest) -> HttpResponse:
    """The volunteer's feed address, how to subscribe to it, and drawing a new key."""
    profile = selectors.profile_of(request.user)
    feed_url = calendar_feed_url(profile.calendar_token) if profile else ""
    return render(request, "volunteers/calendar_settings.html", {
        "profile": profile,
        "feed_url": feed_url,
        "webcal_url": feed_url.replace("https://", "webcal://", 1).replace(
            "http://", "webcal://", 1),
        "feed_works": selectors.calendar_profile(profile.calendar_token) is not None
        if profile else False,
    })


@require_POST
@permission_required(Perm.VOLUNTEER_TASKS)
def calendar_token_renew(request: HttpRequest) -> HttpResponse:
    profile = selectors.profile_of(request.user)
    if profile is None:
        raise Http404
    services.calendar_token_renew(profile=profile, actor=request.user)
    messages.success(request, _("Your calendar has a new address. The old one no longer "
                                "works: subscribe to the new one in your calendar program."))
    return redirect("volunteers:calendar_settings")


@require_GET
@never_cache
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private feed. No login: calendar programs cannot log in, so the key is the lock.

    An unknown key, and the key of a volunteer who is paused, ended or whose account is
    closed, answer 404 alike: the answer tells nothing about whether the key ever existed.
    """
    profile = selectors.calendar_profile(token)
    if profile is None:
        raise Http404
    response = HttpResponse(volunteer_feed(profile), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="volunteer.ics"'
    # The address is a secret: keep it out of search engines and other sites' logs.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
