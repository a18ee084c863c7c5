"""A damaged case is quarantined and the rest of the library works; a lost record is found and rebuilt.

Each test here failed on the code before quarantine existed: a damaged case left a
pending marker behind that made every later command on every case exit 2, a case
folder without case.json was invisible to verify and reindex, and a case.json edited
together with its custody head moved back one entry was made to stick by verify itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.cli import main
from casefile.core.bundle import BundleOptions, Venue, build_bundle
from casefile.core.custody import LOG_NAME
from casefile.core.errors import DamagedCaseError
from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.settings import Settings
from casefile.core.verify import CaseReport, verify_case

EXIT_OK, EXIT_PROBLEMS = 0, 1


def cli(library: Library, *args: str) -> int:
    return main(["--library", str(library.root), *args])


def verify(library: Library, number: str) -> CaseReport:
    report = list(verify_case(library, number))[-1]
    assert isinstance(report, CaseReport)
    return report


@pytest.fixture
def two_cases(library: Library, files: Path) -> tuple[str, str]:
    """Two cases with evidence; the first is the one that gets damaged."""
    first = make_case(library, title="损坏的案件")
    second = make_case(library, title="完好的案件")
    list(add_files(library, first.number, [files / "chat.txt"]))
    list(add_files(library, second.number, [files / "chat.txt"]))
    library.close()
    return first.number, second.number


def cut_last_entry(library: Library, number: str) -> bytes:
    log = library.cases_dir / number / LOG_NAME
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(b"".join(lines[:-1]))
    return log.read_bytes()


DAMAGE = {
    "cut-log": cut_last_entry,
    "edited-entry": lambda library, number: _edit_entry(library, number),
    "unreadable-record": lambda library, number: (library.cases_dir / number / "case.json").write_text("{broken"),
}


def _edit_entry(library: Library, number: str) -> None:
    log = library.cases_dir / number / LOG_NAME
    log.write_text(log.read_text("utf-8").replace("chat.txt", "chat-renamed.txt", 1), "utf-8")


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_one_damaged_case_never_blocks_the_library(library, two_cases, damage, capsys):
    first, second = two_cases
    DAMAGE[damage](library, first)
    folder = library.cases_dir / first
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}

    # A write attempt (verify records its run, an event is a change) is refused and quarantines the case.
    assert cli(library, "event", first, "--summary", "致电") != EXIT_OK
    assert cli(library, "verify") == EXIT_PROBLEMS
    out = capsys.readouterr().out
    assert f"{first}: DAMAGED" in out and f"{second}: OK" in out
    # Everything else keeps working, again and again.
    for _ in range(2):
        assert cli(library, "list") == EXIT_OK
        assert cli(library, "show", second) == EXIT_OK
        assert cli(library, "verify", second) == EXIT_OK
        assert cli(library, "reindex") == EXIT_OK
        assert cli(library, "new", "--title", "新案件", "--type", "quality", "--channel", "store") == EXIT_OK
        assert cli(library, "event", second, "--summary", "回访") == EXIT_OK
    listing = capsys.readouterr().out
    assert f"{first}" in listing and "DAMAGED" in listing
    # The damaged case was not touched by any of it.
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    assert not (library.root / ".pending" / first).exists()


def test_a_write_to_a_quarantined_case_is_refused_before_anything_is_touched(library, two_cases, files):
    first, _second = two_cases
    cut_last_entry(library, first)
    reopened = Library.open(library.root, "测试员")
    assert verify(reopened, first).damaged
    log_before = (reopened.cases_dir / first / LOG_NAME).read_bytes()
    with pytest.raises(DamagedCaseError, match="is damaged"):
        list(add_files(reopened, first, [files / "破损照片.jpg"]))
    assert (reopened.cases_dir / first / LOG_NAME).read_bytes() == log_before
    assert list((reopened.cases_dir / first / "evidence").iterdir()) == [
        p for p in (reopened.cases_dir / first / "evidence").iterdir() if p.name.startswith("001-")
    ]
    reopened.close()


def test_a_restored_case_is_released_by_the_next_verification(library, two_cases):
    first, _second = two_cases
    log = library.cases_dir / first / LOG_NAME
    whole = log.read_bytes()
    cut_last_entry(library, first)
    reopened = Library.open(library.root, "测试员")
    assert verify(reopened, first).damaged
    assert reopened.quarantine_reason(first)
    log.write_bytes(whole)  # restored from a backup
    report = verify(reopened, first)
    assert report.ok and not reopened.quarantine_reason(first)
    with reopened.edit(first) as writer:
        writer.add_event  # noqa: B018 - writes are allowed again
    reopened.close()


# ---------------------------------------------------------------------------- a lost case.json


def test_a_case_folder_without_case_json_is_found_and_repaired(library, two_cases, capsys):
    first, second = two_cases
    record = library.cases_dir / first / "case.json"
    original = json.loads(record.read_text("utf-8"))
    record.unlink()

    assert cli(library, "verify") == EXIT_PROBLEMS
    out = capsys.readouterr().out
    assert f"{first}: DAMAGED" in out and "case.json is missing" in out
    assert cli(library, "reindex") == EXIT_OK
    assert "indexed 2 cases" in capsys.readouterr().out
    assert cli(library, "list") == EXIT_OK
    assert first in capsys.readouterr().out  # still listed, from its custody log

    assert cli(library, "repair", first) == EXIT_OK
    assert "rebuilt case.json" in capsys.readouterr().out
    rebuilt = json.loads(record.read_text("utf-8"))
    assert rebuilt["title"] == original["title"]
    assert [e["sha256"] for e in rebuilt["exhibits"]] == [e["sha256"] for e in original["exhibits"]]
    entries = [json.loads(line) for line in (library.cases_dir / first / LOG_NAME).read_text("utf-8").splitlines()]
    assert entries[-1]["action"] == "repair" and entries[-1]["details"]["rebuilt"] == ["case.json"]
    assert cli(library, "verify", first) == EXIT_OK
    assert cli(library, "event", first, "--summary", "修复后继续处理") == EXIT_OK


def test_repair_keeps_the_edited_record_aside_and_refuses_a_broken_log(library, two_cases, capsys):
    first, second = two_cases
    record = library.cases_dir / first / "case.json"
    data = json.loads(record.read_text("utf-8"))
    data["title"] = "被改过的标题"
    record.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert cli(library, "repair", first) == EXIT_OK
    kept = list((library.cases_dir / first).glob("case.json.replaced-*"))
    assert len(kept) == 1 and "被改过的标题" in kept[0].read_text("utf-8")
    assert json.loads(record.read_text("utf-8"))["title"] == "损坏的案件"
    assert cli(library, "repair", first) == EXIT_OK
    assert "nothing to repair" in capsys.readouterr().out

    cut_last_entry(library, second)
    assert cli(library, "repair", second) == EXIT_PROBLEMS
    assert "cut off the end" in capsys.readouterr().err


# ---------------------------------------------------------------------------- point 4


def test_case_json_edited_with_its_head_moved_back_is_caught_on_the_first_verification(library, files):
    case = make_case(library)
    list(add_files(library, case.number, [files / "chat.txt"]))
    with library.edit(case.number) as writer:
        writer.withdraw(1, "重复")
    record = library.cases_dir / case.number / "case.json"
    log = [json.loads(line) for line in (library.cases_dir / case.number / LOG_NAME).read_text("utf-8").splitlines()]
    data = json.loads(record.read_text("utf-8"))
    data["title"] = "改过的标题"
    data["custody_head"] = {"seq": log[-2]["seq"], "hash": log[-2]["hash"]}
    data["revision"] = log[-2]["seq"]
    data["exhibits"][0].update(withdrawn=False, withdrawn_at=None, withdrawn_by="", withdraw_reason="")
    record.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    edited = record.read_bytes()

    first = verify(library, case.number)
    assert not first.ok and first.damaged
    assert any("case.json differs from its custody log in: title" in p for p in first.problems), first.problems
    assert record.read_bytes() == edited  # verification did not make the edit stick
    assert not verify(library, case.number).ok


# ---------------------------------------------------------------------------- bundles


def test_a_bundle_is_refused_when_case_json_disagrees_with_the_log(library, tmp_path, capsys):
    case = make_case(library, transaction={"amount": "1299"}, respondent={"kind": "organisation", "name": "某店"})
    record = library.cases_dir / case.number / "case.json"
    record.write_text(record.read_text("utf-8").replace('"1299"', '"12990"'), "utf-8")
    with pytest.raises(DamagedCaseError, match="transaction"):
        list(
            build_bundle(library, case.number, BundleOptions(venue=Venue.CONSUMER_ASSOCIATION, force=True), Settings())
        )
    assert cli(library, "bundle", case.number, "--venue", "consumer-association", "--force") == EXIT_PROBLEMS
    assert "transaction" in capsys.readouterr().err
    assert list((library.cases_dir / case.number / "bundles").iterdir()) == []


def test_the_reason_for_a_quarantine_is_kept_as_a_message_the_app_can_translate(library, two_cases):
    first, _second = two_cases
    cut_last_entry(library, first)
    reopened = Library.open(library.root, "测试员")
    verify(reopened, first)
    message = reopened.quarantine_message(first)
    assert message is not None and "{" in message.template  # a template with its fields, not flat text
    assert str(message) == reopened.quarantine_reason(first) and "cut off the end" in str(message)
    assert reopened.quarantine_message(_second) is None
    reopened.close()
