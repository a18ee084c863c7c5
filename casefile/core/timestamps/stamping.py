"""Obtaining trusted timestamps for a case and keeping them in its folder.

For the exhibits not yet stamped, a Merkle tree (:mod:`.merkle`) is built over their SHA-256 and the
hash of the custody log's last entry; one RFC 3161 request for its root goes to the TSA chosen in the
settings. The answer is checked (imprint, nonce, signature and chain, offline) before anything is
written. The case folder then keeps, under ``timestamps/<id>/``:

* ``token.tsr``  the TSA's DER response, as received;
* ``ca.pem``     the TSA's root certificate(s) (from the token, or the CA file of the settings);
* ``chain.pem``  the TSA's own and any intermediate certificates;
* ``tree.json``  the leaves, the root and each leaf's inclusion proof.

A custody entry ("timestamp") records the stamp and the SHA-256 of these files, which join
``MANIFEST.sha256``. A TSA that cannot be reached leaves the case queued (:mod:`.queue`).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asn1crypto import x509 as asn1_x509

from casefile.core import record
from casefile.core.errors import CaseFileError, Message
from casefile.core.fsutil import TEMP_PREFIX, atomic_write_bytes, fsync_dir, make_private_dir, make_readonly
from casefile.core.hashing import hash_file
from casefile.core.model import Case, Stamp, to_data
from casefile.core.timestamps import merkle, queue
from casefile.core.timestamps.checking import CA_NAME, CHAIN_NAME, STAMPS_DIR, TOKEN_NAME, TREE_NAME
from casefile.core.timestamps.token import (
    TIMEOUT,
    TimestampError,
    TokenInfo,
    TsaUnreachableError,
    check_answer,
    load_pem_certificates,
    make_request,
    parse_response,
    pem_certificates,
    post_request,
    split_chain,
    token_certificates,
    validate,
)

if TYPE_CHECKING:
    from casefile.core.library import Library
    from casefile.core.settings import Settings

TREE_FORMAT = "casefile-timestamp-tree"
RENEW_WITHIN = queue.RENEW_WITHIN

Sender = Callable[[str, bytes, float], bytes]


def _post(url: str, body: bytes, timeout: float) -> bytes:
    return post_request(url, body, timeout=timeout)


@dataclass(frozen=True)
class TsaConfig:
    """The TSA chosen in the settings."""

    url: str
    ca_file: str = ""  # the TSA's root certificate (PEM) when its tokens do not carry it
    timeout: float = TIMEOUT

    def extra_certificates(self) -> list[asn1_x509.Certificate]:
        if not self.ca_file:
            return []
        try:
            data = Path(self.ca_file).expanduser().read_bytes()
        except OSError as exc:
            raise TimestampError(
                "the TSA's CA certificate {path} cannot be read: {reason}", path=self.ca_file, reason=str(exc)
            ) from exc
        return load_pem_certificates(data)


def tsa_from_settings(settings: Settings) -> TsaConfig | None:
    """The TSA of the settings; None when none is chosen (no timestamps are then asked for)."""
    url = settings.tsa_url.strip()
    if not url:
        return None
    return TsaConfig(url, settings.tsa_ca_file.strip(), float(settings.tsa_timeout or TIMEOUT))


NO_TSA = queue.NO_TSA


def stamped_numbers(case: Case) -> set[int]:
    return {n for stamp in case.timestamps for n in stamp.exhibits}


def unstamped(case: Case) -> list[int]:
    """The exhibits no timestamp covers yet, by number."""
    done = stamped_numbers(case)
    return [e.number for e in case.exhibits if e.number not in done]


def stamps_of(case: Case, number: int) -> list[Stamp]:
    """The timestamps covering exhibit ``number``, first attached first."""
    return [s for s in case.timestamps if number in s.exhibits]


def renewed_ids(case: Case) -> set[str]:
    return {s.renews for s in case.timestamps if s.renews}


@dataclass(frozen=True)
class Leaf:
    kind: str  # "exhibit", "custody" or "token"
    sha256: str
    exhibit: int = 0
    path: str = ""
    seq: int = 0
    stamp: str = ""

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "sha256": self.sha256}
        if self.kind == "exhibit":
            out.update(exhibit=self.exhibit, path=self.path)
        elif self.kind == "custody":
            out["seq"] = self.seq
        else:
            out.update(stamp=self.stamp, path=self.path)
        return out


def tree_document(leaves: list[Leaf]) -> dict[str, Any]:
    digests = [leaf.sha256 for leaf in leaves]
    root = merkle.merkle_root(digests)
    items = []
    for i, leaf in enumerate(leaves):
        data = leaf.data()
        data["proof"] = [{"side": s.side, "hash": s.hash} for s in merkle.inclusion_proof(digests, i)]
        items.append(data)
    return {
        "format": TREE_FORMAT,
        "version": 1,
        "hash": "sha256",
        "construction": (
            "RFC 6962 section 2.1 Merkle tree: leaf = SHA-256(0x00 || digest), node = SHA-256(0x01 || left || right); "
            "the token's message imprint is the root"
        ),
        "root": root,
        "leaves": items,
    }


@dataclass
class _Obtained:
    response: bytes
    info: TokenInfo
    roots: list[asn1_x509.Certificate]
    others: list[asn1_x509.Certificate]


def _obtain(tsa: TsaConfig, root_hex: str, send: Sender) -> _Obtained:
    imprint = bytes.fromhex(root_hex)
    body, nonce = make_request(imprint)
    data = send(tsa.url, body, tsa.timeout)
    resp = parse_response(data)
    check_answer(resp, imprint, nonce)
    roots, others = split_chain(token_certificates(resp), tsa.extra_certificates())
    if not roots:
        raise TimestampError(
            "the TSA's token does not carry its root certificate: choose the TSA's CA certificate file in the settings"
        )
    info = validate(data, roots, others, imprint)
    return _Obtained(data, info, roots, others)


@dataclass
class StampOutcome:
    """What came of asking for a case's timestamp."""

    number: str
    exhibits: list[int] = field(default_factory=list)  # the exhibits it was for
    stamp: Stamp | None = None  # attached
    queued: bool = False  # the TSA could not be reached: asked again later
    error: Message | None = None  # why it failed (queued or not)


