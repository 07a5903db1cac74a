import datetime
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from freezegun import freeze_time
from wagtail.models import Locale, Page, Site

from core import origin
from demo.content import DemoContent
from demo.english import EnglishDemo
from home.models import HomePage
from tests import worlds
from tests.roles import ADMINISTRATORS, EDITORS, MODERATORS, PASSWORD, member_of


@pytest.fixture(scope="session", autouse=True)
def _demo_worlds(django_db_setup, django_db_blocker):
    """The demo worlds this process shares between tests (see tests/worlds.py)."""
    worlds.current = worlds.Worlds(django_db_blocker)
    yield
    worlds.current.close()
    worlds.current = None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture of the test (its transaction included), open the world it wants."""
    if worlds.current is not None:
        worlds.current.switch(worlds.wanted(item))


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (Redis is shared between runs)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's default language (Vietnamese): a request to an English
    page leaves English active in the test's thread (LocaleMiddleware activates a language
    for each request, nothing deactivates it), and lazy texts read after a test's own
    `translation.override` would be English."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def demo_content(db, request):
    """The Vietnamese demo world (the seed report, its agencies, bloc and sample news)."""
    return worlds.shared("demo_content", request) or DemoContent().load()


@pytest.fixture
def demo_content_en(demo_content, request):
    """The demo with its English translation, made with wagtail-localize (slower)."""
    if not worlds.shared("demo_content_en", request):
        EnglishDemo(demo_content).load()
    return demo_content


@pytest.fixture
def demo_legal(demo_content, request):
    """The demo's Văn bản section: about 30 documents with their files, two drafts (slower:
    the PDFs are drawn)."""
    from demo.legal import LegalDemo

    return worlds.shared("demo_legal", request) or LegalDemo(demo_content).load()


@pytest.fixture
def demo_loaded(db, request):
    """The database as `manage.py load_demo_content` leaves it (every part of the demo)."""
    if not worlds.shared("demo_loaded", request):
        call_command("load_demo_content", stdout=StringIO())


@pytest.fixture
def locale_vi(db):
    return Locale.objects.get_or_create(language_code="vi")[0]


@pytest.fixture
def locale_en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def home(locale_vi):
    """A published Vietnamese home page at the root of the default site."""
    # A transactional test elsewhere may have flushed the root page made by migrations.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale_vi)
    )
    Page.objects.filter(depth=2).delete()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu", locale=locale_vi))
    # The default Site serves the public origin (WAGTAILADMIN_BASE_URL, see core/origin.py).
    hostname, port = origin.site_address()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": hostname, "port": port, "root_page": home}
    )
    home.save_revision().publish()
    home.refresh_from_db()
    return home


@pytest.fixture
def redis_down():
    """Use as `with redis_down:` to point Django's cache at Redis on a closed port."""
    closed_port = {
        "default": {
            "BACKEND": "core.cache.FaultTolerantRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    return override_settings(CACHES=closed_port)  # Django renews the cache handlers


@pytest.fixture
def editor(db, django_user_model):
    return member_of(django_user_model, EDITORS, "bientapvien")


@pytest.fixture
def moderator(db, django_user_model):
    return member_of(django_user_model, MODERATORS, "kiemduyetvien")


@pytest.fixture
def administrator(db, django_user_model):
    return member_of(django_user_model, ADMINISTRATORS, "quantrivien")


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="sieuquantri", email="root@example.gov.vn", password=PASSWORD
    )


@pytest.fixture
def local_midday():
    """Time runs on from today's noon in the portal's time zone: a page's cache lifetime,
    cut at midnight (its date line changes then), is the settings' own."""
    noon = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(12)))
    with freeze_time(noon, tick=True):
        yield noon


def pytest_collection_modifyitems(items):
    """Tests that share a demo world run one after another, so that it is loaded once per
    run of them rather than once per test; the others, transactional ones among them, come
    after (the order is otherwise kept)."""
    order = {None: len(items)}
    items.sort(key=lambda item: order.setdefault(worlds.wanted(item), len(order)))
