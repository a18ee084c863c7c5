"""Trusted timestamps (RFC 3161) end to end, against a real TSA on 127.0.0.1 (tests/tsa_server.py)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from casefile_testing import make_case
from tsa_server import TSA, LocalCA, make_ca

from casefile.core import record
from casefile.core.archive import export_case, import_case
from casefile.core.custody import LOG_NAME, entry_hash
from casefile.core.errors import ArchiveError
from casefile.core.evidence import add_files
from casefile.core.library import CaseFolder, Library, manifest_entries, record_text
from casefile.core.manifest import write_manifest
from casefile.core.timestamps import merkle, queue
from casefile.core.timestamps.stamping import (
    TsaConfig,
    renew_case,
    stamp_case,
    stamp_pending,
    unstamped,
)
from casefile.core.timestamps.token import TimestampError, load_pem_certificates, validate
from casefile.core.verify import CaseReport, verify_folder


def _verify(folder: Path) -> CaseReport:
    report = None
    for item in verify_folder(CaseFolder(folder)):
        if isinstance(item, CaseReport):
            report = item
    assert report is not None
    return report


def _config(tsa: TSA, local_ca: LocalCA, *, ca: bool = True) -> TsaConfig:
    return TsaConfig(tsa.url, str(local_ca.pem) if ca else "", 10)


@pytest.fixture
def stamped(library: Library, files: Path, tsa: TSA, local_ca: LocalCA) -> tuple[str, Path]:
    case = make_case(library)
    list(add_files(library, case.number, [files]))
    outcome = stamp_case(library, case.number, _config(tsa, local_ca))
    assert outcome.stamp is not None, outcome.error
    return case.number, library.folder(case.number).path


# ------------------------------------------------------------------------------------------ Merkle tree


@pytest.mark.parametrize("n", range(1, 10))
def test_every_leaf_proof_leads_to_the_root(n):
    digests = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(n)]
    root = merkle.merkle_root(digests)
    for i, digest in enumerate(digests):
        assert merkle.root_from_proof(digest, merkle.inclusion_proof(digests, i)) == root
    if n > 1:  # another leaf does not reach it along the same path
        assert merkle.root_from_proof(digests[1], merkle.inclusion_proof(digests, 0)) != root


def test_tree_is_rfc6962_with_domain_separation():
    a, b, c = (hashlib.sha256(x).hexdigest() for x in (b"a", b"b", b"c"))
    leaf = [hashlib.sha256(b"\x00" + bytes.fromhex(d)).digest() for d in (a, b, c)]
    ab = hashlib.sha256(b"\x01" + leaf[0] + leaf[1]).digest()
    assert merkle.merkle_root([a, b, c]) == hashlib.sha256(b"\x01" + ab + leaf[2]).hexdigest()
    assert merkle.merkle_root([a]) == leaf[0].hex()  # a leaf is never a bare digest


# ------------------------------------------------------------------------------------------ stamping


def test_ingest_is_stamped_and_verifies_offline(library, stamped, tsa):
    number, folder = stamped
    case = library.load_case(number)
    (stamp,) = case.timestamps
    assert stamp.exhibits == [e.number for e in case.exhibits] and not unstamped(case)
    assert stamp.tsa.startswith("CaseFile Test TSA") and stamp.time is not None
    log = folder / LOG_NAME
    entries = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    assert entries[-1]["action"] == record.TIMESTAMP
    assert stamp.custody_seq == len(entries) - 1 and stamp.custody_hash == entries[-2]["hash"]
    # Token, chain and proofs are in the manifest, and sha256sum -c covers them.
    listed = dict(manifest_entries(case))
    assert {f"timestamps/{stamp.id}/{n}" for n in ("token.tsr", "ca.pem", "chain.pem", "tree.json")} <= set(listed)
    out = subprocess.run(["sha256sum", "-c", "MANIFEST.sha256"], cwd=folder, capture_output=True, text=True)
    assert out.returncode == 0 and "timestamps/0001/token.tsr: OK" in out.stdout
    # The queue is empty, and verification (offline: the TSA is down) checks the stamp.
    assert queue.queued(library.root) == []
    tsa.down = True
    report = _verify(folder)
    assert report.ok, report.problems
    (result,) = report.stamps
    assert result.ok and result.info is not None and result.info.serial == stamp.serial


def test_openssl_alone_checks_the_token_and_a_proof(stamped):
    """What an expert runs without CaseFile: openssl ts -verify with the root, then the proof by hand."""
    _number, folder = stamped
    base = folder / "timestamps" / "0001"
    tree = json.loads((base / "tree.json").read_text("utf-8"))
    out = subprocess.run(
        ["openssl", "ts", "-verify", "-digest", tree["root"], "-in", "token.tsr", "-CAfile", "ca.pem"]
        + ["-untrusted", "chain.pem"],
        cwd=base,
        capture_output=True,
        text=True,
    )
    assert "Verification: OK" in out.stdout, out.stderr
    leaf = tree["leaves"][0]
    data = (folder / leaf["path"]).read_bytes()
    h = hashlib.sha256(b"\x00" + hashlib.sha256(data).digest()).digest()
    for step in leaf["proof"]:
        sib = bytes.fromhex(step["hash"])
        h = hashlib.sha256(b"\x01" + (sib + h if step["side"] == "left" else h + sib)).digest()
    assert h.hex() == tree["root"]


def test_token_with_the_ca_embedded_needs_no_ca_file(library, files, tsa, local_ca):
    tsa.embed_ca = True
    case = make_case(library)
    list(add_files(library, case.number, [files]))
    outcome = stamp_case(library, case.number, _config(tsa, local_ca, ca=False))
    assert outcome.stamp is not None, outcome.error
    assert _verify(library.folder(case.number).path).ok


def test_token_without_its_ca_and_no_ca_file_is_refused(library, files, tsa, local_ca):
    case = make_case(library)
    list(add_files(library, case.number, [files]))
    outcome = stamp_case(library, case.number, _config(tsa, local_ca, ca=False))
    assert outcome.stamp is None and not outcome.queued
    assert "CA certificate" in str(outcome.error)
    assert not library.load_case(case.number).timestamps
    assert not (library.folder(case.number).path / "timestamps").exists()


def test_expired_tsa_certificate_is_refused(library, files, tsa, local_ca):
    tsa.use(*local_ca.issue_tsa("expired", expired=True))
    case = make_case(library)
    list(add_files(library, case.number, [files]))
    outcome = stamp_case(library, case.number, _config(tsa, local_ca))
    assert outcome.stamp is None and not outcome.queued
    assert "does not validate" in str(outcome.error), outcome.error
    assert unstamped(library.load_case(case.number))


def test_tampered_token_and_wrong_chain_do_not_validate(stamped, tmp_path):
    _number, folder = stamped
    base = folder / "timestamps" / "0001"
    token = (base / "token.tsr").read_bytes()
    roots = load_pem_certificates((base / "ca.pem").read_bytes())
    others = load_pem_certificates((base / "chain.pem").read_bytes())
    root = bytes.fromhex(json.loads((base / "tree.json").read_text("utf-8"))["root"])
    validate(token, roots, others, root)  # as stored: valid
    with pytest.raises(TimestampError, match="another digest"):
        validate(token, roots, others, hashlib.sha256(b"other data").digest())
    # The imprint inside the signed TSTInfo changed to another digest: the signature no longer matches.
    at = token.find(root)
    other = hashlib.sha256(b"a document stamped instead").digest()
    forged = token[:at] + other + token[at + 32 :]
    with pytest.raises(TimestampError, match="signature"):
        validate(forged, roots, others, other)
    stranger = make_ca(tmp_path / "other-ca", "Some Other Root CA")
    wrong = load_pem_certificates(stranger.pem.read_bytes())
    with pytest.raises(TimestampError, match="chain|root"):
        validate(token, wrong, others, root)


def test_verify_catches_a_tampered_token_and_tampered_data(library, stamped):
    number, folder = stamped
    token = folder / "timestamps" / "0001" / "token.tsr"
    os.chmod(token, stat.S_IWUSR | stat.S_IRUSR)
    data = bytearray(token.read_bytes())
    data[-5] ^= 0xFF
    token.write_bytes(bytes(data))
    report = _verify(folder)
    assert not report.ok
    assert any("timestamps/0001/token.tsr" in p for p in report.problems)
    assert report.stamps and not report.stamps[0].ok


def test_tsa_down_queues_and_sends_later(library, files, tsa, local_ca):
    tsa.down = True
    case = make_case(library)
    list(add_files(library, case.number, [files]))
    assert queue.queued(library.root) == [case.number]
    outcome = stamp_case(library, case.number, _config(tsa, local_ca))
    assert outcome.queued and outcome.stamp is None
    state = queue.queue_state(library.root, case.number)
    assert state is not None and "503" in state["error"]
    assert unstamped(library.load_case(case.number)) == [1, 2, 3, 4]
    tsa.down = False
    (sent,) = list(stamp_pending(library, _config(tsa, local_ca)))
    assert sent.stamp is not None and sent.stamp.exhibits == [1, 2, 3, 4]
    assert queue.queued(library.root) == []
    assert _verify(library.folder(case.number).path).ok


def test_unreachable_tsa_is_queued(library, files, local_ca):
    case = make_case(library)
    list(add_files(library, case.number, [files]))
    outcome = stamp_case(library, case.number, TsaConfig("http://127.0.0.1:9/tsa", str(local_ca.pem), 2))
    assert outcome.queued and "cannot be reached" in str(outcome.error)


def test_a_later_ingest_gets_its_own_stamp(library, stamped, tmp_path, tsa, local_ca):
    number, folder = stamped
    extra = tmp_path / "later.txt"
    extra.write_text("后来补充的聊天记录", "utf-8")
    list(add_files(library, number, [extra]))
    outcome = stamp_case(library, number, _config(tsa, local_ca))
    assert outcome.stamp is not None and outcome.stamp.exhibits == [5]
    assert _verify(folder).ok


def test_renewal_stamps_the_earlier_token_again(library, files, tsa, local_ca):
    tsa.use(*local_ca.issue_tsa("short", days=30))
    case = make_case(library)
    list(add_files(library, case.number, [files]))
    first = stamp_case(library, case.number, _config(tsa, local_ca)).stamp
    assert first is not None
    assert renew_case(library, case.number, _config(tsa, local_ca), within=timedelta(days=10)) == []
    tsa.use(*local_ca.issue_tsa("long", days=3650))
    (renewal,) = renew_case(library, case.number, _config(tsa, local_ca))
    assert renewal.stamp is not None and renewal.stamp.renews == first.id
    folder = library.folder(case.number).path
    tree = json.loads((folder / "timestamps" / renewal.stamp.id / "tree.json").read_text("utf-8"))
    token_leaf = [leaf for leaf in tree["leaves"] if leaf["kind"] == "token"]
    assert token_leaf[0]["sha256"] == hashlib.sha256((folder / "timestamps/0001/token.tsr").read_bytes()).hexdigest()
    assert renew_case(library, case.number, _config(tsa, local_ca)) == []  # renewed once
    report = _verify(folder)
    assert report.ok, report.problems
    # Past the first certificate's end, the renewal made before it stands in for it.
    later = verify_stamps_at(folder, first.expires + timedelta(days=1))
    assert not later[first.id], later


def verify_stamps_at(folder: Path, moment: datetime) -> dict[str, list[str]]:
    from casefile.core.timestamps.checking import check_stamps

    folder_ = CaseFolder(folder)
    entries, _chain = folder_.custody.scan()
    truth = record.fold(entries)
    intact = {path for s in truth.timestamps for path in s.files}
    return {r.id: list(r.notes) for r in check_stamps(folder, truth, entries, intact, now=moment)}


def test_expiry_without_renewal_is_noted(stamped):
    _number, folder = stamped
    notes = verify_stamps_at(folder, datetime.now(UTC) + timedelta(days=4000))
    assert any("no renewal" in n for n in notes["0001"])


# ------------------------------------------------------------------------------------------ rewritten chain


def _rewrite_chain(folder: Path, *, swap_file: bool = False) -> None:
    """Change exhibit 1's title in the log (``swap_file``: its bytes and recorded hash too) and recompute every
    hash, case.json and the manifest: what passed verify, sha256sum -c and import before timestamps."""
    log = folder / LOG_NAME
    entries = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    target = next(e for e in entries if e["action"] == "ingest")
    target["details"]["exhibit"]["title"] = "改过的标题"
    if swap_file:
        path = folder / target["details"]["exhibit"]["stored_path"]
        path.chmod(0o600)
        forged = b"a substituted file"
        path.write_bytes(forged)
        target["details"]["exhibit"]["sha256"] = hashlib.sha256(forged).hexdigest()
        target["details"]["exhibit"]["size"] = len(forged)
    prev = "0" * 64
    for entry in entries:
        entry["prev"] = prev
        entry["hash"] = prev = entry_hash(entry)
    log.write_text(
        "".join(json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n" for e in entries),
        "utf-8",
    )
    truth = record.fold(entries)
    (folder / "case.json").write_bytes(record_text(truth))
    write_manifest(folder, manifest_entries(truth))


def test_consistently_rewritten_chain_passes_without_a_stamp(library, files, tmp_path):
    case = make_case(library)
    list(add_files(library, case.number, [files]))
    copy = tmp_path / "copy" / case.number
    shutil.copytree(library.folder(case.number).path, copy)
    _rewrite_chain(copy)
    assert _verify(copy).ok  # the weakness timestamps close


def test_consistently_rewritten_chain_is_caught_by_the_stamp(stamped, tmp_path):
    number, folder = stamped
    copy = tmp_path / "copy" / number
    shutil.copytree(folder, copy)
    _rewrite_chain(copy)
    out = subprocess.run(["sha256sum", "-c", "MANIFEST.sha256"], cwd=copy, capture_output=True, text=True)
    assert out.returncode == 0  # the files still match the rewritten manifest
    report = _verify(copy)
    assert not report.ok
    assert any("the custody log was rewritten" in p for p in report.problems), report.problems


def test_substituted_exhibit_with_a_rewritten_log_is_caught_by_the_stamp(stamped, tmp_path):
    number, folder = stamped
    copy = tmp_path / "copy" / number
    shutil.copytree(folder, copy)
    _rewrite_chain(copy, swap_file=True)
    report = _verify(copy)
    assert all(f.status.value == "intact" for f in report.files)  # every file matches the forged record
    assert any("exhibit 1 in its tree is not the exhibit the case holds" in p for p in report.problems)
    assert any("the custody log was rewritten" in p for p in report.problems)


# ------------------------------------------------------------------------------------------ archives


def _export(library: Library, number: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{number}.zip"
    list(export_case(library, number, path))
    return path


def test_archive_carries_and_imports_the_stamps(library, stamped, tmp_path):
    number, _folder = stamped
    archive = _export(library, number, tmp_path)
    with zipfile.ZipFile(archive) as zf:
        assert f"{number}/timestamps/0001/token.tsr" in zf.namelist()
    other = Library.open(tmp_path / "other", "检查员")
    try:
        list(import_case(other, archive))
        assert other.load_case(number).timestamps
        assert _verify(other.folder(number).path).ok
    finally:
        other.close()


def test_import_refuses_an_archive_with_a_rewritten_chain(library, stamped, tmp_path):
    number, _folder = stamped
    archive = _export(library, number, tmp_path)
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(unpacked)
    for path in (unpacked / number).rglob("*"):
        path.chmod(0o700 if path.is_dir() else 0o600)
    _rewrite_chain(unpacked / number)
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(forged, "w") as zf:
        for path in sorted((unpacked / number).rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(unpacked).as_posix())
    other = Library.open(tmp_path / "other", "检查员")
    try:
        with pytest.raises(ArchiveError, match="does not verify"):
            list(import_case(other, forged))
        assert not other.case_numbers()
    finally:
        other.close()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_stamp_files_and_the_queue_are_private_whatever_the_umask(library, files, tsa, local_ca):
    old = os.umask(0)
    try:
        case = make_case(library)
        tsa.down = True
        list(add_files(library, case.number, [files]))
        assert stamp_case(library, case.number, _config(tsa, local_ca)).queued
        tsa.down = False
        assert stamp_case(library, case.number, _config(tsa, local_ca)).stamp is not None
        case_folder = library.folder(case.number).path
        queue.enqueue(library.root, "202611-999")
    finally:
        os.umask(old)
    for root in (case_folder / "timestamps", library.root / ".derived"):
        for path in [root, *root.rglob("*")]:
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


# ------------------------------------------------------------------------------------------ crashes


def _left_pending(library: Library, number: str) -> None:
    library.close()
    (library.root / ".pending" / number).write_bytes(b"")


def test_crash_before_the_stamp_is_recorded_leaves_no_files(library, stamped):
    number, folder = stamped
    stray = folder / "timestamps" / ".cf-tmp-0002"
    shutil.copytree(folder / "timestamps" / "0001", stray)
    _left_pending(library, number)
    reopened = Library.open(library.root, "recovery")
    assert sorted(p.name for p in (folder / "timestamps").iterdir()) == ["0001"]
    assert [s.id for s in reopened.load_case(number).timestamps] == ["0001"]
    assert _verify(folder).ok
    reopened.close()


def test_crash_after_the_stamp_is_recorded_finishes_it(library, stamped):
    number, folder = stamped
    os.rename(folder / "timestamps" / "0001", folder / "timestamps" / ".cf-tmp-0001")
    assert not _verify(folder).ok  # the recorded files are missing until recovery
    _left_pending(library, number)
    reopened = Library.open(library.root, "recovery")
    assert sorted(p.name for p in (folder / "timestamps").iterdir()) == ["0001"]
    report = _verify(folder)
    assert report.ok, report.problems
    reopened.close()
