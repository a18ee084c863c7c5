"""The benchmarks' measure of a command is the command's own: its peak memory is not the benchmark's."""

from __future__ import annotations

import sys

import pytest

from bench.harness import run


def test_a_small_command_started_from_a_big_benchmark_is_measured_small() -> None:
    held = bytearray(256 * 1024 * 1024)
    held[::4096] = b"\1" * len(held[::4096])  # resident, page by page
    small = run([sys.executable, "-S", "-c", "pass"])
    assert small.peak_mib < 64
    assert held[4096] == 1


def test_a_big_command_is_measured_big_and_its_times_are_its_own() -> None:
    big = run([sys.executable, "-S", "-c", "x = bytearray(160 * 1024 * 1024); x[::4096] = b'1' * len(x[::4096])"])
    assert 160 <= big.peak_mib < 260
    assert big.cpu > 0 and big.wall >= big.cpu / 2


def test_a_failing_command_says_so() -> None:
    with pytest.raises(RuntimeError, match="exited with 3"):
        run([sys.executable, "-S", "-c", "import sys; sys.exit(3)"])
