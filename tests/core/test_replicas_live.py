"""The read replica against real servers: a PostgreSQL primary and a streaming replica
(`pg_basebackup -R`) on loopback, and the portal under gunicorn pointed at both, with
Redis shared with the process that publishes (as editors' publishes reach every node).

Where the reads went is read off the replica itself (`pg_stat_activity`): the portal's one
connection there, and the last statement it ran after a moment.

One scenario in a row, with one set of servers: each step starts from what the last left.
"""

import subprocess
import time

import pytest
import requests

from core import fragments
from core.replicas import PIN_COOKIE, POSITION_SQL
from tests import servers

pytestmark = pytest.mark.skipif(bool(servers.unavailable()), reason=str(servers.unavailable()))

DATABASE = "portal"
CHECK_SECONDS = 0.3
# Long enough for a publish (a `manage.py shell` of its own) while replay is paused.
MAX_LAG_SECONDS = 15.0

SEED = (
    servers.site_seed("Bản sao 1", "ban-sao")
    + """
from django.contrib.auth.models import Group, User
editor = User.objects.create_user("bien-tap", password="mat-khau-dai-2024")
editor.groups.add(Group.objects.get(name="Biên tập viên"))
"""
)


def publish(portal, title):
    portal.manage(
        "shell",
        "-c",
        "from home.pages import ContentPage\n"
        "page = ContentPage.objects.get(slug='ban-sao')\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()",
    )


@pytest.fixture(scope="module")
def stack():
    folder = servers.temporary_folder("portal-replica-")
    primary = servers.PostgresCluster(folder, "primary").init_primary().start()
    replica = None
    portal = None
    try:
        primary.sql(f"CREATE DATABASE {DATABASE}")
        portal = servers.Portal(
            {
                "DATABASE_URL": primary.url(DATABASE),
                "REDIS_URL": "redis://127.0.0.1:6379/15",
                "CACHE_KEY_PREFIX": f"replica-test-{time.time_ns()}",
                "RESPONSE_CACHE_SECONDS": "0",
                "REPLICA_CHECK_SECONDS": str(CHECK_SECONDS),
                "REPLICA_MAX_LAG_SECONDS": str(MAX_LAG_SECONDS),
                "REPLICA_PIN_SECONDS": "60",
            }
        )
        portal.manage("migrate", "--noinput", "-v0")
        portal.manage("shell", "-c", SEED)
        replica = servers.PostgresCluster(folder, "replica").init_replica(primary).start()
        portal.environment["DATABASE_REPLICA_URL"] = replica.url(DATABASE)
        portal.start()
        yield primary, replica, portal
    finally:
        if portal is not None:
            portal.stop()
        for cluster in (replica, primary):
            if cluster is not None:
                cluster.stop()


def replica_now(replica):
    return replica.sql("SELECT now()")[0]


def read_on_replica_since(replica, moment):
    """Whether the portal ran a statement on the replica after `moment`, other than the
    router's own check of the replica."""
    return replica.sql(
        "SELECT count(*) FROM pg_stat_activity "
        f"WHERE datname = '{DATABASE}' AND pid <> pg_backend_pid() "
        f"AND query_start > '{moment}' AND query NOT LIKE '%pg_is_in_recovery%'",
        DATABASE,
    ) != ["0"]


def wait_for_replay(primary, replica):
    position = primary.sql(POSITION_SQL)[0]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if replica.sql(f"SELECT pg_last_wal_replay_lsn() - '0/0'::pg_lsn >= {position}") == ["t"]:
            return
        time.sleep(0.05)
    raise AssertionError("the replica did not replay the primary's changes within 30 s")


def forget_version_token(portal):
    key = f"{portal.environment['CACHE_KEY_PREFIX']}:1:{fragments.VERSION_KEY}"
    subprocess.run(["redis-cli", "-n", "15", "DEL", key], check=True, capture_output=True)


def anonymous_get(portal, path="/ban-sao/"):
    response = requests.get(portal.url(path), timeout=30)
    assert response.status_code == 200
    return response.text


def editor_session(portal):
    return servers.signed_in(portal, "bien-tap", "mat-khau-dai-2024")


