"""The evidence store: exhibit files as the case recorded them, read with their hash checked."""

from casefile.core.store.reader import EvidenceMismatchError, EvidenceReader, Problem

__all__ = ["EvidenceMismatchError", "EvidenceReader", "Problem"]
