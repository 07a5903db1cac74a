"""Routing by the pages' URL paths (core/routing.py) decides as Wagtail's own walk does."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from articles.models import ArticleIndexPage
from core.templatetags.breadcrumbs import breadcrumb_ancestors
from core.visibility import restricted_paths
from home.models import HomePage
from home.pages import ContentPage
from tests.restrictions import KINDS, restrict

pytestmark = pytest.mark.django_db


def outcome(route, home, path):
    """What routing `path` below `home` gives: the page, its sub-route's view, or 404."""
    request = RequestFactory().get("/" + path)
    try:
        result = route(home, request, [part for part in path.split("/") if part])
    except Http404:
        return "404"
    view = result.args[0].__name__ if result.args else None
    return (result.page.pk, type(result.page).__name__, view)


def both(home, path):
    ours = outcome(type(home).route, home, path)
    wagtails = outcome(Page.route, home, path)
    assert ours == wagtails, path
    return ours


@pytest.fixture
def tree(home, news_index, article_factory):
    """Live and draft pages, a routable section, a draft section with a live child, and a
    child named like the section's feed route."""
    article = article_factory(slug="bai-mot")
    draft = article_factory(slug="ban-nhap", publish_it=False)
    named_like_feed = article_factory(slug="rss")
    hidden_section = home.add_child(
        instance=ArticleIndexPage(title="Chuyên mục nháp", slug="nhap", live=False)
    )
    hidden_section.save_revision()
    under_hidden = article_factory(slug="con", parent=hidden_section)
    about = home.add_child(instance=ContentPage(title="Giới thiệu", slug="gioi-thieu"))
    about.save_revision().publish()
    deep = about.add_child(instance=ContentPage(title="Sâu", slug="sau"))
    deep.save_revision().publish()
    return {
        "article": article,
        "draft": draft,
        "named_like_feed": named_like_feed,
        "hidden_section": hidden_section,
        "under_hidden": under_hidden,
        "deep": deep,
    }


@pytest.mark.parametrize(
    "path",
    [
        "",
        "tin-tuc/",
        "tin-tuc/bai-mot/",
        "tin-tuc/ban-nhap/",
        "tin-tuc/rss/",
        "tin-tuc/atom/",
        "tin-tuc/khong-co/",
        "tin-tuc/bai-mot/thua/",
        "khong-co/bai-mot/",
        "nhap/",
        "nhap/con/",
        "nhap/rss/",
        "gioi-thieu/",
        "gioi-thieu/sau/",
        "gioi-thieu/sau/sau/",
    ],
)
def test_every_path_routes_as_wagtail_routes_it(tree, home, path):
    both(home, path)


def test_a_sub_route_comes_before_a_child_of_the_same_name_while_the_section_is_live(
    tree, home, news_index
):
    assert both(home, "tin-tuc/rss/") == (news_index.pk, "ArticleIndexPage", "rss_feed")
    news_index.unpublish()
    home.refresh_from_db()
    assert both(home, "tin-tuc/rss/")[0] == tree["named_like_feed"].pk


def test_a_live_page_under_a_draft_section_is_served(tree, client):
    assert client.get("/nhap/con/").status_code == 200
    assert client.get("/nhap/").status_code == 404


def test_an_article_costs_two_routing_queries_however_deep(tree, home):
    request = RequestFactory().get("/tin-tuc/bai-mot/")
    with CaptureQueriesContext(connection) as queries:
        result = home.route(request, ["tin-tuc", "bai-mot"])
    assert result.page.pk == tree["article"].pk
    assert len(queries) == 2
    with CaptureQueriesContext(connection) as queries:
        result = home.route(RequestFactory().get("/"), ["gioi-thieu", "sau"])
    assert result.page.pk == tree["deep"].pk
    assert len(queries) == 2


def test_a_moved_or_renamed_page_is_routed_at_its_new_address_only(tree, home):
    article = tree["article"]
    article.move(tree["hidden_section"], pos="last-child")
    assert both(home, "tin-tuc/bai-mot/") == "404"
    assert both(home, "nhap/bai-mot/")[0] == article.pk
    article.refresh_from_db()
    article.slug = "bai-moi"
    article.save_revision().publish()
    assert both(home, "nhap/bai-mot/") == "404"
    assert both(home, "nhap/bai-moi/")[0] == article.pk


def test_pages_sharing_one_url_are_left_to_wagtails_walk(tree, home):
    """Slugs repeated under one parent (written past Wagtail's validation) are Wagtail's
    case: both walks fail the same way."""
    article = tree["article"]
    Page.objects.filter(pk=tree["draft"].pk).update(slug=article.slug, url_path=article.url_path)
    with pytest.raises(Page.MultipleObjectsReturned):
        type(home).route(home, RequestFactory().get("/"), ["tin-tuc", "bai-mot"])
    with pytest.raises(Page.MultipleObjectsReturned):
        Page.route(home, RequestFactory().get("/"), ["tin-tuc", "bai-mot"])


