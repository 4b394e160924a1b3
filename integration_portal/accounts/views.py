from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from integration_portal.accounts.adapter import login_lockout_minutes
from integration_portal.accounts.forms import MunicipalitySettingsForm
from integration_portal.accounts.logos import logo_content_type
from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.accounts.selectors import staff_list
from integration_portal.accounts.services import municipality_update_settings


@permission_required(Perm.VIEW_STAFF)
def staff(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/staff_list.html", {"people": staff_list(viewer=request.user)})


@permission_required(Perm.MANAGE_MUNICIPALITY)
def municipality_settings(request: HttpRequest) -> HttpResponse:
    # The page edits the viewer's own municipality; there is no id in the URL to tamper with.
    municipality = request.user.municipality
    form = MunicipalitySettingsForm(request.POST or None, request.FILES or None,
                                    instance=municipality)
    if request.method == "POST" and form.is_valid():
        municipality_update_settings(
            municipality=municipality, actor=request.user, **form.settings(),
            logo=form.new_logo, remove_logo=form.remove_logo,
        )
        messages.success(request, _("The settings were saved."))
        return redirect("accounts:municipality_settings")
    return render(request, "accounts/municipality_settings.html", {"form": form})


@require_GET
@permission_required(Perm.VIEW_REPORTS, Perm.MANAGE_MUNICIPALITY)
def municipality_logo(request: HttpRequest) -> HttpResponse:
    """The viewer's own municipality's logo, for the settings page."""
    logo = request.user.municipality.logo
    if not logo:
        raise Http404
    with logo.open("rb") as stored:
        content = stored.read()
    content_type = logo_content_type(content)
    if content_type is None:
        raise Http404
    response = HttpResponse(content, content_type=content_type)
    response["Cache-Control"] = "private, no-cache"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """allauth's answer when a sign-in step is throttled (ROOT_URLCONF.handler429)."""
    return render(request, "429.html", {"retry_minutes": login_lockout_minutes()}, status=429)
