"""The evidence category (证据形式) printed for each exhibit: recordings, videos, chats and phone pictures are
electronic data (民事证据规定 art. 14, spec §3 E1; 民诉法解释 art. 116); a paper photographed or scanned is
documentary evidence, and a document born as a file (an e-invoice PDF) is electronic data."""

from __future__ import annotations

import hashlib
import re
import wave
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bundle_pages import build, mixed_case, page_texts

from casefile.core.bundle.context import Venue
from casefile.core.bundle.parts import evidence_form
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.model import EvidenceKind, Exhibit, ExhibitMetadata


def exhibit(kind: EvidenceKind, name: str, mime: str, *, title: str = "", producer: str = "") -> Exhibit:
    return Exhibit(
        number=1,
        title=title or Path(name).stem,
        kind=kind,
        original_name=name,
        stored_path=f"evidence/{name}",
        size=1,
        sha256="0" * 64,
        added_at=datetime(2026, 11, 20, tzinfo=UTC),
        added_by="tester",
        mime=mime,
        metadata=ExhibitMetadata(producer=producer),
    )


@pytest.mark.parametrize(
    ("kind", "name", "mime"),
    [
        (EvidenceKind.AUDIO, "录音.m4a", "audio/mp4"),
        (EvidenceKind.VIDEO, "开箱.mp4", "video/mp4"),
        (EvidenceKind.CHAT, "chat.txt", "text/plain"),
        (EvidenceKind.PHOTO, "IMG_0001.jpg", "image/jpeg"),
        (EvidenceKind.SCREENSHOT, "Screenshot_1.png", "image/png"),
        (EvidenceKind.EMAIL, "mail.eml", "message/rfc822"),
    ],
)
def test_recordings_videos_chats_and_phone_pictures_are_electronic_data(kind, name, mime):
    assert evidence_form(exhibit(kind, name, mime)) == "电子数据"


@pytest.mark.parametrize("kind", [EvidenceKind.DOCUMENT, EvidenceKind.RECEIPT, EvidenceKind.CONTRACT])
@pytest.mark.parametrize(
    ("name", "mime", "producer"),
    [
        ("小票.jpg", "image/jpeg", ""),  # a photo of the paper
        ("发票.heic", "image/heic", ""),
        ("合同.pdf", "application/pdf", "CamScanner"),  # scanned by an app
        ("合同.pdf", "application/pdf", "扫描全能王"),
        ("合同.pdf", "application/pdf", "EPSON Scan"),
    ],
)
def test_papers_photographed_or_scanned_are_documentary_evidence(kind, name, mime, producer):
    assert evidence_form(exhibit(kind, name, mime, producer=producer)) == "书证"


@pytest.mark.parametrize(
    ("kind", "name", "mime", "title"),
    [
        (EvidenceKind.RECEIPT, "电子发票.pdf", "application/pdf", "电子发票"),  # issued by the platform as a file
        (EvidenceKind.RECEIPT, "dzfp_25332000000123456789.ofd", "application/ofd", "电子发票"),
        (EvidenceKind.RECEIPT, "invoice.xml", "application/xml", "数电票"),
        (EvidenceKind.CONTRACT, "购买协议.pdf", "application/pdf", "购买协议"),
        (EvidenceKind.WAYBILL, "电子面单.pdf", "application/pdf", "电子面单"),
        (EvidenceKind.RECEIPT, "IMG_20261120.png", "image/png", "支付记录截图"),  # a picture of a screen
    ],
)
def test_documents_born_as_files_are_electronic_data(kind, name, mime, title):
    assert evidence_form(exhibit(kind, name, mime, title=title)) == "电子数据"


def _row(listing: str, title: str) -> str:
    """The evidence list's row of ``title``: from its 证据N to the next 证据N."""
    flat = re.sub(r"\s+", "", listing)
    start = flat.index(title)
    rest = re.search(r"证据\d", flat[start:])
    return flat[start : start + rest.start()] if rest else flat[start:]


