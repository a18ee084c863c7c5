"""Export to and import from ZIP archives: round trip, and every kind of refusal."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from casefile_testing import FORMAT1

from casefile.cli import main
from casefile.core.archive import ExportResult, ImportResult, export_case, import_case
from casefile.core.custody import LOG_NAME
from casefile.core.errors import ArchiveError, CaseFileError
from casefile.core.evidence import add_files
from casefile.core.fsutil import TEMP_PREFIX
from casefile.core.library import CaseFolder, Library
from casefile.core.manifest import MANIFEST_NAME
from casefile.core.verify import CaseReport, FileStatus, verify_case, verify_folder

needs_sha256sum = pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum is not on PATH")


# ---------------------------------------------------------------------------- helpers


def export(library: Library, number: str, dest: Path) -> ExportResult:
    result = list(export_case(library, number, dest))[-1]
    assert isinstance(result, ExportResult)
    return result


def import_(library: Library, archive: Path) -> ImportResult:
    result = list(import_case(library, archive))[-1]
    assert isinstance(result, ImportResult)
    return result


def verify(library: Library, number: str) -> CaseReport:
    report = list(verify_case(library, number))[-1]
    assert isinstance(report, CaseReport)
    return report


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def actions(folder: Path) -> list[str]:
    return [json.loads(line)["action"] for line in (folder / LOG_NAME).read_text("utf-8").splitlines()]


def last_entry(folder: Path) -> dict:
    return json.loads((folder / LOG_NAME).read_text("utf-8").splitlines()[-1])


def members(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def write_zip(dest: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about duplicate names
        with zipfile.ZipFile(dest, "w") as zf:
            for name, data in entries:
                zf.writestr(name, data)
    return dest


def cases_listing(library: Library) -> list[str]:
    return sorted(os.listdir(library.cases_dir))


@pytest.fixture
def library2(tmp_path: Path) -> Library:
    lib = Library.open(tmp_path / "lib2", "op")
    yield lib
    lib.close()


@pytest.fixture
def filled(library: Library, case, files: Path) -> str:
    list(add_files(library, case.number, [files]))
    assert len(library.load_case(case.number).exhibits) == 4
    return case.number


@pytest.fixture
def exported(library: Library, filled: str, tmp_path: Path) -> tuple[str, Path]:
    """(case number, archive path) of a clean export of the filled case."""
    out = tmp_path / "out"
    out.mkdir()
    return filled, export(library, filled, out / "case.zip").path


# ---------------------------------------------------------------------------- round trip


def test_round_trip_into_a_fresh_library(library, library2, filled, tmp_path):
    source = library.folder(filled).path
    dest = tmp_path / "out.zip"
    result = export(library, filled, dest)
    assert result.path == dest
    assert dest.is_file()
    assert result.sha256 == sha256(dest.read_bytes())
    assert result.size == dest.stat().st_size
    names = list(members(dest))
    assert result.files == len(names)
    assert all(n.startswith(f"{filled}/") for n in names)
    for required in ("case.json", LOG_NAME, MANIFEST_NAME, "README.txt"):
        assert f"{filled}/{required}" in names
    assert not any("/inbox/" in n or f"/{TEMP_PREFIX}" in n for n in names)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]

    # The source records the export.
    export_entry = last_entry(source)
    assert export_entry["action"] == "export"
    assert export_entry["details"]["file"] == "out.zip"
    assert export_entry["details"]["sha256"] == result.sha256

    imported = import_(library2, dest)
    assert imported.number == filled
    assert imported.exhibits == 4
    assert imported.folder == library2.cases_dir / filled
    assert library2.case_numbers() == [filled]
    assert [s.number for s in library2.list_cases()] == [filled]

    report = verify(library2, filled)
    assert report.ok, report.problems
    assert report.count(FileStatus.INTACT) == 4

    original = library.load_case(filled)
    copy = library2.load_case(filled)
    assert [(e.number, e.stored_path, e.sha256, e.size) for e in copy.exhibits] == [
        (e.number, e.stored_path, e.sha256, e.size) for e in original.exhibits
    ]
    for e in copy.exhibits:
        target = imported.folder / e.stored_path
        assert target.read_bytes() == (source / e.stored_path).read_bytes()
        assert sha256(target.read_bytes()) == e.sha256
        assert not os.stat(target).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)

    imported_actions = actions(imported.folder)
    assert "import" in imported_actions
    assert "export" not in imported_actions  # recorded after the archive was written
    import_entry = next(
        json.loads(line)
        for line in (imported.folder / LOG_NAME).read_text("utf-8").splitlines()
        if json.loads(line)["action"] == "import"
    )
    assert import_entry["operator"] == "op"
    assert import_entry["details"] == {"file": "out.zip", "sha256": result.sha256}
    assert CaseFolder(imported.folder).custody.check().ok
    assert "export" in actions(source)
    assert CaseFolder(source).custody.check().ok


def test_extracted_archive_verifies_on_its_own(exported, tmp_path):
    number, archive = exported
    extracted = tmp_path / "extracted"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(extracted)
    report = list(verify_folder(CaseFolder(extracted / number)))[-1]
    assert report.ok, report.problems
    assert report.count(FileStatus.INTACT) == 4


@needs_sha256sum
def test_sha256sum_passes_in_the_extracted_archive(exported, tmp_path):
    number, archive = exported
    extracted = tmp_path / "extracted"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(extracted)
    result = subprocess.run(
        ["sha256sum", "-c", MANIFEST_NAME],
        cwd=extracted / number,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": OK") == 5  # the four exhibits and CASEFILE.txt


def test_import_into_the_same_library_is_refused(library, exported):
    number, archive = exported
    folder = library.folder(number).path
    log_before = (folder / LOG_NAME).read_bytes()
    listing = cases_listing(library)
    with pytest.raises(ArchiveError, match="already in this library"):
        import_(library, archive)
    assert cases_listing(library) == listing
    assert (folder / LOG_NAME).read_bytes() == log_before


def test_import_twice_into_another_library_is_refused_the_second_time(library2, exported):
    number, archive = exported
    import_(library2, archive)
    log_before = (library2.cases_dir / number / LOG_NAME).read_bytes()
    with pytest.raises(ArchiveError, match=f"case {number} is already in this library"):
        import_(library2, archive)
    assert cases_listing(library2) == [number]
    assert (library2.cases_dir / number / LOG_NAME).read_bytes() == log_before


# ---------------------------------------------------------------------------- refused archives

# Each builder gets (clean archive, destination, case number) and writes a bad archive.
Builder = Callable[[Path, Path, str], None]


def _rewrite(
    src: Path,
    dst: Path,
    *,
    change: dict[str, bytes] | None = None,
    rename: Callable[[str], str] | None = None,
    extra: list[tuple[str | zipfile.ZipInfo, bytes]] | None = None,
) -> None:
    entries: list[tuple[str | zipfile.ZipInfo, bytes]] = []
    for name, data in members(src).items():
        new_name = rename(name) if rename else name
        entries.append((new_name, (change or {}).get(name, data)))
    write_zip(dst, entries + (extra or []))


def _evidence_name(src: Path, number: str, original: str) -> str:
    return next(n for n in members(src) if n.startswith(f"{number}/evidence/") and n.endswith(original))


def _manifest_with(src: Path, number: str, name: str, new_digest: str) -> bytes:
    rel = name.removeprefix(f"{number}/")
    lines = []
    for line in members(src)[f"{number}/{MANIFEST_NAME}"].decode("utf-8").splitlines():
        digest, _, path = line.partition("  ")
        lines.append(f"{new_digest if path == rel else digest}  {path}\n")
    return "".join(lines).encode("utf-8")


def build_dotdot(src: Path, dst: Path, number: str) -> None:
    _rewrite(src, dst, extra=[(f"{number}/evidence/../../escaped.txt", b"x")])


def build_absolute(src: Path, dst: Path, number: str) -> None:
    _rewrite(src, dst, extra=[("/tmp/casefile-absolute.txt", b"x")])


def build_symlink(src: Path, dst: Path, number: str) -> None:
    link = zipfile.ZipInfo(f"{number}/evidence/link")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    _rewrite(src, dst, extra=[(link, b"/etc/passwd")])


def build_duplicate(src: Path, dst: Path, number: str) -> None:
    name = _evidence_name(src, number, "chat.txt")
    _rewrite(src, dst, extra=[(name, b"a second, different chat.txt")])


def build_case_colliding(src: Path, dst: Path, number: str) -> None:
    name = _evidence_name(src, number, "chat.txt")
    _rewrite(src, dst, extra=[(name.replace("chat.txt", "CHAT.TXT"), b"another")])


def _forged(src: Path, name: str) -> bytes:
    """The file's bytes with its end changed, keeping its size (the log records sizes too)."""
    original = members(src)[name]
    return original[:-8] + b"FORGED!\n"


