"""Every image rendition the site shows, in one place.

Templates (`{% picture %}` tags), listings' prefetches, feeds, the API and the
pre-generation of renditions at upload all read their filter specs from here, so that a
reader's request finds every rendition ready. tests/core/test_renditions.py checks
that each image tag in the templates uses a spec listed here.

Specs are written as in a template tag: space-separated, with brace expansions
(`format-{webp,jpeg} width-{800,1200}`); `expand()` gives the specs Wagtail stores.
"""

from django.conf import settings
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter

# Photos: WebP for every current browser, JPEG for the others (the <img> fallback).
# An article's hero image and the images of its body, at most 48rem wide.
ARTICLE = "format-{webp,jpeg} width-{800,1200}"
# Listing cards (3:2), and the home page's compact cards beside the lead article.
CARD = "format-{webp,jpeg} fill-{480x320,960x640}"
CARD_COMPACT = "format-{webp,jpeg} fill-{160x107,320x214}"
# Agencies' logos keep their transparency: PNG as the fallback.
LOGO = "format-{webp,png} max-{160x160,320x320}"
# Leaders' portraits on the organisation pages (4:5).
PORTRAIT = "format-webp fill-240x300"
# Banners, per placement (snippets.banners): large and small in the image's own format for the
# <img> (a logo keeps its transparency), then the same in WebP for the <source>.
BANNERS = {
    "header": ("width-1440", "width-720", "format-webp|width-1440", "format-webp|width-720"),
    "sidebar": ("width-640", "width-320", "format-webp|width-640", "format-webp|width-320"),
    "home": ("width-960", "width-480", "format-webp|width-960", "format-webp|width-480"),
    "footer": ("width-480", "width-240", "format-webp|width-480", "format-webp|width-240"),
}
# The API's renditions, by name (core.api.images).
API = {"thumbnail": "max-160x160", "large": "max-1200x1200"}


def requestable():
    """The specs API clients may ask for with `?renditions=` (settings.API_RENDITION_SPECS):
    generated on the first request that names them, then kept like every rendition."""
    return tuple(dict.fromkeys(settings.API_RENDITION_SPECS))


TEMPLATE_SPECS = (ARTICLE, CARD, CARD_COMPACT, LOGO, PORTRAIT)


def expand(spec):
    """The filter specs a template tag's `spec` stands for, as renditions store them."""
    return tuple(Filter.expand_spec(spec))


# Feeds' enclosures and link previews (og:image) reuse the JPEG fallbacks above.
CARD_JPEG = "format-jpeg|fill-480x320"
ARTICLE_JPEG_LARGE = "format-jpeg|width-1200"
ARTICLE_SPECS = expand(ARTICLE)
LISTING_SPECS = expand(CARD) + expand(CARD_COMPACT)


def all_specs():
    """Every filter spec generated for each image, in a stable order without repeats."""
    specs = [spec for template_spec in TEMPLATE_SPECS for spec in expand(template_spec)]
    specs += [spec for placement in BANNERS.values() for spec in placement]
    specs += API.values()
    return tuple(dict.fromkeys(specs))


def generate_renditions(image):
    """Create the renditions of `image` that do not exist yet; return how many it has."""
    return len(image.get_renditions(*all_specs()))


def prefetch_renditions_of(lookup, specs):
    """Prefetch the renditions `specs` of the image at `lookup` (a foreign key to an image;
    empty: of images themselves).

    Used with `select_related(lookup)`, a queryset's objects, their images and the renditions
    cost two queries in all (`Prefetch("image", queryset=images.prefetch_renditions())`
    costs three); `get_renditions()` reads them as Wagtail's `prefetch_renditions` leaves them.
    """
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        f"{lookup}__renditions" if lookup else "renditions",
        queryset=rendition_model.objects.filter(filter_spec__in=list(specs)),
        to_attr="prefetched_renditions",
    )
