"""The evidence store: exhibit files as the case recorded them, read with their hash checked."""

from casefile.core.store.reader import EvidenceReader, IntegrityError, Problem

__all__ = ["EvidenceReader", "IntegrityError", "Problem"]
