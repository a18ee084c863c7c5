"""Bundles read back: pages, stamps, bookmarks, links, fonts, hashes, masking, volumes."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import wave
from decimal import Decimal
from pathlib import Path

import pikepdf
import pytest
from casefile_testing import chinese, filed_case, make_case
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from casefile.core.bundle import BundleOptions, BundleResult, PreflightError, Venue, build_bundle
from casefile.core.errors import CancelledError
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.model import Demand, DemandType, EvidenceKind, Party, PartyKind
from casefile.core.progress import CancelToken, Progress
from casefile.core.settings import Settings

SETTINGS = Settings(org_name="某某数码科技有限公司", org_phone="400-800-1234", org_address="上海市浦东新区某路1号")


def jpeg_with_orientation(path: Path, orientation: int) -> None:
    img = Image.new("RGB", (320, 200), (30, 90, 160))
    img.paste((250, 250, 250), (0, 0, 60, 40))  # a white corner marks "top left"
    exif = Image.Exif()
    exif[0x0112] = orientation
    img.save(path, quality=85, exif=exif)


def two_page_pdf(path: Path, text: str = "Receipt") -> None:
    canvas = Canvas(str(path), pagesize=(300, 400))
    for n in (1, 2):
        canvas.drawString(40, 300, f"{text} page {n}")
        canvas.showPage()
    canvas.save()


@pytest.fixture
def evidence_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "evidence-in"
    folder.mkdir()
    jpeg_with_orientation(folder / "屏幕破损.jpg", 6)
    Image.new("RGB", (180, 360), (240, 240, 240)).save(folder / "Screenshot_20261120-101500_Taobao.png")
    two_page_pdf(folder / "发票.pdf")
    locked = pikepdf.open(folder / "发票.pdf")
    locked.save(folder / "locked.pdf", encryption=pikepdf.Encryption(owner="o", user="secret"))
    locked.close()
    chat = [
        "2026-11-20 10:01:02 客服小王: 您好",
        "2026-11-20 10:02:00 张三: 手机屏幕碎了",
        "2026-11-20 10:03:10 客服: 请拍照",
    ]
    (folder / "chat.txt").write_text("\n".join(chat) + "\n", "utf-8")
    with wave.open(str(folder / "通话录音.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 8000)
    (folder / "开箱视频.mp4").write_bytes(b"\0\0\0\x18ftypmp42" + bytes(4000))
    return folder


@pytest.fixture
def full_case(library: Library, evidence_dir: Path):
    case = make_case(library, priority="important")
    with library.edit(case.number) as writer:
        changed = writer.case
        from casefile.core.model import case_from_data, case_to_data

        changed = case_from_data(case_to_data(changed))
        changed.complainant = Party(PartyKind.PERSON, name="张三", phone="13812345678", address="上海市徐汇区某路8号")
        changed.respondent = Party(PartyKind.ORGANISATION, name="某某数码旗舰店", address="杭州市余杭区某街1号")
        changed.courier = Party(PartyKind.ORGANISATION, name="某某速运有限公司")
        changed.transaction.order_no = "TB2026112000001"
        changed.transaction.amount = Decimal("1299.00")
        changed.shipment.waybill_no = "SF1234567890123"
        changed.shipment.carrier = "某某速运"
        changed.facts = "2026年11月18日收到手机，开箱发现屏幕碎裂。"
        changed.demands = [Demand(DemandType.REFUND, Decimal("1299.00"), "退还货款")]
        writer.update(changed)
    list(add_files(library, case.number, [evidence_dir], AddOptions(purpose="证明商品收货时即已损坏")))
    return case.number


def build(library: Library, number: str, venue: Venue, **kw) -> BundleResult:
    items = list(build_bundle(library, number, BundleOptions(venue, **kw), SETTINGS))
    assert all(isinstance(i, Progress) for i in items[:-1])
    result = items[-1]
    assert isinstance(result, BundleResult)
    return result


def texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def outline_titles(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        return [item.title for item in outline.root]


@pytest.mark.parametrize("venue", [Venue.CONSUMER_ASSOCIATION, Venue.COURT, Venue.COURIER_CLAIM])
def test_bundles_read_back(library, full_case, venue):
    result = build(library, full_case, venue, force=True)
    (path,) = result.files
    assert path.parent.name == "bundles" and path.exists()
    pages = texts(path)
    assert len(pages) == result.pages
    total = len(pages)
    for n, text in enumerate(pages, start=1):
        assert full_case in text, f"page {n} lacks the case number"
        assert f"第 {n} 页 / 共 {total} 页" in text, f"page {n} lacks its bundle page number"
    titles = outline_titles(path)
    assert "证据目录" in titles and "电子证据完整性校验表" in titles
    case = library.load_case(full_case)
    assert sum(1 for t in titles if t.startswith("证据") and t != "证据目录") == len(case.exhibits)
    # Exhibit stamps: label and page within the exhibit.
    assert any("证据1 第1/2页" in t for t in pages)
    # The PDF's documented facts.
    with pikepdf.open(path) as pdf:
        assert full_case in str(pdf.docinfo["/Title"])
        assert "CaseFile" in str(pdf.docinfo["/Creator"])
    # The custody log recorded it, with the file's hash.
    last = library.folder(full_case).custody.read()[-1]
    assert last["action"] == "bundle" and last["details"]["venue"] == venue.value
    assert last["details"]["files"][0]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_evidence_list_page_ranges_point_at_separator_pages_and_link_there(library, full_case):
    result = build(library, full_case, Venue.COURT, force=True)
    path = result.files[0]
    pages = texts(path)
    list_pages = [i for i, t in enumerate(pages) if "证 据 目 录" in t or "证据目录" in t.replace(" ", "")]
    listing = "\n".join(pages[i] for i in list_pages)
    case = library.load_case(full_case)
    for label in range(1, len(case.exhibits) + 1):
        separator = next(i for i, t in enumerate(pages) if f"证据{label} 第1/" in t)
        # The separator page carries the exhibit's full hash.
        exhibit = case.exhibits[label - 1]
        assert exhibit.sha256[:32] in pages[separator].replace("\n", "")
        pattern = rf"证据{label}\b.*?(\d+)(?:-(\d+))?"
        ranges = re.findall(rf"\b{separator + 1}(?:-\d+)?\b", listing)
        assert ranges, f"the evidence list does not give page {separator + 1} for 证据{label} ({pattern})"
    with pikepdf.open(path) as pdf:
        separator_objs = {pdf.pages[i].obj.objgen for i, t in enumerate(pages) if re.search(r"证据\d+ 第1/", t)}
        dests = set()
        for i in list_pages:
            for annot in pdf.pages[i].obj.get("/Annots", []):
                if annot.get("/Subtype") == "/Link":
                    dests.add(annot.Dest[0].objgen)
        assert dests == separator_objs


def test_fonts_embedded_and_qpdf_clean(library, full_case):
    path = build(library, full_case, Venue.CONSUMER_ASSOCIATION, force=True).files[0]
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = out.splitlines()[2:]
        assert rows, "no fonts at all?"
        for row in rows:
            assert row.split()[-5] == "yes", f"font not embedded: {row}"
            assert "Helvetica" not in row and "STSong" not in row
    if shutil.which("qpdf"):
        check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_photo_bytes_are_embedded_unchanged(library, full_case):
    path = build(library, full_case, Venue.COURT, force=True).files[0]
    photo = next(e for e in library.load_case(full_case).exhibits if e.mime == "image/jpeg")
    found = False
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            is_jpeg = isinstance(obj, pikepdf.Stream) and obj.get("/Filter") == "/DCTDecode"
            if is_jpeg and hashlib.sha256(obj.read_raw_bytes()).hexdigest() == photo.sha256:
                found = True
    assert found, "the JPEG stream in the bundle does not hash to the exhibit's SHA-256"


def test_photo_is_shown_upright(library, full_case, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm not installed")
    photo = next(e for e in library.load_case(full_case).exhibits if e.mime == "image/jpeg")
    path = build(library, full_case, Venue.COURT, force=True, exhibits=[photo.number]).files[0]
    pages = texts(path)
    photo_page = next(i for i, t in enumerate(pages) if "证据1 第2/2页" in t)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "30",
            "-f",
            str(photo_page + 1),
            "-l",
            str(photo_page + 1),
            str(path),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    (png,) = tmp_path.glob("p*.png")
    img = Image.open(png).convert("RGB")
    # Orientation 6 turns the 320x200 picture upright as 200x320: portrait, white corner top right.
    box = img.getbbox()
    pixels = [
        (x, y)
        for x in range(img.width)
        for y in range(img.height)
        if img.getpixel((x, y))[2] > 140 and img.getpixel((x, y))[0] < 60
    ]
    xs = [p[0] for p in pixels]
    ys = [p[1] for p in pixels]
    assert box is not None and (max(ys) - min(ys)) > (max(xs) - min(xs)), "the photo is not portrait"
    whites = [
        (x, y)
        for x in range(min(xs), max(xs))
        for y in range(min(ys), max(ys))
        if img.getpixel((x, y)) == (250, 250, 250) or sum(img.getpixel((x, y))) > 720
    ]
    assert whites and sum(x for x, _ in whites) / len(whites) > (min(xs) + max(xs)) / 2  # right half
    assert sum(y for _, y in whites) / len(whites) < (min(ys) + max(ys)) / 2  # top half


def test_encrypted_pdf_gets_a_notice_page_with_its_hash(library, full_case):
    path = build(library, full_case, Venue.COURT, force=True).files[0]
    locked = next(e for e in library.load_case(full_case).exhibits if e.original_name == "locked.pdf")
    joined = "\n".join(texts(path)).replace("\n", "")
    assert "已加密" in joined
    assert locked.sha256[32:] in joined


def test_courier_claim_masks_the_customer_phone(library, full_case):
    path = build(library, full_case, Venue.COURIER_CLAIM, force=True).files[0]
    joined = "\n".join(texts(path))
    assert "13812345678" not in joined
    assert "138****5678" in joined


def test_court_bundle_keeps_parties_complete(library, full_case):
    joined = "\n".join(texts(build(library, full_case, Venue.COURT, force=True).files[0]))
    assert "13812345678" in joined and "民事起诉状" in joined


def test_arbitration_needs_an_agreement(library, full_case, tmp_path):
    with pytest.raises(PreflightError) as info:
        build(library, full_case, Venue.ARBITRATION)
    assert "仲裁协议" in chinese(info.value.message) and "--force" in str(info.value)
    assert "No arbitration agreement in force" in str(info.value)  # in English on the command line
    assert list(library.folder(full_case).bundles_dir.iterdir()) == []
    # Accepted, it is built: an agreement not denied before the first hearing is deemed to exist (仲裁法 art. 27).
    build(library, full_case, Venue.ARBITRATION, force=True)
    entry = [e for e in library.folder(full_case).custody.read() if e["action"] == "bundle"][-1]
    assert "no-arbitration-agreement" in entry["details"]["accepted_warnings"]
    agreement = tmp_path / "合同第8条仲裁条款.pdf"
    two_page_pdf(agreement, "Arbitration clause")
    list(
        add_files(
            library,
            full_case,
            [agreement],
            AddOptions(kind=EvidenceKind.ARBITRATION_AGREEMENT, purpose="证明双方约定仲裁"),
        )
    )
    result = build(library, full_case, Venue.ARBITRATION, force=True)
    assert "仲裁申请书" in "\n".join(texts(result.files[0]))


def test_warnings_stop_the_build_until_forced(library, full_case):
    with pytest.raises(PreflightError) as info:
        build(library, full_case, Venue.COURT)
    message = chinese(info.value.message)
    assert "录音" in message and "--force" in message  # the recording has no transcript
    assert list(library.folder(full_case).bundles_dir.iterdir()) == []


def test_selected_exhibits_in_the_given_order(library, full_case):
    result = build(library, full_case, Venue.COURT, exhibits=[3, 1], force=True)
    titles = outline_titles(result.files[0])
    exhibit_titles = [t for t in titles if re.match(r"证据\d", t)]
    case = library.load_case(full_case)
    assert exhibit_titles == [f"证据1　{case.exhibit(3).title}", f"证据2　{case.exhibit(1).title}"]


def test_split_into_volumes(library, full_case, tmp_path):
    big = tmp_path / "big"
    big.mkdir()
    for i in range(3):
        Image.effect_noise((900, 900), 80).convert("RGB").save(big / f"noise{i}.jpg", quality=95)
    list(add_files(library, full_case, [big], AddOptions(purpose="证明外包装破损")))
    result = build(library, full_case, Venue.COURT, force=True, split_mb=1)
    assert len(result.files) > 1
    count = len(result.files)
    grand_total = sum(len(PdfReader(f).pages) for f in result.files)
    for v, path in enumerate(result.files, start=1):
        assert path.stat().st_size <= 1024 * 1024 * 1.05 or len(PdfReader(path).pages) <= 3
        pages = texts(path)
        assert all(f"第{v}册/共{count}册" in t for t in pages)
        assert all(f"共 {grand_total} 页" in t for t in pages)


def test_cancel_leaves_nothing(library, full_case):
    token = CancelToken()
    gen = build_bundle(library, full_case, BundleOptions(Venue.COURT, force=True), SETTINGS, cancel=token)
    next(gen)
    token.cancel()
    with pytest.raises(CancelledError):
        list(gen)
    assert list(library.folder(full_case).bundles_dir.iterdir()) == []
    assert library.folder(full_case).custody.read()[-1]["action"] != "bundle"


def test_output_copy_and_receipt(library, full_case, tmp_path):
    result = build(library, full_case, Venue.COURT, force=True, output=tmp_path / "起诉材料.pdf")
    assert result.copies == [tmp_path / "起诉材料.pdf"]
    assert (tmp_path / "起诉材料.pdf").read_bytes() == result.files[0].read_bytes()
    for layout in ("a5", "80mm"):
        receipt = build(library, full_case, Venue.RECEIPT, force=True, layout=layout)
        pages = [page.extract_text() for page in PdfReader(receipt.files[0]).pages]
        # Two copies; on A5 the seven materials' boxes to tick push each copy's notes onto a page of its own.
        assert len(pages) == (2 if layout == "80mm" else 4)
        assert "顾客联" in pages[0] and "门店联" in pages[len(pages) // 2]


def test_bundle_of_corpus_files_never_crashes(library, corpus):
    case = filed_case(library)
    list(
        add_files(
            library,
            case.number,
            [
                corpus / "pdfs",
                corpus / "images" / "tests",
                corpus / "images" / "invalid",
                corpus / "images" / "corrupted.jpg",
            ],
        )
    )
    result = build(library, case.number, Venue.CONSUMER_ASSOCIATION, force=True)
    assert result.pages > len(library.load_case(case.number).exhibits)
    assert io.BytesIO(result.files[0].read_bytes()).getbuffer().nbytes > 0


def test_verify_checks_saved_bundles(library, full_case):
    from casefile.core.verify import FileStatus, verify_case

    path = build(library, full_case, Venue.CONSUMER_ASSOCIATION, force=True).files[0]
    report = list(verify_case(library, full_case))[-1]
    rel = f"bundles/{path.name}"
    assert report.ok and any(f.path == rel and f.status is FileStatus.INTACT for f in report.files)
    path.chmod(0o644)
    with open(path, "r+b") as fh:
        fh.seek(2000)
        fh.write(b"X")
    report = list(verify_case(library, full_case))[-1]
    assert not report.ok
    assert [f.status for f in report.files if f.path == rel] == [FileStatus.MODIFIED]


def test_originals_on_a_storage_medium_are_listed_as_such(library, full_case):
    """A recording and a file whose page says it cannot be printed go in on a disc or USB stick, a copy of each, the
    original carrier (证据规定 art. 15) kept for checking: the evidence list says so, not a printout, one medium with
    each set of the evidence, and the complaint's 附 lists as many media with the exhibits they hold (art. 19)."""
    from casefile.core.numbering import packet_label, packet_numbers

    path = build(library, full_case, Venue.COURT, force=True).files[0]
    case = library.load_case(full_case)
    numbers = packet_numbers(case)
    medium_files = ("locked.pdf", "通话录音.wav", "开箱视频.mp4")
    on_medium = [e for e in case.ordered_exhibits() if e.original_name in medium_files]
    flat = [re.sub(r"\s+", "", t) for t in texts(path)]
    listing = "".join(t for t in flat if t.startswith("证据目录"))
    # a copy on the medium, one with each set (the original and the defendant's copy), is not the original carrier
    assert listing.count("复制件随附存储介质2份，原始载体可供核对") == 3, listing
    assert "原始载体（随附存储介质）" not in listing
    assert "电子数据打印件" in listing  # the invoice, the screenshot, the chat: printed out from the data
    names = "、".join(packet_label(numbers[e.number]) for e in on_medium)
    complaint = "".join(t for t in flat if "民事起诉状" in t or "附：" in t)
    assert f"存储介质（光盘/U盘）2份，内含{names}的原始文件复制件" in complaint, complaint


