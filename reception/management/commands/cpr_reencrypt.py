"""Re-encrypt the stored CPR numbers with the newest key, after a key rotation.

Rotate by putting the new key first in CPR_ENCRYPTION_KEY (keeping the old one after it),
restarting, running this command, and only then removing the old key.
"""

from django.core.management.base import BaseCommand

from reception.services import persons_cpr_reencrypt


class Command(BaseCommand):
    help = "Encrypt every CPR number made with an older key with the newest CPR_ENCRYPTION_KEY."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, batch_size: int, **options):
        changed = persons_cpr_reencrypt(batch_size=batch_size)
        self.stdout.write(f"Re-encrypted {changed} CPR numbers with the newest key.")
