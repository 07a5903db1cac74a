"""Two application nodes behind one nginx upstream, against real servers: each node a
gunicorn of its own with its own media folder, sharing a PostgreSQL cluster started by the
test, Redis and nginx (deploy/nginx/portal.conf with both nodes in its upstream). What a
reader, an editor or cron does on one node holds on the other, and what must happen once
happens once.

One scenario in a row, with one set of servers: each step starts from what the last left.
"""

import re
import subprocess
import time

import pytest
import requests

from tests import servers

pytestmark = pytest.mark.skipif(
    bool(servers.unavailable() or servers.caches_unavailable()),
    reason=str(servers.unavailable() or servers.caches_unavailable()),
)

DATABASE = "portal"
HOST = "testserver"  # the test settings' site: purges name it
PASSWORD = "mat-khau-dai-2024"
API_LIMIT = 12
BEACON = r'data-visits-beacon="([^"]+)" data-visits-page="([^"]+)"'
SEED = (
    servers.site_seed("Nút 1", "nut")
    + f"""
from django.contrib.auth.models import Group, User
from webhooks.models import Subscription
for name in ("bien-tap", "thu-sai"):
    user = User.objects.create_user(name, password={PASSWORD!r})
    user.groups.add(Group.objects.get(name="Biên tập viên"))
Subscription.objects.create(
    name="Cổng tỉnh", url="https://cong.example.gov.vn/hook", categories=["upsert"]
)
"""
)
SCHEDULE = """
import datetime
from django.utils import timezone
from wagtail.models import Page
from home.pages import ContentPage
home = Page.objects.get(slug="trang-chu")
page = home.add_child(instance=ContentPage(title="Hẹn giờ", slug="hen-gio", live=False))
page.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
page.save_revision().publish()
"""
SCHEDULED = """
from wagtail.models import PageLogEntry
from webhooks.models import Delivery
from home.pages import ContentPage
page = ContentPage.objects.get(slug="hen-gio")
print(page.live, PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count(),
      Delivery.objects.count())
"""
FIGURES = """
from visits.models import DailyVisits, PageViews
from home.pages import ContentPage
page = ContentPage.objects.get(slug="nut")
row = PageViews.objects.filter(page=page).first()
print(row.views if row else 0, sum(day.views for day in DailyVisits.objects.all()))
"""


@pytest.fixture(scope="module")
def stack():
    folder = servers.temporary_folder("portal-nodes-")
    primary = servers.PostgresCluster(folder, "primary").init_primary().start()
    nodes, nginx = [], None
    try:
        primary.sql(f"CREATE DATABASE {DATABASE}")
        environment = {
            "DATABASE_URL": primary.url(DATABASE),
            "REDIS_URL": "redis://127.0.0.1:6379/15",
            "CACHE_KEY_PREFIX": f"nodes-test-{time.time_ns()}",
            "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
            "RATE_LIMIT_ENABLED": "true",
            "RATE_LIMIT_REQUESTS": str(API_LIMIT),
            # A fixed window: an hour, so that the test's requests never straddle two.
            "RATE_LIMIT_WINDOW": "3600",
        }
        nodes = [
            servers.Portal({**environment, "DJANGO_MEDIA_ROOT": f"{folder}/{name}"})
            for name in ("node-a", "node-b")
        ]
        nodes[0].manage("migrate", "--noinput", "-v0")
        nodes[0].manage("shell", "--no-imports", "-c", SEED)
        nginx = servers.Nginx(folder, [node.port for node in nodes])
        for node in nodes:
            node.environment["WAGTAILFRONTENDCACHE_URL"] = f"http://127.0.0.1:{nginx.purge_port}"
            node.start()
        nginx.start()
        yield nodes, nginx
    finally:
        if nginx is not None and nginx.process is not None:
            nginx.stop()
        for node in nodes:
            node.stop()
        primary.stop()


def through(nginx, path, **kwargs):
    return requests.get(
        f"http://127.0.0.1:{nginx.port}{path}", headers={"Host": HOST}, timeout=30, **kwargs
    )