@pytest.mark.parametrize("route", ["consumer-association", "12315"])
def test_consumer_packets_keep_originals_with_the_complainant(library, full_case, route):
    """A 消协 keeps no originals and 12315 asks for copies (an online filing cannot carry a disc): the packet's
    recording and unprintable-file pages, its evidence list and its annex say the complainant keeps the originals
    for checking, by their SHA-256, and never that they are enclosed on a storage medium."""
    from casefile.core.venues import Route

    path = build(library, full_case, Venue.CONSUMER_ASSOCIATION, route=Route(route), force=True).files[0]
    flat = "".join(re.sub(r"\s+", "", t) for t in texts(path))
    assert "存储介质提交" not in flat and "随附存储介质" not in flat and "光盘" not in flat
    listing = flat[flat.index("证据目录") :]
    assert listing.count("原件由投诉人保存，可供核对") >= 3, listing
    assert "原始录音录像文件无法以纸面呈现，原件由投诉人保存，可供核对" in flat


@pytest.mark.parametrize("venue", [Venue.CONSUMER_ASSOCIATION, Venue.ARBITRATION, Venue.COURT, Venue.COURIER_CLAIM])
def test_unreadable_metadata_is_worded_in_chinese(library, full_case, venue):
    """An encrypted PDF's metadata could not be read: the packet says why in Chinese, never the reader's English
    reason (the PDF needs a password to open); a broken video's likewise."""
    path = build(library, full_case, venue, force=True).files[0]
    flat = "".join(texts(path))
    assert "元数据无法读取：需要密码才能打开" in re.sub(r"\s+", "", flat)
    assert "password" not in flat and "Error" not in flat


