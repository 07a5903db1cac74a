"""Sending runs on the "webhooks" task backend, never in the request that published.

Production and development use django-tasks-db's DatabaseBackend (TASKS["webhooks"]): the
publish request only inserts the delivery rows (webhooks.outbox) and one task row per
subscription; `manage.py db_worker --backend webhooks` runs them, and a failed attempt
enqueues its retry with `run_after` (the backend supports deferred tasks). The default backend
stays Django's immediate one for the project's other tasks: webhooks use their own alias so a
slow receiver can never hold up a publish. `manage.py deliver_webhooks` sweeps whatever is due
(a lost task, a worker restarted mid-send), from cron or with `--loop`."""

from django.db import transaction
from django_tasks import task

from .delivery import deliver_subscription


@task(backend="webhooks")
def deliver_webhooks_task(subscription_id):
    retry_at = deliver_subscription(subscription_id)
    if retry_at is not None:
        deliver_webhooks_task.using(run_after=retry_at).enqueue(subscription_id)


def schedule(subscription_id):
    """Enqueue the sending once the deliveries' rows have committed."""
    transaction.on_commit(lambda: deliver_webhooks_task.enqueue(subscription_id))