def test_an_e_invoice_is_listed_as_electronic_data_and_a_photographed_receipt_as_a_copy_of_a_paper(
    library: Library, tmp_path: Path
):
    from reportlab.pdfgen.canvas import Canvas

    number = mixed_case(library, tmp_path / "in")
    folder = tmp_path / "more"
    folder.mkdir()
    canvas = Canvas(str(folder / "电子发票.pdf"))
    canvas.drawString(72, 700, "Invoice 6299.00")
    canvas.showPage()
    canvas.save()
    from PIL import Image

    Image.new("RGB", (800, 1000), (250, 250, 245)).save(folder / "购物小票.jpg", quality=85)
    list(
        add_files(
            library,
            number,
            [folder / "电子发票.pdf"],
            AddOptions(kind=EvidenceKind.RECEIPT, title="平台电子发票", source="被投诉人开具", purpose="证明价款"),
        )
    )
    list(
        add_files(
            library,
            number,
            [folder / "购物小票.jpg"],
            AddOptions(kind=EvidenceKind.RECEIPT, title="门店购物小票", source="投诉人拍摄", purpose="证明价款"),
        )
    )
    texts = page_texts(build(library, number, Venue.COURT, force=True).files[0])
    listing = "".join(t for t in texts if re.sub(r"\s+", "", t).startswith("证据目录"))
    invoice = _row(listing, "平台电子发票")
    # (a cell's text may be interleaved with its neighbour's where both wrap)
    assert "电子数据（" in invoice and "电子数据打印件" in invoice and "书证" not in invoice and "复印件" not in invoice
    paper = _row(listing, "门店购物小票")
    assert "书证（" in paper and "复印件" in paper and "电子数据" not in paper
    # Its separator page says the same as its row.
    separator = re.sub(r"\s+", "", next(t for t in texts if "证据种类" in t and "平台电子发票" in t))
    assert "票据/凭证（电子数据）" in separator
    separator = re.sub(r"\s+", "", next(t for t in texts if "证据种类" in t and "门店购物小票" in t))
    assert "票据/凭证（书证）" in separator
    # And so do the captions over their pages: the invoice's page is its data output, the receipt's a copy of it.
    sha = {e.title: e.sha256 for e in library.load_case(number).ordered_exhibits()}
    flat = [re.sub(r"\s+", "", t) for t in texts]
    assert any(f"本页系电子数据直接输出，原始文件SHA-256：{sha['平台电子发票']}" in t for t in flat)
    receipt_pages = [t for t in flat if sha["门店购物小票"] in t and "证据种类" not in t and "校验表" not in t]
    assert receipt_pages and all("本页系纸质原件的照片" in t and "电子数据直接输出" not in t for t in receipt_pages)


def test_a_recording_is_printed_as_electronic_data_never_as_audio_visual_material(library: Library, tmp_path: Path):
    number = mixed_case(library, tmp_path / "in")
    recording = tmp_path / "通话录音.wav"
    with wave.open(str(recording), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 8000)
    list(add_files(library, number, [recording], AddOptions(purpose="证明客服承认商品破损")))
    texts = page_texts(build(library, number, Venue.COURT, force=True).files[0])
    everything = "\n".join(texts)
    assert "视听资料" not in everything
    listing = next(t for t in texts if re.sub(r"\s+", "", t).startswith("证据目录"))
    assert "（录音）" in re.sub(r"\s+", "", listing)  # beside 电子数据, in its cell
    assert "录音（电子数据）" in re.sub(r"\s+", "", "\n".join(t for t in texts if "通话录音.wav" in t))


# --------------------------------------------------------------------------- scans told from their pages


def pdf_exhibit(image_only: bool | None, *, producer: str = "KONICA MINOLTA bizhub C300i", **fields) -> Exhibit:
    e = exhibit(EvidenceKind.CONTRACT, "合同.pdf", "application/pdf", producer=producer)
    e.metadata.image_only = image_only
    for name, value in fields.items():
        setattr(e, name, value)
    return e


def test_a_pdf_of_pictures_is_a_scan_whatever_made_it():
    """A copier or an app that does not name itself (bizhub, Xerox, iOS Notes' Quartz PDFContext) made it."""
    assert evidence_form(pdf_exhibit(True)) == "书证"
    assert evidence_form(pdf_exhibit(True, producer="Quartz PDFContext")) == "书证"
    assert evidence_form(pdf_exhibit(False)) == "电子数据"
    # Added before CaseFile looked at the pages: the packet reads them and says.
    assert evidence_form(pdf_exhibit(None)) == "电子数据"
    assert evidence_form(pdf_exhibit(None), image_only=True) == "书证"
    assert evidence_form(pdf_exhibit(False), image_only=True) == "电子数据"  # what was read when it was added
    # A redacted copy's pages are pictures the redaction made of its original's pages: not a scan for that.
    assert evidence_form(pdf_exhibit(True, derived_from=3)) == "电子数据"


@pytest.mark.parametrize(
    ("e", "answer", "form"),
    [
        (exhibit(EvidenceKind.RECEIPT, "电子发票.pdf", "application/pdf"), True, "书证"),
        (exhibit(EvidenceKind.RECEIPT, "小票.jpg", "image/jpeg"), False, "电子数据"),
        (exhibit(EvidenceKind.PHOTO, "维修单.jpg", "image/jpeg"), True, "书证"),
        (pdf_exhibit(True), False, "电子数据"),
        (pdf_exhibit(False), None, "电子数据"),
        (pdf_exhibit(True), None, "书证"),
    ],
)
def test_the_users_answer_decides(e: Exhibit, answer: bool | None, form: str):
    e.paper = answer
    assert evidence_form(e) == form


