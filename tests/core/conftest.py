# core's tests use the pages, images and banners the content apps' tests make.
from tests.articles.conftest import (  # noqa: F401
    article_factory,
    image_factory,
    news_index,
)
from tests.home.conftest import (  # noqa: F401
    announcement_section,
    make_announcement,
    make_article,
    make_banner,
    make_image,
    news_section,
    portal_settings,
    publish,
)
