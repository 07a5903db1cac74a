"""Draw the renditions the site uses (core.renditions) for every image, or some."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from core.renditions import all_specs, generate_renditions


class Command(BaseCommand):
    help = (
        "Create the missing renditions of every image (after a spec changed or an import); "
        "with --force, delete the existing ones first."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="only these image ids")
        parser.add_argument(
            "--force", action="store_true", help="redraw renditions that already exist"
        )

    def handle(self, *args, ids, force, **options):
        image_model = get_image_model()
        images = image_model.objects.order_by("pk")
        if ids:
            images = images.filter(pk__in=ids)
        if force:
            # Wagtail's post_delete handlers remove each rendition's file and cache entry.
            image_model.get_rendition_model().objects.filter(image__in=images).delete()
        done = missing = 0
        for image in images.prefetch_renditions(*all_specs()).iterator(chunk_size=100):
            try:
                generate_renditions(image)
            except SourceImageIOError:
                missing += 1
                self.stderr.write(f"Image {image.pk}: source file missing, skipped.")
                continue
            done += 1
        self.stdout.write(f"{done} images, {len(all_specs())} renditions each; {missing} skipped.")
