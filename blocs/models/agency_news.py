"""The news naming an agency, for its profile page.

Articles name agencies in rows of their own (an article's related agencies, an event
report's participating agencies). Blocs sit below articles in the layers, so the row models
are named here by string, like `SIGNING_REPORT_PAGE_TYPE`; without the articles app an
agency simply has no news.
"""

from django.apps import apps
from django.db.models import Q

from core.visibility import visible_pages

# The rows by which a page names an agency: "<app>.<model>", each with `page` and `agency`.
AGENCY_ROW_MODELS = ("articles.ArticleAgency", "articles.EventAgency")
# The page type listed (event reports are news articles).
NEWS_PAGE_TYPE = "articles.NewsArticlePage"
# How many news items an agency profile lists.
AGENCY_NEWS_COUNT = 10


def installed_model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def agency_row_models():
    return [model for model in map(installed_model, AGENCY_ROW_MODELS) if model is not None]


def agency_news(agency, request=None, limit=AGENCY_NEWS_COUNT):
    """Published news naming `agency`, newest first: one query whatever their number."""
    news_model = installed_model(NEWS_PAGE_TYPE)
    row_models = agency_row_models()
    if news_model is None or not row_models:
        return []
    naming = Q()
    for row_model in row_models:
        naming |= Q(pk__in=row_model.objects.filter(agency=agency).values("page_id"))
    return list(
        visible_pages(news_model.objects, request)
        .filter(naming, locale_id=agency.locale_id)
        .order_by("-date", "-first_published_at", "-pk")[:limit]
    )
