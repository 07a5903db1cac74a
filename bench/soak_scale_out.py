"""`make soak SOAK_MODE=scale-out`: the soak's load against the scale-out topology, with
outages during the run.

Started here, on loopback, under SOAK_DIR/scale-out (made afresh each run): a PostgreSQL
primary of its own (SOAK_PRIMARY_PORT, 8218) and a streaming replica (DATABASE_REPLICA_URL),
SeaweedFS as the object store holding every upload (MEDIA_S3_BUCKET), two gunicorn nodes
(SOAK_APP_PORT and SOAK_SECOND_APP_PORT, each with its own media folder) behind one nginx
upstream, and Redis. The demo content is loaded into them first.

During the run: at a third of SOAK_DURATION the second node is killed (SIGKILL, its
requests cut off), at half the replica stops (`pg_ctl -m immediate`); at three quarters both
come back. Reported (docs/reliability.md, its own section): as bench/soak.py, with the outages
and when they happened; the errors readers saw, apart from the requests in flight on the
killed node at that moment, must be zero, and so must lost page views (every beacon answered
200 counted once after the fold).
"""

import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import soak  # noqa: E402
import soak_config as config  # noqa: E402
import stack  # noqa: E402
from soak_report import report, write_section  # noqa: E402

from tests import object_store, servers  # noqa: E402  (the real servers the scale-out tests start)

BUCKET = "portal-soak"
MARKS = ("<!-- soak-scale-out:start -->", "<!-- soak-scale-out:end -->")
# A request cut off by the kill may end some time after it (nginx's, the client's timeout).
IN_FLIGHT_SECONDS = 65


class Topology:
    """The servers of the run, started and stopped in order."""

    def __init__(self):
        self.folder = stack.BENCH_DIR / "scale-out"
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        servers.open_to_servers(self.folder)
        self.primary = servers.PostgresCluster(self.folder, "primary")
        self.primary.port = config.PRIMARY_PORT
        self.replica = servers.PostgresCluster(self.folder, "replica")
        self.store = object_store.ObjectStore(self.folder)
        self.processes = stack.Processes()
        self.second = None
        self.events = []

    def start(self):
        self.primary.init_primary().start()
        self.store.start()
        stack.EXTRA_ENV.update(self.store.environment(BUCKET))
        stack.EXTRA_ENV["RESPONSE_CACHE_SECONDS"] = "0"  # every view reaches a database
        stack.create_database(stack.DATABASE_URL)
        self.prepare_bucket()
        pages, apis = soak.prepare()
        self.replica.init_replica(self.primary).start()
        stack.EXTRA_ENV["DATABASE_REPLICA_URL"] = self.replica.url("portal_soak")
        master = self.processes.gunicorn().pid
        self.second = self.processes.gunicorn(config.SECOND_APP_PORT, "node-b")
        self.processes.nginx([stack.APP_PORT, config.SECOND_APP_PORT])
        return pages, apis, master

    def prepare_bucket(self):
        """`prepare_media_bucket` on the store, which answers once started (`ObjectStore.start`
        waits for its filer)."""
        return stack.manage("prepare_media_bucket", capture=True)

    def outages(self, stop):
        """Kill the second node, stop the replica, bring both back (see the docstring)."""
        started = time.monotonic()
        steps = [
            (1 / 3, "second node killed", self.kill_second),
            (1 / 2, "replica stopped", self.replica.stop),
            (3 / 4, "replica started", self.replica.start),
            (3 / 4, "second node started", self.start_second),
        ]
        for share, what, action in steps:
            if stop.wait(max(0, started + share * config.DURATION - time.monotonic())):
                return
            action()
            self.events.append((time.monotonic(), time.monotonic() - started, what))
            soak.log(what)

    def kill_second(self):
        stack.os.killpg(self.second.pid, stack.signal.SIGKILL)
        self.second.wait(timeout=30)
        self.processes.started.remove(self.second)

    def start_second(self):
        self.second = self.processes.gunicorn(config.SECOND_APP_PORT, "node-b")

    def stop(self):
        self.processes.stop()
        for server in (self.replica, self.primary, self.store):
            try:
                server.stop()
            except Exception as error:  # a server that is already down
                soak.log(f"stopping {type(server).__name__}: {error}")


def in_flight_at_kill(results, events):
    """Move the failures of requests under way when the node was killed out of the errors."""
    kills = [at for at, _second, what in events if what == "second node killed"]
    kept = []
    for started, ended, message in results.failures:
        cut_off = any(
            started is not None and started <= at <= ended <= at + IN_FLIGHT_SECONDS for at in kills
        )
        if cut_off:
            results.errors[message] -= 1
            results.in_flight[message] += 1
        else:
            kept.append((started, ended, message))
    results.errors = +results.errors
    results.failures = kept


def main():
    topology = Topology()
    try:
        pages, apis, master = topology.start()
        results, *rest = soak.run_load(pages, apis, master, during=topology.outages)
    finally:
        topology.stop()
    results.in_flight = soak.Counter()
    in_flight_at_kill(results, topology.events)
    passed, section = report(
        results,
        *rest,
        title="Soak test, two nodes with a replica and object storage",
        command=f"SOAK_MODE=scale-out SOAK_DURATION={config.DURATION} make soak",
        topology=(
            "two gunicorn nodes behind one nginx upstream, a PostgreSQL primary and streaming "
            "replica, SeaweedFS holding the uploads, Redis"
        ),
        extra=[
            "### Outages during the run",
            "",
            *[f"- at {second:.0f} s: {what}" for _at, second, what in topology.events],
            "",
            f"Requests in flight on the killed node, cut off: {sum(results.in_flight.values())}",
            *[f"- {count} x {message}" for message, count in results.in_flight.most_common(5)],
        ],
    )
    write_section(section, MARKS)
    print(section)
    return 0 if passed else 1
