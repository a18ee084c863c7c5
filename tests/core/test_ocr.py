"""OCR of pictures and scanned PDF pages in the worker process: real RapidOCR on small pictures.

Each reading takes about a second here, so the module shares one worker (its models loaded
once) and keeps the pictures small.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from ocr_images import CHAT, chat_png, scanned_pdf, text_image
from PIL import Image

from casefile.core.errors import Message
from casefile.core.evidence import AddResult, add_files
from casefile.core.library import Library
from casefile.core.model import Case
from casefile.core.search import ocr
from casefile.core.search.ocr import Failures, OcrResult, OcrWorker, pending, run_ocr, unavailable
from casefile.core.search.ocr_worker import orient_box, unorient_box
from casefile.core.search.query import search
from casefile.core.search.texts import DerivedText, TextStore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(unavailable() is not None, reason="OCR is not installed (pip install 'casefile[ocr]')"),
]


@pytest.fixture(scope="module")
def worker() -> Iterator[OcrWorker]:
    with OcrWorker(threads=1) as shared:
        yield shared


def squeeze(text: str) -> str:
    return "".join(text.split())


def read(worker: OcrWorker, path: Path, mime: str) -> DerivedText:
    outcome = worker.read(path, mime)
    assert isinstance(outcome, DerivedText), outcome
    return outcome


def add(library: Library, case: Case, *paths: Path) -> list[AddResult]:
    return [r for r in add_files(library, case.number, [str(p) for p in paths]) if isinstance(r, AddResult)]


def test_a_screenshot_is_read_with_its_lines_and_boxes(worker: OcrWorker, tmp_path: Path) -> None:
    drawn = chat_png(tmp_path / "chat.png")
    text = read(worker, tmp_path / "chat.png", "image/png")
    assert text.engine.startswith("rapidocr 3.") and "PP-OCRv6_rec_small" in text.engine
    (page,) = text.pages
    assert (page.page, page.width, page.height) == (1, 700, 200)
    assert [squeeze(b.text) for b in page.boxes] == [squeeze(line) for _x, _y, line in CHAT]
    for box, (left, top, right, bottom) in zip(page.boxes, drawn, strict=True):
        assert abs(box.left - left) < 12 and abs(box.right - right) < 12
        assert abs(box.top - top) < 12 and abs(box.bottom - bottom) < 12
        assert 0.9 < box.score <= 1.0


def test_exif_orientation_is_read_upright_and_boxes_are_in_stored_pixels(worker: OcrWorker, tmp_path: Path) -> None:
    upright, drawn = text_image([(20, 30, "退款金额1299元")], (360, 100), 32)
    # Stored turned a quarter (as a phone held sideways writes it), with orientation 6 saying how to turn it back.
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    stored.save(tmp_path / "sideways.jpg", quality=95, exif=exif)
    text = read(worker, tmp_path / "sideways.jpg", "image/jpeg")
    (page,) = text.pages
    assert (page.width, page.height) == (100, 360)  # the picture as stored
    (box,) = page.boxes
    assert squeeze(box.text) == "退款金额1299元"
    # In stored pixels the line runs down the picture ...
    assert box.bottom - box.top > 3 * (box.right - box.left)
    # ... and turned upright it lies where it was drawn.
    (level,) = ocr.upright_boxes(text, 6)
    left, top, right, bottom = drawn[0]
    assert abs(level.left - left) < 12 and abs(level.top - top) < 12
    assert abs(level.right - right) < 12 and abs(level.bottom - bottom) < 12


@pytest.mark.parametrize("orientation", range(1, 9))
def test_box_orientation_matches_pillow(orientation: int) -> None:
    from PIL import ImageOps

    image = Image.new("L", (50, 30), 0)
    image.putpixel((7, 4), 255)
    exif = Image.Exif()
    exif[0x0112] = orientation
    image.info["exif"] = exif.tobytes()
    image.getexif()[0x0112] = orientation
    turned = ImageOps.exif_transpose(image)
    assert turned is not None
    x, y = next((x, y) for x in range(turned.width) for y in range(turned.height) if turned.getpixel((x, y)))
    box = orient_box(orientation, (7, 4, 8, 5), 50, 30)
    assert box == (x, y, x + 1, y + 1)
    assert unorient_box(orientation, box, turned.width, turned.height) == (7, 4, 8, 5)


def test_a_large_long_picture_is_downscaled_and_read_in_pieces(worker: OcrWorker, tmp_path: Path) -> None:
    # 2,100 px across: read at 2,000 (scaled by 0.95), in two pieces down its 2,476 px.
    lines = [(100, 80, "第一屏 订单已签收"), (100, 2450, "最后一屏 同意退款")]
    image, drawn = text_image(lines, (2100, 2600), 80)
    image.save(tmp_path / "long.png")
    text = read(worker, tmp_path / "long.png", "image/png")
    (page,) = text.pages
    assert (page.width, page.height) == (2100, 2600)
    assert [squeeze(b.text) for b in page.boxes] == ["第一屏订单已签收", "最后一屏同意退款"]
    for box, (left, top, right, bottom) in zip(page.boxes, drawn, strict=True):  # mapped back to full size
        assert abs(box.left - left) < 40 and abs(box.top - top) < 40
        assert abs(box.right - right) < 40 and abs(box.bottom - bottom) < 40


def test_only_pdf_pages_without_a_text_layer_are_read_in_points(worker: OcrWorker, tmp_path: Path) -> None:
    scanned_pdf(tmp_path / "scan.pdf")
    pages: list[tuple[int, int]] = []
    outcome = worker.read(tmp_path / "scan.pdf", "application/pdf", on_page=lambda d, t: pages.append((d, t)))
    assert isinstance(outcome, DerivedText), outcome
    assert pages == [(1, 2), (2, 2)]
    (page,) = outcome.pages
    assert page.page == 2
    assert (round(page.width), round(page.height)) == (420, 595)  # A5 in points
    assert [squeeze(b.text) for b in page.boxes] == ["快递运单SF1234567890123", "寄件人：李四手机13912345678"]
    first = page.boxes[0]
    # Drawn at 40, 60 px of a 1000 px wide scan across a 420 pt page: about 17, 25 points from the top-left.
    assert 10 < first.left < 25 and 18 < first.top < 34 and first.right < 420


def test_broken_pictures_are_refused_with_a_reason(worker: OcrWorker, tmp_path: Path) -> None:
    (tmp_path / "noise.jpg").write_bytes(os.urandom(4096))
    chat_png(tmp_path / "whole.png")
    data = (tmp_path / "whole.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(data[: len(data) // 2])
    noise = worker.read(tmp_path / "noise.jpg", "image/jpeg")
    assert isinstance(noise, Message)
    assert noise.template == "the picture cannot be decoded ({reason})"
    assert "cannot identify image file" in str(noise)
    cut = worker.read(tmp_path / "cut.png", "image/png")
    assert isinstance(cut, Message) and "truncated" in str(cut)
    # The worker is still the same process: a refusal is not a crash.
    assert worker.starts == 1 or worker.process is not None
    pid = worker.pid
    assert isinstance(read(worker, tmp_path / "whole.png", "image/png"), DerivedText)
    assert worker.pid == pid


@pytest.mark.corpus
def test_the_corpus_broken_files_never_crash_the_worker(worker: OcrWorker, corpus: Path) -> None:
    images = corpus / "images"
    pid = worker.pid
    # The quick ones of the corpus's broken files (corrupted.jpg decodes, and is a 4 s photo to read).
    for name in ("invalid/image01137.jpg", "invalid/image02206.jpg", "tests/36-memory_error.jpg"):
        outcome = worker.read(images / name, "image/jpeg")
        assert isinstance(outcome, DerivedText | Message)
        if isinstance(outcome, DerivedText):
            assert outcome.pages[0].width > 0
    assert worker.pid == pid


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_worker_killed_mid_file_fails_that_file_and_the_next_is_read(worker: OcrWorker, tmp_path: Path) -> None:
    scanned_pdf(tmp_path / "scan.pdf")
    chat_png(tmp_path / "chat.png")
    victim = worker.pid
    assert victim is not None

    def kill(done: int, total: int) -> None:
        if done == 1:  # the text page is done; the scanned page is being read
            os.kill(victim, signal.SIGKILL)

    outcome = worker.read(tmp_path / "scan.pdf", "application/pdf", on_page=kill)
    assert isinstance(outcome, Message)
    assert outcome.template == "the OCR worker stopped while reading the file ({reason})"
    assert "signal 9" in str(outcome)
    text = read(worker, tmp_path / "chat.png", "image/png")  # a new worker
    assert worker.pid != victim
    assert squeeze(text.pages[0].boxes[0].text) == squeeze(CHAT[0][2])


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_hung_worker_is_stopped_after_the_page_timeout(worker: OcrWorker, tmp_path: Path) -> None:
    scanned_pdf(tmp_path / "scan.pdf")
    hung = worker.pid
    assert hung is not None

    def freeze(done: int, total: int) -> None:
        if done == 1:
            os.kill(hung, signal.SIGSTOP)

    worker.page_timeout = 1.0
    try:
        outcome = worker.read(tmp_path / "scan.pdf", "application/pdf", on_page=freeze)
    finally:
        worker.page_timeout = ocr.PAGE_TIMEOUT
    assert isinstance(outcome, Message)
    assert outcome.template == "reading the file took longer than {seconds} seconds a page; it was stopped"
    assert worker.process is None  # stopped; the next read starts another
    with pytest.raises(ProcessLookupError):
        os.kill(hung, 0)


def test_pending_files_are_read_once_stored_as_derived_text_and_failures_remembered(
    worker: OcrWorker, library: Library, case: Case, tmp_path: Path
) -> None:
    chat_png(tmp_path / "微信聊天.png")
    whole = (tmp_path / "微信聊天.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(whole[: len(whole) // 2])  # its header is whole: ingest sees a picture
    (tmp_path / "notes.txt").write_text("不是图片", "utf-8")
    added = add(library, case, tmp_path / "微信聊天.png", tmp_path / "cut.png", tmp_path / "notes.txt")
    chat, cut, notes = (r.exhibit for r in added)
    assert chat is not None and cut is not None and notes is not None
    jobs = pending(library, [case.number])
    assert [j.exhibit for j in jobs] == [chat.number, cut.number]  # the text file is not for OCR
    stored: list[str] = []
    results = [r for r in run_ocr(library, jobs, worker, on_text=stored.append) if isinstance(r, OcrResult)]
    assert stored == [chat.sha256]
    text = TextStore(library.root).get(chat.sha256, "ocr")
    assert text is not None and text.engine == worker.engine
    assert "13812345678" in squeeze(text.text)
    # Searchable as soon as it is stored, by the phone's last four digits among others.
    found = search(library, "5678", case=case.number)
    assert [(h.exhibit, h.kind) for h in found.hits] == [(chat.number, "ocr")]
    (failed,) = [r for r in results if r.failure is not None]
    assert failed.job.exhibit == cut.number and "truncated" in str(failed.failure)
    remembered = Failures(library.root).get(cut.sha256)
    assert remembered is not None and remembered[0] == worker.engine and "truncated" in str(remembered[1])
    # Read once: nothing is pending now (the failure is not tried again unless asked) ...
    assert pending(library, [case.number]) == []
    assert [j.exhibit for j in pending(library, [case.number], retry_failed=True)] == [cut.number]
    # ... until another engine comes.
    assert [j.sha256 for j in pending(library, [case.number], engine="rapidocr 9.9")] == [j.sha256 for j in jobs]
    # Derived data: the case folder holds no trace of it.
    assert not list(library.folder(case.number).path.rglob("*.ocr.json"))


def test_redaction_suggestions_cover_the_phone_and_the_address_read_in_a_sideways_photo(
    worker: OcrWorker, library: Library, case: Case, tmp_path: Path
) -> None:
    from ocr_images import FONT
    from PIL import ImageDraw, ImageFont

    from casefile.core.disclosure.masking import Kind
    from casefile.core.disclosure.redact import picture_size, suggest_ocr_boxes

    lines = [(20, 20, "收件人：张三 电话 13812345678"), (20, 80, "地址：北京市朝阳区建国路88号")]
    upright, _ = text_image(lines, (560, 130))
    # Where the phone number and the address are drawn, on the upright picture.
    font = ImageFont.truetype(str(FONT), 28)
    measure = ImageDraw.Draw(upright)
    phone_left = measure.textbbox((20, 20), "收件人：张三 电话 ", font=font)[2]
    phone_right = measure.textbbox((20, 20), lines[0][2], font=font)[2]
    address_left = measure.textbbox((20, 80), "地址：", font=font)[2]
    address_right = measure.textbbox((20, 80), lines[1][2], font=font)[2]
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    stored.save(tmp_path / "面单照片.jpg", quality=95, exif=exif)
    (result,) = add(library, case, tmp_path / "面单照片.jpg")
    exhibit = result.exhibit
    assert exhibit is not None
    list(run_ocr(library, pending(library, [case.number]), worker))
    path = library.folder(case.number).path / exhibit.stored_path
    boxes = ocr.redaction_lines(library.root, exhibit.sha256, path, exhibit.mime)
    width, height = picture_size(path)  # upright, as the editor shows it
    assert (width, height) == (560, 130)
    found = {s.kind: s for s in suggest_ocr_boxes(boxes, width, height)}
    assert set(found) == {Kind.MOBILE, Kind.ADDRESS}
    phone, address = found[Kind.MOBILE].region, found[Kind.ADDRESS].region
    assert found[Kind.MOBILE].text == "13812345678"
    # The phone's box covers every digit, and not the name before it.
    assert phone.x <= phone_left and phone.x + phone.w >= phone_right - 2
    assert phone.x > phone_left - 60 and phone.y < 30 and phone.y + phone.h > 45
    assert address.x <= address_left and address.x + address.w >= address_right - 2
    assert address.x > address_left - 40 and address.page is None


def test_a_heic_photo_is_read(worker: OcrWorker, tmp_path: Path) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    image, _ = text_image([(20, 30, "快递已签收，签收人本人")], (420, 100), 30)
    image.save(tmp_path / "IMG_0001.HEIC", "HEIF", quality=90)
    text = read(worker, tmp_path / "IMG_0001.HEIC", "image/heic")
    assert [squeeze(b.text) for b in text.pages[0].boxes] == ["快递已签收，签收人本人"]


def test_the_models_come_from_the_wheel_and_nothing_is_downloaded(tmp_path: Path, monkeypatch) -> None:
    import requests
    from rapidocr.utils.download_file import DownloadFile

    from casefile.core.search.ocr_worker import MODELS, make_engine, models_dir

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("OCR tried to download a model")

    monkeypatch.setattr(requests, "get", refuse)
    monkeypatch.setattr(DownloadFile, "run", refuse)
    assert all((models_dir() / name).stat().st_size > 500_000 for name in MODELS)
    engine = make_engine(1)
    chat_png(tmp_path / "chat.png")
    result = engine(Image.open(tmp_path / "chat.png").convert("RGB"))
    assert squeeze(result.txts[1]) == squeeze(CHAT[1][2])
