"""The OCR worker: a process of its own that loads RapidOCR once and reads files one by one.

Started by :class:`casefile.core.search.ocr.OcrWorker` (``multiprocessing``, spawned), it
speaks over one pipe. Everything that touches a file's bytes happens here, decoding
included, so a picture that crashes a decoder or makes it loop takes down this process only.

Requests: ``("read", path, mime)`` and ``("stop",)``. Answers: ``("ready", engine)`` once the
models are loaded (or ``("unavailable", reason)``), then for each request any number of
``("page", done, total)`` and one ``("done", pages)`` or ``("failed", message)``.

**Coordinates of the boxes** (see :class:`casefile.core.search.texts.TextBox`): pictures are
read turned upright as their EXIF orientation says (text in a phone photo taken sideways is
then level), and the boxes are mapped back to pixels of the picture *as stored*, full size
(a picture downscaled for reading has its boxes scaled back up); PDF pages in points from
the top-left corner of the page as shown, as the redaction editor takes them.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.core.errors import Message
from casefile.core.search.texts import PageText, TextBox

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

#: The models read, as shipped in the rapidocr wheel (its ``models`` folder): never downloaded.
DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
CLS_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"
MODELS = (DET_MODEL, REC_MODEL, CLS_MODEL)

#: A picture above this many pixels is not decoded at all (a 12,000 × 12,500 panorama still is).
MAX_SOURCE_PIXELS = 150_000_000
#: Pictures are read at most this big along their shorter side (screen text is legible far below).
MAX_SHORT_SIDE = 2000
#: ... and at most this many pixels in all (a scrolling screenshot many screens long).
MAX_READ_PIXELS = 40_000_000
#: Long pictures are read in pieces this long, overlapping by TILE_OVERLAP (a line cut by one is whole in the next).
TILE = 2000
TILE_OVERLAP = 200
#: The detector's shorter side (RapidOCR's Det.limit_side_len, limit_type "min").
DET_SIDE = 736
#: Scanned PDF pages are rendered at this resolution for reading.
PDF_DPI = 200
MAX_PAGE_PIXELS = 25_000_000
#: A page with fewer characters than this in its text layer is read as a picture.
MIN_TEXT_CHARS = 1

HEIF_MIMES = {"image/heic", "image/heif", "image/avif"}
PDF_MIME = "application/pdf"


def models_dir() -> Path:
    """The folder of rapidocr's bundled models (raises ImportError when rapidocr is not installed)."""
    import rapidocr

    return Path(rapidocr.__file__).resolve().parent / "models"


