from __future__ import annotations

from functools import cache

from django.http import HttpRequest

from integration_portal.notifications.selectors import unread_notification_count


def notifications(request: HttpRequest) -> dict:
    """`unread_notification_count` for the header: one COUNT, only on pages that show it.

    The value is a callable that counts on first use and remembers the answer, so a page
    that does not render the count (or a template that uses it twice) costs no extra query.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notification_count": cache(lambda: unread_notification_count(user=user))}