def test_metadata_problem_wording():
    from casefile.core.bundle.parts import METADATA_PROBLEM_OTHER, metadata_problem

    assert metadata_problem("the PDF needs a password to open") == "需要密码才能打开"
    assert metadata_problem("not a SILK voice note") == "不是有效的 SILK 语音文件"
    assert metadata_problem("InvalidDataError: [Errno 1094995529] Invalid data found") == METADATA_PROBLEM_OTHER


@pytest.mark.parametrize(("route", "filer"), [("carrier", "索赔人"), ("12305", "申诉人")])
def test_courier_packets_keep_originals_with_the_claimant(library, full_case, route, filer):
    """Neither a claim to the carrier nor a 12305 appeal has a 附 for a disc, and 12305 is filed by phone, online,
    WeChat, letter or fax: as in a 消协/12315 packet, the recording and unprintable-file pages, the evidence list
    and the annex say the claimant (索赔人, 申诉人 in the appeal) keeps the originals for checking, never that
    they are enclosed on a storage medium, and never name a 投诉人."""
    from casefile.core.venues import Route

    path = build(library, full_case, Venue.COURIER_CLAIM, route=Route(route), force=True).files[0]
    flat = "".join(re.sub(r"\s+", "", t) for t in texts(path))
    assert "存储介质提交" not in flat and "随附存储介质" not in flat and "光盘" not in flat
    assert "投诉人保存" not in flat
    listing = flat[flat.index("证据目录") :]
    assert listing.count(f"原件由{filer}保存，可供核对") >= 3, listing
    assert f"原始录音录像文件无法以纸面呈现，原件由{filer}保存，可供核对" in flat
    assert f"原始文件由{filer}按原样保存，可供核对" in flat
    assert f"请{filer}提供该原始文件" in flat


def test_a_12305_appeal_without_a_complaint_to_the_carrier_stops_until_accepted(library, full_case):
    """The build checks the packet for its destination: a 12305 appeal with no complaint to the carrier recorded
    stops on that warning (a claim to the carrier does not), and is made once the warnings are accepted."""
    from casefile.core.venues import Route

    with pytest.raises(PreflightError) as stopped:
        build(library, full_case, Venue.COURIER_CLAIM, route=Route.POSTAL_REGULATOR)
    assert "no-carrier-complaint" in {f.code for f in stopped.value.findings}
    with pytest.raises(PreflightError) as claim:
        build(library, full_case, Venue.COURIER_CLAIM, route=Route.CARRIER)
    assert "no-carrier-complaint" not in {f.code for f in claim.value.findings}
    assert build(library, full_case, Venue.COURIER_CLAIM, route=Route.POSTAL_REGULATOR, force=True).files
