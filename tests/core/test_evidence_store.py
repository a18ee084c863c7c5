"""The evidence store's contract, on each back end: a local folder, a folder on a share, and a real
SeaweedFS S3 gateway with Object Lock (tests/s3_server.py).

Content-addressed by SHA-256, write-once, verified on every read, kept while retained or held.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import stat
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from casefile.core.errors import StorageError
from casefile.core.hashing import sm3_available
from casefile.core.store.base import (
    EvidenceDigestMismatchError,
    EvidenceRetainedError,
    EvidenceStore,
    StoredEvidenceChangedError,
    StoredEvidenceMissingError,
    StoredEvidenceTakenError,
    object_key,
)
from casefile.core.store.folder import FolderStore, ShareStore
from casefile.core.store.s3 import S3Store

BACKENDS = ["folder", "share", "s3"]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Backend:
    """One back end under test, and what a test needs to reach round the store."""

    kind: str
    store: EvidenceStore
    server: Any = None  # the SeaweedFS, for S3
    clock: list[dt.datetime] | None = None  # the folder stores' wall clock, moved by the tests

    def second_client(self) -> EvidenceStore:
        """Another client on the same storage (its own connection, its own store object)."""
        if isinstance(self.store, S3Store):
            return S3Store(self.server.client("clerk"), self.store.bucket)
        assert isinstance(self.store, FolderStore)
        return type(self.store)(self.store.root, now=self.store.now)

    def plant(self, sha256: str, data: bytes) -> None:
        """Put ``data`` under the name of ``sha256`` behind the store's back (a rogue client, root on the server)."""
        if isinstance(self.store, S3Store):
            self.store.client.put_object(Bucket=self.store.bucket, Key=object_key(sha256), Body=data)
            return
        assert isinstance(self.store, FolderStore)
        path = self.store.path(sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def after(self, until: dt.datetime) -> None:
        """Let the clock that decides retention pass ``until``."""
        if self.clock is not None:
            self.clock[0] = until + dt.timedelta(seconds=1)
            return
        deadline = time.monotonic() + 30
        while self.server.server_time() <= until.timestamp():  # the server's clock decides
            assert time.monotonic() < deadline
            time.sleep(0.2)  # a poll interval: retention ends when the server's clock says so

    def objects(self, sha256: str) -> int:
        """How many stored copies (S3 versions, files) the name has."""
        if isinstance(self.store, S3Store):
            listing = self.store.client.list_object_versions(Bucket=self.store.bucket, Prefix=object_key(sha256))
            return len(listing.get("Versions", []))
        assert isinstance(self.store, FolderStore)
        return sum(1 for p in (self.store.root / "sha256").rglob("*") if p.is_file() and p.name == sha256)


def new_bucket(server: Any, **options: Any) -> S3Store:
    """A bucket made by the administrator, used by a clerk (a client may not make buckets)."""
    bucket = f"casefile-{uuid.uuid4().hex[:12]}"
    S3Store(server.client("admin"), bucket).ensure_bucket()
    return S3Store(server.client("clerk"), bucket, **options)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    kind = request.param
    if kind == "s3":
        server = request.getfixturevalue("seaweed_s3")
        return Backend(kind, new_bucket(server), server=server)
    clock = [dt.datetime.now(dt.UTC)]
    cls = FolderStore if kind == "folder" else ShareStore
    return Backend(kind, cls(tmp_path / kind, now=lambda: clock[0]), clock=clock)


def future(days: float = 30) -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(days=days)


# ---------------------------------------------------------------------------- the contract, on every back end


def test_put_then_read_back_verified(backend: Backend, tmp_path: Path) -> None:
    store = backend.store
    data = "微信聊天记录 2026-11-29 退款 ¥399".encode() * 100
    source = tmp_path / "chat.txt"
    source.write_bytes(data)
    stored = store.put(source, sha(data))
    assert stored.created and stored.size == len(data) and stored.sha256 == sha(data)
    if sm3_available():  # China's national hash alongside, computed in the same pass
        assert stored.sm3 == hashlib.new("sm3", data).hexdigest()
    assert store.exists(sha(data))
    assert store.read_bytes(sha(data)) == data
    assert store.verify(sha(data)) == len(data)
    copy = tmp_path / "copy"
    assert store.copy_to(sha(data), copy) == len(data) and copy.read_bytes() == data
    # The same bytes again, from a stream this time: nothing is written.
    again = store.put(io.BytesIO(data), sha(data).upper())
    assert not again.created and again.size == len(data)
    assert backend.objects(sha(data)) == 1


def test_bytes_that_are_not_the_named_ones_are_refused_and_nothing_is_stored(backend: Backend) -> None:
    store = backend.store
    expected = sha(b"the receipt")
    with pytest.raises(EvidenceDigestMismatchError, match="nothing was stored"):
        store.put(io.BytesIO(b"the receipt, edited"), expected)
    assert not store.exists(expected)
    assert backend.objects(expected) == 0
    if isinstance(store, FolderStore):
        assert list((store.root / ".tmp").iterdir()) == []


def test_a_missing_object_is_reported_by_name(backend: Backend) -> None:
    digest = sha(b"never stored")
    assert not backend.store.exists(digest)
    with pytest.raises(StoredEvidenceMissingError, match=digest):
        backend.store.open(digest)
    with pytest.raises(StoredEvidenceMissingError):
        backend.store.delete(digest)


@pytest.mark.parametrize("planted", [b"a forged receipt", b"the origi"], ids=["other-bytes", "truncated"])
def test_bytes_under_another_name_are_detected_on_read(backend: Backend, tmp_path: Path, planted: bytes) -> None:
    digest = sha(b"the original receipt")
    backend.plant(digest, planted)
    with pytest.raises(StoredEvidenceChangedError, match="changed or truncated"):
        backend.store.read_bytes(digest)
    with pytest.raises(StoredEvidenceChangedError):
        backend.store.verify(digest)
    with pytest.raises(StoredEvidenceChangedError):
        backend.store.copy_to(digest, tmp_path / "copy")
    assert not (tmp_path / "copy").exists()


@pytest.mark.parametrize("planted", [b"a forged receipt", b"the origi"], ids=["other-bytes", "truncated"])
def test_a_name_taken_by_other_bytes_is_never_stored_as_done(backend: Backend, planted: bytes) -> None:
    """A put finding the name taken hashes what is there: other bytes no lock keeps (a folder's, an S3
    object without retention or a legal hold) are set aside (kept) and the genuine ones stored."""
    data = b"the original receipt"
    digest = sha(data)
    backend.plant(digest, planted)
    assert backend.store.digest_of(digest) == sha(planted)
    stored = backend.store.put(io.BytesIO(data), digest)
    assert stored.created and stored.set_aside
    if isinstance(backend.store, S3Store):  # kept in the bucket, under a damaged- name, for whoever looks into it
        key = stored.set_aside.removeprefix(f"{backend.store.name}/")
        assert key.startswith(f"set-aside/damaged-{digest}-")
        kept = backend.store.client.get_object(Bucket=backend.store.bucket, Key=key)["Body"].read()
    else:
        kept = Path(stored.set_aside).read_bytes()
    assert kept == planted
    assert backend.store.read_bytes(digest) == data
    assert backend.store.digest_of(digest) == digest
    again = backend.store.put(io.BytesIO(data), digest)  # now the name holds the genuine bytes
    assert not again.created and not again.set_aside
    assert backend.objects(digest) == 1


def test_bytes_not_as_named_leave_a_taken_name_as_it_was(backend: Backend) -> None:
    """Other bytes under a name are only set aside for bytes that are what the name says."""
    digest = sha(b"the original receipt")
    backend.plant(digest, b"a forged receipt")
    refused = StoredEvidenceTakenError if backend.kind == "s3" else EvidenceDigestMismatchError
    with pytest.raises(refused):
        backend.store.put(io.BytesIO(b"not the receipt either"), digest)
    assert backend.store.digest_of(digest) == sha(b"a forged receipt")


def test_a_retained_object_cannot_be_deleted_and_its_retention_cannot_be_shortened(backend: Backend) -> None:
    store = backend.store
    data = b"a delivery photo"
    until = future(30)
    store.put(io.BytesIO(data), sha(data), retain_until=until)
    assert store.hold_state(sha(data)).until == until.replace(microsecond=0)
    with pytest.raises(EvidenceRetainedError, match="cannot be deleted"):
        store.delete(sha(data))
    with pytest.raises(EvidenceRetainedError, match="cannot be shortened"):
        store.retain(sha(data), future(1))
    store.retain(sha(data), future(60))
    assert store.hold_state(sha(data)).until == future(60).replace(microsecond=0) or (
        store.hold_state(sha(data)).until > until  # a second may have passed
    )
    # Putting it again with an earlier date keeps the later one.
    assert not store.put(io.BytesIO(data), sha(data), retain_until=future(2)).created
    assert store.hold_state(sha(data)).until > until
    assert store.read_bytes(sha(data)) == data


def test_a_legal_hold_blocks_delete_after_retention_ends(backend: Backend) -> None:
    store = backend.store
    data = f"a contract under litigation {uuid.uuid4()}".encode()
    until = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2)).replace(microsecond=0)
    store.put(io.BytesIO(data), sha(data), retain_until=until)
    store.legal_hold(sha(data), True)
    assert store.hold_state(sha(data)).legal_hold
    backend.after(until)
    with pytest.raises(EvidenceRetainedError, match="legal hold"):
        store.delete(sha(data))
    assert store.read_bytes(sha(data)) == data
    store.legal_hold(sha(data), False)
    store.delete(sha(data))
    assert not store.exists(sha(data))


