"""`make soak`: the production stack on loopback under readers, API consumers and an editor.

For SOAK_DURATION seconds (600), through nginx (deploy/nginx/portal.conf) in front of
gunicorn (SOAK_WORKERS sync workers, production settings, PostgreSQL, Redis):

- SOAK_READERS (35) readers, each with a browser's User-Agent of its own: they open pages
  (home, sections, listing pages, articles, event reports, blocs, search, in Vietnamese and
  English) and, as visits.js does, post the page's beacon;
- SOAK_API_CONSUMERS (15) consumers of the API and the feeds (listings with filters,
  details, `updated_since`, RSS, the sitemap);
- an editor, a Django process that creates and publishes a news article and republishes an
  existing one every SOAK_PUBLISH_INTERVAL seconds (10).

Each client waits 0 to 2 x SOAK_THINK seconds (0.5 on average) between requests. Reported:
every answer that is not the expected one (errors must be zero), latency percentiles, the
memory (RSS) of the gunicorn workers every 10 s (bound: after the warm-up, the largest worker
grows by less than SOAK_MEMORY_BOUND MB, 60), and the visitor figures: after a fold, the
visits app's page views and visitors must equal what the readers did, exactly. Then the last
published article must be visible through nginx's cache. The results replace the soak
section of docs/reliability.md (SOAK_OUTPUT).

Other settings: SOAK_DATABASE_URL (postgres://postgres@127.0.0.1:5432/faults_soak, created
and filled with the demo content and SOAK_ARTICLES generated articles, 500, on first use),
SOAK_REDIS_URL (redis://127.0.0.1:6379/9; 8 for scale-out), SOAK_DIR (/var/tmp/portal-soak),
SOAK_NGINX_PORT (8215), SOAK_APP_PORT (8216), SOAK_PURGE_PORT (8217), read in
bench/soak_config.py;
SOAK_MODE=scale-out runs bench/soak_scale_out.py's topology and outages instead. It
reuses bench/stack.py's helpers (packages, services, gunicorn and nginx processes) with these
values; the report is written by bench/soak_report.py.
"""

import argparse
import datetime
import http.client
import json
import random
import re
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
import soak_config as config  # noqa: E402  (first: it sets stack's environment)
import stack  # noqa: E402
from soak_report import report, write_section  # noqa: E402

BEACON = re.compile(r'data-visits-beacon="([^"]+)"(?: data-visits-page="([^"]+)")?')
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.{run}.{reader} Safari/537.36"
)


def log(message):
    print(f"[soak] {message}", file=sys.stderr, flush=True)


# Preparing -------------------------------------------------------------------------------------


def prepare_content():
    has_home = stack.shell(
        "from home.models import HomePage; print(HomePage.objects.exists())", purge=False
    )
    if has_home != "True":
        log("loading the demo content")
        stack.manage("load_demo_content", "-v0")
    stack.grow_to(config.ARTICLES)


def reader_urls():
    """Pages a reader opens: sections, listing pages, articles, blocs, search, both languages."""
    return json.loads(
        stack.shell(
            "import json\n"
            "from wagtail.models import Page\n"
            "pages = Page.objects.live().public().filter(depth__gt=1).order_by('?')[:300]\n"
            "urls = [page.url for page in pages if page.url]\n"
            "urls += ['/tin-tuc-su-kien/?page=2', '/tin-tuc-su-kien/?page=5', '/thong-bao/',\n"
            "         '/tim-kiem/?q=thi+%C4%91ua', '/tim-kiem/?q=khoa+hoc&type=news',\n"
            "         '/en/search/?q=bloc']\n"
            "print(json.dumps(urls))"
        )
    )


def api_urls():
    ids = json.loads(
        stack.shell(
            "import json\n"
            "from wagtail.models import Page\n"
            "from snippets.models import Agency\n"
            "from blocs.models import BlocPage\n"
            "print(json.dumps({\n"
            "  'pages': list(Page.objects.live().public().filter(depth__gt=2)\n"
            "                .order_by('?').values_list('pk', flat=True)[:100]),\n"
            "  'agencies': list(Agency.objects.values_list('pk', flat=True)[:20]),\n"
            "  'blocs': list(BlocPage.objects.live().values_list('pk', flat=True)[:10]),\n"
            "}))"
        )
    )
    since = quote(
        (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1)).isoformat(
            timespec="seconds"
        )
    )
    urls = [
        "/api/v2/pages/",
        "/api/v2/pages/?type=articles.NewsArticlePage&fields=*",
        "/api/v2/pages/?type=articles.NewsArticlePage&order=-date&limit=50",
        f"/api/v2/pages/?updated_since={since}",
        "/api/v2/pages/?search=thi+%C4%91ua",
        "/api/v2/agencies/",
        "/api/v2/blocs/",
        "/api/v2/visits/",
        "/tin-tuc-su-kien/rss/",
        "/tin-tuc-su-kien/atom/",
        "/sitemap.xml",
    ]
    urls += [f"/api/v2/pages/{pk}/" for pk in ids["pages"]]
    urls += [f"/api/v2/agencies/{pk}/" for pk in ids["agencies"]]
    urls += [f"/api/v2/blocs/{pk}/" for pk in ids["blocs"]]
    return urls