def test_reads_writes_lag_and_outage_against_a_real_replica(stack):
    primary, replica, portal = stack
    wait_for_replay(primary, replica)

    # An anonymous reader reads from the replica, even with a made-up session cookie.
    moment = replica_now(replica)
    assert "Bản sao 1" in anonymous_get(portal)
    assert read_on_replica_since(replica, moment)
    moment = replica_now(replica)
    made_up = requests.get(portal.url("/ban-sao/"), cookies={"sessionid": "x" * 32}, timeout=30)
    assert made_up.status_code == 200
    assert read_on_replica_since(replica, moment)

    # Signed in, an editor reads from the primary; so does a client that has just sent a
    # form (its pin cookie), and the admin.
    editor = editor_session(portal)
    editor.cookies.pop(PIN_COOKIE, None)
    moment = replica_now(replica)
    assert editor.get(portal.url("/ban-sao/"), timeout=30).status_code == 200
    assert editor.get(portal.url("/admin/pages/"), timeout=30).status_code == 200
    assert not read_on_replica_since(replica, moment)
    poster = requests.Session()
    poster.post(portal.url("/ban-sao/"), timeout=30)
    assert PIN_COOKIE in poster.cookies
    moment = replica_now(replica)
    assert poster.get(portal.url("/ban-sao/"), timeout=30).status_code == 200
    assert not read_on_replica_since(replica, moment)

    # A publish the replica has not replayed yet (replay paused just after a write, so that
    # it is not yet further behind than REPLICA_MAX_LAG_SECONDS): the editor and every
    # anonymous reader see it at once, from the primary.
    primary.sql("CREATE TABLE IF NOT EXISTS probe (n int); INSERT INTO probe VALUES (1)", DATABASE)
    wait_for_replay(primary, replica)
    replica.sql("SELECT pg_wal_replay_pause()")
    paused = time.monotonic()
    publish(portal, "Bản sao 2")
    assert "Bản sao 2" in editor.get(portal.url("/ban-sao/"), timeout=30).text
    moment = replica_now(replica)
    assert "Bản sao 2" in anonymous_get(portal)
    assert not read_on_replica_since(replica, moment)
    # So do they when Redis has lost the version token (restarted, or a write timed out).
    forget_version_token(portal)
    moment = replica_now(replica)
    assert "Bản sao 2" in anonymous_get(portal)
    assert not read_on_replica_since(replica, moment)
    assert time.monotonic() - paused < MAX_LAG_SECONDS, "too slow to tell the lag apart"

    # Replay still paused and the replica further behind than REPLICA_MAX_LAG_SECONDS: it is
    # skipped even for what it has replayed.
    time.sleep(max(0, MAX_LAG_SECONDS - (time.monotonic() - paused)) + CHECK_SECONDS + 0.2)
    moment = replica_now(replica)
    assert "Bản sao 2" in anonymous_get(portal)
    assert not read_on_replica_since(replica, moment)
    status, output = portal.manage("replica_status", check=False)
    assert status != 0 and "skipped (over 15 s)" in output

    # Caught up, it is taken back.
    replica.sql("SELECT pg_wal_replay_resume()")
    wait_for_replay(primary, replica)
    time.sleep(CHECK_SECONDS + 0.1)
    moment = replica_now(replica)
    assert "Bản sao 2" in anonymous_get(portal)
    assert read_on_replica_since(replica, moment)

    status, output = portal.manage("replica_status", check=False)
    assert status == 0 and "replica1: up, lag " in output and "in use" in output

    # The replica stops: readers get their pages from the primary, no error page.
    replica.stop()
    for _ in range(3):
        assert "Bản sao 2" in anonymous_get(portal)
    status, output = portal.manage("replica_status", check=False)
    assert status != 0 and "replica1: down" in output
    assert "Bản sao 2" in anonymous_get(portal, "/api/v2/pages/?type=home.ContentPage&fields=*")

    # It comes back: taken back at its next check.
    replica.start()
    wait_for_replay(primary, replica)
    time.sleep(CHECK_SECONDS + 0.1)
    moment = replica_now(replica)
    assert "Bản sao 2" in anonymous_get(portal)
    assert read_on_replica_since(replica, moment)
