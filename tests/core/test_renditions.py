"""Renditions drawn at upload (not in a reader's request), from the one list of specs that
the templates use; a bogus filter spec in a URL answers 4xx."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from core.renditions import all_specs, expand

IMAGE_TAG = re.compile(r"{%\s*(?:picture|srcset_image|image)\s+\S+\s+(.*?)%}")


def template_files():
    roots = [Path(settings.BASE_DIR) / "site" / "templates"]
    roots += [path for path in Path(settings.BASE_DIR).glob("*/templates") if path.is_dir()]
    return [path for root in roots for path in root.rglob("*.html")]


def specs_in(tag_arguments):
    specs = []
    for bit in tag_arguments.split():
        if bit == "as":
            break
        if "=" not in bit and not bit.startswith(('"', "'")) and "-" in bit:
            specs.append(bit)
    return " ".join(specs)


def test_every_image_tag_uses_a_pregenerated_spec():
    tags = [
        (path.name, specs_in(arguments))
        for path in template_files()
        for arguments in IMAGE_TAG.findall(path.read_text())
    ]
    assert len(tags) >= 6
    for name, spec in tags:
        assert spec, name
        assert set(expand(spec)) <= set(all_specs()), (name, spec)


def stored_renditions(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def png_upload():
    buffer = io.BytesIO()
    PILImage.new("RGB", (900, 600), (20, 90, 160)).save(buffer, "PNG")
    return SimpleUploadedFile("hoi-nghi.png", buffer.getvalue())


def test_an_upload_draws_every_rendition(admin_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {"title": "Hội nghị", "description": "Hội nghị", "file": png_upload(), "tags": ""},
        )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert stored_renditions(image) == set(all_specs())


@pytest.mark.django_db
def test_the_command_draws_missing_renditions_and_redraws_with_force():
    image = get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    assert stored_renditions(image) == set()

    call_command("generate_renditions", stdout=io.StringIO())
    assert stored_renditions(image) == set(all_specs())
    first_ids = set(image.renditions.values_list("pk", flat=True))

    call_command("generate_renditions", stdout=io.StringIO())
    assert set(image.renditions.values_list("pk", flat=True)) == first_ids

    call_command("generate_renditions", image.pk, force=True, stdout=io.StringIO())
    assert stored_renditions(image) == set(all_specs())
    assert not set(image.renditions.values_list("pk", flat=True)) & first_ids


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/images/?renditions=fill-99999999x1",
        "/api/v2/images/?fields=renditions(bogus-spec)",
        "/api/v2/images/?fields=bogus-spec",
        "/api/v2/pages/?fields=hero_image(fill-0x0)",
        "/media/images/anh.fill-abcx-1.jpg",
        "/images/bogus/fill-abc/anh.jpg",
    ],
)
def test_bogus_rendition_specs_answer_4xx(client, url):
    get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    response = client.get(url)
    assert 400 <= response.status_code < 500


@pytest.mark.django_db
def test_the_loaders_images_come_with_their_renditions(django_capture_on_commit_callbacks):
    from demo.ensure import ensure_image

    with django_capture_on_commit_callbacks(execute=True):
        image = ensure_image("Ảnh minh họa", "Minh họa", seed=3, size=(600, 400))
    assert stored_renditions(image) == set(all_specs())
