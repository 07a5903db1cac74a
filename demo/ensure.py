"""The demo's idempotent building blocks: each looks its object up by a stable key (title,
slug) and creates it only when missing. Images are drawn with Pillow: nothing is downloaded.
"""

import io
import math
import random
from functools import lru_cache

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from editorial.uploads import check_document_file, checked_image_file

from .scenes import draw_scene


@lru_cache(maxsize=64)
def draw_image(
    seed: int, size=(1200, 800), colour=(165, 14, 14), label_bars=3, scene=None
) -> bytes:
    """An illustration deterministic for a seed: the `scene` of demo.scenes when given (a
    conference hall, a laboratory...), else an abstract gradient with shapes (banners).

    Cached: the test suite loads the demo many times in one process.
    """
    if scene is not None:
        image = PILImage.new("RGB", size, colour)
        draw_scene(image, scene, seed)
        return jpeg(image)
    rng = random.Random(seed)
    width, height = size
    image = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = 0.55 + 0.45 * (y / height)
        draw.line([(0, y), (width, y)], fill=tuple(int(c * shade) for c in colour))
    for _ in range(12):
        radius = rng.randint(height // 12, height // 4)
        x, y = rng.randint(0, width), rng.randint(0, height)
        tint = tuple(min(255, c + rng.randint(40, 120)) for c in colour)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], outline=tint, width=6)
    for index in range(label_bars):
        top = height - (index + 1) * height // 10
        draw.rectangle(
            [width // 16, top, width // 16 + width // (2 + index), top + height // 30],
            fill=(255, 221, 120),
        )
    angle = rng.random() * math.tau
    draw.line(
        [
            (width / 2, height / 2),
            (width / 2 + math.cos(angle) * width / 3, height / 2 + math.sin(angle) * height / 3),
        ],
        fill=(255, 255, 255),
        width=4,
    )
    return jpeg(image)


def jpeg(image):
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def ensure_image(title, alt, seed, **kwargs):
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(title=title, description=alt)
        # The admin's upload rules; the renditions are drawn once the save commits.
        image.file = checked_image_file(draw_image(seed, **kwargs), name=f"demo-{seed}.jpg")
        image.save()
    return image


def ensure_document(title, filename):
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is None:
        buffer = io.BytesIO()
        PILImage.open(io.BytesIO(draw_image(7, size=(595, 842), colour=(240, 240, 240)))).save(
            buffer, format="PDF"
        )
        document = document_model(title=title)
        document.file = ContentFile(buffer.getvalue(), name=filename)
        check_document_file(document.file)
        document.save()
    return document


def publish(obj):
    obj.save_revision().publish()
    return obj


def ensure_snippet(model, locale, slug, **fields):
    obj = model.objects.filter(locale=locale, slug=slug).first()
    if obj is None:
        obj = model(locale=locale, slug=slug, **fields)
        obj.save()
        publish(obj)
    return obj


def ensure_child_page(parent, page_class, slug, **fields):
    page = parent.get_children().filter(slug=slug).first()
    if page is not None:
        return page.specific
    page = parent.add_child(instance=page_class(slug=slug, locale=parent.locale, **fields))
    return publish(page)
