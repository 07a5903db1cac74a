"""Which database a request reads from (core/replicas.py), without servers: the replicas'
checks are replaced by what a check would find. tests/core/test_replicas_live.py runs the
same against a real primary and replica."""

import dataclasses

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.models import Page

from core import fragments, replicas
from core.middleware import ReplicaReadsMiddleware
from tests.portal.test_settings import run_manage

REPLICAS = ["replica1", "replica2"]


@pytest.fixture
def found(monkeypatch, settings):
    """{alias: Status} that a check of each replica finds; the checks made, in order."""
    settings.DATABASE_REPLICAS = REPLICAS
    settings.REPLICA_MAX_LAG_SECONDS = 5
    settings.REPLICA_CHECK_SECONDS = 2
    monkeypatch.setattr(replicas, "_statuses", {})
    # The last change's token, as Redis keeps it (a lost one is looked up on the primary).
    cache.set(fragments.VERSION_KEY, replicas.token(0), None)
    findings, made = {}, []

    def check(alias):
        made.append(alias)
        status = findings.get(alias, replicas.Status(0, False))
        status = dataclasses.replace(status, checked_at=replicas.time.monotonic())
        replicas._statuses[alias] = status
        return status

    monkeypatch.setattr(replicas, "check", check)
    findings["made"] = made
    return findings


def up(replayed=100, lag=0.0):
    return replicas.Status(0, True, replayed, lag)


def test_a_replica_that_is_up_and_current_serves_reads_in_turn(found):
    found["replica1"] = found["replica2"] = up()
    chosen = {replicas.choose(50) for _ in range(4)}
    assert chosen == set(REPLICAS)


@pytest.mark.parametrize(
    ("status", "why"),
    [
        (replicas.Status(0, False), "down"),
        (up(lag=6.0), "further behind than REPLICA_MAX_LAG_SECONDS"),
        (up(replayed=40), "has not replayed the last change"),
    ],
)
def test_a_replica_that_cannot_serve_is_skipped(found, status, why):
    found["replica1"], found["replica2"] = status, up()
    assert {replicas.choose(50) for _ in range(4)} == {"replica2"}, why
    found["replica2"] = status
    replicas._statuses.clear()  # checked again (the interval has passed)
    assert replicas.choose(50) == DEFAULT_DB_ALIAS, why


