"""The soak test's settings, from the environment (described in bench/soak.py).

Importing this module also points bench/stack.py at the soak's own database, Redis
database, folder and ports. `stack` reads its settings once, when it is imported: this
module is imported first (it refuses to come after).
"""

import os
import sys

if "stack" in sys.modules:
    raise RuntimeError("import soak_config before stack: stack has read its settings")

DURATION = int(os.environ.get("SOAK_DURATION", "600"))
READERS = int(os.environ.get("SOAK_READERS", "35"))
API_CONSUMERS = int(os.environ.get("SOAK_API_CONSUMERS", "15"))
THINK = float(os.environ.get("SOAK_THINK", "0.5"))
PUBLISH_INTERVAL = float(os.environ.get("SOAK_PUBLISH_INTERVAL", "10"))
MEMORY_BOUND_MB = float(os.environ.get("SOAK_MEMORY_BOUND", "60"))
ARTICLES = int(os.environ.get("SOAK_ARTICLES", "500"))
WARM_UP = min(60, DURATION // 5)
SAMPLE_EVERY = 10

# "one-node" (the default), or "scale-out": two nodes, a replica and object storage, one
# node and the replica stopped during the run (bench/soak_scale_out.py).
MODE = os.environ.get("SOAK_MODE", "one-node")
# The scale-out soak's own PostgreSQL primary, and its second application node.
PRIMARY_PORT = int(os.environ.get("SOAK_PRIMARY_PORT", "8218"))
SECOND_APP_PORT = int(os.environ.get("SOAK_SECOND_APP_PORT", "8219"))
DEFAULT_DATABASE_URL = (
    f"postgres://postgres@127.0.0.1:{PRIMARY_PORT}/portal_soak"
    if MODE == "scale-out"
    else "postgres://postgres@127.0.0.1:5432/faults_soak"
)

# bench/stack.py reads its settings from the environment when imported.
os.environ.update(
    BENCH_DATABASE_URL=os.environ.get("SOAK_DATABASE_URL", DEFAULT_DATABASE_URL),
    # A Redis database per mode: each mode has a database of its own, and what one caches
    # (renditions, fragments) names the other's rows.
    BENCH_REDIS_URL=os.environ.get(
        "SOAK_REDIS_URL", f"redis://127.0.0.1:6379/{8 if MODE == 'scale-out' else 9}"
    ),
    BENCH_DIR=os.environ.get("SOAK_DIR", "/var/tmp/portal-soak"),
    BENCH_NGINX_PORT=os.environ.get("SOAK_NGINX_PORT", "8215"),
    BENCH_APP_PORT=os.environ.get("SOAK_APP_PORT", "8216"),
    BENCH_PURGE_PORT=os.environ.get("SOAK_PURGE_PORT", "8217"),
    BENCH_WORKERS=os.environ.get("SOAK_WORKERS", "4"),
)
