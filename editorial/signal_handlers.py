from django.db import transaction
from django.db.models.signals import post_save
from wagtail.images import get_image_model

from .tasks import generate_renditions_task


def post_save_generate_renditions(instance, raw=False, **kwargs):
    """An uploaded, replaced or re-cropped image gets its renditions once the save commits."""
    if not raw:
        transaction.on_commit(lambda: generate_renditions_task.enqueue(instance.pk))


def register_signal_handlers():
    post_save.connect(post_save_generate_renditions, sender=get_image_model())
