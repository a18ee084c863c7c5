"""Helpers shared by test modules (import as: from casefile_testing import make_case)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pytest

from casefile.core.library import Library, case_from_fields
from casefile.core.model import Case

REPO = Path(__file__).resolve().parents[1]
FORMAT1 = REPO / "tests" / "fixtures" / "format1"  # a library, an archive and settings in format 1, kept for good


# The package each program the tests read PDFs with comes in (tools/system-deps installs them).
_PACKAGES = {"pdftotext": "poppler-utils", "pdftoppm": "poppler-utils", "pdffonts": "poppler-utils", "qpdf": "qpdf"}


def need(tool: str) -> None:
    """Skip the test, saying why, when ``tool`` is not installed (``tools/dev test`` installs it where it can)."""
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} ({_PACKAGES.get(tool, tool)}) is not installed")


def run_tool(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """A program the tests read their output with (pdftotext, qpdf…), run to its end; the test is skipped
    when the program is not installed."""
    need(args[0])
    return subprocess.run(list(args), capture_output=True, text=True, check=check)


def now() -> datetime:
    return datetime.now().astimezone()


def make_case(library: Library, **fields: object) -> Case:
    data = {
        "title": "手机屏幕碎裂",
        "complained_at": "2026-11-20T10:30:00+08:00",
        "channel": "store",
        "type": "quality",
        **fields,
    }
    return library.create_case(case_from_fields(data))


# What the filing windows need before any packet is built, and nothing more: a named respondent (the
# defendant, or a courier claim's claimant), a claim and the facts, a waybill number. Tests that build
# court or courier packets from an otherwise bare case start from it.
FILED: dict[str, object] = {
    "respondent": {"kind": "organisation", "name": "某某数码旗舰店"},
    "demands": [{"type": "refund", "amount": "1299.00", "description": "退还货款"}],
    "facts": "2026年11月18日收到手机，开箱发现屏幕碎裂。",
    "shipment": {"waybill_no": "SF1234567890123"},
}


def read_pictures(library: Library, number: str, text: str = "") -> None:
    """Store, for every picture and PDF of the case, the text OCR would have read in it (none by default), as
    ``casefile ocr`` stores it: packets then check what the pictures show instead of naming them as not read."""
    from casefile.core.search.ocr import wants_ocr
    from casefile.core.search.texts import DerivedText, PageText, TextStore

    store = TextStore(library.root)
    for exhibit in library.load_case(number).exhibits:
        if wants_ocr(exhibit):
            store.put(DerivedText(exhibit.sha256, "ocr", "test", (PageText(1, text),)))


def filed_case(library: Library, **fields: object) -> Case:
    """:func:`make_case` with what every packet needs (:data:`FILED`); ``fields`` replace parts of it."""
    return make_case(library, **{**FILED, **fields})


def waive_arbitration(library: Library, number: str) -> None:
    """Mark the case's arbitration agreements waived, so that the same case can go to court as well (its
    arbitration packet then warns that no agreement is in force, and is built with --force)."""
    from casefile.core.bundle.agreements import WAIVED, agreements, mark_agreement

    for agreement in agreements(library.load_case(number)):
        mark_agreement(library, number, agreement.number, WAIVED, "双方同意由人民法院管辖")


def make_video(path, seconds: int = 4, fps: int = 5, size: tuple[int, int] = (160, 90)) -> None:
    """A small MPEG-4 video whose colour changes every second (so frames from different times differ)."""
    import av
    from PIL import Image

    with av.open(str(path), "w") as out:
        stream = out.add_stream("mpeg4", rate=fps)
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        for i in range(seconds * fps):
            second = i // fps
            frame = Image.new("RGB", size, (40 + 50 * second % 200, 120, 220 - 40 * second % 200))
            for packet in stream.encode(av.VideoFrame.from_image(frame)):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


def chinese(message: object) -> str:
    """A core message as the app shows it in Chinese: its template translated from the catalogue (context
    ``core``, as casefile.ui.i18n.translated does, without Qt), fields that are messages translated too."""
    from casefile.core.errors import Message

    if not isinstance(message, Message):
        return str(message)
    template = _core_catalogue().get(message.template, message.template)
    params = {k: chinese(v) if isinstance(v, Message) else v for k, v in message.params.items()}
    return template.format(**params) if params else template


_CATALOGUE: dict[str, str] = {}


def _core_catalogue() -> dict[str, str]:
    if not _CATALOGUE:
        import xml.etree.ElementTree as ET

        ts = Path(__file__).resolve().parents[1] / "i18n" / "casefile_zh_CN.ts"
        for context in ET.parse(ts).getroot().iter("context"):
            if context.findtext("name") != "core":
                continue
            for item in context.iter("message"):
                translation = item.find("translation")
                if translation is not None and translation.text and translation.get("type") is None:
                    _CATALOGUE[item.findtext("source") or ""] = translation.text
    return _CATALOGUE


# Runs `casefile ARGV` in a fresh interpreter, then prints the watched modules it loaded, as JSON, on its last line.
_LOADED_DRIVER = """
import json, sys
watched = sys.argv.pop(1).split(",")
from casefile.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
loaded = sorted(w for w in watched if any(m == w or m.startswith(w + ".") for m in sys.modules))
print(json.dumps({"code": code, "loaded": loaded}))
"""


def run_python(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``code`` run in a fresh interpreter with ``args``, importing this checkout's casefile; ``env``
    added to this process's environment. Its output and errors are captured as text."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
            **(env or {}),
        },
        check=False,
    )


def modules_loaded(argv: Sequence[str], watched: Sequence[str]) -> tuple[int, list[str], str, str]:
    """Run the command line in a fresh interpreter: its exit code, which of ``watched`` (packages or
    modules, a submodule counting for its package) it loaded, its output and its errors."""
    proc = run_python(_LOADED_DRIVER, ",".join(watched), *argv)
    lines = proc.stdout.strip().splitlines()
    assert lines, proc.stderr
    result = json.loads(lines[-1])
    return result["code"], result["loaded"], "\n".join(lines[:-1]), proc.stderr
