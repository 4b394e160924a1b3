"""What the browser is told to enforce, and the end of sessions nobody is using.

Content-Security-Policy: Django 5.2 has none built in, and the policy is short enough to own.
Every page loads its JavaScript and CSS from our static files (no inline scripts, event
attributes, `javascript:` URLs or `style` attributes; tests/core/test_templates_csp.py keeps
it so), which is what lets the policy forbid inline code: an injected `<script>` does nothing.

Idle sessions: a session ends after `SESSION_IDLE_TIMEOUT` seconds without a request, and
`SESSION_COOKIE_AGE` seconds after login at the latest. Ordinary requests must not write the
session (the pages' query counts are pinned), so the time of the last request is only
refreshed when it is older than a tenth of the idle timeout: a session may live up to that
tenth longer than the timeout, never less.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.translation import gettext, ngettext

LOGIN_AT = "_portal_login_at"
SEEN_AT = "_portal_seen_at"
# A tenth of the idle timeout: the session is written at most this often by an active user.
REFRESH_FRACTION = 10


def policy_header(policy: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


class SecurityHeadersMiddleware:
    """Adds Content-Security-Policy and Permissions-Policy to every response.

    A view may set its own Content-Security-Policy header; it is left as it is.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = dict(settings.CONTENT_SECURITY_POLICY)
        if getattr(getattr(response, "accepted_renderer", None), "format", None) == "api":
            # DRF's browsable API (a developer's tool, not a page of the portal) lays itself
            # out with style attributes and a <style> element; it runs no inline script, so
            # only inline styles are allowed, and only there.
            policy["style-src-elem"] = ["'self'", "'unsafe-inline'"]
            policy["style-src-attr"] = ["'unsafe-inline'"]
        header = ("Content-Security-Policy-Report-Only" if settings.CSP_REPORT_ONLY
                  else "Content-Security-Policy")
        response.headers.setdefault(header, policy_header(policy))
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


@receiver(user_logged_in, dispatch_uid="portal_session_stamp_login")
def stamp_login(sender, request: HttpRequest | None, user, **kwargs) -> None:
    # Test clients' force_login() sends this signal too, so a test's session is stamped
    # like a real one and its first request writes nothing.
    session = getattr(request, "session", None)
    if session is not None:
        now = int(time.time())
        session[LOGIN_AT] = now
        session[SEEN_AT] = now


class SessionIdleTimeoutMiddleware:
    """Logs out a session idle for too long, or too long after login, and says why.

    Sits after AuthenticationMiddleware and MessageMiddleware. Reads only the session, which
    the request loads anyway; it never loads the user unless it logs them out.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if SESSION_KEY in session:
            now = int(time.time())
            idle = settings.SESSION_IDLE_TIMEOUT
            seen_at, login_at = session.get(SEEN_AT), session.get(LOGIN_AT)
            if seen_at is None or login_at is None:
                # A session from before the stamps existed: its clocks start now.
                session[LOGIN_AT] = session[SEEN_AT] = now
            elif now - seen_at > idle:
                minutes = max(1, round(idle / 60))
                return self.log_out(request, ngettext(
                    "You were logged out after %(minutes)d minute without activity. "
                    "Please log in again.",
                    "You were logged out after %(minutes)d minutes without activity. "
                    "Please log in again.",
                    minutes) % {"minutes": minutes})
            elif now - login_at > settings.SESSION_COOKIE_AGE:
                return self.log_out(request, gettext(
                    "Your login has expired. Please log in again."))
            elif now - seen_at > idle / REFRESH_FRACTION:
                session[SEEN_AT] = now
        return self.get_response(request)

    def log_out(self, request: HttpRequest, message: str) -> HttpResponse:
        logout(request)
        messages.info(request, message)
        login_url = resolve_url(settings.LOGIN_URL)
        if request.headers.get("HX-Request"):
            # htmx would swap the login page into a fragment; send the whole window there.
            response = HttpResponse()
            response["HX-Redirect"] = login_url
            return response
        return redirect_to_login(request.get_full_path(), login_url)
