"""`make bench`: the production stack on loopback, loaded with wrk; writes docs/performance.md.

For each size in ARTICLES (default "1000 100000"), in a PostgreSQL database of its own that
later runs reuse (`generate_load_content` adds what is missing):

1. gunicorn (BENCH_WORKERS workers, production settings, Redis cache) on BENCH_APP_PORT,
   nginx with deploy/nginx/portal.conf in front on BENCH_NGINX_PORT;
2. wrk on every URL of bench/urls.txt, through nginx's cache (cached) and straight to
   gunicorn (uncached origin), and on a static file served by nginx, the yardstick: each
   figure is also given as a share of the static file's requests per second;
3. a publish checked through the cache: seconds until the cached page shows it.

4. the stock Wagtail equivalent side by side, once per run: wagtail/bakerydemo (from
   BAKERYDEMO_DIR, a git directory or a work tree; skipped, with a line in the report, when
   absent), unpacked to BENCH_DIR/bakerydemo outside this repository with a venv of its own
   from PyPI (BAKERYDEMO_PYTHON, else the first Python 3.12+ found: it needs Django 6), its
   own PostgreSQL database (BENCH_BAKERY_DATABASE_URL) and demo data (`load_initial_data`),
   served by gunicorn with the same number of workers on BENCH_BAKERY_PORT (8110); wrk
   measures its blog page and pages API listing (`fields=*`) uncached, and the report gives
   our article page and API listing as multiples of them. It keeps its default local-memory
   cache.

Run as root on a machine without nginx, wrk, PostgreSQL or Redis, it installs them from
Debian's packages. Settings (environment): ARTICLES, BENCH_DURATION (seconds per run, 10),
BENCH_CONNECTIONS (32), BENCH_ORIGIN_CONNECTIONS (one per worker), BENCH_THREADS (2),
BENCH_WORKERS (4), BENCH_DATABASE_URL
(postgres://postgres@127.0.0.1:5432/perf_bench: suffixed with the size), BENCH_REDIS_URL (redis://127.0.0.1:6379/10),
BENCH_DIR (/var/tmp/portal-bench: media, static files, nginx's cache and logs),
BENCH_NGINX_PORT (8107), BENCH_APP_PORT (8108), BENCH_PURGE_PORT (8109: nginx's purge
endpoint), BENCH_OUTPUT (docs/performance.md), BAKERYDEMO_DIR
(/work/.mirror/wagtail+bakerydemo/repo), BAKERYDEMO_PYTHON, BENCH_BAKERY_DATABASE_URL
(postgres://postgres@127.0.0.1:5432/perf_bench_bakerydemo), BENCH_BAKERY_PORT (8110).
"""

import datetime
import io
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")

