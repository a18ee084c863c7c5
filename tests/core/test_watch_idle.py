"""An idle watcher costs next to nothing: its periodic rescan lists only what changed.

Counted in folder listings, never in seconds. The worker's steps are driven by hand here
(no observer thread, no clock to wait for): each step with the rescan due is the safety
net that runs every ``rescan`` seconds in the app.
"""

from __future__ import annotations

import os
import time

import pytest
from casefile_testing import make_case

from casefile.core.library import Library
from casefile.core.watch import Watcher, WatchOptions
from casefile.core.watch.worker import INBOX_LOOK_EVERY


@pytest.fixture
def settled(library: Library) -> list[str]:
    """Twelve cases whose folders last changed ten minutes ago."""
    numbers = [make_case(library, title=f"案件{i}").number for i in range(12)]
    _age(library, numbers)
    return numbers


def _age(library: Library, numbers: list[str]) -> None:
    past = time.time() - 600
    for path in [library.cases_dir, *(library.folder(n).inbox_dir for n in numbers)]:
        os.utime(path, (past, past))


def _rescan(watcher: Watcher) -> None:
    watcher._next_rescan = 0.0  # due now
    watcher._step()


def test_an_idle_rescan_lists_no_inbox_and_not_the_cases(
    library: Library, settled: list[str], monkeypatch: pytest.MonkeyPatch
):
    listings = []
    case_numbers = library.case_numbers
    monkeypatch.setattr(library, "case_numbers", lambda: listings.append(1) or case_numbers())
    watcher = Watcher(library, options=WatchOptions(rescan=600))
    watcher._sync_folders()  # as the watcher starts: every inbox listed once
    assert watcher.scans == len(settled) and len(listings) == 1
    for _ in range(3):
        _rescan(watcher)
    assert watcher.scans == len(settled)
    assert len(listings) == 1
    assert len(watcher.folders) == len(settled)


def test_a_file_whose_event_was_lost_is_found_by_the_next_rescan(library: Library, settled: list[str]):
    watcher = Watcher(library, options=WatchOptions(rescan=600))
    watcher._sync_folders()
    inbox = library.folder(settled[3]).inbox_dir
    (inbox / "收据.txt").write_text("收据", encoding="utf-8")  # no observer: its events are lost
    _rescan(watcher)
    assert watcher.scans == len(settled) + 1  # that inbox alone
    assert [p.path.name for p in watcher._files] == ["收据.txt"]


def test_a_new_case_and_a_removed_inbox_are_seen_by_the_next_rescan(library: Library, settled: list[str]):
    watcher = Watcher(library, options=WatchOptions(rescan=600))
    watcher._sync_folders()
    new = make_case(library, title="新案件", complained_at="2026-10-01T10:00:00+08:00").number
    os.rmdir(library.folder(settled[0]).inbox_dir)
    _rescan(watcher)
    watched = {f.case for f in watcher.folders}
    assert new in watched and settled[0] not in watched
    assert watcher.scans == len(settled) + 1  # the new inbox alone


def test_a_rescan_asked_for_lists_every_inbox(library: Library, settled: list[str]):
    watcher = Watcher(library, options=WatchOptions(rescan=600))
    watcher._sync_folders()
    watcher._sync_folders()  # what wait_idle asks for: everything, whatever changed
    assert watcher.scans == 2 * len(settled)


def test_inboxes_under_the_recursive_watch_are_looked_at_every_tenth_rescan(library: Library, settled: list[str]):
    """Their events come from the one watch over cases/: an idle rescan does not even stat them,
    except every INBOX_LOOK_EVERY-th one, the safety net for an event lost all the same."""
    watcher = Watcher(library, options=WatchOptions(rescan=600))
    watcher._sync_folders()
    for folder in watcher._folders.values():
        folder.shared = True  # as the recursive watch over cases/ serves them (no observer runs here)
    inbox = library.folder(settled[5]).inbox_dir
    (inbox / "收据.txt").write_text("收据", encoding="utf-8")  # its event lost
    for _ in range(INBOX_LOOK_EVERY - 1):
        _rescan(watcher)
    assert watcher.scans == len(settled) and not list(watcher._files)
    _rescan(watcher)
    assert watcher.scans == len(settled) + 1
    assert [p.path.name for p in watcher._files] == ["收据.txt"]