def build_modified_file(src: Path, dst: Path, number: str) -> None:
    name = _evidence_name(src, number, "chat.txt")
    _rewrite(src, dst, change={name: _forged(src, name)})


def build_resized_file(src: Path, dst: Path, number: str) -> None:
    name = _evidence_name(src, number, "chat.txt")
    _rewrite(src, dst, change={name: b"a forged conversation\n"})


def build_modified_file_and_manifest(src: Path, dst: Path, number: str) -> None:
    name = _evidence_name(src, number, "chat.txt")
    forged = _forged(src, name)
    manifest = _manifest_with(src, number, name, sha256(forged))
    _rewrite(src, dst, change={name: forged, f"{number}/{MANIFEST_NAME}": manifest})


def build_extra_evidence(src: Path, dst: Path, number: str) -> None:
    _rewrite(src, dst, extra=[(f"{number}/evidence/099-smuggled.txt", b"not in the log")])


def build_two_cases(src: Path, dst: Path, number: str) -> None:
    other = number[:-3] + "999"
    entries = list(members(src).items())
    write_zip(dst, entries + [(n.replace(number, other, 1), d) for n, d in entries])


def build_not_a_case_number(src: Path, dst: Path, number: str) -> None:
    _rewrite(src, dst, rename=lambda n: n.replace(number, "my-case", 1))


