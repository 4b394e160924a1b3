"""Send the outbox's unsent messages to the broker now, e.g. right after Redis came back."""

from django.core.management.base import BaseCommand

from integration_portal.core.models import OutboxMessage
from integration_portal.core.queue import outbox_relay


class Command(BaseCommand):
    help = "Publish the outbox messages that could not be sent while the broker was down."

    def handle(self, *args, **options):
        sent = outbox_relay()
        waiting = OutboxMessage.objects.filter(sent_at__isnull=True).count()
        self.stdout.write(f"sent {sent} message(s); {waiting} still waiting")
        if waiting:
            # Non-zero so that a script (or an operator) sees the broker is still away.
            raise SystemExit(1)
