"""Notifications to staff: shown in the portal, and sent once by e-mail.

The portal package knows no business app, so a notification does not point at a milestone:
it names its subject with a string key ("reception.milestone:123") chosen by the app that
creates it, and carries a ready-made title and link. The unique constraint on (subject,
stage, recipient) is what makes a second identical reminder impossible, however many times
a scan runs.

E-mail is not a secure channel: titles must never hold a person's name or CPR number.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet


class NotificationStage(models.TextChoices):
    """How far along a subject is. Stored as a string so a new stage is one more line."""

    WARNING = "warning", _("Deadline approaching")
    OVERDUE = "overdue", _("Overdue")
    INFO = "info", _("For your information")


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class NotificationQuerySet(MunicipalityQuerySet):
    def for_recipient(self, user) -> NotificationQuerySet:
        # The municipality as well as the recipient: if an account is ever moved to another
        # municipality, its old notifications (links to the old one's cases) stay behind.
        return self.visible_to(user).filter(recipient=user)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)

    def email_due(self, *, stale_claims_before: datetime) -> NotificationQuerySet:
        """Waiting for an e-mail, or claimed by a worker that died before finishing."""
        return self.filter(
            Q(email_status=EmailStatus.PENDING)
            | Q(email_status=EmailStatus.SENDING, email_claimed_at__lt=stale_claims_before)
        )


class Notification(models.Model):
    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE,
        related_name="notifications",
    )
    # What the notification is about, named by the app that created it: "<app>.<model>:<pk>".
    subject_key = models.CharField(_("subject"), max_length=100)
    stage = models.CharField(_("stage"), max_length=30, choices=NotificationStage.choices)
    title = models.CharField(_("title"), max_length=200)
    url = models.CharField(_("link"), max_length=200)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    email_status = models.CharField(
        _("e-mail status"), max_length=20, choices=EmailStatus.choices,
        default=EmailStatus.PENDING,
    )
    email_attempts = models.PositiveSmallIntegerField(_("e-mail attempts"), default=0)
    email_claimed_at = models.DateTimeField(_("e-mail claimed by a worker"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_key", "stage", "recipient"],
                name="notification_once_per_subject_stage_recipient",
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox_idx"),
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
            # The sender pages through the few unsent rows by pk, never the whole table.
            models.Index(
                fields=["id"],
                condition=Q(email_status__in=[EmailStatus.PENDING, EmailStatus.SENDING]),
                name="notification_email_queue_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
