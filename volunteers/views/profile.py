"""The volunteer's own profile, and accepting an invitation to become a volunteer.

Outside the privacy wall: a volunteer sees only their own profile here, and the invitation
page is public. This module must not import reception (a test checks).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from integration_portal.accounts.permissions import Perm, permission_required
from volunteers import selectors, services
from volunteers.forms import InvitationAcceptForm, VolunteerProfileForm, add_service_error
from volunteers.models import VolunteerInvitation, VolunteerStatus

# The backend that logs a user in by e-mail, as allauth's own login does.
LOGIN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


@permission_required(Perm.VOLUNTEER_TASKS)
def profile(request: HttpRequest) -> HttpResponse:
    """What I tell the coordinator about myself, and where my vetting stands (read-only)."""
    profile = services.volunteer_profile_ensure(volunteer=request.user)
    form = VolunteerProfileForm(request.POST or None,
                                initial=VolunteerProfileForm.initial_for(profile))
    if request.method == "POST" and form.is_valid():
        try:
            services.volunteer_profile_update(profile=profile, actor=request.user,
                                              **form.service_arguments())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("volunteers:profile")
    renewal_due_on = profile.boerneattest_renewal_due_on
    return render(request, "volunteers/profile.html", {
        "profile": profile,
        "form": form,
        "renewal_due_on": renewal_due_on,
        "renewal_overdue": renewal_due_on is not None and renewal_due_on <= timezone.localdate(),
        "can_pause": profile.status == VolunteerStatus.ACTIVE,
        "can_resume": profile.status == VolunteerStatus.PAUSED,
    })


@require_POST
@permission_required(Perm.VOLUNTEER_TASKS)
def profile_pause(request: HttpRequest) -> HttpResponse:
    profile = services.volunteer_profile_ensure(volunteer=request.user)
    try:
        services.volunteer_pause(profile=profile, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("You are paused and will not be offered tasks. Resume "
                                    "whenever you are ready."))
    return redirect("volunteers:profile")


@require_POST
@permission_required(Perm.VOLUNTEER_TASKS)
def profile_resume(request: HttpRequest) -> HttpResponse:
    profile = services.volunteer_profile_ensure(volunteer=request.user)
    try:
        services.volunteer_resume(profile=profile, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        if profile.status == VolunteerStatus.ACTIVE:
            messages.success(request, _("Welcome back. You can take tasks again."))
        else:
            messages.success(request, _("Welcome back. The coordinator will approve you "
                                        "before you take tasks."))
    return redirect("volunteers:profile")


def _invitation_closed(request: HttpRequest, invitation: VolunteerInvitation | None,
                       reason: str, *, status: int) -> HttpResponse:
    return render(request, "volunteers/invitation_closed.html", {
        "invitation": invitation, "reason": reason,
        "municipality": invitation.municipality if invitation else None,
    }, status=status)


@never_cache
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the invitation e-mail: the invitee chooses a password and is logged in.

    Public: the token is the key. A link that is used, withdrawn or expired says so and
    changes nothing.
    """
    invitation = selectors.invitation_by_token(token)
    if invitation is None:
        return _invitation_closed(request, None, "unknown", status=404)
    if request.user.is_authenticated and invitation.accepted_user_id == request.user.pk:
        # The volunteer opened their link again after accepting it.
        return redirect("volunteers:profile")
    state = selectors.invitation_state(invitation, now=timezone.now())
    if state != selectors.InvitationState.PENDING:
        return _invitation_closed(request, invitation, state, status=410)
    if request.user.is_authenticated:
        return _invitation_closed(request, invitation, "logged_in", status=200)

    form = InvitationAcceptForm(request.POST or None, email=invitation.email,
                                initial={"full_name": invitation.full_name})
    if request.method == "POST" and form.is_valid():
        try:
            user = services.volunteer_invitation_accept(
                invitation=invitation, full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password"])
        except ValidationError as error:
            code = getattr(error, "code", None)  # a field error (the password) has none
            if code in ("invitation_closed", "account_exists"):
                # Used a moment ago (a second click of the button), or the address has an
                # account by now: say so rather than show the form again.
                invitation.refresh_from_db()
                reason = ("account_exists" if code == "account_exists"
                          else selectors.invitation_state(invitation))
                return _invitation_closed(request, invitation, reason, status=410)
            add_service_error(form, error)
        else:
            login(request, user, backend=LOGIN_BACKEND)
            messages.success(request, _(
                "Welcome, your account is ready. The volunteer coordinator will approve you "
                "before you can take tasks. Meanwhile, tell us about yourself here."))
            return redirect("volunteers:profile")
    return render(request, "volunteers/invitation_accept.html", {
        "form": form, "invitation": invitation,
    })
