# The article tests' page and image factories serve the feed tests too.
from tests.articles.conftest import (  # noqa: F401
    article_factory,
    image_factory,
    news_index,
    publish,
)
