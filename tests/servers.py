"""Real servers on loopback for the scale-out tests: a PostgreSQL primary with streaming
replicas (Debian's PostgreSQL binaries, clusters of their own in a temporary folder), nginx
with deploy/nginx/ and Varnish with deploy/varnish/ in front, and the portal under gunicorn
(the S3-compatible object store is in tests/object_store.py).
Started by the tests' fixtures, stopped after.

Where a server cannot run here (no PostgreSQL binaries, no Redis, no nginx or Varnish),
`unavailable()` and `caches_unavailable()` say why, and the tests that need it are skipped
with that message. `.ci/install-server-deps` installs what is missing on CI.
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import stack  # noqa: E402  (bench/stack.py: nginx's configuration for loopback)

REDIS = ("127.0.0.1", 6379)
# The secret nginx checks the signed-in editors' cookie with (CACHE_BYPASS_SECRET).
BYPASS_SECRET = "test-only"
# initdb and postgres refuse to run as root: as root, the clusters run as this user.
POSTGRES_USER = "postgres"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bindir():
    """The newest Debian PostgreSQL's binaries, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: p.split("/")[4])
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def unavailable():
    """Why the scale-out servers cannot run on this machine, or None."""
    if postgres_bindir() is None:
        return "PostgreSQL's server binaries (initdb, pg_basebackup) are not installed"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser to start PostgreSQL as its own user"
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        return "Redis is not running on 127.0.0.1:6379"
    return None


def as_postgres(command):
    return ["runuser", "-u", POSTGRES_USER, "--", *command] if os.geteuid() == 0 else command


class PostgresCluster:
    """A PostgreSQL cluster of its own on a free port: a primary (`initdb`) or a streaming
    replica of one (`pg_basebackup -R`)."""

    def __init__(self, folder, name):
        self.bindir = postgres_bindir()
        self.data = Path(folder) / name
        self.port = free_port()
        self.log = Path(folder) / f"{name}.log"

    def run(self, tool, *arguments):
        subprocess.run(
            as_postgres([str(self.bindir / tool), *arguments]),
            check=True,
            capture_output=True,
            cwd="/",
        )

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def init_primary(self):
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": f"'{self.data}'",
            "wal_level": "replica",
            "max_wal_senders": "8",
            "fsync": "off",
            "full_page_writes": "off",
            "synchronous_commit": "off",
        }
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        with open(self.data / "pg_hba.conf", "a") as hba:
            hba.write("host replication all 127.0.0.1/32 trust\n")
        return self

    def init_replica(self, primary):
        self.run(
            "pg_basebackup",
            *("-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"),
            *("-D", str(self.data), "-R", "-X", "stream", "-c", "fast"),
        )
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(f"unix_socket_directories = '{self.data}'\nhot_standby = on\n")
        return self

    def start(self):
        self.run(
            "pg_ctl",
            *("-D", str(self.data), "-l", str(self.log), "-o", f"-p {self.port}", "-w", "start"),
        )
        return self

    def stop(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def sql(self, statement, database="postgres"):
        """The first column of each row `statement` returns, as text."""
        output = subprocess.run(
            [
                str(self.bindir / "psql"),
                self.url(database),
                *("-X", "-v", "ON_ERROR_STOP=1", "-tA", "-c", statement),
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return output.splitlines()


def temporary_folder(prefix):
    """A folder the clusters' user may write to, and the other servers' users (nginx's
    workers) may enter."""
    folder = tempfile.mkdtemp(prefix=prefix)
    open_to_servers(folder)
    return folder


def open_to_servers(folder):
    """Let the clusters' user write in `folder`, and the other servers' users enter it."""
    os.chmod(folder, 0o755)
    if os.geteuid() == 0:
        shutil.chown(folder, POSTGRES_USER)


class Portal:
    """The portal under gunicorn (one sync worker) on a free port, with `environment` over
    the test settings' own."""

    def __init__(self, environment):
        self.port = free_port()
        self.environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}",
            **environment,
        }
        self.environment.pop("PYTEST_XDIST_WORKER", None)
        self.process = None

    def manage(self, *arguments, check=True):
        """The command's output; with `check=False`, its exit status and output."""
        result = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *arguments],
            check=check,
            capture_output=True,
            text=True,
            env=self.environment,
            cwd=ROOT,
        )
        return result.stdout if check else (result.returncode, result.stdout + result.stderr)

    def start(self):
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                *("--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--timeout", "60"),
                "portal.wsgi:application",
            ],
            env=self.environment,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url("/robots.txt"), timeout=10).close()
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the portal did not start under gunicorn within 60 s")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"


def site_seed(title, slug):
    """`manage.py shell` code that makes a published home page the site's root, with one
    published content page under it titled `title` at /`slug`/."""
    return f"""
from wagtail.models import Page, Site
from home.models import HomePage
from home.pages import ContentPage
home = Page.get_first_root_node().add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
home.save_revision().publish()
Site.objects.update(root_page=home)
page = home.add_child(instance=ContentPage(title={title!r}, slug={slug!r}, body="<p>x</p>"))
page.save_revision().publish()
"""


def signed_in(portal, username, password):
    """A session signed in through the admin's sign-in form, as in a browser."""
    session = requests.Session()
    form = session.get(portal.url("/admin/login/"), timeout=30)
    assert form.status_code == 200
    answer = session.post(
        portal.url("/admin/login/"),
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        timeout=30,
    )
    assert answer.status_code == 200 and "sessionid" in session.cookies
    return session


def caches_unavailable():
    """Why nginx (with its purge module) or Varnish cannot run here, or None."""
    if shutil.which("nginx") is None or not stack.PURGE_MODULE.exists():
        return "nginx with libnginx-mod-http-cache-purge is not installed"
    if shutil.which("varnishd") is None:
        return "Varnish (varnishd) is not installed"
    return None


class Nginx:
    """nginx with deploy/nginx/portal.conf in front of `app_port` (or several: one upstream
    server each), purged on `purge_port`."""

    def __init__(self, folder, app_port):
        self.port, self.purge_port = free_port(), free_port()
        self.config = stack.nginx_config(
            Path(folder) / "nginx", app_port, self.port, self.purge_port, BYPASS_SECRET
        )
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["nginx", "-c", str(self.config), "-g", "daemon off;"], stderr=subprocess.DEVNULL
        )
        wait_until_listening(self.port)
        return self

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class Varnish:
    """varnishd with deploy/varnish/portal.vcl in front of `app_port` (it takes its purges
    on its own port, from the loopback)."""

    def __init__(self, folder, app_port):
        self.port = free_port()
        self.folder = Path(folder) / "varnish"
        self.folder.mkdir(parents=True, exist_ok=True)
        vcl = (ROOT / "deploy" / "varnish" / "portal.vcl").read_text()
        assert '.port = "8000";' in vcl, "deploy/varnish/portal.vcl no longer has its backend"
        self.vcl = self.folder / "portal.vcl"
        self.vcl.write_text(vcl.replace('.port = "8000";', f'.port = "{app_port}";'))
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "varnishd",
                *("-F", "-j", "none", "-a", f"127.0.0.1:{self.port}", "-f", str(self.vcl)),
                *("-n", str(self.folder / "work"), "-s", "malloc,32m"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until_listening(self.port)
        return self

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def wait_until_listening(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")