def _copier_scan(path: Path, *, ocr: bool = False) -> Path:
    """A contract scanned on an office copier, which names itself but not a scanner; ``ocr``: with the
    invisible text layer a scanning app lays over it."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    picture = path.with_suffix(".jpg")
    Image.new("RGB", (620, 877), (246, 244, 238)).save(picture, quality=80)
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setProducer("KONICA MINOLTA bizhub C300i")
    canvas.setCreator("")
    for _ in range(2):
        canvas.drawImage(str(picture), 0, 0, *A4)
        if ocr:
            layer = canvas.beginText(72, 700)
            layer.setTextRenderMode(3)
            layer.textLine("Purchase contract No. 2026-1120")
            canvas.drawText(layer)
        canvas.showPage()
    canvas.save()
    picture.unlink()
    return path


def _forms(texts: list[str], title: str, sha256: str) -> dict[str, str]:
    """What the packet says of the exhibit ``title``: its list row, separator, page captions, annex row."""
    flat = [re.sub(r"\s+", "", t) for t in texts]
    listing = "".join(t for t in texts if re.sub(r"\s+", "", t).startswith("证据目录"))
    separator = next(t for t in flat if "证据种类" in t and title in t)
    captions = [t for t in flat if sha256 in t and "证据种类" not in t and "校验表" not in t]
    annex = "".join(t for t in flat if "电子证据完整性校验表" in t)
    return {"row": _row(listing, title), "separator": separator, "captions": "".join(captions), "annex": annex}


def _add(library: Library, number: str, path: Path, title: str) -> Exhibit:
    list(add_files(library, number, [path], AddOptions(kind=EvidenceKind.CONTRACT, title=title, purpose="证明约定")))
    return next(e for e in library.load_case(number).ordered_exhibits() if e.title == title)


def test_a_copier_scan_is_listed_as_a_copy_of_a_paper(library: Library, tmp_path: Path):
    """A PDF whose pages are pictures, an OCR layer over them or not, is told at ingest to be a scan: 书证,
    复印件, the caption of a paper's copy, and a paper original in the integrity annex."""
    number = mixed_case(library, tmp_path / "in")
    plain = _add(library, number, _copier_scan(tmp_path / "scan.pdf"), "购买合同扫描件")
    ocr = _add(library, number, _copier_scan(tmp_path / "ocr.pdf", ocr=True), "补充协议扫描件")
    assert plain.metadata.image_only is True and ocr.metadata.image_only is True
    texts = page_texts(build(library, number, Venue.COURT, force=True).files[0])
    for e in (plain, ocr):
        said = _forms(texts, e.title, e.sha256)
        assert "书证" in said["row"] and "复印件" in said["row"] and "电子数据" not in said["row"], e.title
        assert "（书证）" in said["separator"], e.title
        assert "本页系纸质原件的照片或扫描件" in said["captions"], e.title
        assert "电子数据直接输出" not in said["captions"], e.title
    # Their rows of the integrity annex, and only theirs, name a paper original.
    assert said["annex"].count("纸质原件（本文件系其照片或扫描件）") == 2


def test_a_scan_added_before_is_read_by_the_packet(library: Library, tmp_path: Path, monkeypatch):
    """An exhibit added before CaseFile told scans from their pages has no answer in its metadata: the packet
    reads its pages itself, and the evidence file stays as it was."""
    import casefile.core.metadata as metadata

    number = mixed_case(library, tmp_path / "in")
    monkeypatch.setattr(metadata, "pdf_image_only", lambda pdf: None)
    old = _add(library, number, _copier_scan(tmp_path / "scan.pdf"), "购买合同扫描件")
    monkeypatch.undo()
    assert old.metadata.image_only is None
    stored = library.folder(number).path / old.stored_path
    before = hashlib.sha256(stored.read_bytes()).hexdigest()
    texts = page_texts(build(library, number, Venue.COURT, force=True).files[0])
    said = _forms(texts, old.title, old.sha256)
    assert "书证" in said["row"] and "复印件" in said["row"] and "电子数据" not in said["row"], said["row"]
    assert "本页系纸质原件的照片或扫描件" in said["captions"]
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == before == old.sha256


def test_the_user_says_whether_it_is_a_paper(library: Library, tmp_path: Path):
    """The answer is an exhibit edit in the custody log, and the packet follows it both ways."""
    number = mixed_case(library, tmp_path / "in")
    scan = _add(library, number, _copier_scan(tmp_path / "scan.pdf"), "购买合同扫描件")
    invoice = next(e for e in library.load_case(number).ordered_exhibits() if e.original_name == "发票.pdf")
    with library.edit(number) as writer:
        writer.update_exhibit(scan.number, paper=False)
        writer.update_exhibit(invoice.number, paper=True)
    case = library.load_case(number)
    assert case.exhibit(scan.number).paper is False and case.exhibit(invoice.number).paper is True
    texts = page_texts(build(library, number, Venue.COURT, force=True).files[0])
    said = _forms(texts, scan.title, scan.sha256)
    # (a cell's text may be interleaved with its neighbour's where both wrap)
    assert "电子数据打印件" in said["row"] and "书证" not in said["row"] and "复印件" not in said["row"]
    assert "本页系电子数据直接输出" in said["captions"]
    said = _forms(texts, invoice.title, invoice.sha256)
    assert "书证" in said["row"] and "复印件" in said["row"] and "电子数据" not in said["row"]
    assert "本页系纸质原件的照片或扫描件" in said["captions"]
    # Not said again: worked out from the file.
    with library.edit(number) as writer:
        writer.update_exhibit(scan.number, paper=None)
    assert library.load_case(number).exhibit(scan.number).paper is None
