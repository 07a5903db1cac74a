"""The pruning as a django-tasks task, run by whatever TASKS backend the project configures
(`prune_content_changes --enqueue`, e.g. daily from cron)."""

from django_tasks import task

from .pruning import prune


@task()
def prune_content_changes_task():
    return prune()