def engine_name() -> str:
    """The engine and its models, as stored with every text read (a newer one reads again)."""
    from importlib.metadata import PackageNotFoundError, version

    def of(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "unknown"

    models = ", ".join(m.removesuffix(".onnx") for m in MODELS)
    return f"rapidocr {of('rapidocr')} onnxruntime {of('onnxruntime')} ({models})"


class OcrFailure(Exception):
    """A file that cannot be read; carries the reason as a core Message."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def make_engine(threads: int) -> Any:
    """RapidOCR on its bundled models (explicit paths: nothing is looked up or downloaded), ``threads`` wide."""
    from rapidocr import RapidOCR

    folder = models_dir()
    for name in MODELS:
        if not (folder / name).is_file():
            raise FileNotFoundError(f"rapidocr's model {name} is missing from {folder}")
    threads = max(1, threads)
    return RapidOCR(
        params={
            "Global.log_level": "error",
            "Global.max_side_len": TILE + TILE_OVERLAP,  # pieces are read at their own size
            "Det.model_path": str(folder / DET_MODEL),
            "Rec.model_path": str(folder / REC_MODEL),
            "Cls.model_path": str(folder / CLS_MODEL),
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
    )


# --------------------------------------------------------------------------- orientation


def orient_box(
    orientation: int, box: tuple[float, float, float, float], width: float, height: float
) -> tuple[float, float, float, float]:
    """A box (left, top, right, bottom) of a picture ``width`` × ``height`` as stored, on the picture turned
    upright as EXIF ``orientation`` (1–8) says (what ``ImageOps.exif_transpose`` makes of it)."""
    points = [_orient_point(orientation, x, y, width, height) for x, y in ((box[0], box[1]), (box[2], box[3]))]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def unorient_box(
    orientation: int, box: tuple[float, float, float, float], width: float, height: float
) -> tuple[float, float, float, float]:
    """The inverse of :func:`orient_box`: a box on the upright picture (``width`` × ``height`` upright) as stored."""
    inverse = {6: 8, 8: 6}.get(orientation, orientation)
    return orient_box(inverse, box, width, height)


def _orient_point(orientation: int, x: float, y: float, w: float, h: float) -> tuple[float, float]:
    match orientation:
        case 2:
            return w - x, y
        case 3:
            return w - x, h - y
        case 4:
            return x, h - y
        case 5:
            return y, x
        case 6:
            return h - y, x
        case 7:
            return h - y, w - x
        case 8:
            return y, w - x
        case _:
            return x, y


def upright_size(orientation: int, width: float, height: float) -> tuple[float, float]:
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


# --------------------------------------------------------------------------- reading


@dataclass
class _Read:
    """What the engine found on one picture: boxes (left, top, right, bottom, text, score) in its pixels."""

    lines: list[tuple[float, float, float, float, str, float]]


def _ocr(engine: Any, image: Image.Image) -> _Read:
    result = engine(_padded(image))
    boxes, texts, scores = result.boxes, result.txts, result.scores
    lines: list[tuple[float, float, float, float, str, float]] = []
    if boxes is None or texts is None:
        return _Read(lines)
    for quad, text, score in zip(boxes, texts, scores or (), strict=False):
        xs = [float(p[0]) for p in quad]
        ys = [float(p[1]) for p in quad]
        if text.strip():
            lines.append((min(xs), min(ys), max(xs), max(ys), str(text), float(score)))
    return _Read(lines)


def _padded(image: Image.Image) -> Image.Image:
    """A strip (a text box's screenshot, a receipt's line) made squarer with its own background below and
    to the right: the detector enlarges a picture until its shorter side is DET_SIDE pixels, and a strip
    of 600 × 90 would be read at 4,900 × 736, seconds for nothing (padded to 600 × 600 it is read at
    736 × 736). Boxes are unchanged (top-left origin)."""
    from PIL import Image

    width, height = image.size
    want_w = max(width, min(height, DET_SIDE))
    want_h = max(height, min(width, DET_SIDE))
    if (want_w, want_h) == (width, height):
        return image
    corner = image.getpixel((width - 1, height - 1))
    canvas = Image.new(image.mode, (want_w, want_h), corner)
    canvas.paste(image, (0, 0))
    return canvas


def _tiles(length: int) -> list[tuple[int, int, int, int]]:
    """Pieces (start, end, keep_from, keep_to) along a side ``length`` long: a line is kept by the piece
    whose own stretch holds its middle."""
    if length <= TILE + TILE_OVERLAP:
        return [(0, length, 0, length)]
    step = TILE - TILE_OVERLAP
    count = math.ceil((length - TILE_OVERLAP) / step)
    out = []
    for i in range(count):
        start = i * step
        end = min(length, start + TILE)
        keep_from = 0 if i == 0 else start + TILE_OVERLAP // 2
        keep_to = length if i == count - 1 else end - TILE_OVERLAP // 2
        out.append((start, end, keep_from, keep_to))
    return out


def read_picture(engine: Any, image: Image.Image) -> list[tuple[float, float, float, float, str, float]]:
    """Every line on ``image`` (RGB, upright), long pictures read piece by piece, in reading order."""
    width, height = image.size
    lines: list[tuple[float, float, float, float, str, float]] = []
    tall = height >= width
    for start, end, keep_from, keep_to in _tiles(height if tall else width):
        piece = image.crop((0, start, width, end) if tall else (start, 0, end, height))
        for left, top, right, bottom, text, score in _ocr(engine, piece).lines:
            if tall:
                top, bottom = top + start, bottom + start
                middle = (top + bottom) / 2
            else:
                left, right = left + start, right + start
                middle = (left + right) / 2
            if keep_from <= middle < keep_to or (middle == keep_to == (height if tall else width)):
                lines.append((left, top, right, bottom, text, score))
    lines.sort(key=lambda b: (round(b[1] / 8), b[0]))
    return lines


def _page(number: int, lines: list[tuple[float, float, float, float, str, float]], w: float, h: float) -> PageText:
    boxes = tuple(
        TextBox(round(a, 2), round(b, 2), round(c, 2), round(d, 2), t, round(s, 4)) for a, b, c, d, t, s in lines
    )
    return PageText(page=number, text="\n".join(b.text for b in boxes), boxes=boxes, width=w, height=h)


def _undecodable(exc: BaseException) -> OcrFailure:
    return OcrFailure(Message("the picture cannot be decoded ({reason})", reason=str(exc) or type(exc).__name__))


def read_image_file(engine: Any, path: Path, mime: str) -> list[PageText]:
    """The text of a picture: one page, boxes in pixels of the picture as stored."""
    from PIL import Image, ImageOps

    if mime in HEIF_MIMES:
        import pillow_heif

        pillow_heif.register_heif_opener()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # bounded below instead
            with Image.open(path) as img:
                width, height = img.size
                if width * height > MAX_SOURCE_PIXELS:
                    raise OcrFailure(
                        Message(
                            "the picture is too large to read ({width} × {height} pixels; at most {limit} million)",
                            width=width,
                            height=height,
                            limit=MAX_SOURCE_PIXELS // 1_000_000,
                        )
                    )
                orientation = int(img.getexif().get(0x0112, 1) or 1)
                uw, uh = upright_size(orientation, width, height)
                scale = min(1.0, MAX_SHORT_SIDE / min(uw, uh), math.sqrt(MAX_READ_PIXELS / (uw * uh)))
                if img.format == "JPEG" and scale < 1:
                    img.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
                img.seek(0)
                upright = ImageOps.exif_transpose(img)
                upright = upright.convert("RGB")
    except OcrFailure:
        raise
    except Image.DecompressionBombError as exc:
        raise OcrFailure(Message("the picture is too large to read ({reason})", reason=str(exc))) from None
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError) as exc:
        raise _undecodable(exc) from None
    if min(upright.size) < 1:
        raise OcrFailure(Message("the picture is empty"))
    target = (max(1, round(uw * scale)), max(1, round(uh * scale)))
    if upright.size != target:
        upright = upright.resize(target, Image.Resampling.LANCZOS)
    sx, sy = uw / upright.width, uh / upright.height
    lines = []
    for left, top, right, bottom, text, score in read_picture(engine, upright):
        box = (left * sx, top * sy, right * sx, bottom * sy)
        stored = unorient_box(orientation, box, uw, uh)
        lines.append((*stored, text, score))
    return [_page(1, lines, float(width), float(height))]


def read_pdf_file(engine: Any, path: Path) -> Iterator[tuple[int, int, PageText | None]]:
    """For each page: (done, total, its text) -- None for a page that has a text layer (not read here)."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise OcrFailure(
            Message("the PDF cannot be opened ({reason}); an encrypted PDF cannot be read", reason=str(exc))
        ) from None
    try:
        total = len(doc)
        for index in range(total):
            page = doc[index]
            try:
                textpage = page.get_textpage()
                try:
                    chars = len(textpage.get_text_range().strip())
                finally:
                    textpage.close()
                if chars >= MIN_TEXT_CHARS:
                    yield index + 1, total, None
                    continue
                width, height = (float(v) for v in doc.get_page_size(index))
                if not (width > 0 and height > 0):
                    yield index + 1, total, None
                    continue
                scale = PDF_DPI / 72
                if width * height * scale * scale > MAX_PAGE_PIXELS:
                    scale = math.sqrt(MAX_PAGE_PIXELS / (width * height))
                bitmap = page.render(scale=scale, may_draw_forms=True, fill_color=(255, 255, 255, 255))
                try:
                    image = bitmap.to_pil().convert("RGB")
                finally:
                    bitmap.close()
            finally:
                page.close()
            sx, sy = width / image.width, height / image.height
            lines = [(a * sx, b * sy, c * sx, d * sy, t, s) for a, b, c, d, t, s in read_picture(engine, image)]
            yield index + 1, total, _page(index + 1, lines, width, height)
    except pdfium.PdfiumError as exc:
        raise OcrFailure(Message("the PDF cannot be read ({reason})", reason=str(exc))) from None
    finally:
        doc.close()


