from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from integration_portal.api.models import TOKEN_PREFIX_LENGTH, ApiToken, hash_token, new_token
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User


@transaction.atomic
def api_token_issue(
    *,
    municipality: Municipality,
    user: User,
    name: str,
    actor: User | None,
    expires_at: datetime.datetime | None = None,
) -> tuple[ApiToken, str]:
    """A new token for `user` in `municipality`. Returns the token row and the token itself,
    which is stored only as a keyed hash: the caller shows it once."""
    token = new_token()
    api_token = ApiToken(
        municipality=municipality, user=user, name=name.strip(), expires_at=expires_at,
        prefix=token[:TOKEN_PREFIX_LENGTH], key_hash=hash_token(token), created_by=actor,
    )
    api_token.full_clean()
    api_token.save()
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE,
                 obj=api_token, summary=f"API token issued: {api_token.name}")
    return api_token, token


@transaction.atomic
def api_token_revoke(*, api_token: ApiToken, actor: User | None) -> ApiToken:
    if api_token.revoked_at is None:
        api_token.revoked_at = timezone.now()
        api_token.save(update_fields=["revoked_at"])
        audit_record(actor=actor, municipality=api_token.municipality,
                     action=AuditAction.UPDATE, obj=api_token,
                     summary=f"API token revoked: {api_token.name}",
                     changed_fields=["revoked_at"])
    return api_token