def build_no_record(src: Path, dst: Path, number: str) -> None:
    entries = [(n, d) for n, d in members(src).items() if n != f"{number}/case.json"]
    write_zip(dst, entries)


def build_inbox_entry(src: Path, dst: Path, number: str) -> None:
    _rewrite(src, dst, extra=[(f"{number}/inbox/waiting.txt", b"x")])


def build_not_a_zip(src: Path, dst: Path, number: str) -> None:
    dst.write_bytes(b"PK\x03\x04 this is not really a zip archive at all")


def build_encrypted(src: Path, dst: Path, number: str) -> None:
    name = _evidence_name(src, number, "chat.txt")
    with zipfile.ZipFile(dst, "w") as zf:
        for entry, body in members(src).items():
            zf.writestr(entry, body)
        # zipfile resets flag_bits while writing an entry; setting it before close puts the
        # "encrypted" bit into the central directory, which is what readers list.
        zf.getinfo(name).flag_bits |= 0x1
    with zipfile.ZipFile(dst) as zf:
        assert zf.getinfo(name).flag_bits & 0x1


def build_forged_custody(src: Path, dst: Path, number: str) -> None:
    lines = members(src)[f"{number}/{LOG_NAME}"].decode("utf-8").splitlines()
    entry = json.loads(lines[1])
    entry["operator"] = "someone else"
    lines[1] = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    _rewrite(src, dst, change={f"{number}/{LOG_NAME}": ("\n".join(lines) + "\n").encode("utf-8")})


REFUSALS: list[tuple[str, Builder, str]] = [
    ("dotdot", build_dotdot, "path escapes the case folder"),
    ("absolute", build_absolute, "absolute or Windows-style path"),
    ("symlink", build_symlink, "the archive contains a link"),
    ("duplicate", build_duplicate, "the archive holds this entry twice"),
    ("case-colliding", build_case_colliding, "the archive holds this entry twice"),
    ("modified-file", build_modified_file, "the archive does not verify"),
    ("resized-file", build_resized_file, "but the custody log records"),
    ("modified-file-and-manifest", build_modified_file_and_manifest, "the archive does not verify"),
    ("extra-evidence", build_extra_evidence, "099-smuggled.txt is not a file the case's custody log records"),
    ("forged-custody", build_forged_custody, "custody log entry 2 was altered"),
    ("two-cases", build_two_cases, "exactly one case folder"),
    ("not-a-case-number", build_not_a_case_number, "is not a case folder"),
    ("no-record", build_no_record, "has no case.json"),
    ("inbox", build_inbox_entry, "not part of a case folder"),
    ("not-a-zip", build_not_a_zip, "is not a readable ZIP archive"),
    ("encrypted", build_encrypted, "encrypted entries are not accepted"),
]


