"""The test PostgreSQL itself (tests/pg_server.py): set up as the catalogue's search needs, skipped only outside CI."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg
import pytest
from pg_server import PostgresServer, require_binaries


def test_the_server_runs_utf8_with_a_utf8_ctype_so_pg_trgm_splits_chinese(postgres_server: PostgresServer) -> None:
    url = postgres_server.create_database().replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(url, autocommit=True) as connection:
        assert connection.execute("SHOW server_encoding").fetchone() == ("UTF8",)
        assert connection.execute("SELECT datctype FROM pg_database WHERE datname = current_database()").fetchone() == (
            "C.UTF-8",
        )
        connection.execute("CREATE EXTENSION pg_trgm")
        trigrams = connection.execute("SELECT show_trgm('快递柜丢件')").fetchone()
        assert trigrams is not None and len(trigrams[0]) >= 3  # with a C (ASCII) ctype Chinese gives none
        row = connection.execute("SELECT similarity('快递柜丢件', '快递柜')").fetchone()
        assert row is not None and row[0] > 0.3
    if os.geteuid() == 0:  # initdb refuses root: the server runs as the postgres user, who owns its folder
        assert postgres_server.folder.owner() == "postgres"


def test_missing_binaries_skip_outside_ci_and_fail_in_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="PostgreSQL 15 server binaries not found"):
        require_binaries(tmp_path)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"\.ci/run installs them"):
        require_binaries(tmp_path)
