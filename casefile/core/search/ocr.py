"""Text read from pictures and scanned PDF pages (OCR), in a worker process, kept as derived text.

RapidOCR (PP-OCR models in ONNX, run by onnxruntime) reads screenshots of chats and order
pages, photos of waybills and receipts, and PDF pages that have no text layer. It is heavy
(the models take most of a second to load, a picture takes seconds on two cores), and a
hostile picture may crash or hang a decoder, so it runs in one long-lived process of its own
(:class:`OcrWorker`, code in :mod:`.ocr_worker`): loaded once, given files one at a time, on
few threads at a low priority; a file it crashes on or takes too long with is marked failed
with the reason and the worker is started again for the next one. Nothing of the evidence is
ever written: what is read goes to the :class:`~casefile.core.search.texts.TextStore` under the
producer ``"ocr"`` with the engine and model versions, and a file already read by the same
engine is not read again. Files that failed are remembered beside it
(``.derived/ocr-failed/``), with the reason, and are tried again only when asked
(``retry_failed``) or by a newer engine.

Boxes: pixels of a picture as stored (EXIF orientation *not* applied; the picture is read
upright and its boxes mapped back), PDF points on the page as shown, top-left origin; see
:mod:`.ocr_worker` and :func:`upright_boxes` for the upright picture the redaction editor shows.

OCR is an optional part of CaseFile (``pip install 'casefile[ocr]'``): :func:`unavailable`
says plainly when it is not installed.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from casefile.core.errors import CancelledError, CaseFileError, Message
from casefile.core.fsutil import TEMP_PREFIX, make_private_dir, open_private, remove_quietly
from casefile.core.model import Case, Exhibit
from casefile.core.progress import NEVER_CANCELLED, CancelToken, Progress
from casefile.core.search.ocr_worker import PDF_MIME, engine_name, orient_box, upright_size
from casefile.core.search.texts import DerivedText, TextBox, TextStore
from casefile.core.thumbnails import HEIF_MIMES, IMAGE_MIMES

log = logging.getLogger(__name__)

PRODUCER = "ocr"
FAILED_DIR = Path(".derived") / "ocr-failed"
#: Seconds the worker may take to load its models, and to read one picture or PDF page.
LOAD_TIMEOUT = 120.0
PAGE_TIMEOUT = 300.0
_POLL = 0.1  # how often a waiting reader looks at its cancel token
_HOPELESS_FLAGS = {"broken", "empty", "encrypted"}
OCR_MIMES = IMAGE_MIMES | HEIF_MIMES | {PDF_MIME}
#: The modules OCR needs; when one is missing OCR is not installed.
REQUIRED = ("rapidocr", "onnxruntime")

INSTALL_COMMAND = "pip install 'casefile[ocr]'"


class OcrUnavailable(CaseFileError):
    """OCR cannot run here (not installed, or its engine failed to start)."""


def unavailable() -> Message | None:
    """Why OCR cannot run here, or None when it can (looks for the modules without loading them)."""
    for name in REQUIRED:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            return Message(
                "reading text from pictures (OCR) is not installed; install CaseFile with its OCR part: {command}",
                command=INSTALL_COMMAND,
            )
    return None


def current_engine() -> str:
    """The engine string stored with each text (rapidocr, onnxruntime and model versions)."""
    return engine_name()


def default_threads() -> int:
    """Threads for the worker: one core of two, two of four or more; ``CASEFILE_OCR_THREADS`` overrides."""
    given = os.environ.get("CASEFILE_OCR_THREADS", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    return max(1, min(2, (os.cpu_count() or 2) // 2))


# --------------------------------------------------------------------------- which files


def wants_ocr(exhibit: Exhibit) -> bool:
    """Whether OCR may find text in this exhibit: a picture or a PDF, not withdrawn, not known broken."""
    return (
        not exhibit.withdrawn
        and exhibit.mime in OCR_MIMES
        and exhibit.size > 0
        and not _HOPELESS_FLAGS & set(exhibit.flags)
    )


@dataclass(frozen=True)
class Job:
    """One file to read: where it is, which case and exhibit it is (the first that holds these bytes)."""

    case: str
    exhibit: int
    sha256: str
    path: Path
    mime: str


@dataclass(frozen=True)
class OcrResult:
    job: Job
    text: DerivedText | None = None
    failure: Message | None = None

    @property
    def chars(self) -> int:
        return sum(len(p.text) for p in self.text.pages) if self.text else 0


class Failures:
    """Files OCR gave up on, with why and which engine: ``.derived/ocr-failed/ab/<sha256>.json``."""

    def __init__(self, library_root: Path) -> None:
        self.root = Path(library_root) / FAILED_DIR

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str) -> tuple[str, Message] | None:
        """(engine, reason) of the last failure, or None."""
        try:
            with open(self.path(sha256), encoding="utf-8") as handle:
                data = json.load(handle)
            return str(data["engine"]), Message(str(data["template"]), **dict(data["params"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("OCR failure record of %s is unreadable and is ignored: %s", sha256, exc)
            return None

    def put(self, sha256: str, engine: str, reason: Message) -> None:
        path = self.path(sha256)
        make_private_dir(self.root.parent, parents=True)
        make_private_dir(self.root)
        make_private_dir(path.parent)
        record = {
            "engine": engine,
            "template": reason.template,
            "params": {k: str(v) for k, v in reason.params.items()},
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        tmp = path.with_name(f"{TEMP_PREFIX}{path.name}.{os.getpid()}")
        try:
            with os.fdopen(open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "wb") as handle:
                handle.write(json.dumps(record, ensure_ascii=False).encode("utf-8"))
            os.replace(tmp, path)
        except OSError:
            remove_quietly(tmp)
            raise

    def forget(self, sha256: str) -> None:
        remove_quietly(self.path(sha256))


def pending(
    library: Any,
    numbers: Iterable[str] | None = None,
    *,
    engine: str | None = None,
    retry_failed: bool = False,
    records: Mapping[str, Case] | None = None,
) -> list[Job]:
    """The files of these cases (None: every case) that OCR has not read with ``engine`` (default: the
    installed one), each SHA-256 once; failed ones only with ``retry_failed``. ``records``: cases whose
    record the caller has just read, looked at instead of reading them again."""
    engine = engine or current_engine()
    store = TextStore(library.root)
    failures = Failures(library.root)
    jobs: list[Job] = []
    seen: set[str] = set()
    for number in library.case_numbers() if numbers is None else list(numbers):
        known = records.get(number) if records is not None else None
        case = known if known is not None else library.load_case(number)
        folder = library.folder(number).path
        for exhibit in case.exhibits:
            if not wants_ocr(exhibit) or exhibit.sha256 in seen:
                continue
            seen.add(exhibit.sha256)
            done = store.get(exhibit.sha256, PRODUCER)
            if done is not None and done.engine == engine:
                continue
            failed = failures.get(exhibit.sha256)
            if failed is not None and failed[0] == engine and not retry_failed:
                continue
            jobs.append(Job(number, exhibit.number, exhibit.sha256, folder / exhibit.stored_path, exhibit.mime))
    return jobs


# --------------------------------------------------------------------------- the worker process


class OcrWorker:
    """The long-lived OCR process: started on first use, started again after a crash or a hang.

    One reader at a time (the app's background queue, or a command); not thread-safe.
    """

    def __init__(
        self, threads: int | None = None, *, page_timeout: float = PAGE_TIMEOUT, load_timeout: float = LOAD_TIMEOUT
    ) -> None:
        self.threads = threads or default_threads()
        self.page_timeout = page_timeout
        self.load_timeout = load_timeout
        self.process: BaseProcess | None = None
        self.conn: Connection | None = None
        self.engine = ""
        self.starts = 0

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    def start(self, cancel: CancelToken = NEVER_CANCELLED) -> None:
        """Start the process and wait for its models to load (OcrUnavailable if they cannot)."""
        if self.process is not None and self.process.is_alive():
            return
        self._discard()
        reason = unavailable()
        if reason is not None:
            raise OcrUnavailable(reason)
        from casefile.core.search import ocr_worker

        context = multiprocessing.get_context("spawn")
        mine, theirs = context.Pipe()
        process = context.Process(
            target=ocr_worker.serve, args=(theirs, self.threads), name="casefile-ocr", daemon=True
        )
        process.start()
        theirs.close()
        self.process, self.conn = process, mine
        self.starts += 1
        answer = self._receive(self.load_timeout, cancel)
        if answer is None or answer[0] != "ready":
            detail = answer[1] if answer is not None and answer[0] == "unavailable" else self._ended()
            self._discard()
            raise OcrUnavailable("the OCR engine did not start ({reason})", reason=detail)
        self.engine = str(answer[1])
        log.info("OCR worker %s ready: %s", process.pid, self.engine)

    def read(
        self,
        path: Path,
        mime: str,
        *,
        on_page: Callable[[int, int], None] | None = None,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> DerivedText | Message:
        """The text of one file (its ``sha256`` is left empty for the caller), or why it could not be read."""
        self.start(cancel)
        assert self.conn is not None
        try:
            self.conn.send(("read", str(path), mime))
        except OSError:
            reason = self._ended()
            self._discard()
            return Message("the OCR worker stopped while reading the file ({reason})", reason=reason)
        while True:
            answer = self._receive(self.page_timeout, cancel)
            if answer is None:
                if self.process is not None and self.process.is_alive():
                    self._discard()
                    return Message(
                        "reading the file took longer than {seconds} seconds a page; it was stopped",
                        seconds=int(self.page_timeout),
                    )
                reason = self._ended()
                self._discard()
                return Message("the OCR worker stopped while reading the file ({reason})", reason=reason)
            kind = answer[0]
            if kind == "page":
                if on_page is not None:
                    on_page(int(answer[1]), int(answer[2]))
                continue
            if kind == "done":
                return DerivedText(sha256="", producer=PRODUCER, engine=self.engine, pages=tuple(answer[1]))
            if kind == "failed":
                message = answer[1]
                return message if isinstance(message, Message) else Message(str(message))
            self._discard()
            return Message("the OCR worker answered {answer}", answer=str(kind))

    def _receive(self, timeout: float, cancel: CancelToken) -> Any | None:
        """The next answer; None when the process ended or ``timeout`` passed; cancelling stops the process."""
        conn, process = self.conn, self.process
        assert conn is not None and process is not None
        deadline = time.monotonic() + timeout
        while True:
            if cancel.cancelled:
                self._discard()
                raise CancelledError()
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                if conn.poll(min(_POLL, left)):
                    return conn.recv()
            except (EOFError, OSError):
                process.join(1.0)
                return None
            if not process.is_alive():
                if conn.poll(0):  # its last answer, sent just before it ended
                    try:
                        return conn.recv()
                    except (EOFError, OSError):
                        return None
                return None

    def _ended(self) -> str:
        process = self.process
        if process is None:
            return "not running"
        process.join(1.0)
        code = process.exitcode
        if code is None:
            return "no answer"
        if code < 0:
            return f"ended by signal {-code}"
        return f"exit code {code}"

    def _discard(self) -> None:
        """Stop the process at once (a crash, a hang, a cancel): the next read starts a new one."""
        process, conn = self.process, self.conn
        self.process = self.conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join(5.0)
            process.close()

    def close(self) -> None:
        """Ask the worker to stop, then make sure it has."""
        conn, process = self.conn, self.process
        if conn is not None and process is not None and process.is_alive():
            with contextlib.suppress(OSError):
                conn.send(("stop",))
            process.join(2.0)
        self._discard()

    def __enter__(self) -> OcrWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- running


def run_ocr(
    library: Any,
    jobs: list[Job],
    worker: OcrWorker,
    *,
    on_text: Callable[[str], None] | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Iterator[Progress | OcrResult]:
    """Read each job's file in ``worker``, store the text (``on_text(sha256)`` after each is stored) or the
    failure, and yield each result; Progress(done, total, "case/exhibit") before each file."""
    store = TextStore(library.root)
    failures = Failures(library.root)
    for done, job in enumerate(jobs):
        cancel.check()
        yield Progress(done, len(jobs), f"{job.case}/{job.exhibit}")
        if not job.path.is_file():
            reason = Message("the file is missing from the case folder")
            yield OcrResult(job, failure=reason)
            continue
        outcome = worker.read(job.path, job.mime, cancel=cancel)
        if isinstance(outcome, Message):
            log.warning("OCR of exhibit %s of case %s failed: %s", job.exhibit, job.case, outcome)
            failures.put(job.sha256, worker.engine or current_engine(), outcome)
            yield OcrResult(job, failure=outcome)
            continue
        text = DerivedText(sha256=job.sha256, producer=PRODUCER, engine=outcome.engine, pages=outcome.pages)
        store.put(text)
        failures.forget(job.sha256)
        library.refresh_search(job.sha256)  # searchable now, in every exhibit with those bytes
        if on_text is not None:
            on_text(job.sha256)
        yield OcrResult(job, text=text)
    yield Progress(len(jobs), len(jobs), "")


# --------------------------------------------------------------------------- reading the boxes


def exif_orientation(path: Path, mime: str = "") -> int:
    """The EXIF orientation (1–8) of a picture; 1 when it has none or cannot be read."""
    from PIL import Image

    from casefile.core.thumbnails import register_heif

    if mime in HEIF_MIMES:
        register_heif()
    try:
        with Image.open(path) as img:
            return int(img.getexif().get(0x0112, 1) or 1)
    except Exception:  # noqa: BLE001 - an unreadable picture has no orientation to apply
        return 1


def upright_boxes(text: DerivedText, orientation: int) -> list[TextBox]:
    """The boxes of a picture's text (page 1) on the picture turned upright, as the redaction editor shows it."""
    if not text.pages:
        return []
    page = text.pages[0]
    out = []
    for box in page.boxes:
        left, top, right, bottom = orient_box(
            orientation, (box.left, box.top, box.right, box.bottom), page.width, page.height
        )
        out.append(TextBox(left, top, right, bottom, box.text, box.score))
    return out


def redaction_lines(library_root: Path, sha256: str, path: Path, mime: str, page: int = 1) -> list[TextBox]:
    """The lines OCR read in a file, in the redaction editor's coordinates: the upright picture's pixels,
    or PDF page ``page``'s points as shown. Empty when it has not been read (or the page has a text layer)."""
    text = TextStore(library_root).get(sha256, PRODUCER)
    if text is None:
        return []
    if mime == PDF_MIME:
        return [box for p in text.pages if p.page == page for box in p.boxes]
    return upright_boxes(text, exif_orientation(path, mime))


__all__ = [
    "PRODUCER",
    "Failures",
    "Job",
    "OcrResult",
    "OcrUnavailable",
    "OcrWorker",
    "current_engine",
    "pending",
    "redaction_lines",
    "run_ocr",
    "unavailable",
    "upright_boxes",
    "upright_size",
    "wants_ocr",
]
