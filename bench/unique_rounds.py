"""Searches and syncs no cache can answer, several rounds per size, alone:

    ARTICLES='1000 100000' UNIQUE_ROUNDS=3 .venv/bin/python bench/unique_rounds.py

`make bench` measures them once per size (bench/measuring.py's `unique_requests()`); their
p95 and p99 vary from round to round, so docs/performance.md's "three rounds per size"
figures come from this: gunicorn as in the bench (BENCH_WORKERS workers, production
settings) on each size's database, `unique_requests()` UNIQUE_ROUNDS times, the load
average before each round.
"""

import os

import stack
from measuring import WRK_P95_SCRIPT, unique_requests

ROUNDS = int(os.environ.get("UNIQUE_ROUNDS", "3"))


def main():
    stack.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    (stack.BENCH_DIR / "p95.lua").write_text(WRK_P95_SCRIPT)
    for size in sorted(stack.SIZES):
        stack.DATABASE_URL = f"{stack.DATABASE_BASE_URL}_{size}"
        processes = stack.Processes()
        try:
            processes.gunicorn()
            for number in range(1, ROUNDS + 1):
                load = os.getloadavg()[0]
                for name, figures in unique_requests().items():
                    print(
                        f"{size:,} round {number} (load {load:.1f}) {name}: "
                        f"{figures['rps']:.1f} req/s, p95 {figures['p95']:.1f} ms, "
                        f"p99 {figures['p99']:.1f} ms, {figures['errors']} errors",
                        flush=True,
                    )
        finally:
            processes.stop()


if __name__ == "__main__":
    main()
