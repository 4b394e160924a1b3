"""API tokens: issued by an administrator to another system, bound to one municipality.

A token acts as one portal user (a service account, or a person) and with that user's roles,
so the API applies exactly the same municipality and role rules as the pages. Only a keyed
hash of the token is stored; the token itself is shown once, when it is issued.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet

TOKEN_PREFIX_LENGTH = 8


def hash_token(token: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), token.encode(), hashlib.sha256).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class ApiTokenQuerySet(MunicipalityQuerySet):
    def active(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    municipality = models.ForeignKey(
        "accounts.Municipality", on_delete=models.CASCADE, related_name="api_tokens",
        verbose_name=_("municipality"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
        verbose_name=_("acts as"),
        help_text=_("The token has this user's roles. Use a service account for a system."),
    )
    name = models.CharField(
        _("name"), max_length=100,
        help_text=_("Which system uses it, e.g. “Udlændingestyrelsen import”."),
    )
    # The first characters, to tell tokens apart in lists and logs; never enough to use one.
    prefix = models.CharField(_("starts with"), max_length=TOKEN_PREFIX_LENGTH, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("issued by"), editable=False,
    )
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ("municipality", "name")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def clean(self) -> None:
        if self.user_id and self.municipality_id and (
            self.user.municipality_id != self.municipality_id
        ):
            raise ValidationError(
                {"user": _("The user must belong to the token's municipality.")}
            )
