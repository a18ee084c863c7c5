"""ReportLab's paragraphs, imported without the one pattern that costs more than the rest.

``reportlab.platypus.paragraph`` compiles, when it is imported, a pattern for web addresses
(``uri_pat``, used only to break a long address across lines) whose case-insensitive
character classes span the whole Basic Multilingual Plane: compiling it took 30-55 ms, a
tenth of what a court bundle spends importing, in every process that makes a PDF page. Here
the module is imported with that one pattern left to compile the first time it is used
(:class:`LazyPattern`); everything else, and the pattern itself, are ReportLab's own.

The module is run that way whenever it is first imported, by an import hook
(:func:`paragraphs_lazily`) that costs nothing until then: the bundle package installs it,
and the app, which shows bundles' histories at start, imports no ReportLab until a PDF is made.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import re
import sys
import threading
import types
from collections.abc import Sequence
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


PARAGRAPHS = "reportlab.platypus.paragraph"


class _Paragraphs(importlib.abc.MetaPathFinder):
    """Finds ReportLab's paragraph module as the other finders do, to be run with the lazy pattern."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != PARAGRAPHS:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _LazyAddresses(spec.loader)
                return spec
        return None


class _LazyAddresses(importlib.abc.Loader):
    """Runs a module's code with ``re.compile`` handing back a :class:`LazyPattern` for the address pattern."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        module: types.ModuleType | None = self.loader.create_module(spec)
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        with _lock:
            original = re.compile

            def compile_lazily(pattern: Any, flags: int = 0) -> Any:
                if isinstance(pattern, str) and pattern.startswith(URI_START):
                    return LazyPattern(pattern, flags)
                return original(pattern, flags)

            setattr(re, "compile", compile_lazily)  # noqa: B010 - only while the module is run
            try:
                self.loader.exec_module(module)
            finally:
                setattr(re, "compile", original)  # noqa: B010

    def __getattr__(self, name: str) -> Any:  # get_code, get_source... as the real loader has them
        return getattr(self.loader, name)


_FINDER = _Paragraphs()


def paragraphs_lazily() -> None:
    """From now on, ``reportlab.platypus.paragraph`` is imported (by whichever module first imports
    ReportLab's platypus) with its address pattern compiled on first use. Costs nothing until then:
    a process that makes no PDF page never imports ReportLab."""
    if PARAGRAPHS in sys.modules:
        return
    with _lock:
        if _FINDER not in sys.meta_path:
            sys.meta_path.insert(0, _FINDER)