def at_once(nodes, *arguments):
    """`manage.py ARGUMENTS` on every node at the same moment (every node's cron)."""
    processes = [
        subprocess.Popen(
            [servers.sys.executable, str(servers.ROOT / "manage.py"), *arguments],
            env=node.environment,
            cwd=servers.ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for node in nodes
    ]
    for process in processes:
        assert process.wait(timeout=120) == 0, process.stderr.read()


def test_two_nodes_behave_as_one(stack):
    (node_a, node_b), nginx = stack

    # An editor signed in on node A is signed in on node B.
    editor = servers.signed_in(node_a, "bien-tap", PASSWORD)
    assert editor.get(node_b.url("/admin/pages/"), allow_redirects=False).status_code == 200

    # A publish made on node B: readers see it at once on node A and through nginx's cache.
    assert "Nút 1" in through(nginx, "/nut/").text
    node_b.manage(
        "shell",
        "--no-imports",
        "-c",
        "from home.pages import ContentPage\n"
        "page = ContentPage.objects.get(slug='nut')\n"
        "page.title = 'Nút 2'\n"
        "page.save_revision().publish()",
    )
    assert "Nút 2" in through(nginx, "/nut/").text
    assert "Nút 2" in requests.get(node_a.url("/nut/"), timeout=30).text

    # Readers' page views, half on each node, then both nodes' cron folding at once: each
    # view counted once.
    html = requests.get(node_a.url("/nut/"), timeout=30).text
    beacon, token = re.search(
        r'data-visits-beacon="([^"]+)" data-visits-page="([^"]+)"', html
    ).groups()
    for reader in range(6):
        node = (node_a, node_b)[reader % 2]
        answer = requests.post(
            node.url(beacon),
            data={"page": token},
            headers={"User-Agent": f"Reader/{reader}", "Sec-Fetch-Site": "same-origin"},
            timeout=30,
        )
        assert answer.status_code in (200, 204), answer.text
    at_once((node_a, node_b), "fold_visits")
    at_once((node_a, node_b), "fold_visits")
    assert node_a.manage("shell", "--no-imports", "-c", FIGURES).split() == ["6", "6"]

    # Sign-in failures count across nodes: the fifth, on either, locks the account on both.
    for attempt in range(5):
        node = (node_a, node_b)[attempt % 2]
        session = requests.Session()
        session.get(node.url("/admin/login/"), timeout=30)
        session.post(
            node.url("/admin/login/"),
            data={
                "username": "thu-sai",
                "password": "sai-mat-khau",
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
            },
            timeout=30,
        )
    with pytest.raises(AssertionError):
        servers.signed_in(node_b, "thu-sai", PASSWORD)

    # The API's rate limit counts a client's requests on both nodes together.
    statuses = [
        requests.get((node_a, node_b)[n % 2].url("/api/v2/pages/"), timeout=30).status_code
        for n in range(API_LIMIT + 2)
    ]
    assert statuses.count(200) == API_LIMIT and statuses[-1] == 429

    # A page scheduled to go live, and both nodes' cron running publish_scheduled at once:
    # published once, one webhook delivery.
    node_a.manage("shell", "--no-imports", "-c", SCHEDULE)
    deliveries = int(node_a.manage("shell", "--no-imports", "-c", SCHEDULED).split()[-1])
    time.sleep(1.5)
    at_once((node_a, node_b), "publish_scheduled")
    at_once((node_a, node_b), "publish_scheduled")
    live, published, delivered = node_a.manage("shell", "--no-imports", "-c", SCHEDULED).split()
    assert (live, published, int(delivered) - deliveries) == ("True", "1", 1)

    # Node B stops (killed): nginx sends readers to node A, no error.
    node_b.process.kill()
    node_b.process.wait(timeout=30)
    for path in ("/nut/", "/hen-gio/", "/nut/", "/"):
        # A new URL each time: nginx's cache cannot answer it, a node must.
        assert through(nginx, path, params={"n": time.time_ns()}).status_code == 200
    # The API answers too (this client has used up its API requests for the hour above).
    assert through(nginx, "/api/v2/pages/?limit=1").status_code in (200, 429)