# --------------------------------------------------------------------------- the process


def _limit_threads(threads: int) -> None:
    """Few threads and a low priority: the app and the rest of the machine come first."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(threads)
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(10)


def serve(conn: Connection, threads: int) -> None:
    """The worker's main loop (the process's target)."""
    _limit_threads(threads)
    logging.basicConfig(level=logging.WARNING)
    try:
        import cv2

        cv2.setNumThreads(threads)
        engine = make_engine(threads)
        name = engine_name()
        # The models load lazily, each on first use: read a line of text so that all three are loaded
        # (and their first run made) before the first file.
        from PIL import Image, ImageDraw, ImageFont

        warm = Image.new("RGB", (320, 64), "white")
        ImageDraw.Draw(warm).text((10, 12), "CaseFile 2026", font=ImageFont.load_default(32), fill="black")
        _ocr(engine, warm)
    except Exception as exc:  # noqa: BLE001 - not installed, a model missing, onnxruntime refusing: say which
        conn.send(("unavailable", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", name))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request[0] != "read":
            return
        _, path, mime = request
        try:
            if mime == PDF_MIME:
                pages = []
                for done, total, page in read_pdf_file(engine, Path(path)):
                    conn.send(("page", done, total))
                    if page is not None:
                        pages.append(page)
            else:
                pages = read_image_file(engine, Path(path), mime)
            conn.send(("done", pages))
        except OcrFailure as exc:
            conn.send(("failed", exc.message))
        except MemoryError:
            conn.send(("failed", Message("the file needs more memory to read than there is")))
        except OSError as exc:
            conn.send(("failed", Message("the file cannot be read ({reason})", reason=str(exc))))
        except Exception as exc:  # noqa: BLE001 - a decoder or the engine gave up on this file: say so, go on
            log.warning("OCR of %s failed: %r", path, exc)
            conn.send(("failed", Message("the engine could not read the file ({reason})", reason=repr(exc))))
