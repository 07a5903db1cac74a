"""The fold as a django-tasks task: enqueued by the beacon every VISITS_FOLD_INTERVAL
seconds, and run by whatever TASKS backend the project configures (by default Django's
immediate backend: in the request that enqueued it, once per interval)."""

from django_tasks import task

from .counting import fold


@task()
def fold_visits_task():
    return fold()
