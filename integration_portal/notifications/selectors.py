from __future__ import annotations

from typing import TYPE_CHECKING

from integration_portal.notifications.models import Notification, NotificationQuerySet

if TYPE_CHECKING:
    from integration_portal.accounts.models import User


def notification_inbox(*, user: User) -> NotificationQuerySet:
    """The user's own notifications, newest first; nobody sees another user's."""
    return Notification.objects.for_recipient(user).order_by("-created_at", "-pk")


def unread_notification_count(*, user: User) -> int:
    """One COUNT over the partial index of unread rows."""
    return Notification.objects.for_recipient(user).unread().count()