def test_a_private_page_is_still_guarded(tree, client):
    restrict(tree["hidden_section"], PageViewRestriction.PASSWORD)
    html = client.get("/nhap/con/").content.decode()
    assert 'name="password"' in html
    assert tree["under_hidden"].lead not in html


def test_another_languages_tree_routes_only_its_own_pages(tree, home, locale_en):
    english = Page.get_first_root_node().add_child(
        instance=HomePage(title="Home", slug="home-en", locale=locale_en)
    )
    english.save_revision().publish()
    english = english.specific
    assert both(english, "tin-tuc/bai-mot/") == "404"
    assert both(english, "gioi-thieu/") == "404"


def test_breadcrumbs_are_the_ancestors_wagtail_lists(tree, home):
    request = RequestFactory().get("/")
    for components in (["tin-tuc", "bai-mot"], ["gioi-thieu", "sau"], ["gioi-thieu"]):
        page = home.route(request, components).page
        expected = list(Page.objects.get(pk=page.pk).get_ancestors()[1:])
        with CaptureQueriesContext(connection) as queries:
            routed = breadcrumb_ancestors(page)
        assert [(a.pk, a.title, a.url_path) for a in routed] == [
            (a.pk, a.title, a.url_path) for a in expected
        ]
        assert len(queries) == 0


def test_a_url_path_out_of_step_with_the_tree_is_left_to_wagtails_walk(tree, home):
    """A page whose `url_path` names another parent (written past Wagtail) is not served
    from there: Wagtail's walk follows the tree."""
    deep = tree["deep"]
    Page.objects.filter(pk=deep.pk).update(url_path=home.url_path + "tin-tuc/sau/")
    assert both(home, "tin-tuc/sau/") == "404"
    assert both(home, "gioi-thieu/sau/")[0] == deep.pk


def test_a_path_deeper_than_any_page_is_left_to_wagtails_walk(tree, home):
    path = "gioi-thieu/" + "sau/" * 40
    request = RequestFactory().get("/" + path)
    with CaptureQueriesContext(connection) as queries, pytest.raises(Http404):
        home.route(request, path.strip("/").split("/"))
    assert len(queries) <= 6


@pytest.mark.parametrize(
    "path, served_by",
    [
        ("khoi-thi-dua/", "BlocIndexPage"),
        ("khoi-thi-dua/don-vi/", "agency_index"),
        # An agency's profile: a two-segment sub-route (its view answers 404 for no agency).
        ("khoi-thi-dua/don-vi/so-gddt/", "agency_profile"),
        ("khoi-thi-dua/don-vi/khong-co/", "agency_profile"),
        ("khoi-thi-dua/khoi-van-hoa-xa-hoi/", "BlocPage"),
        ("khoi-thi-dua/khoi-van-hoa-xa-hoi/khong-co/", "404"),
        ("tin-tuc-su-kien/rss/", "rss_feed"),
    ],
)
def test_the_demos_sub_routes_route_as_wagtail_routes_them(demo_content, path, served_by):
    routed = both(demo_content.home, path)
    assert served_by == routed or served_by in routed[1:], routed


def test_a_routed_page_under_no_restriction_costs_no_restriction_query(tree, home):
    result = home.route(RequestFactory().get("/"), ["tin-tuc", "bai-mot"])
    restricted_paths()  # Read once per version with the site-wide fragments.
    with CaptureQueriesContext(connection) as queries:
        assert list(result.page.get_view_restrictions()) == []
    assert len(queries) == 0


@pytest.mark.parametrize("kind", KINDS)
def test_a_restriction_on_a_routed_pages_section_still_guards_it(tree, client, news_index, kind):
    restrict(news_index, kind)
    response = client.get("/tin-tuc/bai-mot/")
    html = response.content.decode()
    assert tree["article"].lead not in html
    if kind == PageViewRestriction.PASSWORD:
        assert 'name="password"' in html
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailcore_login"))


def test_an_alias_of_a_private_page_is_still_guarded(tree, client):
    article = tree["article"]
    restrict(article, PageViewRestriction.PASSWORD)
    about = Page.objects.get(slug="gioi-thieu")
    article.create_alias(parent=about, update_slug="ban-sao")
    html = client.get("/gioi-thieu/ban-sao/").content.decode()
    assert 'name="password"' in html
    assert article.lead not in html


def test_a_private_home_page_is_still_guarded(home, client):
    restrict(home, PageViewRestriction.LOGIN)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailcore_login"))


def test_every_page_type_of_the_portal_takes_its_restrictions_from_routing():
    """A page type added without the mixin would cost every cold view of it Wagtail's two
    restriction queries; listed here so that the next page type cannot forget it."""
    from pathlib import Path

    from django.apps import apps
    from django.conf import settings

    from core.visibility import RoutedRestrictionsMixin

    ours = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and Path(model._meta.app_config.path).parent == settings.BASE_DIR
    ]
    assert len(ours) >= 15
    unguarded = [
        model.__name__
        for model in ours
        if model.get_view_restrictions is not RoutedRestrictionsMixin.get_view_restrictions
    ]
    assert unguarded == []
