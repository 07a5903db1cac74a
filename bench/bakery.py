"""The stock Wagtail equivalent, side by side: wagtail/bakerydemo with its own venv,
database and gunicorn, measured uncached (see bench/run.py, step 4).
"""

import io
import os
import shutil
import signal
import subprocess
import tarfile
from pathlib import Path

from measuring import wrk
from stack import (
    BENCH_DIR,
    HOST,
    ORIGIN_CONNECTIONS,
    WORKERS,
    create_database,
    fetch,
    log,
    run,
    wait_for,
)

# A git directory or work tree of wagtail/bakerydemo; unset: the comparison is skipped.
BAKERYDEMO_DIR = Path(os.environ["BAKERYDEMO_DIR"]) if os.environ.get("BAKERYDEMO_DIR") else None
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
        if BAKERYDEMO_DIR is None:
            return "BAKERYDEMO_DIR is not set (a checkout or git directory of wagtail/bakerydemo)"
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
