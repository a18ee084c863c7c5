"""Photos leave the machine without their metadata where the destination must not see it.

消协/12315 and courier packets carry each clean JPEG as a copy without EXIF (GPS, Artist,
UserComment, serial numbers), XMP, Photoshop/IPTC, comments, thumbnails, MPO second images
and trailing data — its image data untouched — with both hashes printed. Court and
arbitration packets carry the file byte for byte. Pictures printed decoded (PNG, HEIC, a
damaged JPEG) carry none of their file's metadata anywhere.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import struct
import subprocess
import zlib
from datetime import datetime
from pathlib import Path

import pikepdf
import pytest
from casefile_testing import filed_case, waive_arbitration
from PIL import Image, ImageCms
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.disclosure import DisclosureAction
from casefile.core.disclosure.photos import STRIPPED_NOTE, NotStrippable, strip_jpeg
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.model import EvidenceKind, Exhibit
from casefile.core.settings import Settings

SETTINGS = Settings(org_name="某某数码科技有限公司")
STRIPPING = [Venue.CONSUMER_ASSOCIATION, Venue.COURIER_CLAIM]
KEEPING = [Venue.COURT, Venue.ARBITRATION]
# Strings hidden in the test photos' metadata: none may reach a 消协 or courier packet.
SECRETS = [
    b"ARTIST-SECRET",
    b"USER-COMMENT-SECRET",
    b"SERIAL-SECRET",
    b"COM-SECRET",
    b"XMP-SECRET",
    b"XMPEXT-SECRET",
    b"IPTC-SECRET",
    b"DUCKY-SECRET",
    b"APP15-SECRET",
    b"EXIF-THUMB-SECRET",
    b"JFXX-THUMB-SECRET",
    b"JFIFTHUMB-SECRET",  # a JFIF thumbnail's 4 pixels, 12 bytes... and some more
    b"TRAILER-SECRET",
]
APP, COM, SOS, EOI = range(0xE0, 0xF0), 0xFE, 0xDA, 0xD9
XMP_EXT = b"XMPEXT-SECRET"


# ---------------------------------------------------------------------------- reading JPEGs (independently)


def segments(data: bytes) -> tuple[list[tuple[int, bytes]], bytes, bytes]:
    """(marker, payload) of every segment up to EOI, the entropy-coded data of all scans, what follows EOI."""
    assert data[:2] == b"\xff\xd8"
    out: list[tuple[int, bytes]] = []
    scans = bytearray()
    i = 2
    while True:
        assert data[i] == 0xFF, f"no marker at {i}"
        while data[i] == 0xFF:
            i += 1
        code = data[i]
        i += 1
        if code == EOI:
            out.append((EOI, b""))
            return out, bytes(scans), data[i:]
        (length,) = struct.unpack(">H", data[i : i + 2])
        out.append((code, data[i + 2 : i + length]))
        i += length
        if code == SOS:
            start = i
            while not (data[i] == 0xFF and data[i + 1] not in (0x00, *range(0xD0, 0xD8))):
                i += 1
            scans += data[start:i]


def image_data_segments(data: bytes) -> list[tuple[int, bytes]]:
    """The segments decoding uses, in order: everything but APPn and COM."""
    return [(c, p) for c, p in segments(data)[0] if c not in APP and c != COM]


def assert_no_metadata(data: bytes) -> None:
    found, _scans, trailer = segments(data)
    for code, payload in found:
        assert code != COM, "a comment is left"
        if code in APP:
            kept = (
                (code == 0xE0 and payload.startswith(b"JFIF\0") and len(payload) == 14 and payload[12:14] == b"\0\0")
                or (code == 0xE2 and payload.startswith(b"ICC_PROFILE\0"))
                or (code == 0xEE and payload.startswith(b"Adobe") and len(payload) == 12)
            )
            assert kept, f"APP{code - 0xE0} segment left: {payload[:20]!r}"
    assert trailer == b"", "data after the end of the image is left"
    for secret in SECRETS:
        assert secret not in data, secret
    assert b"Exif\0" not in data and b"http://ns.adobe.com" not in data and b"8BIM" not in data


# ---------------------------------------------------------------------------- making photos with everything in them


def picture(size: tuple[int, int] = (320, 200)) -> Image.Image:
    img = Image.new("RGB", size, (30, 90, 160))
    img.paste((250, 250, 250), (0, 0, 60, 40))  # a white corner marks "top left"
    return img


def exif_block(orientation: int) -> bytes:
    """EXIF with Artist, UserComment, a serial number, a GPS position and a thumbnail (IFD1)."""
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS 40D"
    exif[0x013B] = "ARTIST-SECRET Zhang San"
    exif[0x0112] = orientation
    detail = exif.get_ifd(0x8769)
    detail[0x9286] = b"ASCII\0\0\0USER-COMMENT-SECRET: call 13812345678"
    detail[0xA431] = "SERIAL-SECRET-4711"
    detail[0x9003] = "2026:11:18 09:30:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (31.0, 14.0, 30.0)
    gps[3], gps[4] = "E", (121.0, 28.0, 12.0)
    tiff = bytearray(exif.tobytes()[6:])  # without "Exif\0\0"
    # IFD1: the thumbnail, a small JPEG of the whole (uncropped) picture.
    buffer = io.BytesIO()
    picture((64, 40)).save(buffer, "JPEG", quality=70, comment=b"EXIF-THUMB-SECRET")
    thumb = buffer.getvalue()
    order = "<" if tiff[:2] == b"II" else ">"
    (ifd0,) = struct.unpack(order + "I", tiff[4:8])
    (count,) = struct.unpack(order + "H", tiff[ifd0 : ifd0 + 2])
    ifd1 = len(tiff)
    struct.pack_into(order + "I", tiff, ifd0 + 2 + 12 * count, ifd1)  # IFD0's "next directory"
    data_at = ifd1 + 2 + 2 * 12 + 4
    tiff += struct.pack(order + "H", 2)
    tiff += struct.pack(order + "HHII", 0x0201, 4, 1, data_at) + struct.pack(order + "HHII", 0x0202, 4, 1, len(thumb))
    tiff += struct.pack(order + "I", 0) + thumb
    return b"Exif\0\0" + bytes(tiff)


def segment(code: int, payload: bytes) -> bytes:
    return bytes((0xFF, code)) + struct.pack(">H", len(payload) + 2) + payload


def rich_jpeg(orientation: int = 6, size: tuple[int, int] = (320, 200)) -> bytes:
    """A photo carrying every kind of metadata a JPEG can, and data after its end."""
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    picture(size).save(buffer, "JPEG", quality=85, icc_profile=icc)
    found, _scans, _trailer = segments(buffer.getvalue())
    thumb = io.BytesIO()
    picture((32, 20)).save(thumb, "JPEG", quality=60, comment=b"JFXX-THUMB-SECRET")
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="31,14.5N" '
        b'exif:GPSLongitude="121,28.2E" dc:creator="XMP-SECRET"/></rdf:RDF></x:xmpmeta>'
    )
    iptc = b"\x1c\x02\x50\x00\x0bIPTC-SECRET"
    photoshop = b"Photoshop 3.0\0" + b"8BIM\x04\x04\0\0" + struct.pack(">I", len(iptc)) + iptc + b"\0"
    header = [
        segment(0xE0, b"JFIF\0\x01\x02\x00\x00\x01\x00\x01\x02\x02" + b"JFIFTHUMB-SE"),  # a 2 x 2 thumbnail
        segment(0xE0, b"JFXX\0\x10" + thumb.getvalue()),
        segment(0xE1, exif_block(orientation)),
        segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp),
        segment(
            0xE1, b"http://ns.adobe.com/xmp/extension/\0" + b"0" * 32 + struct.pack(">II", 13, 0) + b"XMPEXT-SECRET"
        ),
        *(segment(c, p) for c, p in found if c == 0xE2),  # the ICC profile
        segment(0xEC, b"Ducky\0DUCKY-SECRET"),
        segment(0xED, photoshop),
        segment(0xEF, b"APP15-SECRET"),
        segment(0xFE, b"COM-SECRET taken at home"),
    ]
    data = buffer.getvalue()
    body = data.index(b"\xff\xdb")  # the first DQT: image data from here on
    return b"\xff\xd8" + b"".join(header) + data[body:] + b"TRAILER-SECRET" + b"\0" * 64


# ---------------------------------------------------------------------------- stripping itself


def test_the_copy_keeps_the_image_data_exactly_and_nothing_else(tmp_path):
    original = rich_jpeg()
    source = tmp_path / "IMG_0001.jpg"
    source.write_bytes(original)
    with open(source, "rb") as fh:
        stripped = strip_jpeg(fh, tmp_path / "copy.jpg")
    assert stripped is not None
    data = stripped.path.read_bytes()
    assert stripped.sha256 == hashlib.sha256(data).hexdigest() and stripped.size == len(data)
    assert_no_metadata(data)
    assert segments(data)[1] == segments(original)[1]  # the entropy-coded data, byte for byte
    assert image_data_segments(data) == image_data_segments(original)  # DQT, SOF, DHT, SOS headers, EOI
    icc = [p for c, p in segments(original)[0] if c == 0xE2]
    assert icc and [p for c, p in segments(data)[0] if c == 0xE2] == icc  # the colour space stays
    with Image.open(source) as a, Image.open(stripped.path) as b:
        assert a.mode == b.mode and a.size == b.size and a.tobytes() == b.tobytes()
        assert "icc_profile" in b.info and not b.getexif()
    for kind in ("EXIF", "GPS位置", "缩略图", "XMP", "注释", "Photoshop/IPTC", "其他应用数据", "文件尾附加数据"):
        assert kind in stripped.what


def test_stripping_is_deterministic(tmp_path):
    source = tmp_path / "IMG_0001.jpg"
    source.write_bytes(rich_jpeg())
    results = []
    for name in ("a.jpg", "b.jpg"):
        with open(source, "rb") as fh:
            stripped = strip_jpeg(fh, tmp_path / name)
        assert stripped is not None
        results.append((stripped.path.read_bytes(), stripped.sha256))
    assert results[0] == results[1]


@pytest.mark.parametrize(
    "save",
    [
        {"progressive": True},
        {"restart_marker_rows": 1},
        {"subsampling": 0},
    ],
)
def test_progressive_restart_and_cmyk_photos_decode_the_same(tmp_path, save):
    for mode in ("RGB", "CMYK", "L"):
        buffer = io.BytesIO()
        img = Image.effect_noise((160, 120), 60).convert(mode)
        img.save(buffer, "JPEG", quality=90, comment=b"COM-SECRET", **save)
        source = tmp_path / f"{mode}.jpg"
        source.write_bytes(buffer.getvalue())
        with open(source, "rb") as fh:
            stripped = strip_jpeg(fh, tmp_path / f"{mode}-copy.jpg")
        assert stripped is not None
        data = stripped.path.read_bytes()
        assert_no_metadata(data)
        assert segments(data)[1] == segments(buffer.getvalue())[1]
        if mode == "CMYK":  # Adobe's colour transform segment is what decodes CMYK right
            assert any(c == 0xEE for c, _p in segments(data)[0])
        with Image.open(source) as a, Image.open(stripped.path) as b:
            assert a.mode == b.mode and a.tobytes() == b.tobytes()


def test_a_photo_without_metadata_needs_no_copy(tmp_path):
    source = tmp_path / "plain.jpg"
    picture().save(source, quality=90)
    with open(source, "rb") as fh:
        assert strip_jpeg(fh, tmp_path / "copy.jpg") is None
    assert not (tmp_path / "copy.jpg").exists()


def test_a_cut_photo_is_not_stripped_and_leaves_no_copy(tmp_path):
    data = rich_jpeg()
    source = tmp_path / "cut.jpg"
    source.write_bytes(data[: len(data) // 2])
    with open(source, "rb") as fh, pytest.raises(NotStrippable):
        strip_jpeg(fh, tmp_path / "copy.jpg")
    assert not (tmp_path / "copy.jpg").exists()


# ---------------------------------------------------------------------------- packets


def agreement_pdf(path: Path) -> None:
    canvas = Canvas(str(path), pagesize=(300, 400))
    canvas.drawString(40, 300, "Arbitration clause")
    canvas.showPage()
    canvas.save()


def build(library: Library, number: str, venue: Venue, **kw: object) -> Path:
    result = list(build_bundle(library, number, BundleOptions(venue, force=True, **kw), SETTINGS))[-1]  # type: ignore[arg-type]
    assert isinstance(result, BundleResult)
    (path,) = result.files
    return path


def new_case(library: Library, folder: Path) -> str:
    case = filed_case(library, respondent={"kind": "organisation", "name": "某某数码旗舰店"})
    agreement = folder.parent / "仲裁条款.pdf"
    agreement_pdf(agreement)
    list(add_files(library, case.number, [agreement], AddOptions(kind=EvidenceKind.ARBITRATION_AGREEMENT)))
    waive_arbitration(library, case.number)
    list(add_files(library, case.number, [folder], AddOptions(purpose="证明收货时屏幕已碎")))
    return case.number


def image_streams(path: Path) -> list[bytes]:
    """The raw bytes of every DCT image stream in a packet."""
    with pikepdf.open(path) as pdf:
        return [
            bytes(obj.read_raw_bytes())
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream)
            and obj.get("/Subtype") == "/Image"
            and obj.get("/Filter") == "/DCTDecode"
        ]


def all_stream_bytes(path: Path) -> bytes:
    """Every stream of a packet as decoded as pikepdf can (JPEG streams raw)."""
    out = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    out.append(bytes(obj.read_bytes(pikepdf.StreamDecodeLevel.generalized)))
                except pikepdf.PdfError:
                    out.append(bytes(obj.read_raw_bytes()))
    with open(path, "rb") as fh:
        out.append(fh.read())
    return b"\n".join(out)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def exhibit_pages(texts: list[str], label: str) -> tuple[str, str]:
    """(separator, photo page) texts of a one-page photo exhibit, without line breaks."""
    flat = [t.replace("\n", "") for t in texts]
    separator = next(t for t in flat if f"证据{label} 第1/2页" in t)
    photo = next(t for t in flat if f"证据{label} 第2/2页" in t)
    return separator, photo


def photos_of(library: Library, number: str) -> list[tuple[str, Exhibit]]:
    """(label in a packet of all exhibits, exhibit) of each JPEG, the agreement being exhibit 1."""
    exhibits = [e for e in library.load_case(number).ordered_exhibits() if not e.withdrawn]
    return [(str(i), e) for i, e in enumerate(exhibits, start=1) if e.mime == "image/jpeg"]


@pytest.fixture
def rich_case(library: Library, tmp_path: Path) -> str:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "IMG_20261118_093000.jpg").write_bytes(rich_jpeg())
    first = Image.effect_noise((300, 200), 40).convert("RGB")  # a stereo camera's MPO: two pictures
    first.save(folder / "DSCF0001.jpg", "MPO", save_all=True, append_images=[Image.new("RGB", (300, 200), "green")])
    return new_case(library, folder)


@pytest.mark.parametrize("venue", STRIPPING)
def test_consumer_and_courier_packets_carry_photos_without_metadata(library, rich_case, venue):
    path = build(library, rich_case, venue)
    everything = all_stream_bytes(path)
    for secret in SECRETS:
        assert secret not in everything, secret
    streams = image_streams(path)
    texts = page_texts(path)
    photos = photos_of(library, rich_case)
    assert len(photos) == 2
    for label, exhibit in photos:
        original = (library.folder(rich_case).path / exhibit.stored_path).read_bytes()
        separator, page = exhibit_pages(texts, label)
        printed = re.search(r"输出件SHA-256：([0-9a-f]{64})", page)
        assert printed is not None, page
        digest = printed.group(1)
        assert f"原始文件SHA-256：{exhibit.sha256}" in page
        assert "图像数据未作改动" in page and "原件可供核对" in page and "本页图像系电子数据直接输出" in page
        assert digest[:32] in separator and digest[32:] in separator and exhibit.sha256[:32] in separator
        assert "输出件SHA-256" in separator and STRIPPED_NOTE in separator
        (embedded,) = [s for s in streams if hashlib.sha256(s).hexdigest() == digest]
        assert_no_metadata(embedded)
        assert segments(embedded)[1] == segments(original)[1]
        assert image_data_segments(embedded) == image_data_segments(original)
        with Image.open(io.BytesIO(embedded)) as a, Image.open(io.BytesIO(original)) as b:
            assert a.tobytes() == b.tobytes()
        assert original not in streams
    rich = next(e for _l, e in photos if e.original_name.startswith("IMG"))
    assert rich.metadata.gps is not None  # the position was recorded, and not printed
    separator = exhibit_pages(texts, next(lab for lab, e in photos if e is rich))[0]
    assert "已从本材料所附照片中去除" in separator and "31.24" not in separator


@pytest.mark.parametrize("venue", KEEPING)
def test_court_and_arbitration_packets_carry_photos_byte_for_byte(library, rich_case, venue):
    path = build(library, rich_case, venue)
    streams = image_streams(path)
    for label, exhibit in photos_of(library, rich_case):
        original = (library.folder(rich_case).path / exhibit.stored_path).read_bytes()
        assert original in streams
        assert any(hashlib.sha256(s).hexdigest() == exhibit.sha256 for s in streams)
        separator, page = exhibit_pages(page_texts(path), label)
        assert f"本页系电子数据直接输出，原始文件SHA-256：{exhibit.sha256}" in page
        assert "输出件" not in page + separator


def test_the_stripped_photo_is_still_shown_upright(library, rich_case, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) not installed")
    label, exhibit = next((lab, e) for lab, e in photos_of(library, rich_case) if e.original_name.startswith("IMG"))
    assert exhibit.metadata.orientation == 6
    path = build(library, rich_case, Venue.CONSUMER_ASSOCIATION)
    page = next(i for i, t in enumerate(page_texts(path)) if f"证据{label} 第2/2页" in t) + 1
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", str(page), "-l", str(page), str(path), str(tmp_path / "p")])
    (png,) = tmp_path.glob("p*.png")
    img = Image.open(png).convert("RGB")
    pixels = img.load()
    blue = [
        (x, y) for x in range(img.width) for y in range(img.height) if pixels[x, y][2] > 140 and pixels[x, y][0] < 80
    ]
    xs, ys = [p[0] for p in blue], [p[1] for p in blue]
    assert max(ys) - min(ys) > max(xs) - min(xs), "the photo is not portrait: orientation 6 was lost"
    whites = [(x, y) for x in range(min(xs), max(xs)) for y in range(min(ys), max(ys)) if sum(pixels[x, y]) > 720]
    assert whites and sum(x for x, _ in whites) / len(whites) > (min(xs) + max(xs)) / 2  # top right, as turned
    assert sum(y for _, y in whites) / len(whites) < (min(ys) + max(ys)) / 2


def test_the_disclosure_report_names_what_went_and_both_hashes(library, rich_case, tmp_path):
    from casefile.core.bundle.builder import _content_parts, photos_to_fill
    from casefile.core.bundle.context import BundleContext, Organisation
    from casefile.core.bundle.options import select_entries
    from casefile.core.store import EvidenceReader

    case = library.load_case(rich_case)
    entries = [entry for entry in select_entries(case, None) if entry.exhibit.mime == "image/jpeg"]
    for venue in (*STRIPPING, *KEEPING):
        ctx = BundleContext(case, venue, entries, Organisation(), "测试员", datetime.now().astimezone())
        work = tmp_path / venue.value
        work.mkdir()
        reader = EvidenceReader(library.folder(rich_case).path, work / "evidence", case.number)
        pages = [part for i, entry in enumerate(entries) for part in _content_parts(ctx, entry, reader, work, i)]
        fill = photos_to_fill({p.placeholder: p for p in pages}, reader)
        if venue in KEEPING:
            assert ctx.report.items == []
            assert sorted(sha for _p, sha in fill.values()) == sorted(e.exhibit.sha256 for e in entries)
            continue
        assert [item.where for item in ctx.report.items] == [entry.name for entry in entries]
        for entry, item in zip(entries, ctx.report.items, strict=True):
            assert item.action is DisclosureAction.STRIPPED
            assert item.what.startswith("照片元数据（")
            assert item.original_sha256 == entry.exhibit.sha256
            (source,) = [p for p, sha in fill.values() if sha == item.printed_sha256]
            assert hashlib.sha256(source.read_bytes()).hexdigest() == item.printed_sha256
            assert work in source.parents  # a copy in the bundle's work folder, never the evidence file
        rich = next(i for i in ctx.report.items if "GPS位置" in i.what)
        assert all(kind in rich.what for kind in ("EXIF", "缩略图", "XMP", "注释", "Photoshop/IPTC"))
        mpo = next(i for i in ctx.report.items if i is not rich)
        assert "附加图像（MPO）" in mpo.what
        text = ctx.report.to_text("材料")
        assert rich.original_sha256 in text and rich.printed_sha256 in text


def test_the_same_packet_twice_carries_the_same_photo_bytes(library, rich_case):
    first = image_streams(build(library, rich_case, Venue.CONSUMER_ASSOCIATION))
    second = image_streams(build(library, rich_case, Venue.CONSUMER_ASSOCIATION))
    assert sorted(first) == sorted(second)


# ---------------------------------------------------------------------------- pictures printed decoded


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_metadata(path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (180, 360), (240, 240, 240)).save(buffer, "PNG")
    data = buffer.getvalue()
    exif = Image.Exif()
    exif[0x013B] = "ARTIST-SECRET"
    chunks = [
        png_chunk(b"tEXt", b"Secret\0PNG-TEXT-SECRET"),
        png_chunk(b"zTXt", b"Secret\0\0" + zlib.compress(b"PNG-ZTXT-SECRET")),
        png_chunk(b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0PNG-ITXT-SECRET"),
        png_chunk(b"eXIf", exif.tobytes()[6:]),
        png_chunk(b"tIME", struct.pack(">HBBBBB", 2026, 11, 18, 9, 30, 0)),
    ]
    at = data.index(b"IDAT") - 4
    path.write_bytes(data[:at] + b"".join(chunks) + data[at:])


@pytest.mark.parametrize("venue", [*STRIPPING, *KEEPING])
def test_decoded_pictures_carry_no_metadata(library, tmp_path, venue):
    """Screenshots (PNG), HEIC, WebP and TIFF pictures and a damaged JPEG are printed from their pixels alone."""
    from casefile.core.thumbnails import register_heif

    register_heif()
    folder = tmp_path / "pictures"
    folder.mkdir()
    png_with_metadata(folder / "Screenshot_20261120-101500_Taobao.png")
    exif = Image.Exif()
    exif[0x013B] = "HEIC-ARTIST-SECRET"
    picture().save(folder / "IMG_0002.heic", "HEIF", exif=exif.tobytes(), xmp=b"<x>HEIC-XMP-SECRET</x>")
    damaged = rich_jpeg()
    (folder / "IMG_0003.jpg").write_bytes(damaged[: damaged.index(b"TRAILER-SECRET") - 300])
    picture().save(folder / "IMG_0004.webp", "WEBP", exif=exif.tobytes(), xmp=b"<x>WEBP-XMP-SECRET</x>")
    picture().save(folder / "scan.tiff", "TIFF", tiffinfo={270: "TIFF-DESCRIPTION-SECRET", 315: "ARTIST-SECRET"})
    number = new_case(library, folder)
    path = build(library, number, venue)
    everything = all_stream_bytes(path)
    for secret in (
        *SECRETS,
        b"PNG-TEXT-SECRET",
        b"PNG-ZTXT-SECRET",
        b"PNG-ITXT-SECRET",
        b"HEIC-ARTIST-SECRET",
        b"HEIC-XMP-SECRET",
        b"WEBP-XMP-SECRET",
        b"TIFF-DESCRIPTION-SECRET",
        b"tIME",
        b"eXIf",
        b"zTXt",
    ):
        assert secret not in everything, secret
    for stream in image_streams(path):
        assert_no_metadata(stream)
    joined = "".join(page_texts(path)).replace("\n", "")
    assert "图像文件已损坏，以下为可解码部分" in joined  # the damaged JPEG kept its own path


# ---------------------------------------------------------------------------- real photos


def test_real_photos_with_gps_and_xmp_go_without_them(library, corpus, tmp_path):
    folder = tmp_path / "real"
    folder.mkdir()
    for source in [*(corpus / "images" / "gps").glob("*.jpg"), *(corpus / "images" / "xmp").glob("*.jpg")]:
        shutil.copy(source, folder / source.name)
    number = new_case(library, folder)
    path = build(library, number, Venue.CONSUMER_ASSOCIATION)
    streams = {hashlib.sha256(s).hexdigest(): s for s in image_streams(path)}
    texts = page_texts(path)
    photos = photos_of(library, number)
    assert len(photos) >= 10
    for label, exhibit in photos:
        original = (library.folder(number).path / exhibit.stored_path).read_bytes()
        _separator, page = exhibit_pages(texts, label)
        printed = re.search(r"输出件SHA-256：([0-9a-f]{64})", page)
        assert printed is not None, exhibit.original_name
        embedded = streams[printed.group(1)]
        found, scans, trailer = segments(embedded)
        assert not [c for c, _p in found if c in (0xE1, 0xED, COM)] and trailer == b""
        assert b"GPS" not in embedded and b"http://ns.adobe.com" not in embedded
        assert scans == segments(original)[1]
        assert image_data_segments(embedded) == image_data_segments(original)
    assert sum(1 for _l, e in photos if e.metadata.gps is not None) >= 9
