from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from integration_portal.core.demo import run_demo_seeders


class Command(BaseCommand):
    help = "Create demo municipalities, users and data. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Seed even with DEBUG off (the demo users have a published password).",
        )

    def handle(self, *args, allow_production: bool = False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "Refusing to create demo users with a known password while DEBUG is off. "
                "Pass --allow-production if this really is a demo server."
            )
        with transaction.atomic():
            context = run_demo_seeders()

        self.stdout.write(self.style.SUCCESS("Demo data is ready. Log in at /accounts/login/ as:"))
        width = max(len(email) for _, _, email, _ in context.credentials)
        for municipality, role, email, password in context.credentials:
            self.stdout.write(f"  {municipality:<8} {role:<14} {email:<{width}}  {password}")
        for note in context.notes:
            self.stdout.write(note)