SIZES = [int(n) for n in os.environ.get("ARTICLES", "1000 100000").replace(",", " ").split()]
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
# The origin is loaded with one connection per worker: more would measure gunicorn's queue.
ORIGIN_CONNECTIONS = int(os.environ.get("BENCH_ORIGIN_CONNECTIONS", str(WORKERS)))
# One database per size, named after it (perf_bench_1000...): kept between runs.
DATABASE_BASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/perf_bench"
)
DATABASE_URL = DATABASE_BASE_URL
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")
BENCH_DIR = Path(os.environ.get("BENCH_DIR", "/var/tmp/portal-bench"))
NGINX_PORT = int(os.environ.get("BENCH_NGINX_PORT", "8107"))
APP_PORT = int(os.environ.get("BENCH_APP_PORT", "8108"))
PURGE_PORT = int(os.environ.get("BENCH_PURGE_PORT", "8109"))
OUTPUT = Path(os.environ.get("BENCH_OUTPUT", ROOT / "docs" / "performance.md"))
# The demo site's host name: purges name it, so cached requests must carry it too.
HOST = "localhost"
BAKERYDEMO_DIR = Path(os.environ.get("BAKERYDEMO_DIR", "/work/.mirror/wagtail+bakerydemo/repo"))
# bakerydemo needs Django 6, so Python 3.12 or later: the first of these that runs.
BAKERYDEMO_PYTHONS = (
    [os.environ["BAKERYDEMO_PYTHON"]]
    if os.environ.get("BAKERYDEMO_PYTHON")
    else [
        "python3.13",
        "python3.12",
        *sorted(map(str, Path.home().glob(".pyenv/versions/3.1[2-9]*/bin/python3")), reverse=True),
    ]
)
BAKERY_DATABASE_URL = os.environ.get(
    "BENCH_BAKERY_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/perf_bench_bakerydemo"
)
BAKERY_PORT = int(os.environ.get("BENCH_BAKERY_PORT", "8110"))
# What bakerydemo needs besides requirements/base.txt to run like our production stack.
BAKERY_EXTRA_PACKAGES = ["gunicorn", "psycopg[binary]", "whitenoise"]
# wrk prints p50/p75/p90/p99 only: this script adds p95 (microseconds).
WRK_P95_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("p95: %d\\n", latency:percentile(95)))
end
"""

PACKAGES = {
    "nginx": "nginx",
    "wrk": "wrk",
    "psql": "postgresql",
    "redis-server": "redis-server",
}
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run(command, **kwargs):
    return subprocess.run(command, check=True, text=True, **kwargs)


# Machine set-up ------------------------------------------------------------------------------


def ensure_packages():
    missing = [package for tool, package in PACKAGES.items() if shutil.which(tool) is None]
    if not PURGE_MODULE.exists():
        missing.append("libnginx-mod-http-cache-purge")
    if not BROTLI_MODULE.exists():
        missing.append("libnginx-mod-http-brotli-filter")
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"Missing {', '.join(missing)}: run `make bench` as root to install them.")
    log(f"installing {', '.join(missing)} from Debian")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update", "-qq"], env=env)
    required = [package for package in missing if "brotli" not in package]
    run(["apt-get", "install", "-y", "-qq", *required], env=env)
    if "libnginx-mod-http-brotli-filter" in missing:
        # Optional: older Debian releases do not package it.
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "libnginx-mod-http-brotli-filter"], env=env
        )


def ensure_services():
    """Start PostgreSQL and Redis when they are installed but not running."""
    database = urlsplit(DATABASE_URL)
    if subprocess.run(["pg_isready", "-q", "-h", database.hostname or "127.0.0.1"]).returncode:
        for line in subprocess.run(
            ["pg_lsclusters", "-h"], capture_output=True, text=True
        ).stdout.splitlines():
            version, cluster, *_ = line.split()
            log(f"starting PostgreSQL {version}/{cluster}")
            subprocess.run(["pg_ctlcluster", version, cluster, "start"])
        for _ in range(30):
            if not subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode:
                break
            time.sleep(1)
    redis = urlsplit(REDIS_URL)
    ping = ["redis-cli", "-h", redis.hostname or "127.0.0.1", "-p", str(redis.port or 6379)]
    if subprocess.run([*ping, "ping"], capture_output=True).returncode:
        log("starting Redis")
        run(["redis-server", "--daemonize", "yes", "--port", str(redis.port or 6379)])
        time.sleep(1)


# Shared by the bench's nginx (portal_secret.conf) and Django: editors bypass the cache.
CACHE_BYPASS_SECRET = "bench-only"


# The portal ------------------------------------------------------------------------------------


def portal_env(purge=True):
    """The production settings on loopback; `purge=False` while nginx is not running."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DEMO_APP_ENABLED": "true",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "DJANGO_STATIC_ROOT": str(BENCH_DIR / "static"),
        "DJANGO_MEDIA_ROOT": str(BENCH_DIR / "media"),
        "WAGTAILFRONTENDCACHE_URL": f"http://127.0.0.1:{PURGE_PORT}" if purge else "",
        "WAGTAILADMIN_BASE_URL": f"http://{HOST}",
        "CACHE_BYPASS_SECRET": CACHE_BYPASS_SECRET,
        "DJANGO_LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": str(WORKERS),
        "GUNICORN_BIND": f"127.0.0.1:{APP_PORT}",
        # wrk is one client: the anonymous API rate limit would measure 429 answers.
        "RATE_LIMIT_ENABLED": "false",
    }


def manage(*args, capture=False, purge=False):
    return run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=portal_env(purge),
        capture_output=capture,
    ).stdout


def shell(code, purge=False):
    output = manage("shell", "--no-imports", "-c", code, capture=True, purge=purge)
    return output.strip().splitlines()[-1]