def visit_figures():
    """Today's folded visitors and views, and every page's folded views (after a fold)."""
    stack.manage("fold_visits", "-v0")
    return json.loads(
        stack.shell(
            "import json\n"
            "from visits.counting import local_now\n"
            "from visits.models import DailyVisits, PageViews\n"
            "day = DailyVisits.objects.filter(date=local_now().date()).first()\n"
            "print(json.dumps({\n"
            "  'visitors': day.visitors if day else 0, 'views': day.views if day else 0,\n"
            "  'pages': {str(row.page_id): row.views for row in PageViews.objects.all()},\n"
            "}))"
        )
    )


# Load ------------------------------------------------------------------------------------------


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()
        self.latencies = defaultdict(list)
        self.errors = Counter()
        self.beacons = Counter()  # page id -> beacons answered 200
        self.failures = []
        self.visitors = set()

    def record(self, kind, seconds):
        with self.lock:
            self.counts[kind] += 1
            self.latencies[kind].append(seconds)

    def error(self, kind, message, started=None):
        with self.lock:
            self.counts[kind] += 1
            self.errors[f"{kind}: {message}"[:200]] += 1
            # When the failed request started and ended (the scale-out soak's in-flight ones).
            self.failures.append((started, time.monotonic(), f"{kind}: {message}"[:200]))


class Client:
    """One keep-alive connection to nginx, reopened after a failure."""

    def __init__(self, results, user_agent):
        self.results = results
        self.headers = {"Host": stack.HOST, "User-Agent": user_agent}
        self.connection = None

    def request(self, kind, method, path, body=None, headers=None, expect=(200,)):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", stack.NGINX_PORT, timeout=60)
        started = time.monotonic()
        try:
            self.connection.request(
                method, path, body=body, headers={**self.headers, **(headers or {})}
            )
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            self.connection = None
            self.results.error(kind, f"{method} {path}: {type(error).__name__} {error}", started)
            return None
        if response.status not in expect:
            self.results.error(kind, f"{method} {path}: HTTP {response.status}", started)
            return None
        self.results.record(kind, time.monotonic() - started)
        return content


def reader(number, run_id, urls, results, stop):
    client = Client(results, USER_AGENT.format(run=run_id, reader=number))
    rng = random.Random(number)
    while not stop.is_set():
        path = rng.choice(urls)
        html = client.request("page", "GET", path)
        if html is not None:
            match = BEACON.search(html.decode("utf-8", "replace"))
            if match:
                beacon_url, token = match.group(1), match.group(2) or ""
                answer = client.request(
                    "beacon",
                    "POST",
                    beacon_url,
                    body=f"page={quote(token)}",
                    headers={
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Sec-Fetch-Site": "same-origin",
                    },
                )
                if answer is not None:
                    with results.lock:
                        results.beacons[token.split(":", 1)[0] or "none"] += 1
                        results.visitors.add(number)
        stop.wait(rng.uniform(0, 2 * config.THINK))


def consumer(number, urls, results, stop):
    client = Client(results, f"city-portal-sync/2.{number} (python)")
    rng = random.Random(1000 + number)
    while not stop.is_set():
        path = rng.choice(urls)
        content = client.request("api", "GET", path)
        if content is not None and path.startswith("/api/"):
            try:
                json.loads(content)
            except ValueError:
                results.error("api", f"GET {path}: not JSON")
        stop.wait(rng.uniform(0, 2 * config.THINK))


