"""A real PostgreSQL 15 server on 127.0.0.1 for the tests of the team catalogue.

Debian's server binaries (``postgresql-15``: /usr/lib/postgresql/15/bin) create a cluster in a
temporary folder (``initdb --locale=C.UTF-8``: pg_trgm splits Chinese text only with a UTF-8
LC_CTYPE), start it on 127.0.0.1 and a free port with ``pg_ctl -w`` (pg_ctl returns once the
server accepts connections: the readiness handshake), and stop and remove it at the end of the
session. Only the superuser signs in without a password; other roles sign in with theirs
(SCRAM-SHA-256), as the team catalogue's users do. initdb refuses to run as root: when the tests
run as root (CI), the server runs as the ``postgres`` system user, who owns the folder. Each test
gets a database of its own.

The tests are skipped when the binaries are absent, except in CI (``CI=true``), where that is a
failure: ``.ci/run`` installs them.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("CASEFILE_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "casefile"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user() -> tuple[list[str], pwd.struct_passwd | None]:
    """The command prefix that runs the server's programs, and the user they run as (None: ourselves)."""
    if os.geteuid() != 0:
        return [], None
    try:
        account = pwd.getpwnam("postgres")
    except KeyError:
        pytest.fail("the tests run as root and there is no 'postgres' user to run PostgreSQL as")
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--"], account
    setpriv = shutil.which("setpriv")
    if setpriv:
        return [setpriv, f"--reuid={account.pw_uid}", f"--regid={account.pw_gid}", "--init-groups"], account
    pytest.fail("the tests run as root and neither runuser nor setpriv is there to run PostgreSQL as 'postgres'")


@dataclass
class PostgresServer:
    folder: Path
    port: int
    prefix: list[str]
    _databases: Iterator[int] = field(default_factory=lambda: count(1))

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = [*self.prefix, str(PG_BIN / program), *args]
        result = subprocess.run(command, capture_output=True, text=True, cwd=self.folder, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
        return result

    def create_database(self) -> str:
        """A new empty database (UTF-8, as the cluster), and its SQLAlchemy URL."""
        import psycopg

        name = f"test_{next(self._databases)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname=postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def start(self) -> None:
        self.run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.folder / "server.log"))

    def stop(self) -> None:
        self.run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data))


def start_server() -> PostgresServer:
    """initdb and start a cluster in a new temporary folder (the caller stops it and removes the folder)."""
    prefix, account = _as_server_user()
    # Not under pytest's own temporary folder: that one is private to root, and the server may run as postgres.
    folder = Path(tempfile.mkdtemp(prefix="casefile-pg-"))
    if account is not None:
        os.chown(folder, account.pw_uid, account.pw_gid)
    server = PostgresServer(folder, _free_port(), prefix)
    server.run(
        "initdb",
        "-D",
        str(server.data),
        "-U",
        SUPERUSER,
        "--auth=trust",  # a throwaway cluster reachable from 127.0.0.1 and its own folder only
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "--no-sync",
    )
    settings = (
        "listen_addresses = '127.0.0.1'\n"
        f"port = {server.port}\n"
        f"unix_socket_directories = '{folder}'\n"
        "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"  # a test server: speed, not durability
        "max_connections = 60\n"
    )
    with open(server.data / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write(settings)
    # The superuser the fixtures use signs in without a password; every other role (the team
    # catalogue's users) with its password, checked by SCRAM-SHA-256, as on an office server.
    (server.data / "pg_hba.conf").write_text(
        f"local all all trust\nhost all {SUPERUSER} 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n",
        encoding="utf-8",
    )
    for attempt in range(3):
        try:
            server.start()
            return server
        except RuntimeError:
            if attempt == 2:
                raise
            server.port = _free_port()  # the port was taken between choosing it and starting
            with open(server.data / "postgresql.conf", "a", encoding="utf-8") as conf:
                conf.write(f"port = {server.port}\n")
    raise AssertionError("unreachable")


def require_binaries(folder: Path) -> None:
    """Skip the test when the server binaries are absent, except in CI (``CI=true``): there it fails."""
    if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
        return
    reason = f"PostgreSQL 15 server binaries not found in {folder} (Debian package postgresql-15)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason + "; .ci/run installs them")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    require_binaries(PG_BIN)
    server = start_server()
    try:
        yield server
    finally:
        try:
            server.stop()
        finally:
            shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> str:
    """The URL of a new, empty database on the session's PostgreSQL server."""
    return postgres_server.create_database()
