"""The coordinator's side of volunteers: invitations by e-mail and one volunteer's page.

Staff only (Perm.COORDINATE_VOLUNTEERS): a volunteer gets 404 here, a caseworker 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.core.scoping import get_visible_or_404
from volunteers import selectors, services
from volunteers.forms import InvitationForm, VettingForm, add_service_error
from volunteers.models import VolunteerInvitation, VolunteerStatus


def _date(moment) -> str:
    return formats.date_format(timezone.localdate(moment), "DATE_FORMAT")


def _mail_failed(request: HttpRequest, invitation: VolunteerInvitation) -> None:
    messages.warning(request, _(
        "The invitation to %(email)s is saved, but the e-mail could not be sent. Try “Send "
        "again” later, or ask IT support to check the mail server.") % {
            "email": invitation.email})


@permission_required(Perm.COORDINATE_VOLUNTEERS)
def invitation_create(request: HttpRequest) -> HttpResponse:
    """Invite someone by e-mail; a waiting invitation to the same address is offered again."""
    form = InvitationForm(request.POST or None, municipality=request.user.municipality)
    waiting = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            invitation = services.volunteer_invite(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
            waiting = selectors.waiting_invitation_for(viewer=request.user, email=email)
        except services.InvitationMailFailed:
            _mail_failed(request, selectors.waiting_invitation_for(viewer=request.user,
                                                                   email=email))
            return redirect("volunteers:coordination")
        else:
            messages.success(request, _(
                "The invitation was sent to %(email)s. The link works until %(date)s.") % {
                    "email": invitation.email, "date": _date(invitation.expires_at)})
            return redirect("volunteers:coordination")
    return render(request, "volunteers/invitation_form.html", {
        "form": form, "waiting_invitation": waiting,
        "invitation_days": services.VOLUNTEER_INVITATION_DAYS,
    })


def _invitation_for(request: HttpRequest, pk: int) -> VolunteerInvitation:
    return get_visible_or_404(VolunteerInvitation.objects.select_related("municipality",
                                                                         "organisation"),
                              request.user, pk=pk)


@require_POST
@permission_required(Perm.COORDINATE_VOLUNTEERS)
def invitation_resend(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = _invitation_for(request, pk)
    try:
        services.volunteer_invitation_resend(invitation=invitation, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    except services.InvitationMailFailed:
        _mail_failed(request, invitation)
    else:
        messages.success(request, _(
            "The invitation was sent again to %(email)s with a new link, which works until "
            "%(date)s. The old link no longer works.") % {
                "email": invitation.email, "date": _date(invitation.expires_at)})
    return redirect("volunteers:coordination")


@require_POST
@permission_required(Perm.COORDINATE_VOLUNTEERS)
def invitation_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = _invitation_for(request, pk)
    try:
        services.volunteer_invitation_withdraw(invitation=invitation, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("The invitation to %(email)s was withdrawn. Its link no "
                                    "longer works.") % {"email": invitation.email})
    return redirect("volunteers:coordination")


def _name(profile) -> str:
    return profile.user.full_name or profile.user.email


@permission_required(Perm.COORDINATE_VOLUNTEERS)
def volunteer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One volunteer: what they told us, the vetting, their tasks and hours, and actions."""
    profile = selectors.volunteer_for_coordinator(viewer=request.user, pk=pk)
    form = VettingForm(request.POST or None, initial=VettingForm.initial_for(profile),
                       municipality=request.user.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            services.volunteer_vet(profile=profile, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            # Everything typed stays in the form; nothing was saved.
            add_service_error(form, error)
        else:
            messages.success(request, _("The vetting of %(name)s was saved.") % {
                "name": _name(profile)})
            return redirect("volunteers:volunteer_detail", pk=profile.pk)
    renewal_due_on = profile.boerneattest_renewal_due_on
    return render(request, "volunteers/volunteer_detail.html", {
        "profile": profile,
        "form": form,
        "renewal_due_on": renewal_due_on,
        "renewal_overdue": renewal_due_on is not None and renewal_due_on <= timezone.localdate(),
        "tasks": selectors.volunteer_tasks_for_staff(viewer=request.user,
                                                     volunteer=profile.user),
        "total_hours": selectors.volunteer_total_hours(viewer=request.user,
                                                       volunteer=profile.user),
        "can_approve": profile.status in (VolunteerStatus.PENDING, VolunteerStatus.PAUSED),
        "can_pause": profile.status == VolunteerStatus.ACTIVE,
        "can_end": profile.status != VolunteerStatus.ENDED,
    })


@require_POST
@permission_required(Perm.COORDINATE_VOLUNTEERS)
def volunteer_pause(request: HttpRequest, pk: int) -> HttpResponse:
    profile = selectors.volunteer_for_coordinator(viewer=request.user, pk=pk)
    try:
        services.volunteer_pause(profile=profile, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _(
            "%(name)s is paused and cannot take tasks. Approve them again to let them "
            "continue.") % {"name": _name(profile)})
    return redirect("volunteers:volunteer_detail", pk=profile.pk)


@require_POST
@permission_required(Perm.COORDINATE_VOLUNTEERS)
def volunteer_end(request: HttpRequest, pk: int) -> HttpResponse:
    profile = selectors.volunteer_for_coordinator(viewer=request.user, pk=pk)
    try:
        released = services.volunteer_end(profile=profile, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("%(name)s no longer volunteers with the municipality.") % {
            "name": _name(profile)})
        if released:
            messages.info(request, ngettext(
                "%(count)d task they had taken is back on the board.",
                "%(count)d tasks they had taken are back on the board.", released,
            ) % {"count": released})
    return redirect("volunteers:volunteer_detail", pk=profile.pk)
