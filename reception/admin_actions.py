"""Admin actions of the reception app, for an administrator to wire into a ModelAdmin."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from kombu.exceptions import OperationalError

from reception.tasks.reminders import reminder_scan_task


@admin.action(description=gettext_lazy("Run the reminder scan now"))
def run_reminder_scan_now(modeladmin, request, queryset) -> None:
    """Enqueue the morning reminder scan now.

    The selected rows do not matter: the scan covers every municipality, exactly as the
    morning run does, and notifies nobody twice. Nothing is written here, so the task is
    enqueued at once rather than on commit.
    """
    try:
        reminder_scan_task.delay()
    except OperationalError:
        modeladmin.message_user(
            request,
            _("The reminder scan could not be started: the task queue is not reachable."),
            messages.ERROR,
        )
        return
    modeladmin.message_user(
        request,
        _("The reminder scan has started. New notifications appear within a few minutes."),
        messages.SUCCESS,
    )
