"""The staff side of volunteering: posting a task (from a case or not) and coordination.

Inside the privacy wall: a task may be posted from a case, so this module may look up the
case. Nothing here is reachable by a volunteer (they get 404).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.scoping import get_visible_or_404
from reception.models import Household
from volunteers import selectors, services
from volunteers.forms import TaskForm, add_service_error
from volunteers.models import VolunteerProfile, VolunteerStatus


def _household_from_query(request: HttpRequest) -> Household | None:
    value = request.GET.get("household", "")
    if not value:
        return None
    if not value.isdigit():
        raise Http404
    return get_visible_or_404(Household.objects, request.user, pk=int(value))


# Caseworkers and coordinators post tasks.
@permission_required(Perm.WORK_ON_CASES, Perm.COORDINATE_VOLUNTEERS)
def task_create(request: HttpRequest) -> HttpResponse:
    """Post a task for volunteers, from a case (?household=<pk>) or from coordination."""
    household = _household_from_query(request)
    form = TaskForm(request.POST or None, municipality=request.user.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            services.task_create(municipality=request.user.municipality, actor=request.user,
                                 household=household, **form.cleaned_data)
        except ValidationError as error:
            # Everything typed stays in the form; the refusal sits on the field it is about.
            add_service_error(form, error)
        else:
            messages.success(request, _("The task was posted for volunteers."))
            if household is not None:
                return redirect("reception:case_detail", pk=household.pk)
            return redirect("volunteers:coordination")
    return render(request, "volunteers/task_form.html", {
        "form": form, "household": household,
        "can_coordinate": can(request.user, Perm.COORDINATE_VOLUNTEERS),
    })


@permission_required(Perm.COORDINATE_VOLUNTEERS)
def coordination(request: HttpRequest) -> HttpResponse:
    """The coordinator's start page: volunteers, unanswered invitations and unclaimed tasks."""
    return render(request, "volunteers/coordination.html", {
        "profiles": selectors.volunteer_profiles(viewer=request.user),
        "invitations": selectors.unanswered_invitations(viewer=request.user),
        "open_tasks": selectors.open_tasks_for_staff(viewer=request.user),
        "approvable": {VolunteerStatus.PENDING, VolunteerStatus.PAUSED},
    })


@require_POST
@permission_required(Perm.COORDINATE_VOLUNTEERS)
def volunteer_approve(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_visible_or_404(VolunteerProfile.objects.select_related("user"), request.user,
                                 pk=pk)
    try:
        services.volunteer_approve(profile=profile, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("%(name)s is approved and can take tasks.") % {
            "name": profile.user.full_name or profile.user.email})
    # Back to the page the button was on: the list or the volunteer's own page.
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return redirect(next_url)
    return redirect("volunteers:coordination")
