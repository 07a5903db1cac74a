"""Our origin against stock Wagtail's (wagtail/bakerydemo) on the same stack, interleaved.

    BAKERYDEMO_DIR=/path/to/bakerydemo .venv/bin/python bench/compare.py

Both sites run this Python with the same Django, Wagtail and shared libraries (bench/bakery.py),
on PostgreSQL; ours with its production settings and Redis, bakerydemo with its production
settings (local-memory cache). Each round measures one site, then the other (A/B, then B/A),
COMPARE_ROUNDS times (4; at least 3):

1. CPU time per request in-process (bench/cpu_probe.py, Django's test client): *cold* with
   Django's caches emptied before each request, *warm* with them filled; SQL queries counted;
2. requests per second of the warm origin with wrk, straight to each site's gunicorn.

Figures are medians of the rounds' medians; the load average is read around each round.
`make bench` runs it against the largest size's database (bench/run.py); alone, it uses
COMPARE_DATABASE_URL (default the bench's perf_bench_100000). COMPARE_ITERATIONS (20)
requests per URL and mode, COMPARE_DURATION (5) seconds of wrk per URL.
"""

import json
import os
import statistics
import subprocess
import sys

import stack
from bakery import BAKERY_PORT, Bakery
from measuring import WRK_P95_SCRIPT, wrk
from stack import APP_PORT, BENCH_DIR, HOST, ORIGIN_CONNECTIONS, PYTHON, ROOT, log

ROUNDS = max(3, int(os.environ.get("COMPARE_ROUNDS", "4")))
ITERATIONS = int(os.environ.get("COMPARE_ITERATIONS", "20"))
DURATION = int(os.environ.get("COMPARE_DURATION", "5"))
PROBE = str(ROOT / "bench" / "cpu_probe.py")
API_LIMIT = 20

# Our page, bakerydemo's page it is compared with, whether per item (API listings), and
# the ceiling for our cold CPU time as a multiple of theirs.
PAIRS = [
    ("article", "post", False, 0.5),
    ("event report", "post", False, 0.5),
    ("news listing", "index", False, 0.4),
    ("home", "home", False, 0.4),
    ("API listing, fields=*", "api", True, 0.5),
]
# Warm, our pages at most this multiple of bakerydemo's cold blog post.
WARM_CEILING = 0.1
WARM_ROWS = ["article", "event report", "news listing", "home"]
QUERY_CEILINGS = {"article": 12, "event report": 15}
MODES = ("cold", "warm")


def our_urls(values):
    return {
        "article": ("article", values["article_url"]),
        "event report": ("event report", values["event_report_url"]),
        "news listing": ("news listing", "/tin-tuc-su-kien/"),
        "home": ("home", "/"),
        "API listing, fields=*": (
            "API listing, fields=*",
            f"/api/v2/pages/?type=articles.NewsArticlePage&fields=*&limit={API_LIMIT}",
        ),
    }


def probe(python, cwd, env, urls, mode):
    """bench/cpu_probe.py's figures for `urls` ({role: (name, path)}), by role."""
    paths = [[role, path] for role, (_name, path) in urls.items()]
    output = subprocess.run(
        [python, PROBE, "--mode", mode, "--iterations", str(ITERATIONS), "--host", HOST],
        input=json.dumps(paths),
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=True,
    ).stdout
    return json.loads(output)


class Site:
    """One side of the comparison: how to run its probe and where its gunicorn listens."""

    def __init__(self, label, python, cwd, env, port, urls):
        self.label, self.python, self.cwd, self.env = label, python, cwd, env
        self.port, self.urls = port, urls
        self.rounds = []

    def measure_round(self):
        figures = {mode: probe(self.python, self.cwd, self.env, self.urls, mode) for mode in MODES}
        figures["rps"] = {}
        for role, (_name, path) in self.urls.items():
            figures["rps"][role] = wrk(
                f"http://127.0.0.1:{self.port}{path}", ORIGIN_CONNECTIONS, duration=DURATION
            )["rps"]
        self.rounds.append(figures)
        log(f"{self.label}: round {len(self.rounds)} measured")

    def cpu(self, role, mode):
        """The median over rounds of each round's median CPU ms."""
        return statistics.median(statistics.median(r[mode][role]["cpu"]) for r in self.rounds)

    def queries(self, role, mode):
        return self.rounds[-1][mode][role]["queries"]

    def items(self, role):
        return self.rounds[-1]["warm"][role].get("items") or 1

    def rps(self, role):
        return statistics.median(r["rps"][role] for r in self.rounds)

    def status(self, role):
        return self.rounds[-1]["warm"][role]["status"]


