"""Nothing leaves the machine that its destination must not see.

A case is seeded with personal data everywhere a user would put it: the parties, the facts,
the timeline, demands, exhibit titles, sources, purposes and file names, a chat export, an
e-mail, a transcript, a photo's EXIF block, a PDF's text layer, invisible text and document
information. Every venue's packet is then searched, as its recipient could search it: the
extracted text, the decompressed streams (qpdf --qdf), the document information and XMP, the
outlines, the annotations, and the metadata of every embedded image — for each value the
destination must not see, and for active content.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from casefile_testing import make_case, waive_arbitration
from PIL import Image

from casefile.core.bundle import BundleOptions, Venue, build_bundle
from casefile.core.bundle.context import Route
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.model import EvidenceKind, Transcript, TranscriptLine
from casefile.core.settings import Settings

pytestmark = pytest.mark.skipif(
    shutil.which("qpdf") is None or shutil.which("pdftotext") is None, reason="qpdf and pdftotext are needed"
)

# The complainant (an end customer), seen complete by court, arbitration and 消协, masked for the carrier.
CUSTOMER = {"张三", "13812345678", "110105199001011232", "建国路88号院3号楼501", "zhangsan@example.com"}
# People in the evidence who are no party: masked everywhere.
THIRD = {"王五", "赵六", "13700001111", "13900001111", "44030519850203123X", "6222021234567894", "wangwu@example.net"}
ACTIVE = ("JavaScript", "JS", "Launch", "EmbeddedFile", "URI", "AA", "OpenAction")


def _active(streams: str) -> list[str]:
    """The active-content names (as PDF name tokens, not parts of others like /AAAAAA+Font) in ``streams``."""
    return [name for name in ACTIVE if re.search(rf"/{name}(?=[\s/<>\[\]()]|$)", streams)]


MUST_NOT_SEE = {
    Venue.COURT: THIRD,
    Venue.ARBITRATION: THIRD,
    Venue.CONSUMER_ASSOCIATION: THIRD,
    Venue.COURIER_CLAIM: THIRD | CUSTOMER,
}


def _hostile_pdf(path: Path) -> None:
    """A PDF whose text layer, invisible text, metadata and active content hold personal data."""
    from reportlab.pdfgen.canvas import Canvas

    from casefile.core.bundle.pdfkit import FONT, register_fonts

    register_fonts()
    canvas = Canvas(str(path), initialFontName=FONT)
    canvas.setFont(FONT, 12)
    canvas.drawString(72, 720, "第三人王五，电话 137-0000-1111，与本案无关。")
    text = canvas.beginText(72, 690)
    text.setFont(FONT, 12)
    text.setTextRenderMode(3)  # invisible, as an OCR layer is
    text.textLine("身份证 44030519850203123X")
    canvas.drawText(text)
    canvas.drawString(72, 660, "订单金额 1299 元。")
    canvas.showPage()
    canvas.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Author"] = "王五 13700001111"
        pdf.docinfo["/Subject"] = "wangwu@example.net"
        page = pdf.pages[0]
        js = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")))
        page.obj["/AA"] = pikepdf.Dictionary(O=js)
        payload = pdf.make_stream(b"13900001111 secret attachment")
        payload["/Type"] = pikepdf.Name.EmbeddedFile
        page.obj.Resources["/Hidden"] = pikepdf.Dictionary(F=pdf.make_indirect(payload))
        link = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Link,
            Rect=[72, 700, 300, 730],
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.net/?tel=13900001111")),
        )
        page.obj["/Annots"] = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))
        pdf.save(path)


def _photo(path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "HUAWEI"
    exif[0x013B] = "王五 13700001111"  # Artist
    detail = exif.get_ifd(0x8769)
    detail[0x9286] = b"ASCII\0\0\0" + "14:30 王五 13900001111".encode()  # UserComment
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 17.0)})
    Image.new("RGB", (320, 240), (180, 40, 40)).save(path, quality=90, exif=exif, comment="王五 13700001111".encode())


@pytest.fixture
def seeded(library: Library, tmp_path: Path) -> str:
    case = make_case(
        library,
        title="张三手机屏幕碎裂（电话13812345678）",
        complainant={
            "name": "张三",
            "phone": "13812345678",
            "id_number": "110105199001011232",
            "address": "北京市朝阳区建国路88号院3号楼501",
            "email": "zhangsan@example.com",
        },
        respondent={"kind": "organisation", "name": "某某数码旗舰店", "address": "杭州市余杭区文一西路969号"},
        courier={"kind": "organisation", "name": "某某速运"},
        shipment={"waybill_no": "SF1234567890", "carrier": "某某速运", "signer": "王五"},
        demands=[{"type": "refund", "amount": "1299", "description": "退款至张三的银行卡6222021234567894"}],
        facts="张三（138 1234 5678）收货时屏幕已碎；王五（+86 137 0000 1111，身份证44030519850203123x）代签收。",
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "张三_13812345678_聊天记录.txt").write_text(
        "2026-11-20 10:00 张三: 我的电话13812345678，住建国路88号院3号楼501\n"
        "2026-11-20 10:01 快递员: 我是王五的同事，电话１３９００００１１１１，邮箱wangwu@example.net\n"
        "2026-11-20 10:02 快递员: 改派了，收件人：赵六，赵六说放门口\n",
        "utf-8",
    )
    (folder / "mail.eml").write_bytes(
        "From: 王五 <wangwu@example.net>\nTo: zhangsan@example.com\nSubject: 王五 13700001111\n"
        "Content-Type: text/plain; charset=utf-8\n\n请联系王五 13700001111。\n".encode()
    )
    _photo(folder / "破损照片.jpg")
    _hostile_pdf(folder / "王五_13700001111_说明.pdf")
    wav = folder / "通话录音.wav"
    import wave

    with wave.open(str(wav), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 8000)
    list(
        add_files(
            library, case.number, [folder], AddOptions(source="王五提供 13700001111", purpose="证明张三收货时已碎")
        )
    )
    clause = tmp_path / "仲裁条款.txt"
    clause.write_text("因本合同引起的争议，提交某某仲裁委员会仲裁。\n", "utf-8")
    list(add_files(library, case.number, [clause], AddOptions(kind=EvidenceKind.ARBITRATION_AGREEMENT)))
    waive_arbitration(library, case.number)
    with library.edit(case.number) as writer:
        recording = next(e for e in writer.case.exhibits if e.original_name == "通话录音.wav")
        writer.update_exhibit(
            recording.number,
            transcript=Transcript(
                recorded_by="张三",
                participants=["张三（本人，13812345678）", "王五（13700001111）"],
                lines=[TranscriptLine(at="00:00:01", speaker="王五", text="我的身份证是44030519850203123X")],
            ),
        )
        from casefile.core.model import EventKind, TimelineEvent, parse_datetime

        writer.add_event(
            TimelineEvent(
                at=parse_datetime("2026-11-20T11:00:00+08:00"),
                kind=EventKind.CALL,
                summary="致电王五 139-0000-1111 核实签收",
                people="王五",
            )
        )
    return case.number


def _packet(library: Library, number: str, venue: Venue, route: Route | None = None) -> Path:
    options = BundleOptions(venue=venue, force=True, route=route)
    result = list(build_bundle(library, number, options, Settings(org_name="某律所")))[-1]
    return result.files[0]


def _surfaces(path: Path, tmp_path: Path, *, keep_photos: bool = False) -> dict[str, str]:
    """Everything a recipient can read out of the packet, by where it was found."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    qdf = tmp_path / f"{path.stem}.qdf.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(path), str(qdf)], check=True)
    raw = qdf.read_bytes()
    with pikepdf.open(path) as pdf:
        photos = [image.read_raw_bytes() for page in pdf.pages for image in page.get_images().values()]
    if keep_photos:  # court and arbitration receive the photos byte for byte, as evidence
        for data in photos:
            raw = raw.replace(data, b"")
    found = {"text": text, "streams": raw.decode("latin-1"), "streams-utf16": _utf16_strings(raw)}
    found["images"] = "" if keep_photos else "".join(_image_metadata(data) for data in photos)
    with pikepdf.open(path) as pdf:
        found["docinfo"] = " ".join(f"{k}={v}" for k, v in pdf.docinfo.items())
        found["xmp"] = str(pdf.Root.get("/Metadata").read_bytes()) if "/Metadata" in pdf.Root else ""
        with pdf.open_outline() as outline:
            titles = []

            def walk(items: list[pikepdf.OutlineItem]) -> None:
                for item in items:
                    titles.append(item.title)
                    walk(item.children)

            walk(outline.root)
        found["outlines"] = " ".join(titles)
        annots = [str(annot) for page in pdf.pages for annot in page.obj.get("/Annots") or []]
        found["annotations"] = " ".join(annots)
    return found


