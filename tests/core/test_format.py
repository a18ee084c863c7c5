"""The record format can grow: format-1 folders stay readable, newer formats are refused, unknown keys survive.

The fixtures in tests/fixtures/format1 were written by CaseFile in format 1 and are never
changed; each test works on a copy.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from casefile_testing import FORMAT1

from casefile.core import record
from casefile.core.custody import LOG_NAME, entry_hash
from casefile.core.errors import LibraryVersionError
from casefile.core.evidence import add_files
from casefile.core.library import LIBRARY_VERSION, Library
from casefile.core.model import RECORD_VERSION, Stage, case_from_data
from casefile.core.record.history import bundle_history, exhibit_history
from casefile.core.record.versions import ENTRY_VERSION
from casefile.core.settings import load_settings, save_settings
from casefile.core.verify import CaseReport, verify_case


@pytest.fixture
def old_library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    shutil.copytree(FORMAT1 / "library", root)
    return root


def entries_of(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / LOG_NAME).read_text("utf-8").splitlines()]


def rewrite_log(folder: Path, entries: list[dict]) -> None:
    prev = "0" * 64
    for entry in entries:
        entry["prev"] = prev
        entry["hash"] = entry_hash(entry)
        prev = entry["hash"]
    text = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n" for e in entries)
    (folder / LOG_NAME).write_text(text, "utf-8")


def verify(library: Library, number: str) -> CaseReport:
    report = list(verify_case(library, number))[-1]
    assert isinstance(report, CaseReport)
    return report


# ---------------------------------------------------------------------------- format 1 stays readable


def test_a_format_1_library_opens_verifies_and_takes_changes(old_library, files):
    marker_before = (old_library / "library.json").read_bytes()
    library = Library.open(old_library, "张敏")
    # library.json was migrated, and the old file kept beside it first.
    info = json.loads((old_library / "library.json").read_text("utf-8"))
    assert info["version"] == LIBRARY_VERSION and info["id"] and library.library_id == info["id"]
    (backup,) = old_library.glob("library.json.v1-*.bak")
    assert backup.read_bytes() == marker_before
    assert library.case_numbers() == ["202610-001", "202611-001"]
    for number in library.case_numbers():
        report = verify(library, number)
        assert report.ok, (number, report.problems, [(f.path, f.status) for f in report.files])
        folder = old_library / "cases" / number
        assert record.fold(entries_of(folder)) == library.load_case(number)
    list(add_files(library, "202611-001", [files / "破损照片.jpg"]))
    with library.edit("202611-001") as writer:
        writer.set_stage(Stage.NEGOTIATION, "提出方案")
    assert verify(library, "202611-001").ok
    entries = entries_of(old_library / "cases" / "202611-001")
    assert "v" not in entries[0] and entries[-1]["v"] == ENTRY_VERSION == 5  # old entries as they were
    library.close()


def test_the_history_read_models_read_a_format_1_log(old_library):
    entries = entries_of(old_library / "cases" / "202611-001")
    history = exhibit_history(entries, 1)
    assert [h.action for h in history] == ["ingest", "event", "exhibit-update", "bundle"]
    assert history[2].fields == ("captured_at", "captured_at_source")
    withdrawn = exhibit_history(entries, 5)
    assert [(h.action, h.reason) for h in withdrawn] == [("ingest", ""), ("withdraw", "重复提交")]
    (made,) = bundle_history(entries)
    assert made.venue == "receipt" and made.layout == "80mm"
    assert [n for _label, n in made.exhibits] == [3, 1, 2, 4]
    assert made.files[0].name.startswith("bundles/202611-001-receipt-") and made.files[0].pages


def test_every_action_of_format_1_is_in_the_registry(old_library):
    seen = {e["action"] for e in entries_of(old_library / "cases" / "202611-001")}
    assert seen <= set(record.ACTIONS)
    assert {"create", "ingest", "withdraw", "update", "stage", "event", "exhibit-update", "reorder",
            "exhibit-metadata", "verify", "export", "bundle", "recovery"} <= seen  # fmt: skip


def test_a_read_only_library_is_upcast_in_memory_without_writing(old_library):
    before = (old_library / "library.json").read_bytes()
    library = Library.open(old_library, "张敏", read_only=True)
    assert library.library_id and (old_library / "library.json").read_bytes() == before
    assert [s.number for s in library.list_cases()] == ["202610-001", "202611-001"]
    library.close()


# ---------------------------------------------------------------------------- newer formats are refused


def test_an_action_from_a_newer_casefile_is_refused_not_skipped(old_library):
    folder = old_library / "cases" / "202610-001"
    entries = entries_of(folder)
    entries.append({**entries[-1], "seq": len(entries) + 1, "action": "merge-cases", "details": {"into": "x"}})
    rewrite_log(folder, entries)
    with pytest.raises(LibraryVersionError, match="action 'merge-cases', made by a newer CaseFile"):
        record.fold(entries)
    library = Library.open(old_library, "张敏")
    report = verify(library, "202610-001")
    assert any("made by a newer CaseFile" in p for p in report.problems)
    with pytest.raises(LibraryVersionError), library.edit("202610-001"):
        pass
    library.close()


def test_an_entry_or_record_of_a_newer_format_is_refused(old_library):
    folder = old_library / "cases" / "202610-001"
    entries = entries_of(folder)
    newer = {**entries[-1], "seq": len(entries) + 1, "v": 99, "action": "stage", "details": {"stage": "closed"}}
    with pytest.raises(LibraryVersionError, match="format 99, made by a newer CaseFile"):
        record.fold([*entries, newer])
    data = json.loads((folder / "case.json").read_text("utf-8"))
    with pytest.raises(LibraryVersionError, match="newer CaseFile"):
        case_from_data({**data, "version": RECORD_VERSION + 1})


def test_a_library_of_a_newer_format_is_refused(old_library):
    marker = old_library / "library.json"
    marker.write_text(json.dumps({"format": "casefile-library", "version": LIBRARY_VERSION + 1}), "utf-8")
    with pytest.raises(LibraryVersionError, match="newer CaseFile"):
        Library.open(old_library, "张敏")


# ---------------------------------------------------------------------------- unknown keys survive


def test_keys_a_newer_casefile_added_survive_changes_made_by_this_one(old_library):
    folder = old_library / "cases" / "202610-001"
    entries = entries_of(folder)
    # A newer CaseFile records a field this one does not know, in the case and inside a party.
    entries[0]["details"]["case"]["complainant"]["wechat_id"] = "zhang_san_88"
    entries.append(
        {
            **entries[-1],
            "seq": len(entries) + 1,
            "action": "update",
            "details": {"fields": {"hearing_at": "2027-01-05"}},
        }
    )
    rewrite_log(folder, entries)
    truth = record.fold(entries)
    from casefile.core.model import case_to_data

    (folder / "case.json").write_text(json.dumps(case_to_data(truth), ensure_ascii=False), "utf-8")
    library = Library.open(old_library, "张敏")
    assert verify(library, "202610-001").ok
    with library.edit("202610-001") as writer:
        writer.set_stage(Stage.VERIFICATION, "核实")
    data = json.loads((folder / "case.json").read_text("utf-8"))
    assert data["hearing_at"] == "2027-01-05" and data["complainant"]["wechat_id"] == "zhang_san_88"
    assert data["stage"] == "verification"
    assert verify(library, "202610-001").ok
    library.close()


def test_library_marker_and_settings_keep_unknown_keys(old_library, tmp_path, monkeypatch):
    marker = old_library / "library.json"
    info = json.loads(marker.read_text("utf-8"))
    marker.write_text(json.dumps({**info, "team_url": "postgresql://office/casefile"}), "utf-8")
    Library.open(old_library, "张敏").close()
    migrated = json.loads(marker.read_text("utf-8"))
    assert migrated["team_url"] == "postgresql://office/casefile" and migrated["version"] == LIBRARY_VERSION

    config = tmp_path / "config"
    shutil.copytree(FORMAT1 / "config", config)
    monkeypatch.setenv("CASEFILE_CONFIG_DIR", str(config))
    data = json.loads((config / "settings.json").read_text("utf-8"))
    (config / "settings.json").write_text(json.dumps({**data, "theme": "dark"}), "utf-8")
    settings = load_settings()
    assert settings.operator == "张敏" and settings.org_name == "某某数码旗舰店"
    settings.operator = "李四"
    save_settings(settings)
    saved = json.loads((config / "settings.json").read_text("utf-8"))
    assert saved["theme"] == "dark" and saved["operator"] == "李四" and saved["version"] == 1


def test_exhibit_metadata_is_typed_and_reads_back_exactly_what_was_stored(old_library):
    from casefile.core.model import ExhibitMetadata, from_data, to_data

    entries = entries_of(old_library / "cases" / "202611-001")
    stored = [e["details"]["exhibit"]["metadata"] for e in entries if e["action"] == "ingest"]
    stored += [e["details"]["metadata"] for e in entries if e["action"] == "exhibit-metadata"]
    assert len(stored) == 6
    for data in stored:
        typed = from_data(ExhibitMetadata, data)
        assert to_data(typed) == data  # nothing added, nothing lost, nothing renamed
    photo = from_data(ExhibitMetadata, stored[0])
    assert photo.device_name() == "Canon EOS 40D" and photo.width == 96 and photo.exif_offset == "+08:00"

    # A value of a type this version does not expect, and a key it does not know, are kept as they were.
    odd = {"width": "wide", "height": 64, "depth_map": {"layers": 2}, "email": {"from": "a@b", "x-mailer": "Foxmail"}}
    typed = from_data(ExhibitMetadata, odd)
    assert typed.width is None and typed.height == 64 and typed.email is not None and typed.email.sender == "a@b"
    assert to_data(typed) == odd


def test_show_lists_the_bundles_made_from_the_core_history(old_library, capsys):
    from casefile.cli import main

    assert main(["--library", str(old_library), "show", "202611-001"]) == 0
    out = capsys.readouterr().out
    (line,) = [line for line in out.splitlines() if "bundles/202611-001-receipt-" in line]
    assert "receipt" in line and "sha256" in line and "pages" in line


# ---------------------------------------------------------------------------- format 1 -> 2: insurance unknown


def test_a_format_1_not_insured_reads_as_not_entered_everywhere(old_library):
    """Format 1 wrote insured: false for a shipment nobody asked about; it is read as unknown, not as "no"."""
    for number in ("202610-001", "202611-001"):
        folder = old_library / "cases" / number
        raw = json.loads((folder / "case.json").read_text("utf-8"))
        assert raw["version"] == 1 and raw["shipment"]["insured"] is False
        creation = entries_of(folder)[0]
        assert "v" not in creation and creation["details"]["case"]["shipment"]["insured"] is False
        assert case_from_data(raw).shipment.insured is None  # case.json, upcast
        assert record.fold(entries_of(folder)).shipment.insured is None  # the creation entry, upcast
    library = Library.open(old_library, "张敏", read_only=True)
    assert library.load_case("202611-001").shipment.insured is None
    library.close()


def test_format_1_update_entries_are_upcast_on_a_copy_and_still_verify(old_library):
    folder = old_library / "cases" / "202610-001"
    entries = entries_of(folder)
    shipment = {**entries[0]["details"]["case"]["shipment"], "waybill_no": "SF1"}
    later = [
        {**entries[-1], "seq": len(entries) + 1, "action": "update", "details": {"fields": {"shipment": shipment}}},
        {
            **entries[-1],
            "seq": len(entries) + 2,
            "action": "update",
            "details": {"fields": {"shipment": {**shipment, "insured": True, "declared_value": "3000"}}},
        },
    ]
    for entry in later:
        entry.pop("v", None)  # written by format 1
    rewrite_log(folder, [*entries, *later])
    stored = entries_of(folder)
    halfway = record.fold(stored[:-1])
    assert halfway.shipment.insured is None and halfway.shipment.waybill_no == "SF1"
    truth = record.fold(stored)
    # Format 1 printed the declared value of an insured parcel as its insured amount: so it reads.
    assert truth.shipment.insured is True and str(truth.shipment.insured_value) == "3000"
    assert entries_of(folder) == stored  # folding upcast copies: the entries as stored are untouched
    assert stored[-2]["details"]["fields"]["shipment"]["insured"] is False
    from casefile.core.custody import CustodyLog

    assert CustodyLog(folder / LOG_NAME).check().ok


def test_rewriting_a_format_1_case_json_keeps_the_old_file_first(old_library):
    folder = old_library / "cases" / "202611-001"
    before = (folder / "case.json").read_bytes()
    log_before = (folder / LOG_NAME).read_bytes()
    library = Library.open(old_library, "张敏")
    with library.edit("202611-001") as writer:
        writer.set_stage(Stage.NEGOTIATION, "提出方案")
    (backup,) = folder.glob("case.json.v1-*.bak")
    assert backup.read_bytes() == before
    data = json.loads((folder / "case.json").read_text("utf-8"))
    assert data["version"] == RECORD_VERSION == 3 and data["shipment"]["insured"] is None
    assert (folder / LOG_NAME).read_bytes().startswith(log_before)  # the log only grows
    assert verify(library, "202611-001").ok
    with library.edit("202611-001") as writer:
        writer.set_stage(Stage.CONFIRMATION, "")
    assert len(list(folder.glob("case.json.v1-*.bak"))) == 1  # once: the file is in the current format now
    assert verify(library, "202611-001").ok
    library.close()


def test_a_read_only_format_1_library_is_read_without_writing_backups(old_library):
    before = {p: p.read_bytes() for p in old_library.rglob("*") if p.is_file()}
    library = Library.open(old_library, "张敏", read_only=True)
    assert library.load_case("202610-001").shipment.insured is None
    library.close()
    assert {p: p.read_bytes() for p in old_library.rglob("*") if p.is_file()} == before


def test_a_format_1_archive_imports_with_insurance_unknown(tmp_path):
    from casefile.core.archive import import_case

    library = Library.open(tmp_path / "new-library", "张敏")
    list(import_case(library, FORMAT1 / "202611-001-export.zip"))
    case = library.load_case("202611-001")
    assert case.shipment.insured is None
    assert verify(library, "202611-001").ok
    library.close()
