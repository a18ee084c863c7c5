"""ReportLab's paragraphs, imported without the one pattern that costs more than the rest.

``reportlab.platypus.paragraph`` compiles, when it is imported, a pattern for web addresses
(``uri_pat``, used only to break a long address across lines) whose case-insensitive
character classes span the whole Basic Multilingual Plane: compiling it took 30-55 ms, a
tenth of what a court bundle spends importing, in every process that makes a PDF page. Here
the module is imported with that one pattern left to compile the first time it is used
(:class:`LazyPattern`); everything else, and the pattern itself, are ReportLab's own.
"""

from __future__ import annotations

import re
import sys
import threading
from typing import Any

#: How ReportLab's address pattern starts (reportlab/platypus/paragraph.py, ``uri_pat``).
URI_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"

_lock = threading.Lock()


class LazyPattern:
    """A compiled pattern, compiled when it is first used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> bool:
        return self._compiled is not None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self.source)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern(), name)


def import_paragraphs() -> None:
    """Import ``reportlab.platypus.paragraph`` (once), its address pattern compiled on first use."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    with _lock:
        original = re.compile

        def compile_lazily(pattern: Any, flags: int = 0) -> Any:
            if isinstance(pattern, str) and pattern.startswith(URI_START):
                return LazyPattern(pattern, flags)
            return original(pattern, flags)

        setattr(re, "compile", compile_lazily)  # noqa: B010 - only while the module is imported
        try:
            import reportlab.platypus.paragraph  # noqa: F401
        finally:
            setattr(re, "compile", original)  # noqa: B010