EDITOR_SCRIPT = """
import os, time
from django.utils import timezone
from articles.models import ArticleIndexPage, NewsArticlePage
index = ArticleIndexPage.objects.get(slug="tin-tuc-su-kien", locale__language_code="vi")
run, interval = os.environ["SOAK_RUN"], float(os.environ["SOAK_PUBLISH_INTERVAL"])
deadline = time.monotonic() + float(os.environ["SOAK_DURATION"])
number = 0
while time.monotonic() < deadline:
    started = time.monotonic()
    number += 1
    page = index.add_child(instance=NewsArticlePage(
        title=f"Tin thử tải {run} số {number}", slug=f"tin-thu-tai-{run}-{number}",
        lead="Bài viết do kịch bản biên tập đăng trong lúc thử tải.", date=timezone.now(),
        live=False))
    page.save_revision().publish()
    existing = NewsArticlePage.objects.live().filter(locale=index.locale).order_by("?")
    existing = existing.first().specific  # an event report is a news article too
    existing.lead = f"Cập nhật {run} lần {number}"
    existing.save_revision().publish()
    print(f"published {page.url} {time.monotonic() - started:.3f}", flush=True)
    time.sleep(max(0, interval - (time.monotonic() - started)))
"""


def editor(run_id, results, published):
    process = subprocess.Popen(
        [stack.PYTHON, "manage.py", "shell", "--no-imports", "-c", EDITOR_SCRIPT],
        cwd=stack.ROOT,
        env={
            **stack.portal_env(),
            "SOAK_RUN": run_id,
            "SOAK_DURATION": str(config.DURATION),
            "SOAK_PUBLISH_INTERVAL": str(config.PUBLISH_INTERVAL),
        },
        stdout=subprocess.PIPE,
        # A file, not a pipe: Wagtail logs every purge of an uncached URL, and a full pipe
        # would block the editor.
        stderr=open(stack.BENCH_DIR / "editor.log", "w"),  # noqa: SIM115
        text=True,
    )
    for line in process.stdout:
        _, url, seconds = line.split()
        published.append(url)
        results.record("publish", float(seconds))
    if process.wait():
        lines = (stack.BENCH_DIR / "editor.log").read_text().strip().splitlines()
        results.error("publish", lines[-1] if lines else f"exit status {process.returncode}")


def worker_pids(master):
    """The gunicorn master's children, read from /proc (field 4 of stat is the parent)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            pids.append(int(stat.parent.name))
    return pids


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def sample_memory(master, samples, stop, started):
    while not stop.wait(config.SAMPLE_EVERY):
        workers = {pid: rss_mb(pid) for pid in worker_pids(master)}
        samples.append((time.monotonic() - started, {p: m for p, m in workers.items() if m}))


def prepare():
    """The machine, the database and its content: the URLs readers and consumers use."""
    stack.ensure_packages()
    stack.ensure_services()
    stack.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    (stack.BENCH_DIR / "static").mkdir(exist_ok=True)
    stack.ensure_database()
    prepare_content()
    return reader_urls(), api_urls()


def run_load(pages, apis, master, during=None):
    """Readers, consumers and the editor against nginx for SOAK_DURATION seconds, the memory
    of `master`'s workers sampled; `during(stop)`, if given, runs beside them (the scale-out
    soak's outages). Returns what the report needs."""
    figures_before = visit_figures()
    run_id = str(uuid.uuid4().int % 100_000)
    results, samples, published = Results(), [], []
    stop = threading.Event()
    started = time.monotonic()
    log(f"{config.READERS} readers, {config.API_CONSUMERS} consumers, an editor")
    threads = [
        threading.Thread(target=reader, args=(n, run_id, pages, results, stop))
        for n in range(config.READERS)
    ]
    threads += [
        threading.Thread(target=consumer, args=(n, apis, results, stop))
        for n in range(config.API_CONSUMERS)
    ]
    threads.append(threading.Thread(target=sample_memory, args=(master, samples, stop, started)))
    if during is not None:
        threads.append(threading.Thread(target=during, args=(stop,)))
    editor_thread = threading.Thread(target=editor, args=(run_id, results, published))
    for thread in [*threads, editor_thread]:
        thread.start()
    time.sleep(config.DURATION)
    stop.set()
    for thread in threads:
        thread.join()
    editor_thread.join()
    log(f"{sum(results.counts.values()):,} requests, {sum(results.errors.values())} errors")
    visible = (
        bool(published)
        and stack.fetch(f"http://127.0.0.1:{stack.NGINX_PORT}{published[-1]}")[0] == 200
    )
    return results, samples, figures_before, visit_figures(), published, visible


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.parse_args()
    if config.MODE == "scale-out":
        import soak_scale_out

        sys.exit(soak_scale_out.main())
    pages, apis = prepare()
    processes = stack.Processes()
    try:
        master = processes.gunicorn().pid
        processes.nginx()
        outcome = run_load(pages, apis, master)
    finally:
        processes.stop()
    passed, section = report(*outcome)
    write_section(section)
    print(section)
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