def test_a_replica_is_checked_again_after_the_interval_and_taken_back(found, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(replicas.time, "monotonic", lambda: clock[0])
    found["replica1"] = found["replica2"] = replicas.Status(0, False)
    assert replicas.choose(0) == DEFAULT_DB_ALIAS
    checks = len(found["made"])
    assert replicas.choose(0) == DEFAULT_DB_ALIAS
    assert len(found["made"]) == checks, "a replica found down is not checked on every read"
    found["replica1"] = up()
    clock[0] += 2
    assert replicas.choose(0) == "replica1"


def test_a_replica_behind_the_last_change_is_checked_again_at_once(found):
    found["replica1"] = found["replica2"] = up(replayed=100)
    assert replicas.choose(100) in REPLICAS
    checks = len(found["made"])
    found["replica1"] = found["replica2"] = up(replayed=200)
    assert replicas.choose(200) in REPLICAS
    assert len(found["made"]) > checks


@pytest.mark.parametrize(
    ("method", "path", "cookies", "expected"),
    [
        ("get", "/tin-tuc-su-kien/", {}, True),
        ("head", "/api/v2/pages/", {}, True),
        ("get", "/tin-tuc-su-kien/", {"sessionid": "x"}, True),
        ("get", "/tin-tuc-su-kien/", {replicas.PIN_COOKIE: "1"}, False),
        ("post", "/van-ban/du-thao/", {}, False),
        ("get", "/admin/pages/", {}, False),
        ("get", "/api/v2/preview/?token=x", {}, False),
    ],
)
def test_who_reads_from_a_replica(method, path, cookies, expected):
    request = getattr(RequestFactory(), method)(path)
    request.COOKIES.update(cookies)
    assert replicas.reads_from_replica(request) is expected


def test_a_request_that_writes_pins_its_client_to_the_primary(found, settings):
    settings.REPLICA_PIN_SECONDS = 10
    middleware = ReplicaReadsMiddleware(lambda request: HttpResponse())
    answer = middleware(RequestFactory().post("/van-ban/du-thao/"))
    assert answer.cookies[replicas.PIN_COOKIE]["max-age"] == 10
    assert answer.cookies[replicas.PIN_COOKIE]["httponly"]
    assert replicas.PIN_COOKIE not in middleware(RequestFactory().get("/")).cookies


def test_reads_go_to_the_replica_chosen_for_the_request_and_writes_to_the_primary(found):
    found["replica1"] = found["replica2"] = up()
    router = replicas.ReplicaRouter()
    seen = {}

    def view(request):
        seen["reads"] = {router.db_for_read(Page) for _ in range(3)}
        seen["writes"] = router.db_for_write(Page)
        return HttpResponse()

    ReplicaReadsMiddleware(view)(RequestFactory().get("/"))
    assert len(seen["reads"]) == 1 and seen["reads"] <= set(REPLICAS)
    assert seen["writes"] == DEFAULT_DB_ALIAS
    assert router.db_for_read(Page) == DEFAULT_DB_ALIAS, "outside a request: the primary"


class SignedIn:
    is_authenticated = True


def test_a_signed_in_user_reads_from_the_primary_and_a_made_up_session_does_not(found):
    found["replica1"] = found["replica2"] = up()
    router = replicas.ReplicaRouter()
    seen = []

    def view(request):
        seen.append(router.db_for_read(Page))
        return HttpResponse()

    for user, expected in ((SignedIn(), {DEFAULT_DB_ALIAS}), (AnonymousUser(), set(REPLICAS))):
        request = RequestFactory().get("/tin-tuc-su-kien/")
        request.COOKIES["sessionid"] = "x"
        request.user = user
        ReplicaReadsMiddleware(view)(request)
        assert {seen[-1]} <= expected


def test_sessions_are_read_from_the_primary(found):
    found["replica1"] = found["replica2"] = up()
    router = replicas.ReplicaRouter()
    seen = []

    def view(request):
        seen.append(router.db_for_read(Session))
        return HttpResponse()

    ReplicaReadsMiddleware(view)(RequestFactory().get("/"))
    assert seen == [DEFAULT_DB_ALIAS]


def test_a_replica_failing_under_a_request_serves_it_again_from_the_primary(found):
    found["replica1"] = found["replica2"] = up()
    router = replicas.ReplicaRouter()
    served_from = []

    def view(request):
        served_from.append(router.db_for_read(Page))
        if served_from[-1] != DEFAULT_DB_ALIAS:
            found[served_from[-1]] = replicas.Status(0, False)
            return HttpResponse(status=500)
        return HttpResponse("ok")

    answer = ReplicaReadsMiddleware(view)(RequestFactory().get("/"))
    assert answer.status_code == 200
    assert served_from[-1] == DEFAULT_DB_ALIAS and served_from[0] in REPLICAS


def test_the_version_token_carries_the_position_of_the_change():
    assert replicas.position_of(replicas.token(123456)) == 123456
    assert replicas.position_of(replicas.token()) == 0
    assert replicas.position_of(fragments.current_version()) >= 0


@pytest.fixture
def primary_at(monkeypatch, settings):
    """The primary's WAL position, as `core.replicas.current_position` finds it."""
    settings.DATABASE_REPLICAS = REPLICAS
    position = [500]
    monkeypatch.setattr(replicas, "current_position", lambda: position[0])
    return position


def test_a_lost_version_token_makes_readers_wait_for_the_primarys_position_now(primary_at):
    fragments.cache.delete(fragments.VERSION_KEY)  # Redis restarted, or did not answer
    assert replicas.position_of(fragments.current_version()) == 500


@pytest.mark.django_db
def test_a_change_rolled_back_leaves_a_token_past_the_changes_before_it(primary_at):
    fragments.cache.set(fragments.VERSION_KEY, replicas.token(400), None)
    with pytest.raises(RuntimeError), transaction.atomic():
        fragments.invalidate()
        raise RuntimeError("the publish failed")
    assert replicas.position_of(fragments.current_version()) == 500


class LosingCache:
    """Django's cache, but the first `lose` writes of the version token time out."""

    def __init__(self, lose):
        self.lose = lose

    def set(self, key, value, timeout=None):
        if key == fragments.VERSION_KEY and self.lose:
            self.lose -= 1
            return None
        return cache.set(key, value, timeout)

    def __getattr__(self, name):
        return getattr(cache, name)


@pytest.mark.django_db
def test_a_token_lost_at_the_commit_is_stored_again(
    primary_at, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        fragments.invalidate()
    primary_at[0] = 600
    monkeypatch.setattr(fragments, "cache", LosingCache(lose=1))
    for callback in callbacks:
        callback()
    assert replicas.position_of(fragments.current_version()) == 600


@pytest.mark.django_db
def test_a_later_changes_token_is_not_replaced_by_an_earlier_ones(
    primary_at, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        fragments.invalidate()
    later = replicas.token(700)  # another node's publish, committed after this one
    fragments.cache.set(fragments.VERSION_KEY, later, None)
    primary_at[0] = 600
    for callback in callbacks:
        callback()
    assert fragments.current_version() == later


@pytest.mark.django_db
def test_a_token_the_cache_never_takes_is_logged(
    primary_at, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    monkeypatch.setattr(fragments, "cache", LosingCache(lose=10))
    with django_capture_on_commit_callbacks(execute=True):
        fragments.invalidate()
    assert "could not be stored" in caplog.text


def test_replicas_need_postgresql():
    result = run_manage(
        "check",
        env={
            "DJANGO_SECRET_KEY": "x" * 50,
            "WAGTAILADMIN_BASE_URL": "https://portal.example.gov.vn",
            "DATABASE_URL": "sqlite:////tmp/portal.sqlite3",
            "DATABASE_REPLICA_URL": "postgres://postgres@127.0.0.1:5433/portal",
        },
    )
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URL needs PostgreSQL" in result.stderr


def test_each_replica_named_is_a_database_read_through_the_router():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DATABASE_REPLICAS, s.DATABASES['replica2']['PORT'], "
        "s.DATABASES['replica2']['TEST']['MIRROR'], s.DATABASE_ROUTERS)",
        env={
            "DJANGO_SECRET_KEY": "x" * 50,
            "WAGTAILADMIN_BASE_URL": "https://portal.example.gov.vn",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/portal",
            "DATABASE_REPLICA_URL": "postgres://postgres@10.0.0.2:5432/portal, "
            "postgres://postgres@10.0.0.3:5433/portal",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "['replica1',",
        "'replica2']",
        "5433",
        "default",
        "['core.replicas.ReplicaRouter']",
    ]


@pytest.mark.django_db
def test_objects_read_on_a_replica_relate_to_the_primarys_after_replicas_are_gone():
    """A rendition kept in Redis's renditions cache was read on a replica; switched off,
    the portal still attaches it to an image read on the primary (a 500 before)."""
    from wagtail.images import get_image_model

    image = get_image_model()(title="Ảnh", width=10, height=10)
    image._state.db = DEFAULT_DB_ALIAS
    rendition = get_image_model().get_rendition_model()(filter_spec="width-10")
    rendition._state.db = "replica1"
    rendition.image = image
    assert rendition.image is image
