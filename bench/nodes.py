"""Origin throughput with one and with two application nodes behind nginx (`make bench`, and
on its own: `python bench/nodes.py`), on the largest bench database.

Every request is a new URL (a listing page or a search, each with its own `n`), so nginx's
cache and Django's whole-answer cache miss and every request is rendered by a node, as after
a publish or for a new search. One node is gunicorn with BENCH_WORKERS workers on
BENCH_APP_PORT; two nodes add a second such gunicorn (its own media folder) on
BENCH_SECOND_APP_PORT (8111), both in nginx's upstream. The two set-ups alternate for
NODES_ROUNDS rounds (3), each after 5 s not counted; reported per set-up: the median round's
requests per second and latency, and the CPU time the nodes' processes used per request
(from /proc).
"""

import os
from pathlib import Path

import stack
from measuring import UNIQUE_SCRIPT, WRK_P95_SCRIPT, wrk
from stack import BENCH_DIR, NGINX_PORT, WORKERS, log

SECOND_APP_PORT = int(os.environ.get("BENCH_SECOND_APP_PORT", "8111"))
ROUNDS = int(os.environ.get("NODES_ROUNDS", "3"))
TICKS = os.sysconf("SC_CLK_TCK")
PATHS = """
local paths = {'/tin-tuc-su-kien/?page=', '/van-ban/?page=', '/tim-kiem/?q=thi+%C4%91ua&n='}
function path_for(unique)
  return paths[unique % #paths + 1] .. (unique % 20 + 1) .. '&n=' .. unique
end
"""


def session_cpu_seconds(leader):
    """CPU seconds used so far by every process of `leader`'s session (a gunicorn node)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == leader:  # the session id
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def one_round(nodes, script):
    processes = stack.Processes()
    try:
        leaders = [processes.gunicorn().pid]
        if nodes == 2:
            leaders.append(processes.gunicorn(SECOND_APP_PORT, "node-b").pid)
        processes.nginx([stack.APP_PORT, SECOND_APP_PORT][:nodes])
        url = f"http://127.0.0.1:{NGINX_PORT}/"
        # Not counted: every worker has served this kind of request.
        wrk(url, connections=WORKERS * nodes, duration=5, script=script)
        before = sum(session_cpu_seconds(leader) for leader in leaders)
        figures = wrk(url, connections=WORKERS * nodes, script=script)
        cpu = sum(session_cpu_seconds(leader) for leader in leaders) - before
    finally:
        processes.stop()
    figures["cpu_ms"] = cpu * 1000 / max(1, figures["rps"] * stack.DURATION)
    log(
        f"{nodes} node(s): {figures['rps']:,.1f} req/s, p50 {figures['p50']:.1f} ms, "
        f"p95 {figures['p95']:.1f} ms, {figures['cpu_ms']:.1f} ms CPU a request, "
        f"{figures['errors']} errors"
    )
    return figures


def measure_nodes():
    """{1: figures, 2: figures}, the median round of each."""
    script = BENCH_DIR / "unique-origin.lua"
    script.write_text(PATHS + UNIQUE_SCRIPT + WRK_P95_SCRIPT)
    rounds = {1: [], 2: []}
    for _round in range(ROUNDS):
        for nodes in (1, 2):
            rounds[nodes].append(one_round(nodes, script))
    results = {}
    for nodes, figures in rounds.items():
        median = dict(sorted(figures, key=lambda f: f["rps"])[len(figures) // 2])
        median["rounds"] = [f["rps"] for f in figures]
        results[nodes] = median
    return results


def nodes_section(results):
    one, two = results[1], results[2]
    cores = os.cpu_count()
    return [
        "## Origin throughput with one and two application nodes",
        "",
        f"Every request a new URL (listing pages and searches, each with its own `n`) "
        f"through nginx, so every one is rendered by a node; {WORKERS} gunicorn workers a "
        f"node, {ROUNDS} alternating rounds of {stack.DURATION} s, the median round. "
        "`bench/nodes.py`.",
        "",
        "| nodes | req/s | each round, req/s | p50 ms | p95 ms | CPU ms a request | errors |",
        "|---|---:|---|---:|---:|---:|---:|",
        *[
            f"| {n} | {f['rps']:,.1f} | {' / '.join(f'{r:,.1f}' for r in f['rounds'])} | "
            f"{f['p50']:.1f} | {f['p95']:.1f} | {f['cpu_ms']:.1f} | {f['errors']} |"
            for n, f in results.items()
        ],
        "",
        f"Two nodes give {two['rps'] / one['rps']:.2f}x one node's requests per second "
        f"(medians) on this machine's {cores} cores. Both nodes, wrk, nginx, PostgreSQL "
        "and Redis share these cores: a second node on the same machine adds workers, not "
        "CPU, so close to 2x needs the second node on cores of its own (another machine), "
        "which this run cannot show. The CPU per request says whether a request costs a "
        "node more when there are two.",
        "",
    ]


if __name__ == "__main__":
    stack.ensure_packages()
    stack.ensure_services()
    size = max(stack.SIZES)
    stack.DATABASE_URL = f"{stack.DATABASE_BASE_URL}_{size}"
    stack.ensure_database()
    stack.grow_to(size)
    print("\n".join(nodes_section(measure_nodes())))
