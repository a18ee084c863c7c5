"""Damaged images never break a packet: every packet passes qpdf --check and renders page by page."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from casefile_testing import filed_case
from PIL import Image
from pypdf import PdfReader

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.bundle.jpeg import Verdict, inspect_jpeg
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.settings import Settings

SETTINGS = Settings(org_name="某某数码科技有限公司")
needs_qpdf = pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf not installed")
needs_poppler = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) not installed")


def photo(**save: object) -> bytes:
    img = Image.effect_noise((400, 240), 50).convert("RGB")
    img.paste((200, 40, 40), (0, 0, 200, 120))
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=90, **save)
    return buffer.getvalue()


def restart_markers(data: bytes) -> list[int]:
    start = data.index(b"\xff\xda")
    return [i for i in range(start, len(data) - 1) if data[i] == 0xFF and 0xD0 <= data[i + 1] <= 0xD7]


def damaged_variants() -> dict[str, bytes]:
    """A photo broken the ways files really break (names say how)."""
    clean = photo()
    with_restarts = photo(restart_marker_rows=1)
    rst = restart_markers(with_restarts)
    swapped = bytearray(with_restarts)
    swapped[rst[1] + 1], swapped[rst[2] + 1] = swapped[rst[2] + 1], swapped[rst[1] + 1]
    cut = rst[len(rst) // 2]
    return {
        "truncated-half.jpg": clean[: len(clean) // 2],
        "no-end-marker.jpg": clean[:-2],
        "zeros-after-half.jpg": clean[: len(clean) // 2] + bytes(len(clean) - len(clean) // 2),
        "restarts-out-of-order.jpg": bytes(swapped),
        "restart-interval-missing-data.jpg": with_restarts[:cut] + with_restarts[-2:],
        "header-only.jpg": clean[:400],
    }


def test_clean_jpegs_pass_the_check():
    for data in (photo(), photo(progressive=True), photo(restart_marker_rows=1), photo(subsampling=0)):
        assert inspect_jpeg(io.BytesIO(data)).verdict is Verdict.CLEAN


def test_broken_jpegs_are_found_damaged():
    for name, data in damaged_variants().items():
        found = inspect_jpeg(io.BytesIO(data))
        assert found.verdict is Verdict.DAMAGED, name
        assert found.reason, name


def test_a_bad_table_reference_is_found_by_the_header_decode():
    data = bytearray(photo())
    sos = data.index(b"\xff\xda")
    data[sos + 6] = 0x33  # the first component asks for Huffman tables that do not exist
    assert inspect_jpeg(io.BytesIO(bytes(data))).verdict is Verdict.DAMAGED


def test_the_header_decode_checks_every_scan_of_a_progressive_photo():
    # The tables are checked on an image of one block: a scan's parameters refused by libjpeg
    # (here a progressive scan running past the 64 coefficients of a block) are found all the same.
    data = bytearray(photo(progressive=True))
    sos = [i for i in range(len(data) - 1) if data[i] == 0xFF and data[i + 1] == 0xDA]
    at = sos[-1] + 4  # the last scan's header: its components, then Ss, Se, Ah/Al
    count = data[at]
    assert inspect_jpeg(io.BytesIO(bytes(data))).verdict is Verdict.CLEAN
    data[at + 1 + 2 * count + 1] = 80
    assert inspect_jpeg(io.BytesIO(bytes(data))).verdict is Verdict.DAMAGED


def build(library: Library, number: str, venue: Venue = Venue.CONSUMER_ASSOCIATION) -> BundleResult:
    result = list(build_bundle(library, number, BundleOptions(venue, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    return result


def assert_valid_packet(path: Path, tmp_path: Path) -> None:
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-2000:] + check.stderr[-2000:]
    if shutil.which("pdftoppm"):
        out = tmp_path / f"render-{path.stem}"
        out.mkdir()
        rendered = subprocess.run(
            ["pdftoppm", "-r", "8", "-png", str(path), str(out / "p")], capture_output=True, text=True
        )
        assert rendered.returncode == 0, rendered.stderr[-2000:]
        assert len(list(out.glob("p*.png"))) == len(PdfReader(path).pages)


@needs_qpdf
@pytest.mark.parametrize("venue", [Venue.CONSUMER_ASSOCIATION, Venue.COURT])
def test_a_truncated_photo_is_printed_as_far_as_it_decodes_and_labelled(library, tmp_path, venue, monkeypatch):
    # A court's packet lays a photo's page out from its header and finds the damage only as the
    # bytes are streamed in: the packet is then made again, with that photo decoded.
    from casefile.core.bundle import builder

    packets = []
    real = builder._build_packet

    def counted(*args, **kwargs):
        packets.append(dict(kwargs.get("known") or args[-1] or {}))
        return real(*args, **kwargs)

    monkeypatch.setattr(builder, "_build_packet", counted)
    folder = tmp_path / "photos"
    folder.mkdir()
    clean = photo()
    (folder / "IMG_0001.jpg").write_bytes(clean)
    (folder / "IMG_0002.jpg").write_bytes(clean[: len(clean) * 2 // 3])  # the copy stopped early
    case = filed_case(library)
    list(add_files(library, case.number, [folder], AddOptions(purpose="证明收货时屏幕已碎")))
    exhibits = {e.original_name: e for e in library.load_case(case.number).exhibits}
    path = build(library, case.number, venue).files[0]
    assert_valid_packet(path, tmp_path)
    pages = [(p.extract_text() or "").replace("\n", "") for p in PdfReader(path).pages]
    damaged = exhibits["IMG_0002.jpg"]
    if venue is Venue.COURT:
        assert [sorted(known) for known in packets] == [[], [damaged.number]]
    else:  # checked whole before its page was made
        assert packets == [{}]
    page = next(p for p in pages if "图像文件已损坏" in p)
    assert "以下为可解码部分的重新编码图像，原件未作改动" in page
    assert damaged.sha256 in page
    assert "本页系电子数据直接输出" not in page  # a re-encoded rendering is not the data output directly
    with pikepdf.open(path) as pdf:
        streams = {
            hashlib.sha256(obj.read_raw_bytes()).hexdigest()
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Filter") == "/DCTDecode"
        }
    assert exhibits["IMG_0001.jpg"].sha256 in streams  # the clean photo is still byte for byte
    assert damaged.sha256 not in streams  # the damaged bytes never enter the packet


@needs_qpdf
@pytest.mark.parametrize("venue", [Venue.CONSUMER_ASSOCIATION, Venue.COURT])  # checked whole first; as streamed in
def test_packets_of_every_corpus_image_and_pdf_are_valid(library, corpus, tmp_path, venue):
    synthetic = tmp_path / "broken"
    synthetic.mkdir()
    for name, data in damaged_variants().items():
        (synthetic / name).write_bytes(data)
    images = filed_case(library)
    list(add_files(library, images.number, [corpus / "images", synthetic]))
    assert len(library.load_case(images.number).exhibits) > 70
    path = build(library, images.number, venue).files[0]
    assert_valid_packet(path, tmp_path)
    joined = "".join((p.extract_text() or "") for p in PdfReader(path).pages).replace("\n", "")
    # Every broken variant but the one cut inside its header, plus the corpus's corrupted.jpg, is
    # printed as far as it decodes; the header-only one cannot be opened at all: a notice says so.
    assert joined.count("图像文件已损坏，以下为可解码部分") >= len(damaged_variants())
    assert "图像文件已损坏或格式不受支持" in joined
    assert "重启标记" in joined  # corpus/images/corrupted.jpg: its restart markers give it away

    pdfs = filed_case(library)
    list(add_files(library, pdfs.number, [corpus / "pdfs"]))
    assert_valid_packet(build(library, pdfs.number).files[0], tmp_path)


def test_a_multi_picture_jpeg_goes_in_byte_for_byte(library, tmp_path):
    """MPO files (stereo cameras, some phones): PDF readers show the first picture, the bytes stay the file's.

    (For a court; 消协 and courier packets carry the first picture alone: test_disclosure_photos.py.)
    """
    first = Image.effect_noise((300, 200), 40).convert("RGB")
    first.save(tmp_path / "DSCF0001.jpg", "MPO", save_all=True, append_images=[Image.new("RGB", (300, 200), "green")])
    case = filed_case(library)
    list(add_files(library, case.number, [tmp_path / "DSCF0001.jpg"]))
    (exhibit,) = library.load_case(case.number).exhibits
    with pikepdf.open(build(library, case.number, Venue.COURT).files[0]) as pdf:
        assert any(
            isinstance(obj, pikepdf.Stream)
            and obj.get("/Filter") == "/DCTDecode"
            and hashlib.sha256(obj.read_raw_bytes()).hexdigest() == exhibit.sha256
            for obj in pdf.objects
        )


def a_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for page in range(3):
        canvas.drawString(72, 720, f"Invoice page {page + 1} " * 5)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@needs_qpdf
def test_a_truncated_file_is_said_to_be_so_once_and_in_chinese(library, tmp_path):
    """A photo and a PDF cut short: their 备注 says the file is incomplete once (not also broken, nor its metadata
    unparseable), and no page names the reader's English exception (PdfError, OSError)."""
    folder = tmp_path / "cut"
    folder.mkdir()
    clean = photo()
    exif = Image.Exif()
    exif[0x010F], exif[0x010E] = "HUAWEI", "x" * 8000  # Make, a long ImageDescription
    img = Image.open(io.BytesIO(clean))
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=95, exif=exif.tobytes())
    (folder / "IMG_0002.jpg").write_bytes(buffer.getvalue()[:5000])  # cut inside its EXIF
    data = a_pdf()
    (folder / "发票.pdf").write_bytes(data[: len(data) // 2])
    case = filed_case(library)
    list(add_files(library, case.number, [folder], AddOptions(purpose="证明收货时屏幕已碎")))
    flags = {e.original_name: e.flags for e in library.load_case(case.number).exhibits}
    assert {"truncated", "broken", "metadata-unavailable"} <= set(flags["IMG_0002.jpg"]), flags
    path = build(library, case.number, Venue.CONSUMER_ASSOCIATION).files[0]
    joined = "".join((p.extract_text() or "") for p in PdfReader(path).pages)
    flat = "".join(joined.split())
    assert "Error" not in joined and "（OSError）" not in flat
    assert "文件不完整（可能被截断）；元数据无法读取" in flat, flat
    assert "文件已损坏或无法解析" not in flat and "文件内容无法解析" not in flat