def _utf16_strings(raw: bytes) -> str:
    """PDF strings written as UTF-16 (<FEFF…> hex or raw bytes), decoded, to search for names."""
    out = []
    for hexed in re.findall(rb"<FEFF([0-9A-Fa-f]+)>", raw):
        out.append(bytes.fromhex(hexed.decode()).decode("utf-16-be", "replace"))
    return " ".join(out)


def _image_metadata(data: bytes) -> str:
    """What a JPEG carries besides its pixels (APPn, COM segments), as text."""
    if not data.startswith(b"\xff\xd8"):
        return ""
    out, i = [], 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker, length = data[i + 1], int.from_bytes(data[i + 2 : i + 4], "big")
        if marker == 0xDA:
            break
        if 0xE1 <= marker <= 0xEF or marker == 0xFE:
            out.append(data[i + 4 : i + 2 + length].decode("utf-8", "replace"))
        i += 2 + length
    return " ".join(out)


def _variants(value: str) -> list[str]:
    """How a value may appear once printed: as written, and without the spaces layout puts in."""
    return [value, value.lower()]


def _leaks(surfaces: dict[str, str], secrets: set[str]) -> list[tuple[str, str]]:
    leaks = []
    for where, content in surfaces.items():
        squeezed = re.sub(r"\s+", "", content)
        for secret in secrets:
            if any(v in content or v in squeezed for v in _variants(secret)):
                leaks.append((where, secret))
    return leaks