def create_database(url):
    """Create the database of `url` unless it exists; whether it was created."""
    name = urlsplit(url).path.lstrip("/")
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    exists = run(
        ["psql", admin_url, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
    ).stdout.strip()
    if not exists:
        log(f"creating database {name}")
        run(["psql", admin_url, "-qc", f'CREATE DATABASE "{name}"'])
    return not exists


def ensure_database():
    create_database(DATABASE_URL)
    manage("migrate", "--noinput", "-v0")


def article_count():
    return int(
        shell(
            "from articles.models import NewsArticlePage; "
            "print(NewsArticlePage.objects.filter(locale__language_code='vi').count())"
        )
    )


def grow_to(size):
    count = article_count() if size else 0
    if count >= size:
        log(f"{count:,} articles already there")
        return 0.0
    log(f"adding {size - count:,} articles to the {count:,} there")
    started = time.monotonic()
    manage("generate_load_content", "--articles", str(size - count))
    return time.monotonic() - started


# Values for the placeholders of bench/urls.txt (an article in the middle of the list), as
# code run in the portal's shell (and in bench/request_cpu.py's process).
SAMPLE_URLS_CODE = """
from articles.models import EventReportPage, NewsArticlePage
from blocs.models import BlocPage
news = NewsArticlePage.objects.live().exact_type(NewsArticlePage).order_by('pk')
reports = EventReportPage.objects.live().order_by('pk')
values = {
    'article_url': news[news.count() // 2].url,
    'event_report_url': reports[reports.count() // 2].url,
    'bloc_id': BlocPage.objects.live().order_by('pk').first().pk,
}
"""


def sample_urls():
    return json.loads(shell(SAMPLE_URLS_CODE + "import json\nprint(json.dumps(values))"))


def read_urls(values):
    urls = []
    for line in (ROOT / "bench" / "urls.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, path = line.split("\t")
        urls.append((name, path.format(**values)))
    return urls


class Processes:
    """gunicorn and nginx, started for the run and stopped by their process ids."""

    def __init__(self):
        self.started = []

    def gunicorn(self):
        manage("collectstatic", "--noinput", "-v0")
        log(f"gunicorn with {WORKERS} workers on 127.0.0.1:{APP_PORT}")
        process = subprocess.Popen(
            [GUNICORN, "-c", "site/portal/gunicorn.conf.py", "--access-logfile", "/dev/null"],
            cwd=ROOT,
            env=portal_env(),
            stdout=open(BENCH_DIR / "gunicorn.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.started.append(process)
        wait_for(f"http://127.0.0.1:{APP_PORT}/")

    def nginx(self):
        config = write_nginx_config()
        run(["nginx", "-t", "-q", "-c", str(config)])
        log(f"nginx on 127.0.0.1:{NGINX_PORT}")
        process = subprocess.Popen(
            ["nginx", "-c", str(config), "-g", "daemon off;"], start_new_session=True
        )
        self.started.append(process)
        wait_for(f"http://127.0.0.1:{NGINX_PORT}/static/bench.txt")

    def stop(self):
        for process in reversed(self.started):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        self.started = []


def wait_for(url, timeout=120):
    """Wait until `url` answers (the first page view also draws the image renditions)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=60)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def write_nginx_config():
    """deploy/nginx/portal.conf with this run's ports and folders, in a config of its own."""
    for folder in ("cache", "tmp", "logs"):
        (BENCH_DIR / folder).mkdir(parents=True, exist_ok=True)
    shutil.rmtree(BENCH_DIR / "cache")  # every run starts with an empty cache
    (BENCH_DIR / "cache").mkdir()
    deploy = ROOT / "deploy" / "nginx"
    site = (deploy / "portal.conf").read_text()
    replacements = {
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{APP_PORT};",
        "    listen 80;\n    listen [::]:80;\n": f"    listen 127.0.0.1:{NGINX_PORT};\n",
        "/srv/portal/staticfiles/": f"{BENCH_DIR}/static/",
        "/srv/portal/media/": f"{BENCH_DIR}/media/",
        "/var/cache/nginx/portal": f"{BENCH_DIR}/cache",
        "listen 127.0.0.1:8081;": f"listen 127.0.0.1:{PURGE_PORT};",
        "/etc/nginx/portal_proxy.conf": str(deploy / "portal_proxy.conf"),
        "/etc/nginx/portal_secret.conf": str(BENCH_DIR / "portal_secret.conf"),
    }
    for old, new in replacements.items():
        assert old in site, f"deploy/nginx/portal.conf no longer has {old!r}"
        site = site.replace(old, new)
    (BENCH_DIR / "portal.conf").write_text(site)
    secret = f'map $host $portal_cache_bypass_secret {{ default "{CACHE_BYPASS_SECRET}"; }}\n'
    (BENCH_DIR / "portal_secret.conf").write_text(secret)
    # The yardstick: a static file of about the size of a page's HTML.
    (BENCH_DIR / "static" / "bench.txt").write_text("Cổng thông tin điện tử\n" * 1500)
    modules = [f"load_module {PURGE_MODULE};"]
    extra = ""
    if BROTLI_MODULE.exists():
        modules.append(f"load_module {BROTLI_MODULE};")
        extra = f"include {deploy / 'brotli.conf'};"
    temp = BENCH_DIR / "tmp"
    config = BENCH_DIR / "nginx.conf"
    config.write_text(
        "\n".join(modules)
        + f"""
worker_processes auto;
pid {BENCH_DIR}/nginx.pid;
error_log {BENCH_DIR}/logs/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    {extra}
    include {BENCH_DIR}/portal.conf;
}}
"""
    )
    return config


# bakerydemo, the stock Wagtail equivalent ------------------------------------------------------


class Bakery:
    """wagtail/bakerydemo in BENCH_DIR/bakerydemo/<commit>, with its own venv and database."""

    def __init__(self):
        self.folder = None
        self.process = None

    def env(self):
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("REDIS_URL", "REDIS_TLS_URL", "VIRTUAL_ENV", "PYTHONPATH")
        }
        return {
            **env,
            "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
            "DJANGO_SECRET_KEY": "bench-only-" + "y" * 40,
            "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
            "SECURE_SSL_REDIRECT": "False",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": BAKERY_DATABASE_URL,
            "DJANGO_LOG_LEVEL": "WARNING",
        }

    def manage(self, *args, capture=False):
        return run(
            [str(self.folder / ".venv" / "bin" / "python"), "manage.py", *args],
            cwd=self.folder,
            env=self.env(),
            capture_output=capture,
        ).stdout

    def prepare(self):
        """Unpack, install and load bakerydemo; the reason it cannot be, else None."""
        if not BAKERYDEMO_DIR.exists():
            return f"BAKERYDEMO_DIR ({BAKERYDEMO_DIR}) does not exist"
        self.python = next(
            (python for python in BAKERYDEMO_PYTHONS if runs_python_312(python)), None
        )
        if self.python is None:
            return "no Python 3.12 or later (bakerydemo needs Django 6): set BAKERYDEMO_PYTHON"
        work_tree = (BAKERYDEMO_DIR / "manage.py").exists()
        git = (
            ["git", "-C", str(BAKERYDEMO_DIR)]
            if work_tree
            else ["git", "--git-dir", str(BAKERYDEMO_DIR)]
        )
        commit = run([*git, "rev-parse", "HEAD"], capture_output=True).stdout.strip()
        self.folder = BENCH_DIR / "bakerydemo" / commit[:12]
        try:
            if not (self.folder / ".installed").exists():
                self.install(git)
            if create_database(BAKERY_DATABASE_URL):
                self.manage("migrate", "--noinput", "-v0")
                self.manage("load_initial_data")
            self.manage("collectstatic", "--noinput", "-v0")
        except subprocess.CalledProcessError as error:
            return f"setting it up failed: `{' '.join(map(str, error.cmd))}` ({error.returncode})"
        self.commit = commit
        return None

    def install(self, git):
        log(f"unpacking bakerydemo to {self.folder}")
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        archive = subprocess.run([*git, "archive", "HEAD"], check=True, capture_output=True)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(self.folder, filter="data")
        log("installing bakerydemo's requirements from PyPI")
        venv = self.folder / ".venv"
        run([self.python, "-m", "venv", str(venv)])
        pip = [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check"]
        run([*pip, "-r", "requirements/base.txt", *BAKERY_EXTRA_PACKAGES], cwd=self.folder)
        (self.folder / ".installed").touch()

    def urls(self):
        code = (
            "from bakerydemo.blog.models import BlogPage\n"
            "print(BlogPage.objects.live().order_by('pk').first().url)"
        )
        blog = self.manage("shell", "-c", code, capture=True).strip().splitlines()[-1]
        return [
            ("bakerydemo blog page", blog),
            ("bakerydemo pages API, fields=*", "/api/v2/pages/?type=blog.BlogPage&fields=*"),
        ]

    def start(self):
        log(f"bakerydemo: gunicorn with {WORKERS} workers on 127.0.0.1:{BAKERY_PORT}")
        self.process = subprocess.Popen(
            [
                str(self.folder / ".venv" / "bin" / "gunicorn"),
                "bakerydemo.wsgi:application",
                f"--workers={WORKERS}",
                f"--bind=127.0.0.1:{BAKERY_PORT}",
                "--access-logfile=/dev/null",
            ],
            cwd=self.folder,
            env=self.env(),
            stdout=open(BENCH_DIR / "bakerydemo.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for(f"http://127.0.0.1:{BAKERY_PORT}/")

    def stop(self):
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
            self.process = None


def runs_python_312(python):
    check = [python, "-c", "import sys; sys.exit(sys.version_info < (3, 12))"]
    try:
        return subprocess.run(check, capture_output=True).returncode == 0
    except OSError:
        return False


def measure_bakery():
    """{"rows": [...], "commit": ...} of bakerydemo's uncached origin, or {"skipped": why}."""
    bakery = Bakery()
    reason = bakery.prepare()
    if reason:
        log(f"bakerydemo skipped: {reason}")
        return {"skipped": reason}
    rows = []
    try:
        bakery.start()
        for name, path in bakery.urls():
            status, _headers, _body = fetch(f"http://127.0.0.1:{BAKERY_PORT}{path}")
            if status != 200:
                rows.append({"name": name, "path": path, "status": status})
                continue
            figure = wrk(f"http://127.0.0.1:{BAKERY_PORT}{path}", ORIGIN_CONNECTIONS)
            log(f"{name}: origin {figure['rps']:,.1f} req/s")
            rows.append({"name": name, "path": path, "status": status, "uncached": figure})
    finally:
        bakery.stop()
    return {"rows": rows, "commit": bakery.commit}


# Measuring -------------------------------------------------------------------------------------


def fetch(url, method="GET"):
    request = urllib.request.Request(url, method=method, headers={"Host": HOST})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wrk(url, connections=CONNECTIONS, host=HOST):
    """Requests per second, p50, p95 and p99 latency (ms) of `url` under wrk."""
    output = run(
        [
            "wrk",
            f"-t{min(THREADS, connections)}",
            f"-c{connections}",
            f"-d{DURATION}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(BENCH_DIR / "p95.lua"),
            "-H",
            f"Host: {host}",
            url,
        ],
        capture_output=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", output)
    return {
        "rps": rate,
        "p50": latency(output, "50%"),
        "p95": int(re.search(r"^p95: (\d+)$", output, re.M).group(1)) / 1000,
        "p99": latency(output, "99%"),
        "errors": (int(errors.group(1)) if errors else 0)
        + (int(timeouts.group(1)) if timeouts else 0),
    }


def latency(output, percentile):
    match = re.search(rf"^\s+{re.escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    value, unit = float(match.group(1)), match.group(2)
    return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def measure(urls):
    nginx = f"http://127.0.0.1:{NGINX_PORT}"
    origin = f"http://127.0.0.1:{APP_PORT}"
    static = wrk(f"{nginx}/static/bench.txt")
    log(f"static file: {static['rps']:,.0f} req/s")
    rows = []
    for name, path in urls:
        status, _headers, _body = fetch(origin + path)
        if status != 200:
            log(f"{name}: {path} answers {status}, skipped")
            rows.append({"name": name, "path": path, "status": status})
            continue
        fetch(nginx + path)  # fills the cache
        _status, headers, _body = fetch(nginx + path)
        cached = wrk(nginx + path)
        uncached = wrk(origin + path, connections=ORIGIN_CONNECTIONS)
        log(
            f"{name}: cached {cached['rps']:,.0f} req/s ({headers.get('X-Cache-Status')}), "
            f"origin {uncached['rps']:,.0f} req/s"
        )
        rows.append(
            {
                "name": name,
                "path": path,
                "status": status,
                "cache_status": headers.get("X-Cache-Status", ""),
                "cache_control": headers.get("Cache-Control", ""),
                "cached": cached,
                "uncached": uncached,
            }
        )
    return static, rows


def publish_visibility(path):
    """Seconds from a publish to the cached page showing it (purge through nginx)."""
    nginx = f"http://127.0.0.1:{NGINX_PORT}"
    fetch(nginx + path)
    status, headers, _body = fetch(nginx + path)
    marker = f"Đã cập nhật {int(time.time())}"
    published_at = float(
        shell(
            "import time\n"
            "from wagtail.models import Page\n"
            f"page = Page.objects.get(url_path__endswith={path!r}).specific\n"
            f"page.title = page.title.split(' — ')[0] + ' — ' + {marker!r}\n"
            "page.save_revision().publish()\n"
            "print(time.time())",
            purge=True,
        )
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        _status, headers, body = fetch(nginx + path)
        if marker in body.decode():
            return max(time.time() - published_at, 0.0), headers.get("X-Cache-Status", "")
        time.sleep(0.1)
    return None, ""


# Report ----------------------------------------------------------------------------------------


def machine_notes():
    load = os.getloadavg()
    nginx_version = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr
    return [
        f"- Run: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {platform.node()}, "
        f"{os.cpu_count()} CPU cores, load average at the end {load[0]:.1f} / {load[1]:.1f} / "
        f"{load[2]:.1f} (1 / 5 / 15 min)",
        f"- {nginx_version.strip()}, PostgreSQL and Redis from Debian, gunicorn with "
        f"{WORKERS} sync workers; wrk for {DURATION} s per figure with {CONNECTIONS} "
        f"connections through nginx, {ORIGIN_CONNECTIONS} straight to gunicorn",
    ]


def table(size, static, rows, generation_seconds, visibility, bakery):
    def ratio(figure):
        share = 100 * figure["rps"] / static["rps"]
        return f"{share:.1f}%" if share >= 1 else f"{share:.3f}%"

    lines = [
        f"### {size:,} articles",
        "",
        f"Static file through nginx (the yardstick): **{static['rps']:,.0f} req/s**, "
        f"p50 {static['p50']:.1f} ms, p99 {static['p99']:.1f} ms.",
        "",
        "| URL | cached req/s | cached p50 / p99 ms | cached vs static | "
        "origin req/s | origin p50 / p95 / p99 ms | origin vs static |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        label = f"{row['name']} `{row['path']}`"
        if "cached" not in row:
            lines.append(f"| {label} | answers {row['status']}: not measured | | | | | |")
            continue
        cached, uncached = row["cached"], row["uncached"]
        errors = ""
        if cached["errors"] or uncached["errors"]:
            errors = f" ({cached['errors']} / {uncached['errors']} non-2xx or timed out)"
        lines.append(
            f"| {label}{errors} | {cached['rps']:,.0f} | {cached['p50']:.1f} / "
            f"{cached['p99']:.1f} | {ratio(cached)} | {uncached['rps']:,.1f} | "
            f"{uncached['p50']:.1f} / {uncached['p95']:.1f} / {uncached['p99']:.1f} | "
            f"{ratio(uncached)} |"
        )
    lines.append("")
    lines.extend(bakery_multiples(rows, bakery))
    if generation_seconds:
        lines.append(f"Load data generated in this run: {generation_seconds:,.0f} s.")
    seconds, cache_status = visibility
    if seconds is None:
        lines.append("A publish was **not** visible through the cache within 60 s.")
    else:
        lines.append(
            f"A publish was visible through the cache {seconds:.2f} s after it returned "
            f"(cache status of the fresh answer: {cache_status or 'none'})."
        )
    lines.append("")
    return lines


# Our row, bakerydemo's row it is compared with (target: at least 5 times its requests/s).
COMPARED = [
    ("article", "bakerydemo blog page"),
    ("API listing, fields=*", "bakerydemo pages API, fields=*"),
]


def bakery_multiples(rows, bakery):
    measured = {row["name"]: row for row in rows + bakery.get("rows", []) if "uncached" in row}
    lines = []
    for ours, theirs in COMPARED:
        if ours in measured and theirs in measured:
            mine, stock = measured[ours]["uncached"], measured[theirs]["uncached"]
            lines.append(
                f"- Origin, {ours}: **{mine['rps'] / stock['rps']:.1f}x** the requests/s of "
                f"the {theirs} ({mine['rps']:,.1f} vs {stock['rps']:,.1f}); p99 "
                f"{mine['p99']:.0f} vs {stock['p99']:.0f} ms."
            )
    if lines:
        lines.append("")
    return lines


def bakery_section(bakery):
    lines = ["### Stock Wagtail side by side: wagtail/bakerydemo", ""]
    if "skipped" in bakery:
        return [*lines, f"Not measured: {bakery['skipped']}.", ""]
    lines += [
        f"bakerydemo {bakery['commit'][:12]} with its own requirements from PyPI, its "
        "production settings (local-memory cache), PostgreSQL and its demo data "
        f"(`load_initial_data`), gunicorn with {WORKERS} sync workers, wrk straight to "
        f"gunicorn with {ORIGIN_CONNECTIONS} connections, in the same run.",
        "",
        "| URL | origin req/s | origin p50 / p95 / p99 ms |",
        "|---|---:|---:|",
    ]
    for row in bakery["rows"]:
        label = f"{row['name']} `{row['path']}`"
        if "uncached" not in row:
            lines.append(f"| {label} | answers {row['status']}: not measured | |")
            continue
        figure = row["uncached"]
        lines.append(
            f"| {label} | {figure['rps']:,.1f} | {figure['p50']:.1f} / {figure['p95']:.1f} / "
            f"{figure['p99']:.1f} |"
        )
    return [*lines, ""]


def search_section(search_p95):
    """Search p95 at each size, and the largest against the smallest (target: within 2x)."""
    if not search_p95:
        return []
    lines = ["### Search p95 by size (origin)", ""]
    lines += [f"- {size:,} articles: {p95:.1f} ms" for size, p95 in sorted(search_p95.items())]
    if len(search_p95) > 1:
        sizes = sorted(search_p95)
        lines.append(
            f"- {sizes[-1]:,} against {sizes[0]:,}: "
            f"**{search_p95[sizes[-1]] / search_p95[sizes[0]]:.2f}x** (target: at most 2x)"
        )
    return [*lines, ""]


KEPT_HEADING = "## CPU time per uncached request"


def write_report(sections):
    command = f"ARTICLES='{' '.join(map(str, SIZES))}' make bench"
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (bench/run.py); edit the URL list in bench/urls.txt.",
        "",
        "```sh",
        f"sudo {command}   # as root: installs nginx, wrk, PostgreSQL, Redis if missing",
        "ARTICLES=1000 BENCH_DURATION=5 make bench   # a quick run",
        "```",
        "",
        "*Cached*: through nginx with deploy/nginx/portal.conf, the cache filled first. "
        "*Origin*: straight to gunicorn (production settings, PostgreSQL, Redis cache), "
        "nothing cached in front. Ratios are requests per second against nginx serving a "
        "static file of about a page's size in the same run. wrk and the servers share the "
        "machine: the figures are comparable within a run, not across machines.",
        "",
        *machine_notes(),
        "",
    ]
    for section in sections:
        lines.extend(section)
    # Hand-written sections (bench/request_cpu.py's figures) follow the tables, kept as is.
    previous = OUTPUT.read_text() if OUTPUT.exists() else ""
    if KEPT_HEADING in previous:
        lines.append(previous[previous.index(KEPT_HEADING) :].rstrip("\n") + "\n")
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text("\n".join(lines))
    log(f"wrote {OUTPUT}")


def main():
    global DATABASE_URL
    ensure_packages()
    ensure_services()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    (BENCH_DIR / "static").mkdir(exist_ok=True)
    (BENCH_DIR / "p95.lua").write_text(WRK_P95_SCRIPT)
    bakery = measure_bakery()
    sections = []
    search_p95 = {}
    for size in sorted(SIZES):
        DATABASE_URL = f"{DATABASE_BASE_URL}_{size}"
        ensure_database()
        generation_seconds = grow_to(size)
        values = sample_urls()
        processes = Processes()
        try:
            processes.gunicorn()
            processes.nginx()
            static, rows = measure(read_urls(values))
            visibility = publish_visibility(values["article_url"])
        finally:
            processes.stop()
        sections.append(table(size, static, rows, generation_seconds, visibility, bakery))
        for row in rows:
            if row["name"] == "search" and "uncached" in row:
                search_p95[size] = row["uncached"]["p95"]
    sections.append(search_section(search_p95))
    sections.append(bakery_section(bakery))
    write_report(sections)


if __name__ == "__main__":
    main()
