"""Measuring with wrk: requests per second and latency of each URL, cached and at the
origin, requests no cache can answer (each search and each sync a new one), how soon a
publish shows through nginx's cache, and how many of the readers arriving together after it
reach the origin.
"""

import collections
import re
import threading
import time
from urllib.parse import quote

from stack import (
    APP_PORT,
    BENCH_DIR,
    CONNECTIONS,
    DURATION,
    HOST,
    NGINX_PORT,
    ORIGIN_CONNECTIONS,
    THREADS,
    fetch,
    log,
    run,
    shell,
)

# Readers arriving together at a page a publish has just purged (issue 21).
STAMPEDE_READERS = 50
# wrk prints p50/p75/p90/p99 only: this script adds p95 (microseconds).
WRK_P95_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("p95: %d\\n", latency:percentile(95)))
end
"""


# Searches of the kind readers type, each sent with its own `n` so that no cache holds it.
UNIQUE_SEARCHES = [
    "chuyển đổi số",
    "thi dua",
    "Hải Phòng",
    "cải cách thủ tục hành chính",
    "an toan giao thong",
    "bảo hiểm y tế học sinh",
    "quan le chan",
    "sở hữu trí tuệ",
]
# Every request of a wrk thread gets a number no other request of the run has (`unique`).
UNIQUE_SCRIPT = """
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
function init(args)
  counter = 0
  started = os.time()
end
function request()
  counter = counter + 1
  local unique = counter * 64 + id
  return wrk.format(nil, path_for(unique))
end
"""
UNIQUE_PATHS = {
    # Search: the queries in turn; `n` makes each request a new URL for every cache.
    "search": "local searches = {"
    + ", ".join(f"'{quote(query)}'" for query in UNIQUE_SEARCHES)
    + "}\n"
    "function path_for(unique)\n"
    "  return '/tim-kiem/?q=' .. searches[unique % #searches + 1] .. '&n=' .. unique\n"
    "end\n",
    # A sister portal's sync: what changed since its last sync, a unique second of the last
    # hours (each request's own timestamp, as every portal's is).
    "API sync": "function path_for(unique)\n"
    "  local since = os.date('!%Y-%m-%dT%H:%M:%SZ', started - unique)\n"
    "  return '/api/v2/pages/?updated_since=' .. since\n"
    "end\n",
}


def unique_requests():
    """wrk at the origin on requests no cache can answer (UNIQUE_PATHS): {name: figures}."""
    origin = f"http://127.0.0.1:{APP_PORT}"
    results = {}
    for name, paths in UNIQUE_PATHS.items():
        script = BENCH_DIR / f"unique-{name.replace(' ', '-').lower()}.lua"
        script.write_text(paths + UNIQUE_SCRIPT + WRK_P95_SCRIPT)
        # Two seconds first, not counted: every worker has served this kind of request.
        wrk(origin + "/", connections=ORIGIN_CONNECTIONS, duration=2, script=script)
        results[name] = wrk(origin + "/", connections=ORIGIN_CONNECTIONS, script=script)
        figures = results[name]
        log(
            f"{name}, every request new: {figures['rps']:,.1f} req/s, p95 {figures['p95']:.1f} "
            f"ms, p99 {figures['p99']:.1f} ms, {figures['errors']} errors"
        )
    return results


def wrk(url, connections=CONNECTIONS, host=HOST, duration=DURATION, script=None):
    """Requests per second, p50, p95 and p99 latency (ms) of `url` under wrk (`script`:
    a wrk Lua script that also writes p95, default one that only does that)."""
    output = run(
        [
            "wrk",
            f"-t{min(THREADS, connections)}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(script or BENCH_DIR / "p95.lua"),
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


def publish(path):
    """Publish the page at `path` again with a new title, purging through nginx: the
    marker in its title and the time the publish returned."""
    marker = f"Đã cập nhật {time.time():.3f}"
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
    return marker, published_at


def publish_visibility(path):
    """Seconds from a publish to the cached page showing it (purge through nginx)."""
    nginx = f"http://127.0.0.1:{NGINX_PORT}"
    fetch(nginx + path)
    fetch(nginx + path)
    marker, published_at = publish(path)
    deadline = time.time() + 60
    while time.time() < deadline:
        _status, headers, body = fetch(nginx + path)
        if marker in body.decode():
            return max(time.time() - published_at, 0.0), headers.get("X-Cache-Status", "")
        time.sleep(0.1)
    return None, ""


def stampede(path, readers=STAMPEDE_READERS):
    """`readers` concurrent readers of `path` through nginx right after a publish purged it:
    how many answers of each (status, X-Cache-Status) they got, and whether every one
    showed the publish. A MISS is an answer nginx fetched from the origin."""
    nginx = f"http://127.0.0.1:{NGINX_PORT}"
    fetch(nginx + path)
    marker, _published_at = publish(path)
    start = threading.Barrier(readers)
    answers = []

    def read():
        start.wait()
        status, headers, body = fetch(nginx + path)
        answers.append((status, headers.get("X-Cache-Status", ""), marker in body.decode()))

    threads = [threading.Thread(target=read) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counts = collections.Counter((status, cache) for status, cache, _fresh in answers)
    return dict(counts), all(fresh for _status, _cache, fresh in answers)