def test_concurrent_puts_of_the_same_bytes_from_two_clients_leave_one_object(backend: Backend) -> None:
    data = os.urandom(3 << 20)
    clients = [backend.store, backend.second_client()]
    start = threading.Barrier(len(clients))
    results: list[Any] = [None] * len(clients)

    def put(i: int) -> None:
        start.wait()
        try:
            results[i] = clients[i].put(io.BytesIO(data), sha(data))
        except Exception as exc:  # reported by the assertion below
            results[i] = exc

    threads = [threading.Thread(target=put, args=(i,)) for i in range(len(clients))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(not isinstance(r, Exception) for r in results), results
    assert sorted(r.created for r in results) == [False, True]
    assert backend.objects(sha(data)) == 1
    assert backend.store.read_bytes(sha(data)) == data
    if isinstance(backend.store, FolderStore):
        assert list((backend.store.root / ".tmp").iterdir()) == []


def test_an_unretained_object_can_be_deleted(backend: Backend) -> None:
    data = b"a draft never used"
    backend.store.put(io.BytesIO(data), sha(data))
    backend.store.delete(sha(data))
    assert not backend.store.exists(sha(data))
    with pytest.raises(StoredEvidenceMissingError):
        backend.store.read_bytes(sha(data))


# ---------------------------------------------------------------------------- folders


@pytest.mark.parametrize("cls", [FolderStore, ShareStore])
def test_a_stored_file_changed_in_place_is_detected(tmp_path: Path, cls: type[FolderStore]) -> None:
    store = cls(tmp_path / "store")
    data = b"0123456789" * 1000
    store.put(io.BytesIO(data), sha(data))
    path = store.path(sha(data))
    assert stat.S_IMODE(path.stat().st_mode) == 0o400
    # Root ignores the read-only mode: one byte changed, then the file cut short.
    with open(path, "r+b") as fh:
        fh.seek(5000)
        fh.write(b"X")
    with pytest.raises(StoredEvidenceChangedError):
        store.read_bytes(sha(data))
    os.truncate(path, 4000)
    with pytest.raises(StoredEvidenceChangedError, match="read 4000 bytes"):
        store.verify(sha(data))
    # Putting the right bytes again replaces the damaged object, which is set aside and kept.
    stored = store.put(io.BytesIO(data), sha(data))
    assert stored.created and Path(stored.set_aside).stat().st_size == 4000
    assert store.read_bytes(sha(data)) == data and stat.S_IMODE(path.stat().st_mode) == 0o400


def test_the_local_folder_keeps_evidence_private_and_read_only(tmp_path: Path) -> None:
    store = FolderStore(tmp_path / "store")
    data = b"an ID card scan"
    store.put(io.BytesIO(data), sha(data))
    path = store.path(sha(data))
    assert path.relative_to(store.root).as_posix() == f"sha256/{sha(data)[:2]}/{sha(data)}"
    assert stat.S_IMODE(path.stat().st_mode) == 0o400
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((store.root / "sha256").stat().st_mode) == 0o700


def test_a_share_holds_only_objects_and_markers(tmp_path: Path) -> None:
    store = ShareStore(tmp_path / "share")
    data = b"a waybill"
    store.put(io.BytesIO(data), sha(data), retain_until=future())
    store.legal_hold(sha(data), True)
    files = sorted(p.relative_to(store.root).parts[0] for p in store.root.rglob("*") if p.is_file())
    assert files == [".holds", ".retention", "sha256"]  # no database, no lock file


# ---------------------------------------------------------------------------- S3 Object Lock, enforced by the server


@pytest.fixture
def s3_store(seaweed_s3: Any) -> S3Store:
    return new_bucket(seaweed_s3)


def refused(call: Any, **params: Any) -> str:
    from botocore.exceptions import ClientError

    with pytest.raises(ClientError) as caught:
        call(**params)
    return str(caught.value.response["Error"]["Code"])


def test_the_bucket_has_object_lock_and_a_bucket_without_is_refused(s3_store: S3Store, seaweed_s3: Any) -> None:
    lock = seaweed_s3.client("admin").get_object_lock_configuration(Bucket=s3_store.bucket)
    assert lock["ObjectLockConfiguration"]["ObjectLockEnabled"] == "Enabled"
    plain = f"casefile-plain-{uuid.uuid4().hex[:8]}"
    seaweed_s3.client("admin").create_bucket(Bucket=plain)
    with pytest.raises(StorageError, match="no Object Lock"):
        S3Store(seaweed_s3.client("admin"), plain).ensure_bucket()


def test_nobody_deletes_or_shortens_retained_evidence_not_even_the_administrator(
    s3_store: S3Store, seaweed_s3: Any
) -> None:
    data = b"the seller's chat, retained until the case closes plus ten years"
    s3_store.put(io.BytesIO(data), sha(data), retain_until=future(3650))
    key = object_key(sha(data))
    version = s3_store.client.list_object_versions(Bucket=s3_store.bucket, Prefix=key)["Versions"][0]["VersionId"]
    for role in ("clerk", "admin"):
        client = seaweed_s3.client(role)
        common = {"Bucket": s3_store.bucket, "Key": key, "VersionId": version}
        assert refused(client.delete_object, **common) == "AccessDenied"
        assert refused(client.delete_object, BypassGovernanceRetention=True, **common) == "AccessDenied"
        shorter = {"Mode": "COMPLIANCE", "RetainUntilDate": future(1)}
        assert refused(client.put_object_retention, Retention=shorter, **common) == "AccessDenied"
        assert (
            refused(client.put_object_retention, Retention=shorter, BypassGovernanceRetention=True, **common)
            == "AccessDenied"
        )
        governance = {"Mode": "GOVERNANCE", "RetainUntilDate": future(3650)}
        assert refused(client.put_object_retention, Retention=governance, **common) == "AccessDenied"
        assert refused(client.delete_bucket, Bucket=s3_store.bucket) in {"AccessDenied", "BucketNotEmpty"}
    assert refused(seaweed_s3.client("admin").delete_bucket, Bucket=s3_store.bucket) == "BucketNotEmpty"
    assert s3_store.read_bytes(sha(data)) == data


def test_other_bytes_locked_under_a_name_are_never_stored_as_done(s3_store: S3Store) -> None:
    """Other bytes under a name that the store keeps (retained, or under a legal hold) cannot be set aside:
    the put is refused, never reported done, and the object is left as it is."""
    data = b"the original receipt"
    planted = {"retained": b"a forged receipt", "held": b"the origi"}
    for how, bytes_there in planted.items():
        lock: dict[str, Any] = (
            {"ObjectLockMode": "COMPLIANCE", "ObjectLockRetainUntilDate": future(1)}
            if how == "retained"
            else {"ObjectLockLegalHoldStatus": "ON"}
        )
        store = S3Store(s3_store.client, s3_store.bucket)
        name = sha(data + how.encode())  # one name each
        s3_store.client.put_object(Bucket=s3_store.bucket, Key=object_key(name), Body=bytes_there, **lock)
        source = io.BytesIO(data + how.encode())
        with pytest.raises(StoredEvidenceTakenError, match="already holds other bytes") as refused:
            store.put(source, name, retain_until=future(1))
        assert "administrator" in str(refused.value) and sha(bytes_there)[:16] in str(refused.value), how
        with pytest.raises(StoredEvidenceChangedError):
            store.read_bytes(name)
        listing = s3_store.client.list_object_versions(Bucket=s3_store.bucket, Prefix=object_key(name))
        assert len(listing.get("Versions", [])) == 1, how
    assert not s3_store.client.list_objects_v2(Bucket=s3_store.bucket, Prefix="set-aside/").get("Contents")


def test_evidence_cannot_be_overwritten(s3_store: S3Store, seaweed_s3: Any) -> None:
    data = b"the original invoice"
    s3_store.put(io.BytesIO(data), sha(data), retain_until=future())
    key = object_key(sha(data))
    admin = seaweed_s3.client("admin")
    # A write that asks not to replace anything is refused...
    assert refused(admin.put_object, Bucket=s3_store.bucket, Key=key, Body=b"forged", IfNoneMatch="*") == (
        "PreconditionFailed"
    )
    # ...and one that does not ask only adds a version beside the locked one, which stays what is read.
    admin.put_object(Bucket=s3_store.bucket, Key=key, Body=b"forged")
    assert s3_store.read_bytes(sha(data)) == data
    # A plain delete only hides it behind a marker: the evidence is still there and still read.
    admin.delete_object(Bucket=s3_store.bucket, Key=key)
    assert s3_store.exists(sha(data))
    assert s3_store.read_bytes(sha(data)) == data


def test_big_files_go_up_in_parts_verified(seaweed_s3: Any, tmp_path: Path) -> None:
    store = new_bucket(seaweed_s3, part_size=5 << 20, multipart_from=6 << 20)
    data = os.urandom((11 << 20) + 12345)
    source = tmp_path / "video.mp4"
    source.write_bytes(data)
    stored = store.put(source, sha(data), retain_until=future())
    assert stored.created and stored.size == len(data)
    head = store.client.head_object(Bucket=store.bucket, Key=object_key(sha(data)))
    assert head["ETag"].endswith('-3"')  # three parts: 5 MiB, 5 MiB and the rest
    assert head["ObjectLockMode"] == "COMPLIANCE"
    assert store.verify(sha(data)) == len(data)
    # A big file that is not what its name says: the upload is abandoned, nothing stored.
    wrong = sha(data[:-1] + b"!")
    with pytest.raises(EvidenceDigestMismatchError):
        store.put(source, wrong)
    assert not store.exists(wrong)
    assert store.client.list_multipart_uploads(Bucket=store.bucket).get("Uploads", []) == []


def test_a_share_without_hard_links_gets_the_verified_copy_renamed_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def no_links(src: Any, dst: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted", str(dst))  # what a CIFS mount without links says

    monkeypatch.setattr(os, "link", no_links)
    store = ShareStore(tmp_path / "share")
    data = b"a chat export"
    assert store.put(io.BytesIO(data), sha(data)).created
    assert not store.put(io.BytesIO(data), sha(data)).created
    assert store.read_bytes(sha(data)) == data
    assert list((store.root / ".tmp").iterdir()) == []


# ---------------------------------------------------------------------------- files arriving on a share


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


def test_a_file_arriving_on_a_share_is_taken_once_its_size_and_time_are_still(tmp_path: Path) -> None:
    from casefile.core.store.share import SharePoller

    folder = tmp_path / "inbox"
    folder.mkdir()
    clock = FakeClock()
    poller = SharePoller(folder, settle=5.0, clock=clock)
    arriving = folder / "快递柜照片.jpg"
    arriving.write_bytes(b"\xff\xd8 first half")
    (folder / ".cf-tmp-other-client").write_bytes(b"a copy being written")
    (folder / "video.mp4.part").write_bytes(b"a partial download")
    assert poller.poll() == []  # first seen now
    clock.now += 5.0
    with open(arriving, "ab") as fh:  # the other client is still writing
        fh.write(b" second half")
    os.utime(arriving, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert poller.poll() == []  # changed since the last poll: not yet
    clock.now += 4.0
    assert poller.poll() == []  # still, but not for the settle delay yet
    clock.now += 1.0
    assert poller.poll() == [arriving]
    clock.now += 10.0
    assert poller.poll() == []  # reported once


def test_objects_put_by_another_client_on_a_share_arrive_by_sha256(tmp_path: Path) -> None:
    from casefile.core.store.share import StoreArrivals

    mine = ShareStore(tmp_path / "share")
    theirs = ShareStore(tmp_path / "share")
    clock = FakeClock()
    arrivals = StoreArrivals(mine, settle=2.0, clock=clock)
    assert arrivals.poll() == []
    theirs.put(io.BytesIO(b"a receipt from the other counter"), sha(b"a receipt from the other counter"))
    assert arrivals.poll() == []
    clock.now += 2.0
    assert arrivals.poll() == [sha(b"a receipt from the other counter")]
    assert mine.read_bytes(sha(b"a receipt from the other counter")) == b"a receipt from the other counter"
