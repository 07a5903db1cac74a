"""The benchmark's stack on loopback: its settings (environment, read when this module is
imported: see bench/run.py), the machine's packages and services, the portal's database and
load data, gunicorn and nginx.

Shared by bench/run.py (`make bench`), bench/soak.py (`make soak`) and bench/request_cpu.py.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
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
DATABASE_URL = DATABASE_BASE_URL  # bench/run.py points it at each size's database in turn
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")
BENCH_DIR = Path(os.environ.get("BENCH_DIR", "/var/tmp/portal-bench"))
NGINX_PORT = int(os.environ.get("BENCH_NGINX_PORT", "8107"))
APP_PORT = int(os.environ.get("BENCH_APP_PORT", "8108"))
PURGE_PORT = int(os.environ.get("BENCH_PURGE_PORT", "8109"))
OUTPUT = Path(os.environ.get("BENCH_OUTPUT", ROOT / "docs" / "performance.md"))
# Settings a run adds to the portal's (the scale-out soak: replicas, object storage).
EXTRA_ENV = {}
# The demo site's host name: purges name it, so cached requests must carry it too.
HOST = "localhost"

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
        **EXTRA_ENV,
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


def vietnamese_count(model):
    """How many Vietnamese pages of `model` ("articles.NewsArticlePage") the database holds."""
    app, name = model.split(".")
    return int(
        shell(
            f"from {app}.models import {name}; "
            f"print({name}.objects.filter(locale__language_code='vi').count())"
        )
    )


def grow_to(size):
    """Add articles and legal documents (Văn bản) until there are `size` of each."""
    missing = {
        "--articles": size - vietnamese_count("articles.NewsArticlePage"),
        "--legal-documents": size - vietnamese_count("legal_documents.LegalDocumentPage"),
    }
    if size == 0 or max(missing.values()) <= 0:
        log(f"{size:,} articles and legal documents already there")
        return 0.0
    arguments = [str(part) for option, n in missing.items() if n > 0 for part in (option, n)]
    log("adding " + " ".join(arguments))
    started = time.monotonic()
    manage("generate_load_content", *arguments)
    return time.monotonic() - started


# Values for the placeholders of bench/urls.txt (an article, a document in the middle of the
# list), as code run in the portal's shell (and in bench/request_cpu.py's process).
SAMPLE_URLS_CODE = """
from articles.models import EventReportPage, NewsArticlePage
from blocs.models import BlocPage
from legal_documents.models import LegalDocumentPage
news = NewsArticlePage.objects.live().exact_type(NewsArticlePage).order_by('pk')
reports = EventReportPage.objects.live().order_by('pk')
legal = LegalDocumentPage.objects.live().filter(is_draft=False, locale__language_code='vi')
legal = legal.order_by('pk')[legal.count() // 2 :].first()
values = {
    'article_url': news[news.count() // 2].url,
    'event_report_url': reports[reports.count() // 2].url,
    'bloc_id': BlocPage.objects.live().order_by('pk').first().pk,
    'legal_document_url': legal.url if legal else '/van-ban/',
    'legal_type': legal.document_type.slug if legal else 'quyet-dinh',
    'legal_year': legal.issue_date.year if legal else 2024,
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

    def gunicorn(self, port=APP_PORT, name="gunicorn"):
        """An application node on `port`, with a media folder of its own: its process."""
        manage("collectstatic", "--noinput", "-v0")
        log(f"gunicorn with {WORKERS} workers on 127.0.0.1:{port}")
        process = subprocess.Popen(
            [GUNICORN, "-c", "site/portal/gunicorn.conf.py", "--access-logfile", "/dev/null"],
            cwd=ROOT,
            env={
                **portal_env(),
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "DJANGO_MEDIA_ROOT": str(BENCH_DIR / ("media" if port == APP_PORT else name)),
            },
            stdout=open(BENCH_DIR / f"{name}.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.started.append(process)
        wait_for(f"http://127.0.0.1:{port}/")
        return process

    def nginx(self, app_ports=(APP_PORT,)):
        config = write_nginx_config(list(app_ports))
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


def write_nginx_config(app_ports=(APP_PORT,)):
    """deploy/nginx/portal.conf with this run's ports and folders, in a config of its own."""
    config = nginx_config(BENCH_DIR, app_ports, NGINX_PORT, PURGE_PORT, CACHE_BYPASS_SECRET)
    # The yardstick: a static file of about the size of a page's HTML.
    (BENCH_DIR / "static" / "bench.txt").write_text("Cổng thông tin điện tử\n" * 1500)
    return config


def upstream_servers(app_port):
    """The upstream's `server` lines: one per application node's port."""
    ports = app_port if isinstance(app_port, list | tuple) else [app_port]
    return "\n    ".join(f"server 127.0.0.1:{port};" for port in ports)


def nginx_config(folder, app_port, nginx_port, purge_port, secret):
    """deploy/nginx/portal.conf in front of gunicorn on `app_port` (a port, or several: one
    upstream server per application node), listening on loopback on
    `nginx_port` (and for purges on `purge_port`), with its cache, logs, static and media
    files under `folder`, in a config of its own (`nginx -c`): its path. Also used by the
    tests that run the real nginx (tests/servers.py)."""
    folder = Path(folder)
    for name in ("cache", "tmp", "logs", "static", "media"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    shutil.rmtree(folder / "cache")  # every run starts with an empty cache
    (folder / "cache").mkdir()
    deploy = ROOT / "deploy" / "nginx"
    site = (deploy / "portal.conf").read_text()
    replacements = {
        "server 127.0.0.1:8000;": upstream_servers(app_port),
        "    listen 80;\n    listen [::]:80;\n": f"    listen 127.0.0.1:{nginx_port};\n",
        "/srv/portal/staticfiles/": f"{folder}/static/",
        "/srv/portal/media/": f"{folder}/media/",
        "/var/cache/nginx/portal": f"{folder}/cache",
        "listen 127.0.0.1:8081;": f"listen 127.0.0.1:{purge_port};",
        "/etc/nginx/portal_proxy.conf": str(deploy / "portal_proxy.conf"),
        "/etc/nginx/portal_secret.conf": str(folder / "portal_secret.conf"),
    }
    for old, new in replacements.items():
        assert old in site, f"deploy/nginx/portal.conf no longer has {old!r}"
        site = site.replace(old, new)
    (folder / "portal.conf").write_text(site)
    bypass = f'map $host $portal_cache_bypass_secret {{ default "{secret}"; }}\n'
    (folder / "portal_secret.conf").write_text(bypass)
    modules = [f"load_module {PURGE_MODULE};"]
    extra = ""
    if BROTLI_MODULE.exists():
        modules.append(f"load_module {BROTLI_MODULE};")
        extra = f"include {deploy / 'brotli.conf'};"
    temp = folder / "tmp"
    config = folder / "nginx.conf"
    config.write_text(
        "\n".join(modules)
        + f"""
worker_processes auto;
pid {folder}/nginx.pid;
error_log {folder}/logs/error.log warn;
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
    include {folder}/portal.conf;
}}
"""
    )
    return config


def fetch(url, method="GET"):
    request = urllib.request.Request(url, method=method, headers={"Host": HOST})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
