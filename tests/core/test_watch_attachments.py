"""The folders attached to cases: listed in the library's attachments.json, shared by every window and command."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core.errors import CaseFileError, InvalidValueError, LibraryVersionError, NotFoundError
from casefile.core.library import Library
from casefile.core.settings import Settings, load_settings, save_settings, settings_path
from casefile.core.watch import (
    ATTACHMENTS_FORMAT,
    ATTACHMENTS_VERSION,
    WatchedFolder,
    attach_folder,
    attached_folders,
    attachments_path,
    detach_folder,
    options_from_settings,
)


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "scanner"
    path.mkdir()
    return path


def test_attach_and_detach_folders(library, case, folder, tmp_path):
    other_library = Library.open(tmp_path / "other-library", "测试员")
    make_case(other_library)
    attach_folder(library, case.number, folder)
    attach_folder(other_library, case.number, folder)  # the same folder for another library
    attach_folder(library, case.number, folder, poll=True)  # again: updates the flag
    assert attached_folders(library) == [WatchedFolder(case.number, folder, poll=True)]
    assert attached_folders(other_library) == [WatchedFolder(case.number, folder)]
    assert read_json(attachments_path(library)) == {
        "format": ATTACHMENTS_FORMAT,
        "version": ATTACHMENTS_VERSION,
        "folders": [{"case": case.number, "folder": str(folder), "poll": True}],
    }
    assert attachments_path(library) == library.root / "attachments.json"
    second = make_case(library)
    with pytest.raises(InvalidValueError, match="already attached to case"):
        attach_folder(library, second.number, folder)
    with pytest.raises(InvalidValueError, match="inside the library"):
        attach_folder(library, case.number, library.folder(case.number).inbox_dir)
    with pytest.raises(NotFoundError, match="no folder"):
        attach_folder(library, case.number, tmp_path / "missing")
    with pytest.raises(NotFoundError, match="no case"):
        attach_folder(library, "202611-099", folder)
    detach_folder(library, case.number, folder)
    assert attached_folders(library) == []
    assert attached_folders(other_library) == [WatchedFolder(case.number, folder)]
    with pytest.raises(NotFoundError, match="not attached"):
        detach_folder(library, case.number, folder)
    other_library.close()


def test_an_attachment_survives_an_app_saving_the_settings_it_loaded_before(library, case, folder):
    """The app holds its settings and rewrites them whole; an attachment made meanwhile stays."""
    held_by_the_app = load_settings()
    attach_folder(library, case.number, folder)  # another window, or the command line
    held_by_the_app.split_mb = 20
    save_settings(held_by_the_app)
    assert attached_folders(library) == [WatchedFolder(case.number, folder)]
    assert load_settings().split_mb == 20


def test_unknown_keys_survive_a_rewrite(library, case, folder, tmp_path):
    """A newer CaseFile of the same version may add keys, at the top or to an entry: they are kept."""
    share = tmp_path / "share"
    share.mkdir()
    write_json(
        attachments_path(library),
        {
            "format": ATTACHMENTS_FORMAT,
            "version": ATTACHMENTS_VERSION,
            "owner": {"team": "消协窗口"},
            "folders": [
                {"case": case.number, "folder": str(share), "poll": True, "label": "打印机共享", "since": "2026-11-20"},
                {"store": "s3", "bucket": "evidence"},  # an entry this CaseFile does not understand
            ],
        },
    )
    assert attached_folders(library) == [WatchedFolder(case.number, share, poll=True)]
    attach_folder(library, case.number, folder)
    attach_folder(library, case.number, share, poll=False)
    data = read_json(attachments_path(library))
    assert data["owner"] == {"team": "消协窗口"}
    assert data["folders"] == [
        {"case": case.number, "folder": str(share), "poll": False, "label": "打印机共享", "since": "2026-11-20"},
        {"store": "s3", "bucket": "evidence"},
        {"case": case.number, "folder": str(folder), "poll": False},
    ]
    detach_folder(library, case.number, folder)
    data = read_json(attachments_path(library))
    assert data["owner"] == {"team": "消协窗口"}
    assert [entry.get("label") for entry in data["folders"]] == ["打印机共享", None]


def test_a_newer_attachments_file_is_refused_and_left_as_it_is(library, case, folder):
    path = attachments_path(library)
    write_json(path, {"format": ATTACHMENTS_FORMAT, "version": ATTACHMENTS_VERSION + 1, "folders": []})
    before = path.read_bytes()
    with pytest.raises(LibraryVersionError, match="written by a newer CaseFile") as refused:
        attached_folders(library)
    assert refused.value.message.params["version"] == ATTACHMENTS_VERSION + 1
    with pytest.raises(LibraryVersionError, match="please upgrade"):
        attach_folder(library, case.number, folder)
    with pytest.raises(LibraryVersionError):
        detach_folder(library, case.number, folder)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("{not json", "cannot be read"),
        (json.dumps({"format": "something-else", "version": 1, "folders": []}), "not a CaseFile list"),
        (json.dumps({"format": ATTACHMENTS_FORMAT, "folders": []}), "no valid version"),
        (json.dumps({"format": ATTACHMENTS_FORMAT, "version": 1, "folders": {"a": 1}}), "not a CaseFile list"),
    ],
)
def test_a_damaged_attachments_file_is_reported_not_overwritten(library, case, folder, content, error):
    path = attachments_path(library)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CaseFileError, match=error):
        attached_folders(library)
    with pytest.raises(CaseFileError, match=error):
        attach_folder(library, case.number, folder)
    assert path.read_text(encoding="utf-8") == content


def test_attachments_made_at_once_are_all_kept(library, case, tmp_path):
    """Windows and commands attaching at the same moment: each change is made on the latest list."""
    folders = [tmp_path / f"phone-{i}" for i in range(24)]
    for path in folders:
        path.mkdir()
    start = threading.Barrier(6)
    errors: list[BaseException] = []

    def attach(mine: list[Path]) -> None:
        start.wait()
        try:
            for path in mine:
                attach_folder(library, case.number, path)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=attach, args=(folders[i::6],)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(f.path for f in attached_folders(library)) == sorted(folders)


# ---------------------------------------------------------------------------- from the settings of earlier versions


def legacy_settings(library: Library, other: Path, case: str, folder: Path, share: Path) -> dict:
    return {
        "operator": "张三",
        "split_mb": 5,
        "watch_after_ingest": "delete",
        "watch_folders": [
            {"library": str(library.root), "case": case, "folder": str(folder), "poll": False},
            {"library": str(other), "case": "202611-007", "folder": str(folder), "poll": False},
            {"library": str(library.root), "case": case, "folder": str(share), "poll": True, "note": "kept"},
            "not an entry",
        ],
        "from_a_newer_casefile": [1, 2, 3],
    }


def test_attachments_in_the_settings_move_into_the_library_once(library, case, folder, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    other = tmp_path / "other-library"
    write_json(settings_path(), legacy_settings(library, other, case.number, folder, share))
    held_by_the_app = load_settings()  # an app that started before the move

    assert attached_folders(library) == [
        WatchedFolder(case.number, folder),
        WatchedFolder(case.number, share, poll=True),
    ]
    assert read_json(attachments_path(library))["folders"] == [
        {"case": case.number, "folder": str(folder), "poll": False},
        {"case": case.number, "folder": str(share), "poll": True, "note": "kept"},
    ]
    settings = read_json(settings_path())
    assert settings["watch_folders"] == [
        {"library": str(other), "case": "202611-007", "folder": str(folder), "poll": False},
        "not an entry",
    ]  # other libraries' attachments wait for those libraries
    assert settings["from_a_newer_casefile"] == [1, 2, 3] and settings["operator"] == "张三"
    assert (load_settings().watch_after_ingest, load_settings().split_mb) == ("delete", 5)

    detach_folder(library, case.number, share)
    save_settings(held_by_the_app)  # neither brings the moved entries back nor drops the others
    assert attached_folders(library) == [WatchedFolder(case.number, folder)]
    assert len(read_json(settings_path())["watch_folders"]) == 2


def test_attaching_first_moves_the_attachments_from_the_settings(library, case, folder, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    write_json(settings_path(), legacy_settings(library, tmp_path / "other", case.number, folder, share))
    attach_folder(library, case.number, share)  # attached already (polled): updates the flag
    assert attached_folders(library) == [WatchedFolder(case.number, folder), WatchedFolder(case.number, share)]
    assert len(read_json(settings_path())["watch_folders"]) == 2


def test_without_attachments_nothing_is_written(library):
    write_json(settings_path(), {"watch_folders": {"not": "a list"}})
    assert attached_folders(library) == []
    assert not attachments_path(library).exists()
    assert read_json(settings_path()) == {"watch_folders": {"not": "a list"}}


def test_watch_options_come_from_the_settings():
    write_json(settings_path(), {"watch_after_ingest": "delete", "watch_settle_ms": 500})
    options = options_from_settings(load_settings())
    assert (options.settle, options.after_ingest) == (0.5, "delete")
    write_json(settings_path(), {"watch_after_ingest": "shred", "watch_settle_ms": True})
    assert options_from_settings(load_settings()).after_ingest == "move"
    assert options_from_settings(Settings()).settle == 2.0
    assert not hasattr(Settings(), "watch_folders")


def test_a_folder_of_the_library_reached_by_another_mount_is_refused(library, case, tmp_path, bind):
    other = make_case(library, title="另一案件")
    evidence = library.folder(other.number).path / "evidence"
    evidence.mkdir(exist_ok=True)
    again = bind(evidence, tmp_path / "nas" / "evidence")
    with pytest.raises(InvalidValueError, match="reached by another path") as refused:
        attach_folder(library, case.number, again)
    assert str(evidence) in str(refused.value)
    whole_case = bind(library.folder(other.number).path, tmp_path / "share" / "case")
    with pytest.raises(InvalidValueError, match="reached by another path"):
        attach_folder(library, case.number, whole_case / "evidence")
    assert attached_folders(library) == []


def test_a_whole_drive_or_the_home_folder_needs_a_confirmation(library, case, tmp_path, monkeypatch):
    from casefile.core.watch import WideFolderError

    home = tmp_path / "home" / "clerk"
    (home / "Pictures" / "手机同步").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    for wide in ("/", home, home.parent):
        with pytest.raises(WideFolderError, match="whole drive or the home folder"):
            attach_folder(library, case.number, wide)
    assert attached_folders(library) == []
    attach_folder(library, case.number, home / "Pictures" / "手机同步")  # what attach is for: no question
    attach_folder(library, case.number, home, wide=True)
    assert [f.path for f in attached_folders(library)] == [home / "Pictures" / "手机同步", home]
