"""Send every webhook delivery that is due, once (for cron) or every `--interval` seconds,
and forget the delivered ones older than `RETENTION` (the change log's retention).

The safety net beside the task worker (`manage.py db_worker --backend webhooks`): it picks up
deliveries whose task was lost (a worker killed mid-send, a restored database)."""

import time
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from webhooks.delivery import deliver_subscription, due_subscriptions
from webhooks.models import Delivery

RETENTION = timedelta(days=90)


class Command(BaseCommand):
    help = "Send the webhook deliveries that are due (once, or in a loop with --loop)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running.")
        parser.add_argument("--interval", type=float, default=30, help="Seconds between sweeps.")

    def handle(self, *args, loop=False, interval=30, **options):
        while True:
            Delivery.objects.filter(
                status=Delivery.Status.SUCCEEDED, created_at__lt=timezone.now() - RETENTION
            ).delete()
            for pk in due_subscriptions():
                deliver_subscription(pk)
            if not loop:
                return
            time.sleep(interval)
