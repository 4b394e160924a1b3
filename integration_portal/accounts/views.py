from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from integration_portal.accounts.forms import MunicipalitySettingsForm
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
    form = MunicipalitySettingsForm(request.POST or None, instance=municipality)
    if request.method == "POST" and form.is_valid():
        municipality_update_settings(
            municipality=municipality, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("The settings were saved."))
        return redirect("accounts:municipality_settings")
    return render(request, "accounts/municipality_settings.html", {"form": form})
