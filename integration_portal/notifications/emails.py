"""The e-mail sent for a notification: plain text, Danish first with an English line below.

Users have no language preference yet, so every e-mail is bilingual. The text holds only the
title (which by contract carries no name or CPR number) and a link into the portal, where
the details are behind a login.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

if TYPE_CHECKING:
    from django.core.mail.backends.base import BaseEmailBackend

    from integration_portal.notifications.models import Notification


def _absolute(path: str) -> str:
    # E-mails are read outside the portal, so links need the host (PORTAL_BASE_URL).
    base = settings.PORTAL_BASE_URL.rstrip("/")
    return f"{base}{path}"


def notification_email(
    notification: Notification, *, connection: BaseEmailBackend | None = None
) -> EmailMessage:
    context = {
        "notification": notification,
        "recipient_name": notification.recipient.get_short_name(),
        "link": _absolute(notification.url),
        "inbox_link": _absolute(reverse("notifications:inbox")),
    }
    subject = render_to_string("notifications/email/notification_subject.txt", context)
    body = render_to_string("notifications/email/notification_body.txt", context)
    return EmailMessage(
        # A header may not hold a line break.
        subject=" ".join(subject.split()),
        body=body,
        to=[notification.recipient.email],
        connection=connection,
    )
