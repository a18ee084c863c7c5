"""Text that came from outside, made safe to show on a terminal and to store as a name.

Names and texts in a case come from the public (a title, a complainant's name), from
file names (a photo sent by a stranger, a file in a watched folder) and from imported
archives. Printed raw, such text can drive the terminal: an escape sequence retitles the
window, clears the screen or hides a link (OSC 8), a newline starts a line that looks
like CaseFile's own ("…: OK"), and a right-to-left override makes ``rtl\u202egpj.exe``
read as ``rtlexe.jpg``.

:func:`printable` shows every such character as a visible escape (``\\x1b``, ``\\n``,
``\\u202e``); :func:`json_text` does the same inside JSON, where the standard escapes
only C0 controls; :func:`without_bidi` drops the direction controls from a name before
it is stored. The stored record otherwise keeps names as they were: a control character
in a file name is evidence of what the name was.
"""

from __future__ import annotations

import json
from typing import Any

# Bidirectional formatting characters: they reorder what follows them on screen.
BIDI_CONTROLS = frozenset(
    {"\u061c", "\u200e", "\u200f"} | {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}
)
# Characters a terminal may act on (C0, DEL, C1), line and paragraph separators, the above,
# and lone surrogates (bytes of a file name that were not UTF-8), which cannot be printed.
_UNSAFE = frozenset(
    {chr(c) for c in range(0x20)}
    | {chr(c) for c in range(0x7F, 0xA0)}
    | {"\u2028", "\u2029"}
    | {chr(c) for c in range(0xD800, 0xE000)}
    | BIDI_CONTROLS
)
# Characters that take no space: text can hide in them, and a name with one is not the name it looks like.
ZERO_WIDTH = frozenset({"\u180e", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"})
_UNSEEN = _UNSAFE | ZERO_WIDTH
# json.dumps escapes C0 controls inside strings itself; outside strings it writes newlines.
_UNSAFE_IN_JSON = _UNSAFE - {chr(c) for c in range(0x20)}
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` with every control, C1 and direction character shown as a visible escape."""
    value = str(text)
    if not any(ch in _UNSAFE for ch in value):
        return value  # the common case: nothing to do
    return "".join(_escape(ch) if ch in _UNSAFE else ch for ch in value)


def visible(text: object) -> str:
    """:func:`printable`, zero-width characters escaped as well: for what a document prints of a file's own
    words (a camera's make, the software named in a photo), where nothing may pass unseen or reorder the line."""
    value = str(text)
    if not any(ch in _UNSEEN for ch in value):
        return value
    return "".join(_escape(ch) if ch in _UNSEEN else ch for ch in value)


def json_text(data: Any, **options: Any) -> str:
    """``json.dumps`` (readable UTF-8) with C1, DEL and direction characters escaped as well.

    The output parses to the same data; only the characters a terminal could act on are
    written as ``\\uXXXX`` escapes. They can occur only inside strings, so replacing them
    in the encoded text is safe.
    """
    text = json.dumps(data, ensure_ascii=False, **options)
    if not any(ch in _UNSAFE_IN_JSON for ch in text):
        return text
    return "".join(f"\\u{ord(ch):04x}" if ch in _UNSAFE_IN_JSON else ch for ch in text)


def without_bidi(name: str) -> str:
    """``name`` without the direction controls that could make it pose as another file type."""
    if not any(ch in BIDI_CONTROLS for ch in name):
        return name
    return "".join(ch for ch in name if ch not in BIDI_CONTROLS)


def readable_name(name: str) -> str:
    """A file name as text that can be stored in JSON: undecodable bytes written as ``\\xff``.

    On Linux a name is bytes; those that are not UTF-8 arrive as lone surrogates, which no
    UTF-8 file can hold. Writing them as visible escapes keeps the evidence of what the
    name was (the stored copy gets a safe name of its own).
    """
    if not any("\ud800" <= ch <= "\udfff" for ch in name):
        return name
    return "".join(
        (f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff" else f"\\u{ord(ch):04x}")
        if "\ud800" <= ch <= "\udfff"
        else ch
        for ch in name
    )


def without_unseen(text: str) -> str:
    """``text`` without zero-width characters (a paste from a web page, a chat or a spreadsheet's first cell
    carries them: ``张\u200b三`` looks like 张三 but is not found by it), and empty when nothing but direction
    controls and spaces is left (a name of direction marks only is no name)."""
    if any(ch in ZERO_WIDTH for ch in text):
        text = "".join(ch for ch in text if ch not in ZERO_WIDTH)
    if text and all(ch in BIDI_CONTROLS or ch.isspace() for ch in text):
        return ""
    return text
