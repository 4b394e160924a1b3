from __future__ import annotations

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Paths a user who still has to set up two-factor authentication may reach.
_ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz", "/health", "/accessibility",
                     "/surveys/r/")  # surveys: the public respondent pages
_SESSION_KEY = "portal_mfa_ok"


def must_use_mfa(user) -> bool:
    """Administrators (who reach every municipality's data in the admin) whenever
    ADMIN_MFA_REQUIRED is on; staff when their municipality requires it."""
    if user.is_staff or user.is_superuser:
        return settings.ADMIN_MFA_REQUIRED
    return user.is_portal_staff and user.municipality.mfa_required


def remember_mfa_passed(sender, request, user, **kwargs) -> None:
    """At login, mark the session of staff who have an authenticator as done with two-factor.

    allauth logs a user with an authenticator in only after the code (and the admin site's
    login is routed through allauth), so later requests need no query to know it.
    """
    if (
        request is not None
        and hasattr(request, "session")
        and (user.is_portal_staff or user.is_staff or user.is_superuser)
        and is_mfa_enabled(user)
    ):
        request.session[_SESSION_KEY] = True


class RequireMfaMiddleware:
    """Send staff of a municipality that requires two-factor authentication, and
    administrators, to set it up.

    Once the user has an authenticator, allauth asks for a code at every login, so this only
    has to catch accounts that have none yet. Sessions of users who had one at login are
    marked then (`remember_mfa_passed`) and cost nothing here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.session.get(_SESSION_KEY)
            and not request.path.startswith(_ALLOWED_PREFIXES)
            and must_use_mfa(user)
        ):
            if is_mfa_enabled(user):
                # Set up during this session: the activation itself checked a code.
                request.session[_SESSION_KEY] = True
            else:
                messages.warning(
                    request,
                    _("Administrators must use two-factor authentication. "
                      "Set up an authenticator app to continue.")
                    if user.is_staff or user.is_superuser else
                    _("Your municipality requires two-factor authentication. "
                      "Set up an authenticator app to continue."),
                )
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
