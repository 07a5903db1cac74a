"""Create the local demo administrator. Refused outside development settings."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the demo administrator 'admin' (development settings only)."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_ADMIN_ALLOWED", False):
            raise CommandError("The demo administrator exists only with development settings.")
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or "changeme"
        user_model = get_user_model()
        user = user_model.objects.filter(username="admin").first()
        if user is None:
            user_model.objects.create_superuser("admin", "admin@example.invalid", password)
            self.stdout.write(
                self.style.WARNING(f"Demo administrator: admin / {password}  (/admin/)")
            )
        else:
            self.stdout.write(
                "Demo administrator 'admin' already exists; its password was left unchanged."
            )
