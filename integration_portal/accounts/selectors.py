from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.db.models import Exists, OuterRef

from integration_portal.accounts.models import User, UserQuerySet


def staff_list(*, viewer: User) -> UserQuerySet:
    """The viewer's municipality's staff and volunteers, each marked with whether 2FA is set."""
    has_totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    return (
        User.objects.visible_to(viewer)
        .annotate(has_mfa=Exists(has_totp))
        .order_by("-is_active", "full_name")
    )
