"""The evidence store: exhibit files as the case recorded them, read with their hash checked.

:mod:`~casefile.core.store.reader` reads a case folder's exhibit files for whatever reproduces
them (a bundle). :mod:`~casefile.core.store.base` is the store of team mode: objects named by
their SHA-256, written once, verified on every read, in a local folder or on a share
(:mod:`~casefile.core.store.folder`, :mod:`~casefile.core.store.share`) or in S3 object storage
with Object Lock (:mod:`~casefile.core.store.s3`).
"""

from typing import TYPE_CHECKING, Any

from casefile.core.store.reader import EvidenceMismatchError, EvidenceReader, Problem

if TYPE_CHECKING:
    from casefile.core.store.base import (
        EvidenceDigestMismatchError,
        EvidenceRetainedError,
        EvidenceStore,
        HoldState,
        Stored,
        StoredEvidenceChangedError,
        StoredEvidenceMissingError,
        StoredEvidenceTakenError,
        VerifiedStream,
        object_key,
    )
    from casefile.core.store.folder import FolderStore, ShareStore
    from casefile.core.store.s3 import S3Store

# The team store's names are loaded when first asked for: a bundle or an ingest, which read a case
# folder through the reader, loads none of the team store's code.
_LAZY = {
    **dict.fromkeys(
        (
            "EvidenceDigestMismatchError",
            "EvidenceRetainedError",
            "EvidenceStore",
            "HoldState",
            "Stored",
            "StoredEvidenceChangedError",
            "StoredEvidenceMissingError",
            "StoredEvidenceTakenError",
            "VerifiedStream",
            "object_key",
        ),
        "casefile.core.store.base",
    ),
    "FolderStore": "casefile.core.store.folder",
    "ShareStore": "casefile.core.store.folder",
    "S3Store": "casefile.core.store.s3",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "EvidenceDigestMismatchError",
    "EvidenceMismatchError",
    "EvidenceReader",
    "EvidenceRetainedError",
    "EvidenceStore",
    "FolderStore",
    "HoldState",
    "Problem",
    "S3Store",
    "ShareStore",
    "Stored",
    "StoredEvidenceChangedError",
    "StoredEvidenceMissingError",
    "StoredEvidenceTakenError",
    "VerifiedStream",
    "object_key",
]