def _custody_leaf(library: Library, number: str) -> tuple[int, str]:
    entry = library.folder(number).custody.last()
    if entry is None:
        raise CaseFileError("case {number}: its custody log has no readable last entry", number=number)
    return int(entry["seq"]), str(entry["hash"])


def stamp_case(library: Library, number: str, tsa: TsaConfig, *, send: Sender = _post) -> StampOutcome:
    """Stamp the exhibits of ``number`` that no timestamp covers yet (with the custody log's head)."""
    with library.reading(number):
        case = library.load_case(number)
        numbers = unstamped(case)
        seq, head = _custody_leaf(library, number) if numbers else (0, "")
    outcome = StampOutcome(library.folder(number).number, numbers)
    if not numbers:
        queue.dequeue(library.root, outcome.number)
        return outcome
    by_number = {e.number: e for e in case.exhibits}
    leaves = [Leaf("exhibit", by_number[n].sha256, exhibit=n, path=by_number[n].stored_path) for n in numbers]
    leaves.append(Leaf("custody", head, seq=seq))
    return _attach(library, outcome, tsa, leaves, send, renews="")


def renew_case(
    library: Library,
    number: str,
    tsa: TsaConfig,
    *,
    within: timedelta = RENEW_WITHIN,
    now: datetime | None = None,
    send: Sender = _post,
) -> list[StampOutcome]:
    """Stamp again, over the earlier token and the same data, every stamp whose TSA certificate ends
    within ``within`` (an archive timestamp, as RFC 4998 does): the data stays provably stamped past it."""
    moment = now or datetime.now(UTC)
    with library.reading(number):
        case = library.load_case(number)
    done = renewed_ids(case)
    outcomes = []
    for stamp in case.timestamps:
        if stamp.id in done or stamp.expires is None or stamp.expires - within > moment:
            continue
        leaves = _leaves_of(library.folder(number).path, stamp)
        token_path = f"{STAMPS_DIR}/{stamp.id}/{TOKEN_NAME}"
        leaves.append(Leaf("token", stamp.files[token_path], path=token_path, stamp=stamp.id))
        outcome = StampOutcome(library.folder(number).number, list(stamp.exhibits))
        outcomes.append(_attach(library, outcome, tsa, leaves, send, renews=stamp.id))
    return outcomes


