"""Evidence in S3-compatible object storage with Object Lock (SeaweedFS, AWS S3, Ceph…).

The bucket is made with Object Lock on (which turns versioning on). Each object is
written once under ``sha256/ab/abcdef…``:

- with ``If-None-Match: *``, so the server refuses to write over a name that exists: two
  clients putting the same bytes at once leave one object (the loser's write is refused
  and the object it wanted is there). A name found taken is read and hashed: other bytes
  under it (put there with the clients' key, or damaged) that a lock keeps (retention in
  force, a legal hold) cannot be replaced, so the put is refused
  (:class:`~casefile.core.store.base.StoredEvidenceTakenError`), never taken as done; unlocked,
  they are copied to ``set-aside/damaged-…`` (kept) and removed, once the bytes to store are
  hashed and found to be the named ones, and these are stored, as a folder store does;
- with the object's SHA-256 as its checksum (each part's, for a multipart upload), so the
  server refuses bytes damaged on the way;
- in COMPLIANCE mode until the retention date given (the case's closing plus the retention
  period): until then nobody, the administrator included, can delete it or shorten its
  retention; a legal hold keeps it past that date while litigation runs.

Files bigger than ``multipart_from`` go up in parts of ``part_size`` bytes, one part in
memory at a time; the whole file is hashed on the way and the upload is abandoned (nothing
stored) when the SHA-256 is not the expected one. Reads hash the bytes as they stream in.

boto3 comes with the ``team`` extra; this module imports it when a client is made.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import hashlib
import os
import uuid
from typing import Any

from casefile.core.errors import CaseFileError, Message, StorageError
from casefile.core.hashing import sm3_available
from casefile.core.store.base import (
    EvidenceStore,
    HoldState,
    Source,
    Stored,
    VerifiedStream,
    as_utc,
    checked_digest,
    missing,
    not_as_named,
    object_key,
    opened_source,
    retained,
    shortened,
    taken,
    utc_now,
)

PART_SIZE = 8 << 20  # bytes per part of a multipart upload (S3's minimum is 5 MiB)
MULTIPART_FROM = 16 << 20  # files this big go up in parts
COMPLIANCE = "COMPLIANCE"
_REFUSED = {"AccessDenied", "ObjectLocked", "InvalidRequest"}
_TAKEN = {"PreconditionFailed", "ConditionalRequestConflict"}
_MISSING = {"NoSuchKey", "404", "NotFound"}
SET_ASIDE_PREFIX = "set-aside/"  # other bytes found unlocked under an object's name, kept when replaced
_SET_ASIDE_AT_MOST = 8  # versions of other bytes set aside under one name in one put


def _rereadable(source: Source) -> bool:
    """Whether ``source`` can be read twice: hashed before anything is set aside, then stored."""
    if isinstance(source, str | os.PathLike):
        return True
    try:
        return bool(source.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _source_digest(source: Source) -> str:
    """The SHA-256 of what ``source`` holds (a stream is read from where it is, and put back there)."""
    with opened_source(source) as src:
        start = src.tell()
        sha = hashlib.sha256()
        while chunk := src.read(1 << 20):
            sha.update(chunk)
        src.seek(start)
    return sha.hexdigest()


def s3_client(
    endpoint: str, access_key: str, secret_key: str, *, region: str = "us-east-1", timeout: float | None = None
) -> Any:
    """A boto3 S3 client for an S3-compatible server (path-style addresses, no retries hiding refusals).

    ``timeout``: seconds to wait for the server, asked once (a quick check that it answers).
    """
    import boto3
    from botocore.config import Config

    waits: dict[str, Any] = {}
    if timeout is not None:
        waits = {"connect_timeout": timeout, "read_timeout": timeout, "retries": {"max_attempts": 1}}
    config = Config(s3={"addressing_style": "path"}, retries={"max_attempts": 2, "mode": "standard"})
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        region_name=region,
        config=config.merge(Config(**waits)) if waits else config,
    )


def _code(exc: Exception) -> str:
    response = getattr(exc, "response", None) or {}
    return str(response.get("Error", {}).get("Code", ""))


def _b64(digest: bytes) -> str:
    return base64.b64encode(digest).decode("ascii")


class _Body:
    """An object's bytes as they stream in; a connection lost on the way is a :class:`StorageError`."""

    def __init__(self, body: Any, store: S3Store) -> None:
        self.body = body
        self.store = store

    def read(self, size: int = -1, /) -> bytes:
        from botocore.exceptions import BotoCoreError

        try:
            return bytes(self.body.read(size))
        except (BotoCoreError, OSError) as exc:
            raise self.store._error(exc, Message("reading evidence")) from exc

    def close(self) -> None:
        self.body.close()


