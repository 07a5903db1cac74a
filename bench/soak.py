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
SOAK_REDIS_URL (redis://127.0.0.1:6379/9), SOAK_DIR (/var/tmp/portal-soak), SOAK_NGINX_PORT
(8215), SOAK_APP_PORT (8216), SOAK_PURGE_PORT (8217). It reuses bench/run.py's helpers
(packages, services, gunicorn and nginx processes) with these values.
"""

import datetime
import http.client
import json
import os
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

DURATION = int(os.environ.get("SOAK_DURATION", "600"))
READERS = int(os.environ.get("SOAK_READERS", "35"))
API_CONSUMERS = int(os.environ.get("SOAK_API_CONSUMERS", "15"))
THINK = float(os.environ.get("SOAK_THINK", "0.5"))
PUBLISH_INTERVAL = float(os.environ.get("SOAK_PUBLISH_INTERVAL", "10"))
MEMORY_BOUND_MB = float(os.environ.get("SOAK_MEMORY_BOUND", "60"))
ARTICLES = int(os.environ.get("SOAK_ARTICLES", "500"))
WARM_UP = min(60, DURATION // 5)
SAMPLE_EVERY = 10

# bench/run.py reads its settings from the environment when imported.
os.environ.update(
    BENCH_DATABASE_URL=os.environ.get(
        "SOAK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/faults_soak"
    ),
    BENCH_REDIS_URL=os.environ.get("SOAK_REDIS_URL", "redis://127.0.0.1:6379/9"),
    BENCH_DIR=os.environ.get("SOAK_DIR", "/var/tmp/portal-soak"),
    BENCH_NGINX_PORT=os.environ.get("SOAK_NGINX_PORT", "8215"),
    BENCH_APP_PORT=os.environ.get("SOAK_APP_PORT", "8216"),
    BENCH_PURGE_PORT=os.environ.get("SOAK_PURGE_PORT", "8217"),
    BENCH_WORKERS=os.environ.get("SOAK_WORKERS", "4"),
)
sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # noqa: E402

OUTPUT = Path(os.environ.get("SOAK_OUTPUT", bench.ROOT / "docs" / "reliability.md"))
START_MARK, END_MARK = "<!-- soak:start -->", "<!-- soak:end -->"
BEACON = re.compile(r'data-visits-beacon="([^"]+)"(?: data-visits-page="([^"]+)")?')
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.{run}.{reader} Safari/537.36"
)


def log(message):
    print(f"[soak] {message}", file=sys.stderr, flush=True)


# Preparing -------------------------------------------------------------------------------------


def prepare_content():
    has_home = bench.shell(
        "from home.models import HomePage; print(HomePage.objects.exists())", purge=False
    )
    if has_home != "True":
        log("loading the demo content")
        bench.manage("load_demo_content", "-v0")
    bench.grow_to(ARTICLES)


def reader_urls():
    """Pages a reader opens: sections, listing pages, articles, blocs, search, both languages."""
    return json.loads(
        bench.shell(
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
        bench.shell(
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
    bench.manage("fold_visits", "-v0")
    return json.loads(
        bench.shell(
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
        self.visitors = set()

    def record(self, kind, seconds):
        with self.lock:
            self.counts[kind] += 1
            self.latencies[kind].append(seconds)

    def error(self, kind, message):
        with self.lock:
            self.counts[kind] += 1
            self.errors[f"{kind}: {message}"[:200]] += 1


class Client:
    """One keep-alive connection to nginx, reopened after a failure."""

    def __init__(self, results, user_agent):
        self.results = results
        self.headers = {"Host": bench.HOST, "User-Agent": user_agent}
        self.connection = None

    def request(self, kind, method, path, body=None, headers=None, expect=(200,)):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", bench.NGINX_PORT, timeout=60)
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
            self.results.error(kind, f"{method} {path}: {type(error).__name__} {error}")
            return None
        if response.status not in expect:
            self.results.error(kind, f"{method} {path}: HTTP {response.status}")
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
        stop.wait(rng.uniform(0, 2 * THINK))


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
        stop.wait(rng.uniform(0, 2 * THINK))


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
        [bench.PYTHON, "manage.py", "shell", "--no-imports", "-c", EDITOR_SCRIPT],
        cwd=bench.ROOT,
        env={
            **bench.portal_env(),
            "SOAK_RUN": run_id,
            "SOAK_DURATION": str(DURATION),
            "SOAK_PUBLISH_INTERVAL": str(PUBLISH_INTERVAL),
        },
        stdout=subprocess.PIPE,
        # A file, not a pipe: Wagtail logs every purge of an uncached URL, and a full pipe
        # would block the editor.
        stderr=open(bench.BENCH_DIR / "editor.log", "w"),  # noqa: SIM115
        text=True,
    )
    for line in process.stdout:
        _, url, seconds = line.split()
        published.append(url)
        results.record("publish", float(seconds))
    if process.wait():
        lines = (bench.BENCH_DIR / "editor.log").read_text().strip().splitlines()
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
    while not stop.wait(SAMPLE_EVERY):
        workers = {pid: rss_mb(pid) for pid in worker_pids(master)}
        samples.append((time.monotonic() - started, {p: m for p, m in workers.items() if m}))


# Report ----------------------------------------------------------------------------------------


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else 0


def memory_verdict(samples):
    warm = [s for s in samples if s[0] >= WARM_UP]
    if not warm:
        return 0.0, 0.0, 0.0, []
    at_warm_up = max(warm[0][1].values())
    largest = max(max(s[1].values()) for s in warm)
    growth = largest - at_warm_up
    # The first sample, one a minute, and the last.
    shown = [
        s
        for i, s in enumerate(samples)
        if i in (0, len(samples) - 1) or int(s[0]) % 60 < SAMPLE_EVERY
    ]
    rows = [
        f"| {t:.0f} | {len(workers)} | {min(workers.values()):.1f} | "
        f"{max(workers.values()):.1f} | {sum(workers.values()):.1f} |"
        for t, workers in shown
        if workers
    ]
    return at_warm_up, largest, growth, rows


def report(results, samples, figures_before, figures_after, published, visible):
    views_made = sum(results.beacons.values())
    views_counted = figures_after["views"] - figures_before["views"]
    visitors_counted = figures_after["visitors"] - figures_before["visitors"]
    page_mismatches = [
        page
        for page, count in results.beacons.items()
        if page != "none"
        and figures_after["pages"].get(page, 0) - figures_before["pages"].get(page, 0) != count
    ]
    errors = sum(results.errors.values())
    at_warm_up, largest, growth, memory_rows = memory_verdict(samples)
    exact = (
        views_made == views_counted
        and len(results.visitors) == visitors_counted
        and not page_mismatches
    )
    passed = not errors and exact and growth < MEMORY_BOUND_MB and visible
    lines = [
        START_MARK,
        f"## Soak test: {'PASSED' if passed else 'FAILED'}",
        "",
        *bench.machine_notes()[:1],
        f"- {DURATION} s, {READERS} readers and {API_CONSUMERS} API and feed consumers "
        f"(think time 0-{2 * THINK:g} s), one editor publishing every {PUBLISH_INTERVAL:g} s; "
        f"gunicorn with {bench.WORKERS} sync workers (recycled after 2,000 ± 200 requests) "
        "behind nginx's cache, PostgreSQL, Redis",
        f"- Command: `SOAK_DURATION={DURATION} make soak`",
        "",
        "| requests | count | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|",
    ]
    for kind in ("page", "beacon", "api", "publish"):
        values = results.latencies[kind]
        lines.append(
            f"| {kind} | {results.counts[kind]:,} | {percentile(values, 0.5):.1f} | "
            f"{percentile(values, 0.95):.1f} | {percentile(values, 0.99):.1f} | "
            f"{max(values, default=0) * 1000:.1f} |"
        )
    lines += ["", f"**Errors: {errors}**"]
    lines += [f"- {count} x {message}" for message, count in results.errors.most_common(10)]
    lines += [
        "",
        "### Visitor figures (after `fold_visits`)",
        "",
        "| | made by the readers | counted by visits/ |",
        "|---|---|---|",
        f"| page views (beacons answered 200) | {views_made:,} | {views_counted:,} |",
        f"| visitors (distinct User-Agents, one address) | {len(results.visitors)} | "
        f"{visitors_counted} |",
        f"| pages whose own count differs | 0 expected | {len(page_mismatches)} |",
        "",
        f"Exact: **{'yes' if exact else 'NO'}**.",
        "",
        "### Memory of the gunicorn workers (RSS, MB)",
        "",
        f"Bound: after the {WARM_UP} s warm-up the largest worker grows by less than "
        f"{MEMORY_BOUND_MB:g} MB. Largest at the warm-up {at_warm_up:.1f} MB, largest after "
        f"{largest:.1f} MB: growth **{growth:.1f} MB** "
        f"({'within' if growth < MEMORY_BOUND_MB else 'OVER'} the bound).",
        "",
        "| second | workers | smallest | largest | all workers |",
        "|---|---|---|---|---|",
        *memory_rows,
        "",
        f"### Publishing during the load: {len(published)} articles published",
        "",
        f"The last one ({published[-1] if published else '-'}) answered through nginx's cache "
        f"after the run: **{'yes' if visible else 'NO'}**.",
        END_MARK,
    ]
    return passed, "\n".join(lines)


def write_section(section):
    text = OUTPUT.read_text() if OUTPUT.exists() else f"# Reliability\n\n{START_MARK}\n{END_MARK}\n"
    before, rest = text.split(START_MARK, 1)
    after = rest.split(END_MARK, 1)[1]
    OUTPUT.write_text(before + section + after)


def main():
    bench.ensure_packages()
    bench.ensure_services()
    bench.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    (bench.BENCH_DIR / "static").mkdir(exist_ok=True)
    bench.ensure_database()
    prepare_content()
    pages, apis = reader_urls(), api_urls()
    figures_before = visit_figures()
    run_id = str(uuid.uuid4().int % 100_000)
    results, samples, published = Results(), [], []
    processes = bench.Processes()
    try:
        processes.gunicorn()
        processes.nginx()
        master = processes.started[0].pid
        stop = threading.Event()
        started = time.monotonic()
        log(f"{READERS} readers, {API_CONSUMERS} consumers, an editor for {DURATION} s")
        threads = [
            threading.Thread(target=reader, args=(n, run_id, pages, results, stop))
            for n in range(READERS)
        ]
        threads += [
            threading.Thread(target=consumer, args=(n, apis, results, stop))
            for n in range(API_CONSUMERS)
        ]
        threads.append(
            threading.Thread(target=sample_memory, args=(master, samples, stop, started))
        )
        editor_thread = threading.Thread(target=editor, args=(run_id, results, published))
        for thread in [*threads, editor_thread]:
            thread.start()
        time.sleep(DURATION)
        stop.set()
        for thread in threads:
            thread.join()
        editor_thread.join()
        log(f"{sum(results.counts.values()):,} requests, {sum(results.errors.values())} errors")
        visible = (
            bool(published)
            and bench.fetch(f"http://127.0.0.1:{bench.NGINX_PORT}{published[-1]}")[0] == 200
        )
        figures_after = visit_figures()
    finally:
        processes.stop()
    passed, section = report(results, samples, figures_before, figures_after, published, visible)
    write_section(section)
    print(section)
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