@pytest.mark.parametrize(("builder", "message"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS])
def test_bad_archive_is_refused_and_nothing_is_written(library2, exported, tmp_path, builder, message):
    number, archive = exported
    bad = tmp_path / "bad.zip"
    builder(archive, bad, number)
    before = cases_listing(library2)
    with pytest.raises(ArchiveError) as info:
        import_(library2, bad)
    assert message in str(info.value)
    after = cases_listing(library2)
    assert after == before == []
    assert not [n for n in after if n.startswith(TEMP_PREFIX)]
    assert library2.list_cases() == []


def test_refused_modified_file_names_the_file(library2, exported, tmp_path):
    number, archive = exported
    bad = tmp_path / "bad.zip"
    build_modified_file(archive, bad, number)
    name = _evidence_name(archive, number, "chat.txt").removeprefix(f"{number}/")
    with pytest.raises(ArchiveError, match="nothing was imported") as info:
        import_(library2, bad)
    assert f"{name}: modified" in str(info.value)


def test_refused_consistent_file_and_manifest_names_the_custody_log(library2, exported, tmp_path):
    number, archive = exported
    bad = tmp_path / "bad.zip"
    build_modified_file_and_manifest(archive, bad, number)
    name = _evidence_name(archive, number, "chat.txt").removeprefix(f"{number}/")
    with pytest.raises(ArchiveError) as info:
        import_(library2, bad)
    text = str(info.value)
    assert f"{name}: modified" in text
    assert f"{MANIFEST_NAME} gives {name} a hash the custody log never recorded" in text


def test_missing_archive_is_an_error(library2, tmp_path):
    with pytest.raises(CaseFileError, match="does not exist"):
        import_(library2, tmp_path / "nowhere.zip")
    assert cases_listing(library2) == []


def test_archive_with_a_renamed_case_folder_is_refused(library, exported, tmp_path):
    number, archive = exported
    renamed = number[:-3] + "777"
    bad = tmp_path / "renamed.zip"
    _rewrite(archive, bad, rename=lambda n: n.replace(number, renamed, 1))
    listing = cases_listing(library)
    with pytest.raises(ArchiveError):
        import_(library, bad)
    assert cases_listing(library) == listing


@pytest.mark.parametrize("hidden", [f"evidence/{TEMP_PREFIX}hidden.txt", "evidence/.staging/hidden.txt"])
def test_archive_with_hidden_files_in_evidence_is_refused(library2, exported, tmp_path, hidden):
    number, archive = exported
    bad = tmp_path / "hidden.zip"
    _rewrite(archive, bad, extra=[(f"{number}/{hidden}", b"unaccounted for")])
    with pytest.raises(ArchiveError):
        import_(library2, bad)
    assert cases_listing(library2) == []


# ---------------------------------------------------------------------------- export refusals


def test_export_refuses_a_case_that_does_not_verify(library, filled, tmp_path):
    folder = library.folder(filled).path
    chat = next(e for e in library.load_case(filled).exhibits if e.original_name == "chat.txt")
    target = folder / chat.stored_path
    os.chmod(target, 0o644)
    target.write_bytes(b"tampered")
    out = tmp_path / "out"
    out.mkdir()
    log_before = (folder / LOG_NAME).read_bytes()

    with pytest.raises(CaseFileError, match=f"case {filled} does not verify") as info:
        export(library, filled, out / "case.zip")
    assert f"{chat.stored_path}: modified" in str(info.value)
    assert os.listdir(out) == []  # no archive, no partial file
    assert (folder / LOG_NAME).read_bytes() == log_before  # no export entry