def _leaves_of(folder: Path, stamp: Stamp) -> list[Leaf]:
    """The exhibit and custody leaves of an attached stamp, as its tree lists them."""
    tree = json.loads((folder / STAMPS_DIR / stamp.id / TREE_NAME).read_bytes())
    out = []
    for item in tree["leaves"]:
        if item["kind"] == "exhibit":
            out.append(Leaf("exhibit", item["sha256"], exhibit=int(item["exhibit"]), path=str(item["path"])))
        elif item["kind"] == "custody":
            out.append(Leaf("custody", item["sha256"], seq=int(item["seq"])))
    return out


def _attach(
    library: Library, outcome: StampOutcome, tsa: TsaConfig, leaves: list[Leaf], send: Sender, *, renews: str
) -> StampOutcome:
    tree = tree_document(leaves)
    try:
        got = _obtain(tsa, tree["root"], send)
    except TsaUnreachableError as exc:
        outcome.queued, outcome.error = True, exc.message
        queue.note_failure(library.root, outcome.number, exc.message)
        return outcome
    except TimestampError as exc:
        outcome.error = exc.message
        queue.note_failure(library.root, outcome.number, exc.message)
        return outcome
    custody = next(leaf for leaf in leaves if leaf.kind == "custody")
    with library.edit(outcome.number) as writer:
        taken = {s.id for s in writer.case.timestamps}
        folder = writer.folder.path / STAMPS_DIR
        n = len(taken) + 1
        while f"{n:04d}" in taken or (folder / f"{n:04d}").exists():
            n += 1
        stamp_id = f"{n:04d}"
        # Written under a temporary name, recorded, then renamed into place: a crash before the
        # custody entry leaves a temporary folder that recovery removes; one after it, a folder
        # that recovery renames (casefile.core.library._recover_stamps).
        staged = folder / f"{TEMP_PREFIX}{stamp_id}"
        if staged.exists():
            _remove_tree(staged)
        files = _write_files(
            staged,
            {
                TOKEN_NAME: got.response,
                CA_NAME: pem_certificates(got.roots),
                CHAIN_NAME: pem_certificates(got.others),
                TREE_NAME: (json.dumps(tree, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
            },
        )
        stamp = Stamp(
            id=stamp_id,
            root=tree["root"],
            time=got.info.time,
            tsa=got.info.tsa,
            serial=got.info.serial,
            url=tsa.url,
            exhibits=sorted({leaf.exhibit for leaf in leaves if leaf.kind == "exhibit"}),
            custody_seq=custody.seq,
            custody_hash=custody.sha256,
            files={f"{STAMPS_DIR}/{stamp_id}/{name}": digest for name, (digest, _size) in files.items()},
            sizes={f"{STAMPS_DIR}/{stamp_id}/{name}": size for name, (_digest, size) in files.items()},
            renews=renews,
            expires=got.info.expires,
        )
        try:
            writer.record(record.TIMESTAMP, {"stamp": to_data(stamp)})
        except BaseException:
            _remove_tree(staged)
            raise
        os.rename(staged, folder / stamp_id)
        fsync_dir(folder)
        still = unstamped(writer.case)
    outcome.stamp = stamp
    if not still:
        queue.dequeue(library.root, outcome.number)
    return outcome


def _write_files(folder: Path, contents: dict[str, bytes]) -> dict[str, tuple[str, int]]:
    make_private_dir(folder.parent)
    make_private_dir(folder, exist_ok=False)
    digests = {}
    try:
        for name, data in contents.items():
            path = folder / name
            atomic_write_bytes(path, data)
            make_readonly(path)
            digests[name] = (hash_file(path).sha256, len(data))
    except BaseException:
        _remove_tree(folder)
        raise
    return digests


def _remove_tree(folder: Path) -> None:
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            path.chmod(0o600)
        shutil.rmtree(folder)


STAMP_FILES_README = """\
可信时间戳核验文件 / Files to check the trusted timestamps (RFC 3161) without CaseFile

  timestamps/<编号>/token.tsr  时间戳服务机构的应答（DER）/ the TSA's response (DER)
  timestamps/<编号>/ca.pem     核验所用的根证书（随时间戳取得）/ the root the token was checked against
  timestamps/<编号>/chain.pem  时间戳服务机构的证书 / the TSA's own certificate(s)
  timestamps/<编号>/tree.json  默克尔树：各叶、树根、每个证据的包含证明 / the Merkle tree, its root, each leaf's proof

核验 / To check (the root is in tree.json and in the bundle's integrity annex):
  openssl ts -verify -digest <root> -in timestamps/<id>/token.tsr \\
      -CAfile timestamps/<id>/ca.pem -untrusted timestamps/<id>/chain.pem

"Verification: OK" 只说明时间戳与同一文件夹中的 ca.pem 相符，不说明 ca.pem 属于所载时间戳服务机构。
请将 ca.pem 的指纹与该机构公布的根证书指纹比对，或以自行从该机构取得的根证书代替 ca.pem：
"Verification: OK" shows only that the token matches the ca.pem beside it, not that ca.pem is the
authority's root. Compare its fingerprint with the one the authority publishes, or give openssl the
root you obtained from the authority yourself instead of ca.pem:
  openssl x509 -in timestamps/<id>/ca.pem -noout -subject -fingerprint -sha256

包含证明 / Inclusion proof: h = SHA-256(0x00 || file's SHA-256, 32 bytes); for each proof step,
h = SHA-256(0x01 || sibling || h) when the sibling is on the left, SHA-256(0x01 || h || sibling) when
on the right; the last h must equal the root (RFC 6962 section 2.1).
"""


def export_stamp_files(folder: Path, case: Case, destination: Path, exhibits: list[int] | None = None) -> list[Path]:
    """Copy the timestamps covering ``exhibits`` (all: None), and the renewals of them, into ``destination``
    as ``timestamps/<id>/…`` with a README: what an expert needs beside a packet. The files written."""
    wanted = set(exhibits) if exhibits is not None else None
    ids = {s.id for s in case.timestamps if wanted is None or wanted & set(s.exhibits)}
    ids |= {s.id for s in case.timestamps if s.renews in ids}
    written = []
    for stamp in case.timestamps:
        if stamp.id not in ids:
            continue
        for rel in sorted(stamp.files):
            target = destination / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / rel, target)
            written.append(target)
    if written:
        readme = destination / "README-timestamps.txt"
        readme.write_text(STAMP_FILES_README, encoding="utf-8")
        written.append(readme)
    return written


def stamp_pending(
    library: Library, tsa: TsaConfig, numbers: list[str] | None = None, *, send: Sender = _post
) -> Iterator[StampOutcome]:
    """Send the queued requests (of ``numbers``, or of every queued case), one case after another."""
    for number in numbers if numbers is not None else queue.queued(library.root):
        try:
            yield stamp_case(library, number, tsa, send=send)
        except CaseFileError as exc:
            yield StampOutcome(number, error=exc.message)
