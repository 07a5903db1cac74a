"""The soak test's report: its section of docs/reliability.md (between the soak marks)."""

import os
from pathlib import Path

import soak_config as config
import stack
from report import machine_notes

OUTPUT = Path(os.environ.get("SOAK_OUTPUT", stack.ROOT / "docs" / "reliability.md"))
START_MARK, END_MARK = "<!-- soak:start -->", "<!-- soak:end -->"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else 0


def memory_verdict(samples):
    warm = [s for s in samples if s[0] >= config.WARM_UP]
    if not warm:
        return 0.0, 0.0, 0.0, []
    at_warm_up = max(warm[0][1].values())
    largest = max(max(s[1].values()) for s in warm)
    growth = largest - at_warm_up
    # The first sample, one a minute, and the last.
    shown = [
        s
        for i, s in enumerate(samples)
        if i in (0, len(samples) - 1) or int(s[0]) % 60 < config.SAMPLE_EVERY
    ]
    rows = [
        f"| {t:.0f} | {len(workers)} | {min(workers.values()):.1f} | "
        f"{max(workers.values()):.1f} | {sum(workers.values()):.1f} |"
        for t, workers in shown
        if workers
    ]
    return at_warm_up, largest, growth, rows


def report(
    results,
    samples,
    figures_before,
    figures_after,
    published,
    visible,
    title="Soak test",
    command=None,
    topology="gunicorn behind nginx's cache, PostgreSQL, Redis",
    extra=(),
):
    """Whether the soak passed, and its section of docs/reliability.md (without its marks)."""
    visits = counted_visits(results, figures_before, figures_after)
    errors = sum(results.errors.values())
    at_warm_up, largest, growth, memory_rows = memory_verdict(samples)
    passed = not errors and visits["exact"] and growth < config.MEMORY_BOUND_MB and visible
    lines = [
        f"## {title}: {'PASSED' if passed else 'FAILED'}",
        "",
        *machine_notes()[:1],
        f"- {config.DURATION} s, {config.READERS} readers and {config.API_CONSUMERS} API and "
        f"feed consumers (think time 0-{2 * config.THINK:g} s), one editor publishing every "
        f"{config.PUBLISH_INTERVAL:g} s; {stack.WORKERS} sync gunicorn workers a node "
        f"(forked from a preloaded master, replaced after 20,000 ± 2,000 requests); {topology}",
        f"- Command: `{command or f'SOAK_DURATION={config.DURATION} make soak'}`",
        "",
        *latency_lines(results),
        "",
        f"**Errors: {errors}**",
        *[f"- {count} x {message}" for message, count in results.errors.most_common(10)],
        "",
        *extra,
        "",
        *visit_lines(visits),
        "",
        *memory_lines(at_warm_up, largest, growth, memory_rows),
        "",
        f"### Publishing during the load: {len(published)} articles published",
        "",
        f"The last one ({published[-1] if published else '-'}) answered through nginx's cache "
        f"after the run: **{'yes' if visible else 'NO'}**.",
    ]
    return passed, "\n".join(lines)


def counted_visits(results, figures_before, figures_after):
    """What the readers did against what the visits app counted in the meantime."""
    mismatches = [
        page
        for page, count in results.beacons.items()
        if page != "none"
        and figures_after["pages"].get(page, 0) - figures_before["pages"].get(page, 0) != count
    ]
    visits = {
        "views_made": sum(results.beacons.values()),
        "views_counted": figures_after["views"] - figures_before["views"],
        "visitors_made": len(results.visitors),
        "visitors_counted": figures_after["visitors"] - figures_before["visitors"],
        "page_mismatches": len(mismatches),
    }
    visits["exact"] = (
        visits["views_made"] == visits["views_counted"]
        and visits["visitors_made"] == visits["visitors_counted"]
        and not mismatches
    )
    return visits


def latency_lines(results):
    lines = [
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
    return lines


def visit_lines(visits):
    return [
        "### Visitor figures (after `fold_visits`)",
        "",
        "| | made by the readers | counted by visits/ |",
        "|---|---|---|",
        f"| page views (beacons answered 200) | {visits['views_made']:,} | "
        f"{visits['views_counted']:,} |",
        f"| visitors (distinct User-Agents, one address) | {visits['visitors_made']} | "
        f"{visits['visitors_counted']} |",
        f"| pages whose own count differs | 0 expected | {visits['page_mismatches']} |",
        "",
        f"Exact: **{'yes' if visits['exact'] else 'NO'}**.",
    ]


def memory_lines(at_warm_up, largest, growth, memory_rows):
    return [
        "### Memory of the gunicorn workers (RSS, MB)",
        "",
        f"Bound: after the {config.WARM_UP} s warm-up the largest worker grows by less than "
        f"{config.MEMORY_BOUND_MB:g} MB. Largest at the warm-up {at_warm_up:.1f} MB, largest "
        f"after {largest:.1f} MB: growth **{growth:.1f} MB** "
        f"({'within' if growth < config.MEMORY_BOUND_MB else 'OVER'} the bound).",
        "",
        "| second | workers | smallest | largest | all workers |",
        "|---|---|---|---|---|",
        *memory_rows,
    ]


def write_section(section, marks=(START_MARK, END_MARK)):
    """Replace what lies between `marks` in docs/reliability.md (added at its end if new)."""
    start, end = marks
    text = OUTPUT.read_text() if OUTPUT.exists() else "# Reliability\n"
    if start not in text:
        text = f"{text.rstrip()}\n\n{start}\n{end}\n"
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    OUTPUT.write_text(f"{before}{start}\n{section}\n{end}{after}")