def compare(values):
    """Interleaved rounds of both sites; the report's lines (or why it was skipped)."""
    bakery = Bakery()
    reason = bakery.prepare()
    if reason:
        log(f"bakerydemo skipped: {reason}")
        return [f"Not measured: {reason}.", ""]
    ours = Site(
        "ours",
        PYTHON,
        ROOT,
        {**stack.portal_env(purge=False), "PYTHONPATH": str(ROOT / "site")},
        APP_PORT,
        our_urls(values),
    )
    theirs = Site(
        "bakerydemo", bakery.python(), bakery.folder, bakery.env(), BAKERY_PORT, bakery.urls()
    )
    processes = stack.Processes()
    loads = []
    try:
        processes.gunicorn()
        bakery.start()
        for number in range(ROUNDS):
            loads.append(os.getloadavg()[0])
            for site in (ours, theirs) if number % 2 == 0 else (theirs, ours):
                site.measure_round()
        loads.append(os.getloadavg()[0])
    finally:
        bakery.stop()
        processes.stop()
    (BENCH_DIR / "compare.json").write_text(
        json.dumps({"ours": ours.rounds, "bakerydemo": theirs.rounds})
    )
    return report(ours, theirs, bakery.commit, loads)


def report(ours, theirs, commit, loads):
    versions = subprocess.run(
        [PYTHON, "-c", VERSIONS_CODE], capture_output=True, text=True, check=True
    ).stdout.strip()
    lines = [
        f"bakerydemo {commit[:12]} on our stack ({versions}), PostgreSQL, production settings "
        f"of each (ours with Redis, bakerydemo with its local-memory cache); {ROUNDS} rounds "
        f"interleaved (ours then bakerydemo, then the other way round), {ITERATIONS} requests "
        "per URL and mode in each, CPU time of the serving process (bench/cpu_probe.py), "
        f"wrk {DURATION} s per URL with {ORIGIN_CONNECTIONS} connections straight to gunicorn "
        f"(Django's caches warm). Load average (1 min) around the rounds: "
        f"{', '.join(f'{load:.1f}' for load in loads)}.",
        "",
        "*Cold*: Django's caches emptied before each request, nothing in front. *Warm*: Django's "
        "caches filled, nginx bypassed. API listings per item. Ratios: ours over bakerydemo's "
        "cold figure (the issue's ceiling in brackets).",
        "",
        "| ours | bakerydemo | cold CPU ms ours / theirs | cold ratio | warm CPU ms | "
        "warm vs their cold post | queries cold ours / theirs | warm req/s ours / theirs |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    post_cold = theirs.cpu("post", "cold")
    for role, their_role, per_item, ceiling in PAIRS:
        name, path = ours.urls[role]
        their_name, their_path = theirs.urls[their_role]
        if ours.status(role) != 200 or theirs.status(their_role) != 200:
            lines.append(
                f"| {name} `{path}` | {their_name} `{their_path}` | answers "
                f"{ours.status(role)} / {theirs.status(their_role)}: not compared | | | | | |"
            )
            continue
        mine_items = ours.items(role) if per_item else 1
        their_items = theirs.items(their_role) if per_item else 1
        mine = ours.cpu(role, "cold") / mine_items
        stock = theirs.cpu(their_role, "cold") / their_items
        warm = ours.cpu(role, "warm") / mine_items
        warm_ratio = (
            f"{warm / post_cold:.2f}x ({WARM_CEILING}x)"
            if role in WARM_ROWS
            else f"{warm / stock:.2f}x"
        )
        query_ceiling = f" (≤{QUERY_CEILINGS[role]})" if role in QUERY_CEILINGS else ""
        unit = " per item" if per_item else ""
        lines.append(
            f"| {name} `{path}` | {their_name} `{their_path}` | {mine:.1f} / {stock:.1f}{unit} "
            f"| **{mine / stock:.2f}x** ({ceiling}x) | {warm:.1f}{unit} | {warm_ratio} | "
            f"{ours.queries(role, 'cold')}{query_ceiling} / {theirs.queries(their_role, 'cold')} "
            f"| {ours.rps(role):,.1f} / {theirs.rps(their_role):,.1f} |"
        )
    return [*lines, ""]


VERSIONS_CODE = (
    "import sys, django, wagtail; "
    "print(f'CPython {sys.version.split()[0]}, Django {django.__version__}, "
    "Wagtail {wagtail.__version__}')"
)


def main():
    stack.DATABASE_URL = os.environ.get(
        "COMPARE_DATABASE_URL", f"{stack.DATABASE_BASE_URL}_{max(stack.SIZES)}"
    )
    stack.ensure_packages()
    stack.ensure_services()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    (BENCH_DIR / "static").mkdir(exist_ok=True)
    (BENCH_DIR / "p95.lua").write_text(WRK_P95_SCRIPT)
    print("\n".join(compare(stack.sample_urls())))


if __name__ == "__main__":
    sys.exit(main())
