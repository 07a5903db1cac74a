"""The search page: `/tim-kiem/?q=` in Vietnamese, `/en/search/?q=` in English.

Live, public pages of the active language, searched through the default search backend
(which folds diacritics, see `search.backends`), filtered by type, section and date,
paginated, each with its type, section, date and an excerpt with the matched words marked.
"""

from datetime import UTC, date, datetime, time, timedelta

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from articles.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    ArticleIndexPage,
    EventReportPage,
    NewsArticlePage,
)
from blocs.models import BlocIndexPage, BlocPage
from core.text import excerpt, highlight, query_words
from core.visibility import visible_pages
from legal_documents.models import LegalDocumentIndexPage, LegalDocumentPage
from legal_documents.numbers import looks_like_number, number_match_q

from .excerpts import excerpt_text
from .forms import SearchForm
from .suggestions import spelling_suggestion

RESULTS_PER_PAGE = 10
SECTION_MODELS = (ArticleIndexPage, AnnouncementIndexPage, BlocIndexPage, LegalDocumentIndexPage)
# The documents whose number a query names, listed above the results (at most this many).
NUMBER_MATCHES = 10
# Content depth: the root is 1, the home pages 2, sections 3.
SECTION_DEPTH = 3
TYPE_MODELS = {
    "news": (NewsArticlePage, True),
    "event": (EventReportPage, False),
    "announcement": (AnnouncementPage, False),
    "bloc": (BlocPage, False),
    "legal_document": (LegalDocumentPage, False),
}
DATED_MODELS = (NewsArticlePage, AnnouncementPage)
FILTER_KEYS = ("type", "section", "date_from", "date_to")


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def sections_of(locale):
    """The live, public sections (news, announcements, blocs) of the language, in menu order."""
    if locale is None:
        return []
    return list(
        visible_pages(Page.objects)
        .filter(locale=locale, depth=SECTION_DEPTH)
        .type(*SECTION_MODELS)
        .order_by("path")
    )


def searchable_pages(locale):
    """What a reader may find: live, public content pages in the language (no home page)."""
    return visible_pages(Page.objects).filter(locale=locale, depth__gt=2)


def day_start(day):
    """The first moment of `day` in the local time zone, in UTC (what the database compares);
    None when that moment is beyond what a datetime holds (near date.min or date.max), where
    the bound excludes nothing anyway."""
    try:
        start = datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())
        return start.astimezone(UTC)
    except OverflowError:
        return None


def dated_page_ids(date_from, date_to):
    """Ids of the articles and announcements dated within the days (inclusive, local time)."""
    bounds = {}
    if date_from and (start := day_start(date_from)):
        bounds["date__gte"] = start
    if date_to and date_to < date.max and (end := day_start(date_to + timedelta(days=1))):
        bounds["date__lt"] = end
    condition = Q()
    for model in DATED_MODELS:
        condition |= Q(pk__in=model.objects.filter(**bounds).values("pk"))
    return Page.objects.filter(condition).values("pk")


def filtered_pages(locale, data, sections):
    queryset = searchable_pages(locale)
    if data.get("type"):
        model, exact = TYPE_MODELS[data["type"]]
        queryset = queryset.exact_type(model) if exact else queryset.type(model)
    if data.get("section"):
        section = next(section for section in sections if section.slug == data["section"])
        queryset = queryset.descendant_of(section)
    if data.get("date_from") or data.get("date_to"):
        queryset = queryset.filter(pk__in=dated_page_ids(data["date_from"], data["date_to"]))
    return queryset


def run_search(queryset, query, operator):
    return queryset.specific().search(query, operator=operator)


def paginate(request, results):
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(_("No such page of results.")) from error


def is_lower_bound(count):
    """Whether the backend stopped counting at its limit of ranked matches (PostgreSQL)."""
    limit = getattr(get_search_backend(), "ranked_matches", None)
    return limit is not None and count >= limit


def describe(pages, words, sections):
    """What the template shows of each result."""
    by_path = {section.path: section for section in sections}
    results = []
    for page in pages:
        section = by_path.get(page.path[: Page.steplen * SECTION_DEPTH])
        results.append(
            {
                "page": page,
                "title": highlight(page.title, words),
                "excerpt": excerpt(excerpt_text(page), words),
                "type": page._meta.verbose_name,
                "section": section if section is not None and section.pk != page.pk else None,
                "date": getattr(page, "display_date", None) or page.first_published_at,
                "number": getattr(page, "number", ""),
            }
        )
    return results


def number_matches(queryset, query):
    """The documents of `queryset` whose number is `query` or starts with it, as typed in
    any way (`15/2024/qd-ubnd`, `15 2024`); none when the query is not a number."""
    if not looks_like_number(query):
        return []
    documents = LegalDocumentPage.objects.filter(pk__in=queryset.values("pk"))
    found = documents.filter(number_match_q(query)).select_related("document_type")
    return list(found.order_by("-issue_date", "-pk")[:NUMBER_MATCHES])


def search_view(request):
    if any("\x00" in key or "\x00" in value for key, value in request.GET.items()):
        return render(
            request,
            "search/search.html",
            {"error": _("The search text contains characters that are not allowed.")},
            status=400,
        )
    locale = active_locale()
    sections = sections_of(locale)
    form = SearchForm(request.GET or None, sections=sections)
    context = {"form": form, "sections": sections}
    if not form.is_bound:
        return render(request, "search/search.html", context)
    if not form.is_valid():
        return render(request, "search/search.html", context, status=400)
    data = form.cleaned_data
    query = data["q"]
    words = query_words(query)
    context["query"] = query
    if not words:
        context["empty_query"] = True
        return render(request, "search/search.html", context)
    operator = "or" if data.get("match") == "any" else "and"
    queryset = filtered_pages(locale, data, sections)
    page_obj = paginate(request, run_search(queryset, query, operator))
    if page_obj.number == 1:
        context["number_matches"] = number_matches(queryset, query)
    filters = {key: value for key, value in request.GET.items() if key != "page" and value}
    context.update(
        page_obj=page_obj,
        results=describe(page_obj.object_list, words, sections),
        total=page_obj.paginator.count,
        total_is_lower_bound=is_lower_bound(page_obj.paginator.count),
        filter_query=urlencode(filters),
        has_filters=any(data.get(key) for key in FILTER_KEYS),
    )
    if not page_obj.paginator.count:
        context.update(suggestions(request, locale, data, query, words, operator, queryset))
    return render(request, "search/search.html", context)


def suggestions(request, locale, data, query, words, operator, queryset):
    """What to offer when nothing matched: any of the words, no filters, another spelling."""
    offers = {}
    if operator == "and" and len(words) > 1 and run_search(queryset, query, "or").count():
        offers["any_words_query"] = urlencode({**request.GET.dict(), "match": "any"})
    filtered = any(data.get(key) for key in FILTER_KEYS)
    if filtered and run_search(searchable_pages(locale), query, operator).count():
        offers["unfiltered_query"] = urlencode({"q": query})
    corrected = spelling_suggestion(locale, words)
    if corrected and run_search(searchable_pages(locale), corrected, operator).count():
        offers["corrected_query"] = corrected
        offers["corrected_query_string"] = urlencode({"q": corrected})
    return offers
