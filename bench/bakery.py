"""The stock Wagtail equivalent on our own stack: wagtail/bakerydemo with a venv of its own
on this Python, with the Django, Wagtail and other shared libraries of our lock file (its
requirements relaxed: its README asks for Python 3.10+), its own database and gunicorn (see
bench/compare.py).
"""

import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
from pathlib import Path

from stack import (
    BENCH_DIR,
    HOST,
    PYTHON,
    WORKERS,
    create_database,
    log,
    run,
    wait_for,
)

# A git directory or work tree of wagtail/bakerydemo; unset: the comparison is skipped.
BAKERYDEMO_DIR = Path(os.environ["BAKERYDEMO_DIR"]) if os.environ.get("BAKERYDEMO_DIR") else None
BAKERY_DATABASE_URL = os.environ.get(
    "BENCH_BAKERY_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/perf_bench_bakerydemo"
)
BAKERY_PORT = int(os.environ.get("BENCH_BAKERY_PORT", "8110"))
# What bakerydemo needs besides requirements/base.txt to run like our production stack.
BAKERY_EXTRA_PACKAGES = ["gunicorn", "psycopg[binary]", "whitenoise"]
# Its requirements that our lock file decides instead (same versions on both sides).
OURS = {"django", "wagtail"}


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

    def python(self):
        return str(self.folder / ".venv" / "bin" / "python")

    def manage(self, *args, capture=False):
        return run(
            [self.python(), "manage.py", *args],
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
        work_tree = (BAKERYDEMO_DIR / "manage.py").exists()
        git = (
            ["git", "-C", str(BAKERYDEMO_DIR)]
            if work_tree
            else ["git", "--git-dir", str(BAKERYDEMO_DIR)]
        )
        commit = run([*git, "rev-parse", "HEAD"], capture_output=True).stdout.strip()
        self.pins = our_versions()
        stack_id = hashlib.sha256(self.pins.encode()).hexdigest()[:8]
        self.folder = BENCH_DIR / "bakerydemo" / f"{commit[:12]}-{stack_id}"
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
        log("installing bakerydemo's requirements on our stack")
        venv = self.folder / ".venv"
        run([sys._base_executable, "-m", "venv", str(venv)])
        (self.folder / "constraints.txt").write_text(self.pins)
        relaxed = [
            line
            for line in (self.folder / "requirements" / "base.txt").read_text().splitlines()
            if requirement_name(line) not in OURS
        ]
        (self.folder / "requirements-on-our-stack.txt").write_text(
            "\n".join([*relaxed, *sorted(OURS), *BAKERY_EXTRA_PACKAGES]) + "\n"
        )
        pip = [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check"]
        run(
            [*pip, "-r", "requirements-on-our-stack.txt", "-c", "constraints.txt"],
            cwd=self.folder,
        )
        (self.folder / ".installed").touch()

    def urls(self):
        """bakerydemo's pages compared with ours, by role (see bench/compare.py)."""
        code = (
            "from bakerydemo.blog.models import BlogIndexPage, BlogPage\n"
            "print(BlogPage.objects.live().order_by('pk').first().url, "
            "BlogIndexPage.objects.live().first().url)"
        )
        output = self.manage("shell", "-c", code, capture=True).strip().splitlines()[-1]
        post, index = output.split()
        return {
            "post": ("blog post", post),
            "index": ("blog index", index),
            "home": ("home", "/"),
            "api": ("pages API, fields=*", "/api/v2/pages/?type=blog.BlogPage&fields=*"),
        }

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


def requirement_name(line):
    """The normalised project name of a requirements line ("Django>=6.0" gives "django")."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line)
    return match.group(1).lower().replace("_", "-") if match else None


def our_versions():
    """Our venv's installed versions as pip constraints: bakerydemo gets the same ones."""
    frozen = run([PYTHON, "-m", "pip", "freeze", "--all"], capture_output=True).stdout
    return "".join(line + "\n" for line in frozen.splitlines() if "==" in line)
