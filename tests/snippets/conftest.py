"""Factories for the reference data: published by default, like an editor would leave them."""

from itertools import count

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Site

from snippets.models import Agency, Award, AwardRecipient, Banner, Person

_serial = count(1)


def save_snippet(instance, publish):
    """Save `instance` with a revision, then publish it, or leave it as a never-published draft."""
    instance.live = False
    instance.save()
    revision = instance.save_revision()
    if publish:
        revision.publish()
        instance.refresh_from_db()
    return instance


@pytest.fixture
def locale_vi(db):
    return Locale.objects.get_or_create(language_code="vi")[0]


@pytest.fixture
def locale_en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def site_root_page(db):
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def make_image(db):
    def make(title="Ảnh"):
        return get_image_model().objects.create(
            title=title, file=get_test_image_file(size=(400, 300))
        )

    return make


@pytest.fixture
def make_agency(locale_vi):
    def make(name="Sở Khoa học và Công nghệ", publish=True, **fields):
        fields.setdefault("locale", locale_vi)
        fields.setdefault("slug", f"agency-{next(_serial)}")
        return save_snippet(Agency(name=name, **fields), publish)

    return make


@pytest.fixture
def make_person(locale_vi):
    def make(name="Đỗ Văn Lợi", publish=True, **fields):
        fields.setdefault("locale", locale_vi)
        fields.setdefault("slug", f"person-{next(_serial)}")
        return save_snippet(Person(name=name, **fields), publish)

    return make


@pytest.fixture
def make_award(locale_vi):
    def make(title="Cờ thi đua", publish=True, recipients=(), **fields):
        fields.setdefault("locale", locale_vi)
        fields.setdefault("kind", Award.Kind.EMULATION_FLAG)
        fields.setdefault("year", 2024)
        award = Award(title=title, **fields)
        award.recipients = [AwardRecipient(agency=agency) for agency in recipients]
        return save_snippet(award, publish)

    return make


@pytest.fixture
def make_banner(locale_vi, make_image):
    def make(title="Banner", publish=True, **fields):
        fields.setdefault("locale", locale_vi)
        fields.setdefault("alt_text", f"{title}: mô tả ảnh")
        if "image" not in fields:
            fields["image"] = make_image(title)
        return save_snippet(Banner(title=title, **fields), publish)

    return make