@pytest.mark.parametrize("venue", list(MUST_NOT_SEE), ids=lambda v: v.value)
def test_no_packet_carries_what_its_destination_must_not_see(library, seeded, tmp_path, venue):
    keep_photos = venue in (Venue.COURT, Venue.ARBITRATION)
    surfaces = _surfaces(_packet(library, seeded, venue), tmp_path, keep_photos=keep_photos)
    assert _leaks(surfaces, MUST_NOT_SEE[venue]) == []
    assert _active(surfaces["streams"]) == []
    assert "测试员" not in surfaces["docinfo"] and "root" not in surfaces["docinfo"].lower()
    if venue in (Venue.CONSUMER_ASSOCIATION, Venue.COURIER_CLAIM):
        assert surfaces["images"] == ""  # no EXIF, GPS, comments or thumbnails travel with the photos
        assert "第三方信息已遮盖，原件可供核对" in re.sub(r"\s+", "", surfaces["text"])


@pytest.mark.parametrize(
    ("venue", "route"),
    [(Venue.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR), (Venue.COURIER_CLAIM, Route.POSTAL_REGULATOR)],
    ids=lambda v: v.value,
)
def test_the_other_destinations_of_a_venue_see_no_more(library, seeded, tmp_path, venue, route):
    """12315 sees what the 消协 sees; the 12305 appeal what the carrier sees: the end customer masked."""
    surfaces = _surfaces(_packet(library, seeded, venue, route), tmp_path)
    assert _leaks(surfaces, MUST_NOT_SEE[venue]) == []
    assert _active(surfaces["streams"]) == [] and surfaces["images"] == ""


def test_the_parties_a_destination_sees_are_printed_complete(library, seeded, tmp_path):
    court = _surfaces(_packet(library, seeded, Venue.COURT), tmp_path)
    text = re.sub(r"\s+", "", court["text"])
    assert "13812345678" in text and "110105199001011232" in text and "张三" in text


def test_the_receipt_customer_copy_carries_nothing_personal(library, seeded, tmp_path):
    path = _packet(library, seeded, Venue.RECEIPT)
    pages = [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        for n in (1, 2)
    ]
    customer = re.sub(r"\s+", "", pages[0])
    assert "顾客联" in customer
    assert [s for s in CUSTOMER | THIRD if s in customer] == []
    with pikepdf.open(path) as pdf:
        assert "张三" not in str(pdf.docinfo.get("/Subject", "")) and "root" not in str(pdf.docinfo.get("/Author", ""))
