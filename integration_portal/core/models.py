from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """The last time a Celery worker ran the periodic heartbeat task sent by beat."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    beat_at = models.DateTimeField(_("last heartbeat"))
    hostname = models.CharField(_("worker host"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return f"{self.name} @ {self.beat_at:%Y-%m-%d %H:%M:%S}"


class OutboxMessage(models.Model):
    """A task to send to the broker, written in the same transaction as the change that needs
    it: it exists if and only if that change committed, and it waits here while the broker
    is away (see `integration_portal.core.queue`)."""

    task_name = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("failed attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        indexes = [
            # The relay's only question: what is not sent yet, oldest first. Sent rows are
            # the vast majority and stay out of the index.
            models.Index(
                fields=["id"], condition=models.Q(sent_at__isnull=True), name="core_outbox_unsent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task_name}{tuple(self.args)!r}"
