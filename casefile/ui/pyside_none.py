"""Keep Python 3.11 alive under PySide6 wheels that return None without a reference.

PySide6 6.12's wheels use the stable ABI and were built with C headers that treat ``None``
as immortal (CPython gh-134989, fixed in later 3.13 releases): every Qt method returning
nothing hands back ``None`` without taking a reference to it. On Python 3.12 and newer
``None`` is immortal and this costs nothing; on 3.11 each such call takes one reference
from ``None`` for good, and after some tens of thousands of calls — a few hundred case
views, or a long session — the interpreter aborts with "deallocating None". Until the
wheels are fixed, ``None`` is given, once, a reference count no session can use up, which
is what Python 3.12 does by design. Nothing else is touched, and nothing on 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 48  # references; a Qt call a nanosecond would take days to use a millionth of them


def keep_none_alive() -> bool:
    """Give None a reference count no run can exhaust (CPython 3.11 only); True when it was done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value != sys.getrefcount(None) - 1:  # not the object layout this expects: leave it alone
        return False
    if count.value < RESERVE:
        count.value += RESERVE
    return True
