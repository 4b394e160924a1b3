"""`Authorization: Token <token>` (or `Bearer <token>`) for other systems."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from integration_portal.api.models import ApiToken, hash_token

# last_used_at is written at most this often, so a busy client does not write on every call.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=5)


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("token", "bearer")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower().decode(errors="replace") not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Give the token after the word Token."))
        try:
            token = header[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("The token is not valid.")) from None
        now = timezone.now()
        api_token = (
            ApiToken.objects.active()
            .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now), key_hash=hash_token(token))
            .select_related("user", "user__municipality")
            .first()
        )
        # A token whose user has left, or moved to another municipality, opens nothing.
        if (
            api_token is None
            or not api_token.user.is_active
            or api_token.user.municipality_id != api_token.municipality_id
        ):
            raise exceptions.AuthenticationFailed(_("The token is not valid."))
        if api_token.last_used_at is None or now - api_token.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        return api_token.user, api_token

    def authenticate_header(self, request) -> str:
        return "Token"
