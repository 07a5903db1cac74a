from django_tasks import task
from wagtail.images import get_image_model

from core.renditions import generate_renditions


@task()
def generate_renditions_task(image_pk):
    """Draw a saved image's renditions (core.renditions) before a reader asks for them."""
    image = get_image_model().objects.filter(pk=image_pk).first()
    if image is not None:
        generate_renditions(image)
