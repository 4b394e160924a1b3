from __future__ import annotations

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Paths a user who still has to set up two-factor authentication may reach.
_ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz", "/health", "/accessibility")
_SESSION_KEY = "portal_mfa_ok"


class RequireMfaMiddleware:
    """Send staff of a municipality that requires two-factor authentication to set it up.

    Once the user has an authenticator, allauth asks for a code at every login, so this only
    has to catch accounts that have none yet.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.session.get(_SESSION_KEY)
            and user.is_portal_staff
            and user.municipality.mfa_required
            and not request.path.startswith(_ALLOWED_PREFIXES)
        ):
            if is_mfa_enabled(user):
                request.session[_SESSION_KEY] = True
            else:
                messages.warning(
                    request,
                    _("Your municipality requires two-factor authentication. "
                      "Set up an authenticator app to continue."),
                )
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
