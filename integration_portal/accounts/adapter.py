from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import ngettext


def _portal_request() -> HttpRequest:
    """A stand-in request for the portal's own address (PORTAL_BASE_URL)."""
    request = HttpRequest()
    request.META["HTTP_HOST"] = urlsplit(settings.PORTAL_BASE_URL).netloc
    request.user = AnonymousUser()
    return request


def login_lockout_minutes() -> int:
    """How long a refused sign-in has to wait at most: the failed-attempts window."""
    return settings.LOGIN_LOCKOUT_MINUTES


class AccountAdapter(DefaultAccountAdapter):
    def validation_error(self, code: str, *args):
        if code == "too_many_login_attempts":
            # allauth only says "try again later"; say when.
            minutes = login_lockout_minutes()
            return ValidationError(
                ngettext(
                    "Too many failed sign-in attempts. For your security, sign-in is paused: "
                    "try again in %(minutes)d minute.",
                    "Too many failed sign-in attempts. For your security, sign-in is paused: "
                    "try again in %(minutes)d minutes.",
                    minutes,
                ) % {"minutes": minutes},
                code=code,
            )
        return super().validation_error(code, *args)

    def is_open_for_signup(self, request) -> bool:
        # No open sign-up: staff are created by an administrator, volunteers come by
        # invitation from their municipality's coordinator.
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # allauth names the site after the current request's host. Mail sent outside a
        # request (after a commit in a task or the shell, or from a test) has none: name it
        # after the portal's own address instead.
        if allauth_context.request is not None:
            return super().send_mail(template_prefix, email, context)
        with allauth_context.request_context(_portal_request()):
            return super().send_mail(template_prefix, email, context)
