"""What the article pages share: the listing images, pagination, body images and the
publication date.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from core import renditions
from core.fragments import CachedCountPaginator

LISTING_RENDITIONS = renditions.LISTING_SPECS
BODY_RENDITIONS = renditions.ARTICLE_SPECS


def first_image_id(stream_value):
    """The id of a body's first image (image or gallery block), read from its stored data
    without loading any image; None when it has none."""
    for block in stream_value.raw_data:
        value = block.get("value") or {}
        if block.get("type") == "image":
            chosen = [value.get("image")]
        elif block.get("type") == "gallery":
            # A ListBlock stores {"type": "item", "value": ...} items (older data: bare values).
            items = value.get("images") or []
            chosen = [(item.get("value", item) or {}).get("image") for item in items]
        else:
            continue
        for image in chosen:
            # ImageBlock stores {"image": id, "alt_text": ..., "decorative": ...}, or a bare id.
            image_id = image.get("image") if isinstance(image, dict) else image
            if image_id:
                return image_id
    return None


def with_listing_images(articles, specs=LISTING_RENDITIONS):
    """The articles (a queryset or a list) with their `picture` and its renditions `specs`
    loaded, however many articles: a queryset's hero images are joined to it, so two
    queries in all, and one more for the pictures taken from bodies or a list's images."""
    joined = isinstance(articles, models.QuerySet)
    if joined:
        articles = articles.select_related("hero_image")
    articles = list(articles)
    found = {
        article.hero_image_id: article.hero_image
        for article in articles
        if joined and article.hero_image_id
    }
    missing = {article.picture_id for article in articles} - found.keys() - {None}
    if missing:
        found.update(
            (image.pk, image) for image in get_image_model().objects.filter(pk__in=missing)
        )
    if found:
        prefetch_related_objects(list(found.values()), renditions.prefetch_renditions_of("", specs))
    for article in articles:
        article.picture = found.get(article.picture_id)
    return articles


def paginate(request, items, per_page):
    """Return the requested page of `items`; a bad or out-of-range page number is a 404."""
    paginator = CachedCountPaginator(items, per_page or 10, request=request)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(_("No such page of results.")) from error


def body_images(stream_value):
    """The images of a body's image and gallery blocks, in order."""
    images = []
    for block in stream_value:
        if block.block_type == "image":
            images.append(block.value["image"])
        elif block.block_type == "gallery":
            images.extend(item["image"] for item in block.value["images"])
    return [image for image in images if image is not None]


def prefetch_body_renditions(stream_value):
    """Load the body images' renditions in one query, however many images there are."""
    prefetch_related_objects(
        body_images(stream_value),
        models.Prefetch(
            "renditions",
            queryset=get_image_model()
            .get_rendition_model()
            .objects.filter(filter_spec__in=BODY_RENDITIONS),
        ),
    )


def linked(page, relation, *related):
    """The rows of `page.<relation>` with `related` joined in, or the ones prefetched.

    Bulk work (the load generator's indexing) prefetches the relations for a batch of pages;
    a page on its own joins them in one query.
    """
    manager = getattr(page, relation)
    if relation in getattr(page, "_prefetched_objects_cache", {}):
        return manager.all()
    return manager.select_related(*related)


class PublicationDateMixin:
    """The `date` field of article and announcement pages defaults to first publication."""

    def save(self, *args, **kwargs):
        if self.date is None and self.first_published_at is not None:
            self.date = self.first_published_at
        super().save(*args, **kwargs)

    @property
    def display_date(self):
        return self.date or self.first_published_at or self.latest_revision_created_at
