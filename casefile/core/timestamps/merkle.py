"""The Merkle tree a trusted timestamp is asked for, and the inclusion proof of each leaf.

The construction is that of RFC 6962 §2.1 (Certificate Transparency), with SHA-256:

* a leaf's hash is ``SHA-256(0x00 || d)``, where ``d`` is the 32 raw bytes of the digest the
  leaf stands for: an exhibit file's SHA-256, the hash of a custody-log entry, or (when a stamp
  is renewed) the SHA-256 of the earlier token file;
* an inner node's hash is ``SHA-256(0x01 || left || right)``; the one-byte prefixes keep a
  leaf from ever being taken for a node (domain separation);
* the tree over n leaves splits them at k, the largest power of two below n: the root is the
  node over the tree of the first k leaves and the tree of the rest; one leaf is its own root.

Leaves are in this order: the exhibits by number, the custody entry, then the earlier token if any.
The timestamp's message imprint is the root itself (SHA-256 is the imprint's algorithm).

An inclusion proof lists, from the leaf upwards, each sibling's hash and the side it stands on:
``h = leaf hash; for each step: h = SHA-256(0x01 || sibling || h)`` when the sibling is on the
left, ``SHA-256(0x01 || h || sibling)`` when it is on the right; the last ``h`` must be the root.
With a shell: ``(printf '\\001'; echo LEFT RIGHT | xxd -r -p) | sha256sum``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
LEFT = "left"
RIGHT = "right"


def leaf_hash(digest_hex: str) -> bytes:
    return hashlib.sha256(LEAF_PREFIX + bytes.fromhex(digest_hex)).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


@dataclass(frozen=True)
class ProofStep:
    side: str  # where the sibling stands: LEFT or RIGHT
    hash: str  # the sibling's hash, hex


def _split(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def _root(hashes: list[bytes]) -> bytes:
    if len(hashes) == 1:
        return hashes[0]
    k = _split(len(hashes))
    return node_hash(_root(hashes[:k]), _root(hashes[k:]))


def _path(index: int, hashes: list[bytes]) -> list[ProofStep]:
    if len(hashes) == 1:
        return []
    k = _split(len(hashes))
    if index < k:
        return [*_path(index, hashes[:k]), ProofStep(RIGHT, _root(hashes[k:]).hex())]
    return [*_path(index - k, hashes[k:]), ProofStep(LEFT, _root(hashes[:k]).hex())]


def merkle_root(digests: list[str]) -> str:
    """The root (hex) of the tree over ``digests`` (hex SHA-256 values, in leaf order)."""
    if not digests:
        raise ValueError("a Merkle tree needs at least one leaf")
    return _root([leaf_hash(d) for d in digests]).hex()


def inclusion_proof(digests: list[str], index: int) -> list[ProofStep]:
    """The siblings leading from leaf ``index`` to the root."""
    return _path(index, [leaf_hash(d) for d in digests])


def root_from_proof(digest_hex: str, proof: list[ProofStep]) -> str:
    """The root that leaf ``digest_hex`` reaches along ``proof``."""
    h = leaf_hash(digest_hex)
    for step in proof:
        sibling = bytes.fromhex(step.hash)
        h = node_hash(sibling, h) if step.side == LEFT else node_hash(h, sibling)
    return h.hex()
