"""The benchmark's report: docs/performance.md's tables, written from the measurements."""

import datetime
import os
import platform
import subprocess

from stack import (
    CONNECTIONS,
    DURATION,
    ORIGIN_CONNECTIONS,
    OUTPUT,
    SIZES,
    WORKERS,
    log,
)


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


def table(size, static, rows, generation_seconds, visibility, rush):
    def ratio(figure):
        share = 100 * figure["rps"] / static["rps"]
        return f"{share:.1f}%" if share >= 1 else f"{share:.3f}%"

    lines = [
        f"### {size:,} articles and {size:,} legal documents",
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
    lines.append(stampede_line(rush))
    lines.append("")
    return lines


def stampede_line(rush):
    counts, all_fresh = rush
    readers = sum(counts.values())
    answers = ", ".join(
        f"{count} × {status} {cache or 'no cache status'}"
        for (status, cache), count in sorted(counts.items(), key=lambda item: -item[1])
    )
    # nginx fetched these from the origin; HIT, STALE and UPDATING came from its cache.
    fetched = ("MISS", "EXPIRED", "BYPASS")
    origin = sum(count for (_status, cache), count in counts.items() if cache in fetched)
    return (
        f"{readers} readers together right after a publish purged the article: {answers}; "
        f"{origin} reached the origin; "
        f"{'every one' if all_fresh else '**not** every one'} showed the publish."
    )


def comparison_section(lines):
    """bench/compare.py's table under its heading."""
    return ["### Stock Wagtail side by side: wagtail/bakerydemo on our stack", "", *lines]


# The faceted registry page against the news listing, origin (target: at most 2x its time).
REGISTRY_ROW, LISTING_ROW = "registry, type and year facets", "listing, page 50"


def registry_section(origin_p50):
    """At each size, the faceted registry page's origin p50 against the news listing's.

    `origin_p50` is {size: {row name: p50 ms}}."""
    lines = []
    for size, figures in sorted(origin_p50.items()):
        if REGISTRY_ROW in figures and LISTING_ROW in figures:
            registry, listing = figures[REGISTRY_ROW], figures[LISTING_ROW]
            lines.append(
                f"- {size:,} documents: {registry:.1f} ms against the news listing's "
                f"{listing:.1f} ms, **{registry / listing:.2f}x** (target: at most 2x)"
            )
    if not lines:
        return []
    return ["### Faceted registry against the news listing (origin p50)", "", *lines, ""]


# The targets for requests no cache answers (issue 21): search p95 at the largest
# size within this multiple of the smallest's, sync p99 under this many milliseconds.
SEARCH_GROWTH_TARGET = 2.0
SYNC_P99_TARGET_MS = 150


def unique_section(unique):
    """Search and sync at the origin with every request a new one, at each size, against
    the targets. `unique` is {size: {name: wrk figures}} (measuring.unique_requests)."""
    if not unique:
        return []
    lines = [
        "### Every request a new one (origin: searches and sister portals' syncs)",
        "",
        "Each search carries its own `n` and each sync its own `updated_since` (a second of "
        "the last hours), so neither nginx nor the response cache can answer: what readers' "
        "searches and portals' syncs cost the origin.",
        "",
        "| size | request | req/s | p50 / p95 / p99 ms | errors |",
        "|---|---|---:|---:|---:|",
    ]
    for size, results in sorted(unique.items()):
        for name, figures in results.items():
            lines.append(
                f"| {size:,} | {name} | {figures['rps']:,.1f} | {figures['p50']:.1f} / "
                f"{figures['p95']:.1f} / {figures['p99']:.1f} | {figures['errors']} |"
            )
    sizes = sorted(unique)
    lines.append("")
    if len(sizes) > 1:
        small, large = unique[sizes[0]]["search"]["p95"], unique[sizes[-1]]["search"]["p95"]
        lines.append(
            f"- Search p95 at {sizes[-1]:,} against {sizes[0]:,}: **{large / small:.2f}x** "
            f"(target: at most {SEARCH_GROWTH_TARGET:g}x)"
        )
    sync = unique[sizes[-1]]["API sync"]["p99"]
    lines.append(
        f"- API sync p99 at {sizes[-1]:,}: **{sync:.1f} ms** (target: under "
        f"{SYNC_P99_TARGET_MS} ms)"
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