def test_export_refuses_an_existing_destination(library, filled, tmp_path):
    dest = tmp_path / "taken.zip"
    dest.write_bytes(b"keep me")
    with pytest.raises(CaseFileError, match="already exists"):
        export(library, filled, dest)
    assert dest.read_bytes() == b"keep me"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_export_refuses_a_name_without_zip_suffix(library, filled, tmp_path):
    with pytest.raises(CaseFileError, match=r"must end in \.zip"):
        export(library, filled, tmp_path / "case.tar")
    assert not (tmp_path / "case.tar").exists()


# ---------------------------------------------------------------------------- command line


def _assert_one_line_error(err: str, fragment: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("casefile: error: ")
    assert fragment in lines[0]


def test_cli_export_and_import(library, filled, tmp_path, capsys):
    root = library.root
    library.close()
    dest = tmp_path / "cli.zip"
    assert main(["--library", str(root), "export", filled, "-o", str(dest)]) == 0
    out, err = capsys.readouterr()
    assert dest.is_file()
    assert str(dest) in out
    assert f"sha256 {sha256(dest.read_bytes())}" in out
    assert "Traceback" not in out + err

    lib2 = tmp_path / "cli-lib2"
    assert main(["--library", str(lib2), "import", str(dest)]) == 0
    out, err = capsys.readouterr()
    assert out.strip().splitlines()[-1] == filled
    assert "with 4 exhibits" in out
    assert "Traceback" not in out + err
    assert (lib2 / "cases" / filled / "case.json").is_file()

    # Refusals: one line on stderr, exit 2.
    assert main(["--library", str(lib2), "import", str(dest)]) == 2
    out, err = capsys.readouterr()
    _assert_one_line_error(err, "already in this library")
    assert "Traceback" not in out

    assert main(["--library", str(root), "export", filled, "-o", str(dest)]) == 2
    out, err = capsys.readouterr()
    _assert_one_line_error(err, "already exists")
    assert "Traceback" not in out


def test_cli_import_refuses_a_bad_archive(library, exported, tmp_path, capsys):
    number, archive = exported
    library.close()
    lib2 = tmp_path / "cli-lib2"
    for builder, fragment in (
        (build_dotdot, "path escapes the case folder"),
        (build_modified_file, "the archive does not verify"),
        (build_not_a_zip, "is not a readable ZIP archive"),
    ):
        bad = tmp_path / f"{builder.__name__}.zip"
        builder(archive, bad, number)
        assert main(["--library", str(lib2), "import", str(bad)]) == 2
        out, err = capsys.readouterr()
        _assert_one_line_error(err, fragment)
        assert "Traceback" not in out
    assert sorted(os.listdir(lib2 / "cases")) == []


def test_cli_export_refuses_a_case_that_does_not_verify(library, filled, tmp_path, capsys):
    folder = library.folder(filled).path
    chat = next(e for e in library.load_case(filled).exhibits if e.original_name == "chat.txt")
    os.chmod(folder / chat.stored_path, 0o644)
    (folder / chat.stored_path).write_bytes(b"tampered")
    root = library.root
    library.close()
    dest = tmp_path / "bad.zip"
    assert main(["--library", str(root), "export", filled, "-o", str(dest)]) == 2
    out, err = capsys.readouterr()
    _assert_one_line_error(err, "does not verify")
    assert chat.stored_path in err
    assert "Traceback" not in out
    assert not dest.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


# ---------------------------------------------------------------------------- hostile archives


def _bomb(src: Path, dst: Path, number: str, *, declared: int | None, payload: int) -> str:
    """The archive with chat.txt replaced by ``payload`` bytes of zeros, deflated (a few KB),
    its directory declaring ``declared`` bytes (None: the real size)."""
    name = _evidence_name(src, number, "chat.txt")
    entries: list[tuple[str | zipfile.ZipInfo, bytes]] = []
    for member, data in members(src).items():
        if member == name:
            info = zipfile.ZipInfo(member)
            info.compress_type = zipfile.ZIP_DEFLATED
            entries.append((info, b"\0" * payload))
        else:
            entries.append((member, data))
    write_zip(dst, entries)
    if declared is not None:  # what the central directory and the entry's own header say alike
        raw = bytearray(dst.read_bytes())
        for signature, size_at, length_at, name_at in ((b"PK\x01\x02", 24, 28, 46), (b"PK\x03\x04", 22, 26, 30)):
            at = raw.find(signature)
            while at >= 0:
                length = int.from_bytes(raw[at + length_at : at + length_at + 2], "little")
                if raw[at + name_at : at + name_at + length].decode("utf-8", errors="replace") == name:
                    raw[at + size_at : at + size_at + 4] = declared.to_bytes(4, "little")  # uncompressed size
                at = raw.find(signature, at + 4)
        dst.write_bytes(bytes(raw))
    return name


def test_an_entry_declaring_more_than_the_log_records_is_refused_before_anything_is_written(
    library2, exported, tmp_path
):
    number, archive = exported
    bomb = tmp_path / "bomb.zip"
    _bomb(archive, bomb, number, declared=None, payload=64 << 20)  # 64 MiB of zeros in a few dozen KB
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(ArchiveError, match="declares 67108864 bytes but the custody log records"):
        import_(library2, bomb)
    assert cases_listing(library2) == []


def test_an_entry_writing_more_than_it_declares_is_stopped_at_its_declared_size(library2, exported, tmp_path):
    number, archive = exported
    chat = members(archive)[_evidence_name(archive, number, "chat.txt")]
    bomb = tmp_path / "bomb.zip"
    _bomb(archive, bomb, number, declared=len(chat), payload=64 << 20)
    with pytest.raises(ArchiveError, match="nothing was imported") as info:
        import_(library2, bomb)
    assert "damaged in the archive" in str(info.value) or "more than the" in str(info.value)
    assert cases_listing(library2) == []
    assert sum(f.stat().st_size for f in library2.root.rglob("*") if f.is_file()) < 8 << 20


def test_a_bad_crc_is_a_clear_error(library2, exported, tmp_path):
    number, archive = exported
    name = _evidence_name(archive, number, "chat.txt")
    data = members(archive)[name]
    bad = tmp_path / "bad-crc.zip"
    raw = bytearray(archive.read_bytes())
    at = raw.find(data)
    raw[at] ^= 0xFF  # one byte of the stored file changed, its CRC left as it was
    bad.write_bytes(bytes(raw))
    with pytest.raises(ArchiveError, match=r"damaged in the archive .*CRC"):
        import_(library2, bad)
    assert cases_listing(library2) == []


def test_the_format_1_archive_still_imports(library2):
    archive = FORMAT1 / "202611-001-export.zip"
    result = import_(library2, archive)
    assert result.number == "202611-001" and result.exhibits == 5
    assert verify(library2, result.number).ok


def _central_entries(raw: bytes) -> list[tuple[int, str]]:
    """(offset, name) of each central directory entry."""
    found = []
    at = raw.find(b"PK\x01\x02")
    while at >= 0:
        length = int.from_bytes(raw[at + 28 : at + 30], "little")
        found.append((at, raw[at + 46 : at + 46 + length].decode("utf-8")))
        at = raw.find(b"PK\x01\x02", at + 4)
    return found


@pytest.mark.parametrize("field", ["name", "size", "crc"])
def test_a_directory_that_does_not_match_its_entries_is_said_to_be_damaged(library2, exported, tmp_path, field):
    """One byte flipped in the central directory: the 4th character of the first name made 202611-… into
    202711-… and import said the archive must hold exactly one case folder; a size or CRC changed there
    was taken at its word. The directory is now checked against each entry's own header first."""
    number, archive = exported
    raw = bytearray(archive.read_bytes())
    at, name = _central_entries(bytes(raw))[0]
    offset = {"name": 46 + 3, "size": 24, "crc": 16}[field]
    raw[at + offset] ^= 0x01
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(raw))
    with pytest.raises(ArchiveError) as info:
        import_(library2, damaged)
    said = str(info.value)
    assert "the archive is damaged: its directory does not match its contents" in said
    assert "nothing was imported" in said and "exactly one case folder" not in said
    assert cases_listing(library2) == []
    assert not any(library2.cases_dir.iterdir())