class S3Store(EvidenceStore):
    """Evidence in one bucket with Object Lock; retention and holds enforced by the server."""

    enforced_by_storage = True

    def __init__(
        self, client: Any, bucket: str, *, part_size: int = PART_SIZE, multipart_from: int = MULTIPART_FROM
    ) -> None:
        self.client = client
        self.bucket = bucket
        self.part_size = max(part_size, 5 << 20)
        self.multipart_from = multipart_from

    @property
    def name(self) -> str:
        return f"{self.client.meta.endpoint_url}/{self.bucket}"

    def _error(self, exc: Exception, what: Message) -> CaseFileError:
        from botocore.exceptions import ClientError

        if isinstance(exc, ClientError):
            return StorageError("{what} in {store} failed: {reason}", what=what, store=self.name, reason=_code(exc))
        return StorageError(
            "the evidence store {store} cannot be reached ({reason}) while {what}",
            store=self.name,
            reason=str(exc),
            what=what,
        )

    def _call(self, what: Message, method: str, **params: Any) -> dict[str, Any]:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            result: dict[str, Any] = getattr(self.client, method)(**params)
        except (ClientError, BotoCoreError) as exc:
            raise self._error(exc, what) from exc
        return result

    # ------------------------------------------------------------------ the bucket

    def ensure_bucket(self) -> None:
        """Make the bucket with Object Lock on if it is not there; a bucket without Object Lock is refused.

        Making a bucket and reading its Object Lock take the administrator's credentials (``team init``).
        """
        if self._lock_enabled() is None:
            self._call(
                Message("creating the bucket"), "create_bucket", Bucket=self.bucket, ObjectLockEnabledForBucket=True
            )
        if not self._lock_enabled():
            raise StorageError(
                "the bucket {store} has no Object Lock; evidence needs a bucket made with Object Lock on",
                store=self.name,
            )

    def _lock_enabled(self) -> bool | None:
        """Whether the bucket has Object Lock on; None when there is no bucket."""
        from botocore.exceptions import BotoCoreError, ClientError

        what = Message("reading the bucket's Object Lock")
        try:
            lock = self.client.get_object_lock_configuration(Bucket=self.bucket)
        except ClientError as exc:
            if _code(exc) == "NoSuchBucket":
                return None
            if _code(exc) == "ObjectLockConfigurationNotFoundError":
                return False
            raise self._error(exc, what) from exc
        except BotoCoreError as exc:
            raise self._error(exc, what) from exc
        return bool(lock.get("ObjectLockConfiguration", {}).get("ObjectLockEnabled") == "Enabled")

    # ------------------------------------------------------------------ writing

    def put(self, source: Source, sha256: str, *, retain_until: dt.datetime | None = None) -> Stored:
        digest = checked_digest(sha256)
        until = as_utc(retain_until) if retain_until is not None else None
        aside = ""
        for _attempt in range(_SET_ASIDE_AT_MOST + 1):
            head = self._head(digest)
            if head is None:
                with opened_source(source) as src:
                    stored = self._upload(src, digest, until)
                if stored.created:
                    return dataclasses.replace(stored, set_aside=aside)
                head = self._head(digest)  # another client stored it meanwhile
                if head is None:
                    raise missing(self.name, digest)
            # The name is taken: its first version, what CaseFile reads, must be these bytes. Other bytes
            # there (planted, damaged) under a lock cannot be replaced: refused, never "stored". Unlocked,
            # they are copied aside (kept) and removed, once the genuine bytes are checked, and these stored.
            found = self.digest_of(digest)
            if found == digest:
                break
            until_there = head.get("ObjectLockRetainUntilDate")
            held = head.get("ObjectLockLegalHoldStatus") == "ON"
            locked = until_there is not None and until_there.astimezone(dt.UTC) > utc_now()
            if held or locked or not _rereadable(source) or _source_digest(source) != digest:
                raise taken(self.name, digest, found, until_there.astimezone(dt.UTC) if until_there else None)
            aside = self._set_aside(digest, head["VersionId"]) or aside
        else:
            raise taken(self.name, digest, found, None)
        if until is not None:
            current = head.get("ObjectLockRetainUntilDate")
            if current is None or until > current:
                self._set_retention(digest, head["VersionId"], until)
        return Stored(digest, int(head["ContentLength"]), created=False, set_aside=aside)

    def _set_aside(self, digest: str, version: str) -> str:
        """The unlocked version ``version`` of the name of ``digest`` (other bytes) copied under a
        ``set-aside/damaged-…`` name (kept, for whoever looks into it), then removed; where it went."""
        key = object_key(digest)
        stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
        target = f"{SET_ASIDE_PREFIX}damaged-{digest}-{stamp}-{uuid.uuid4().hex[:8]}"
        self._call(
            Message("setting aside other bytes found under the name of evidence"),
            "copy_object",
            Bucket=self.bucket,
            Key=target,
            CopySource={"Bucket": self.bucket, "Key": key, "VersionId": version},
        )
        self._call(
            Message("setting aside other bytes found under the name of evidence"),
            "delete_object",
            Bucket=self.bucket,
            Key=key,
            VersionId=version,
        )
        return f"{self.name}/{target}"

    def _lock_params(self, until: dt.datetime | None, sm3: str = "") -> dict[str, Any]:
        params: dict[str, Any] = {"Bucket": self.bucket, "ContentType": "application/octet-stream"}
        if until is not None:
            params.update(ObjectLockMode=COMPLIANCE, ObjectLockRetainUntilDate=until)
        if sm3:
            params["Metadata"] = {"sm3": sm3}
        return params

    def _upload(self, src: Any, digest: str, until: dt.datetime | None) -> Stored:
        sha = hashlib.sha256()
        sm3 = hashlib.new("sm3") if sm3_available() else None
        first = self._read_part(src, self.multipart_from)
        sha.update(first)
        if sm3 is not None:
            sm3.update(first)
        if len(first) < self.multipart_from:
            if sha.hexdigest() != digest:
                raise not_as_named(digest, sha.hexdigest())
            return self._put_small(first, digest, until, sm3.hexdigest() if sm3 else "")
        return self._put_parts(src, first, sha, sm3, digest, until)

    @staticmethod
    def _read_part(src: Any, size: int) -> bytes:
        chunks = []
        left = size
        while left > 0:
            chunk = src.read(min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def _put_small(self, data: bytes, digest: str, until: dt.datetime | None, sm3: str) -> Stored:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.put_object(
                Key=object_key(digest),
                Body=data,
                ChecksumSHA256=_b64(bytes.fromhex(digest)),
                IfNoneMatch="*",
                **self._lock_params(until, sm3),
            )
        except ClientError as exc:
            if _code(exc) in _TAKEN:
                return Stored(digest, len(data), created=False)
            raise self._error(exc, Message("storing evidence")) from exc
        except BotoCoreError as exc:
            raise self._error(exc, Message("storing evidence")) from exc
        return Stored(digest, len(data), created=True, sm3=sm3)

    def _put_parts(self, src: Any, first: bytes, sha: Any, sm3: Any, digest: str, until: dt.datetime | None) -> Stored:
        from botocore.exceptions import BotoCoreError, ClientError

        key = object_key(digest)
        upload = self._call(
            Message("starting an upload"),
            "create_multipart_upload",
            Key=key,
            ChecksumAlgorithm="SHA256",
            **self._lock_params(until),
        )["UploadId"]
        parts: list[dict[str, Any]] = []
        size = 0
        done = False
        try:
            buffer = first
            while True:
                while len(buffer) < self.part_size:
                    more = self._read_part(src, self.part_size - len(buffer))
                    if not more:
                        break
                    sha.update(more)
                    if sm3 is not None:
                        sm3.update(more)
                    buffer += more
                if not buffer:
                    break
                body, buffer = buffer[: self.part_size], buffer[self.part_size :]
                checksum = _b64(hashlib.sha256(body).digest())
                number = len(parts) + 1
                answer = self._call(
                    Message("uploading part {number}", number=number),
                    "upload_part",
                    Bucket=self.bucket,
                    Key=key,
                    UploadId=upload,
                    PartNumber=number,
                    Body=body,
                    ChecksumSHA256=checksum,
                )
                parts.append({"PartNumber": number, "ETag": answer["ETag"], "ChecksumSHA256": checksum})
                size += len(body)
            if sha.hexdigest() != digest:
                raise not_as_named(digest, sha.hexdigest())
            try:
                self.client.complete_multipart_upload(
                    Bucket=self.bucket, Key=key, UploadId=upload, MultipartUpload={"Parts": parts}, IfNoneMatch="*"
                )
            except ClientError as exc:
                if _code(exc) in _TAKEN:
                    return Stored(digest, size, created=False)
                raise self._error(exc, Message("finishing an upload")) from exc
            except BotoCoreError as exc:
                raise self._error(exc, Message("finishing an upload")) from exc
            done = True
        finally:
            if not done:
                # If this fails too, the server drops the abandoned upload itself in time.
                with contextlib.suppress(ClientError, BotoCoreError):
                    self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload)
        return Stored(digest, size, created=True, sm3=sm3.hexdigest() if sm3 is not None else "")

    # ------------------------------------------------------------------ the object's one version

    def _head(self, digest: str) -> dict[str, Any] | None:
        """The object's HEAD (of its one version, even under a delete marker); None when there is none."""
        from botocore.exceptions import BotoCoreError, ClientError

        version = self._version(digest)
        if version is None:
            return None
        try:
            head: dict[str, Any] = self.client.head_object(
                Bucket=self.bucket, Key=object_key(digest), VersionId=version
            )
        except ClientError as exc:
            if _code(exc) in _MISSING:
                return None
            raise self._error(exc, Message("looking for evidence")) from exc
        except BotoCoreError as exc:
            raise self._error(exc, Message("looking for evidence")) from exc
        return head

    def _version(self, digest: str) -> str | None:
        """The object's first version: what a later write or a delete marker cannot change or remove."""
        key = object_key(digest)
        listing = self._call(Message("looking for evidence"), "list_object_versions", Bucket=self.bucket, Prefix=key)
        versions = [v for v in listing.get("Versions", []) if v.get("Key") == key]
        if not versions:
            return None
        return str(versions[-1]["VersionId"])  # S3 lists a key's versions newest first

    def _existing(self, sha256: str) -> tuple[str, dict[str, Any]]:
        digest = checked_digest(sha256)
        head = self._head(digest)
        if head is None:
            raise missing(self.name, digest)
        return digest, head

    # ------------------------------------------------------------------ reading

    def open(self, sha256: str) -> VerifiedStream:
        digest, head = self._existing(sha256)
        answer = self._call(
            Message("reading evidence"),
            "get_object",
            Bucket=self.bucket,
            Key=object_key(digest),
            VersionId=head["VersionId"],
        )
        return VerifiedStream(_Body(answer["Body"], self), self.name, digest, int(answer["ContentLength"]))

    def exists(self, sha256: str) -> bool:
        return self._head(checked_digest(sha256)) is not None

    # ------------------------------------------------------------------ keeping

    def hold_state(self, sha256: str) -> HoldState:
        _digest, head = self._existing(sha256)
        until = head.get("ObjectLockRetainUntilDate")
        return HoldState(
            until.astimezone(dt.UTC) if until is not None else None, head.get("ObjectLockLegalHoldStatus") == "ON"
        )

    def retain(self, sha256: str, until: dt.datetime) -> None:
        digest, head = self._existing(sha256)
        when = as_utc(until)
        current = head.get("ObjectLockRetainUntilDate")
        if current is not None and when < current:
            raise shortened(self.name, digest, current.astimezone(dt.UTC), when)
        self._set_retention(digest, head["VersionId"], when)

    def _set_retention(self, digest: str, version: str, until: dt.datetime) -> None:
        self._call(
            Message("setting a retention date"),
            "put_object_retention",
            Bucket=self.bucket,
            Key=object_key(digest),
            VersionId=version,
            Retention={"Mode": COMPLIANCE, "RetainUntilDate": until},
        )

    def legal_hold(self, sha256: str, on: bool) -> None:
        digest, head = self._existing(sha256)
        self._call(
            Message("changing a legal hold"),
            "put_object_legal_hold",
            Bucket=self.bucket,
            Key=object_key(digest),
            VersionId=head["VersionId"],
            LegalHold={"Status": "ON" if on else "OFF"},
        )

    def delete(self, sha256: str) -> None:
        """Remove the object's version (and any delete marker); the server refuses while it is retained."""
        from botocore.exceptions import BotoCoreError, ClientError

        digest, head = self._existing(sha256)
        key = object_key(digest)
        state = self.hold_state(digest)
        try:
            self.client.delete_object(Bucket=self.bucket, Key=key, VersionId=head["VersionId"])
        except ClientError as exc:
            if _code(exc) in _REFUSED and state.keeps(utc_now()):
                raise retained(self.name, digest, state) from exc
            raise self._error(exc, Message("deleting evidence")) from exc
        except BotoCoreError as exc:
            raise self._error(exc, Message("deleting evidence")) from exc
        listing = self._call(Message("deleting evidence"), "list_object_versions", Bucket=self.bucket, Prefix=key)
        for marker in listing.get("DeleteMarkers", []):
            if marker.get("Key") == key:
                self._call(
                    Message("deleting evidence"),
                    "delete_object",
                    Bucket=self.bucket,
                    Key=key,
                    VersionId=marker["VersionId"],
                )
