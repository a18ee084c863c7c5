"""Screenshots of the app for docs/, taken from a real window (run under Xvfb or a desktop).

    DISPLAY=:99 .venv/bin/python tools/screenshots.py LIBRARY [--lang zh_CN]

LIBRARY is a library with cases (tools/sample_bundles.py makes one). Writes docs/app-*.png (the
case list, the overview at its filing questions, the evidence table and grid, the bundle wizard,
the walk-in desk, the redaction editor, the disclosure preview);
``--only redaction`` just the redaction editor (over a waybill, in a library of its own);
``--only disclosure`` just the bundle wizard's disclosure preview for a courier claim;
``--only evidence`` just the evidence tab (序号, 案卷编号, 证据组) and ``--only wizard`` just the
wizard's exhibits step (the evidence order, 证据N of what is ticked); ``--only welcome`` the window
over an empty LIBRARY (the welcome pane) and the 新建案件 form for a courier case, as the screen
shows them (run it on a 1024×700 screen to see what a small screen shows); ``--only screens`` the
welcome pane (over an empty library of its own), 新建案件, the case workspace and the bundle wizard
filling the screen, as docs/screen-WIDTHxHEIGHT-*.png — run it once on a 1024×700 screen and once
on a 1920×1080 one; ``--only review`` the periodic review's dashboard (over the library
tools/sample_workflow.py makes: September to November 2026 by type, and by channel) as
docs/review-dashboard*.png; ``--only timestamps`` an exhibit's trusted timestamp in the evidence details
(docs/timestamp-details.png) and an exhibit still queued (docs/timestamp-queued.png), over a library of
its own stamped by a local test TSA (tests/tsa_server.py: openssl ts -reply); ``--only search`` search
results over every case (退款 in chats, a contract's page, a screenshot's OCR text) and the search of one
case, in a library of its own, as docs/search-results.png and docs/search-in-case.png.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from casefile.core.library import Library  # noqa: E402
from casefile.core.model import set_organisation  # noqa: E402
from casefile.core.settings import Settings  # noqa: E402
from casefile.ui.app import make_application  # noqa: E402
from casefile.ui.context import AppContext  # noqa: E402
from casefile.ui.i18n import install  # noqa: E402
from casefile.ui.main_window import MainWindow  # noqa: E402
from casefile.ui.tasks import TaskRunner  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QDialog, QWidget  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("library", type=Path)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument(
        "--only",
        choices=[
            "redaction",
            "disclosure",
            "evidence",
            "wizard",
            "welcome",
            "screens",
            "review",
            "deadlines",
            "timestamps",
            "search",
        ],
        help="take only this picture",
    )
    args = parser.parse_args()
    app = make_application()
    use_this_checkouts_catalogue()
    install(app, args.lang)
    # No OCR in the background: the status bar as it is at rest, the same in every run.
    settings = Settings(language=args.lang, org_name="上海某某律师事务所", ocr_in_background=False)
    set_organisation(settings.org_name, settings.org_credit_code)  # the firm's cases read as its, as the app does
    library = Library.open(args.library, "李律师")
    ctx = AppContext(library=library, settings=settings, runner=TaskRunner())
    window = MainWindow(ctx)
    window.resize(1360, 820)
    window.show()
    out: Path = args.out
    out.mkdir(exist_ok=True)

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    def shoot() -> None:
        window.cases.select(library.case_numbers()[0])
        settle()
        window.grab().save(str(out / "app-case-list.png"))
        window.workspace.setCurrentWidget(window.workspace.overview)
        window.workspace.overview.focus_field("filing.mediation")  # the filing questions, unfolded
        settle()
        window.workspace.overview.focus_field("filing.mediation")  # scrolled to once laid out
        settle()
        window.grab().save(str(out / "app-overview.png"))
        window.workspace.setCurrentWidget(window.workspace.evidence)
        select_titled(window, "商品外观")  # a photo with EXIF: device, place, capture time
        settle()
        window.grab().save(str(out / "app-evidence.png"))
        window.workspace.evidence.act_grid.trigger()
        for _ in range(100):  # thumbnails arrive from the background, on the reads runner
            app.processEvents()
            if window.workspace.evidence.thumb_task is None:
                break
            window.ctx.reads.wait(100)
        settle()
        window.grab().save(str(out / "app-evidence-grid.png"))
        window.workspace.evidence.act_grid.trigger()
        window.workspace.setCurrentWidget(window.workspace.bundles)
        tab = window.workspace.bundles.wizard
        tab.venue_combo.setCurrentIndex(max(0, tab.venue_combo.findData("court")))
        settle()
        ctx.runner.synchronous = True  # the disclosure preview is worked out in the background; wait for it
        tab._go(2)  # the Check step, as Next, Next would
        tab.run_preflight()
        settle()
        window.grab().save(str(out / "app-bundle-wizard.png"))
        from casefile.ui.walkin import WalkInDialog

        # The walk-in desk as a store's clerk has it: the store issues the receipt (a law firm's name
        # there is what the desk warns about).
        office = ctx.settings
        ctx.settings = dataclasses.replace(office, org_name="某某数码专营店", clerk_id="A017")
        dialog = WalkInDialog(ctx, window)
        dialog.name.setText("王芳")
        dialog.phone.setText("13912345678")
        dialog.product.setText("电动牙刷")
        dialog.amount.setText("299")
        dialog.facts.setPlainText("昨天在本店购买，今天充电后无法开机。")
        dialog.show()
        settle()
        dialog.grab().save(str(out / "app-walkin.png"))
        close_unasked(dialog)
        ctx.settings = office
        shoot_redaction(ctx, window, out, settle)
        shoot_disclosure(ctx, window, out, settle)
        app.quit()

    def only() -> None:
        if args.only == "redaction":
            shoot_redaction(ctx, window, out, settle)
        elif args.only == "evidence":
            shoot_evidence(ctx, window, out, settle)
        elif args.only == "wizard":
            shoot_wizard(ctx, window, out, settle)
        elif args.only == "welcome":
            shoot_welcome(ctx, window, out, settle)
        elif args.only == "screens":
            shoot_screens(ctx, window, out, settle)
        elif args.only == "review":
            shoot_review(ctx, window, out, settle)
        elif args.only == "deadlines":
            shoot_deadlines(ctx, window, out, settle)
        elif args.only == "timestamps":
            shoot_timestamps(ctx, out, settle)
        elif args.only == "search":
            shoot_search(ctx, window, out, settle)
        else:
            shoot_disclosure(ctx, window, out, settle)
        app.quit()

    QTimer.singleShot(800, only if args.only else shoot)
    app.exec()
    library.close()


def close_unasked(dialog: QDialog) -> None:
    """Close a dialog the picture was taken of without its "discard what was typed?" question (no one is
    there to answer it: the run would wait for ever)."""
    if hasattr(dialog, "confirm_discard"):
        dialog.confirm_discard = lambda: True  # type: ignore[attr-defined]
    dialog.reject()


def select_titled(window: MainWindow, title: str) -> None:
    """Select the first exhibit of the evidence list whose title starts with ``title`` (the order changes as
    the sample case does; a row number would pick another exhibit)."""
    from casefile.ui.models import EvidenceModel

    table = window.workspace.evidence.table
    model = table.model()
    for row in range(model.rowCount()):
        if str(model.index(row, EvidenceModel.TITLE).data()).startswith(title):
            table.selectRow(row)
            return
    raise SystemExit(f"no exhibit titled {title}")


def shoot_welcome(ctx: AppContext, window: MainWindow, out: Path, settle: Callable[[], None]) -> None:
    """The welcome pane of an empty library and the 新建案件 form, as the screen shows them."""
    from casefile.ui.new_case import NewCaseDialog

    from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

    screen = QApplication.primaryScreen()
    window.setGeometry(screen.availableGeometry())  # maximised (Xvfb has no window manager to do it)
    settle()
    screen.grabWindow(0).save(str(out / "app-welcome.png"))
    dialog = NewCaseDialog(ctx, window)
    kind = dialog.widget("type")
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData("logistics"))
    for path, text in (
        ("title", "显示器运输途中碎屏"),
        ("complainant.name", "王芳"),
        ("complainant.phone", "13912345678"),
        ("respondent.name", "某某数码旗舰店"),
        ("shipment.waybill_no", "SF1402938475612"),
        ("courier.name", "顺丰速运有限公司"),
    ):
        edit = dialog.widget(path)
        assert isinstance(edit, QLineEdit)
        edit.setText(text)
    dialog.show()
    settle()
    screen.grabWindow(0).save(str(out / "app-new-case.png"))
    close_unasked(dialog)


def shoot_screens(ctx: AppContext, window: MainWindow, out: Path, settle: Callable[[], None]) -> None:
    """The four screens a newcomer meets, filling this screen: welcome, 新建案件, workspace, wizard."""
    import tempfile

    from casefile.ui.new_case import NewCaseDialog

    from PySide6.QtWidgets import QApplication, QComboBox

    screen = QApplication.primaryScreen()
    size = screen.size()
    prefix = f"screen-{size.width()}x{size.height()}"

    def full(widget: QWidget) -> None:
        widget.setGeometry(screen.availableGeometry())  # maximised (Xvfb has no window manager)
        settle()

    with tempfile.TemporaryDirectory() as tmp:
        empty = Library.open(Path(tmp) / "library", "李律师")
        first = MainWindow(AppContext(library=empty, settings=ctx.settings, runner=TaskRunner()))
        first.show()
        full(first)
        screen.grabWindow(0).save(str(out / f"{prefix}-welcome.png"))
        first.close()
        empty.close()
    full(window)
    dialog = NewCaseDialog(ctx, window)
    kind = dialog.widget("type")
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData("quality"))
    dialog.show()
    settle()
    screen.grabWindow(0).save(str(out / f"{prefix}-new-case.png"))
    close_unasked(dialog)
    window.cases.select(ctx.library.case_numbers()[0])
    window.workspace.setCurrentWidget(window.workspace.evidence)
    window.workspace.evidence.table.selectRow(3)
    settle()
    screen.grabWindow(0).save(str(out / f"{prefix}-workspace.png"))
    window.workspace.setCurrentWidget(window.workspace.bundles)
    tab = window.workspace.bundles.wizard
    tab.venue_combo.setCurrentIndex(max(0, tab.venue_combo.findData("court")))
    ctx.runner.synchronous = True  # the disclosure preview is worked out in the background; wait for it
    tab._go(2)  # the Check step, as Next, Next would
    settle()
    screen.grabWindow(0).save(str(out / f"{prefix}-wizard.png"))


def waybill_pdf(path: Path) -> None:
    """A courier's waybill (快递面单) with the receiver's name, phone and address: a third party to redact."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from casefile.core.bundle.pdfkit import FONT, register_fonts

    register_fonts()
    width, height = 100 * mm, 150 * mm
    canvas = Canvas(str(path), pagesize=(width, height), initialFontName=FONT)
    canvas.setFont(FONT, 15)
    canvas.drawString(8 * mm, height - 14 * mm, "顺丰速运　标准快递")
    canvas.setFont(FONT, 9)
    canvas.drawString(8 * mm, height - 21 * mm, "运单号：SF1402938475612")
    for k in range(46):  # a barcode, drawn
        canvas.rect(8 * mm + k * 1.8 * mm, height - 38 * mm, (0.5 + (k * 7 % 3) * 0.35) * mm, 13 * mm, 0, 1)
    rows = [
        ("收件人", "王芳　13912345678"),
        ("收件地址", "北京市朝阳区建国路88号院3号楼501"),
        ("寄件人", "某某数码科技有限公司　400-800-1234"),
        ("寄件地址", "上海市浦东新区某路1号"),
        ("托寄物", "手机 × 1（保价 ¥6,299.00）"),
        ("签收", "＿＿＿＿＿＿＿＿　2026-11-18"),
    ]
    y = height - 50 * mm
    for label, value in rows:
        canvas.setFont(FONT, 8)
        canvas.drawString(8 * mm, y, label)
        canvas.setFont(FONT, 10)
        canvas.drawString(26 * mm, y, value)
        canvas.line(8 * mm, y - 3 * mm, width - 8 * mm, y - 3 * mm)
        y -= 13 * mm
    canvas.showPage()
    canvas.save()


def shoot_disclosure(ctx: AppContext, window: MainWindow, out: Path, settle: Callable[[], None]) -> None:
    """The bundle wizard's check step for a courier claim: what the packet will mask or strip, on 1024×700."""
    ctx.runner.synchronous = True  # the preview is worked out in the background; wait for it here
    window.resize(1024, 700)
    window.cases.select(ctx.library.case_numbers()[0])
    window.workspace.setCurrentWidget(window.workspace.bundles)
    tab = window.workspace.bundles.wizard
    tab.venue_combo.setCurrentIndex(max(0, tab.venue_combo.findData("courier-claim")))
    settle()
    tab._go(2)  # the Check step
    settle()
    window.grab().save(str(out / "app-disclosure.png"))
    window.resize(1360, 820)


def use_this_checkouts_catalogue() -> None:
    """The app's words as this checkout has them (the installed package may map its translations to
    another checkout): its Chinese catalogue compiled into a scratch folder."""
    import subprocess
    import tempfile

    from casefile.ui import i18n
    from tools.i18n import tool

    built = Path(tempfile.mkdtemp(prefix="casefile-i18n-")) / "casefile_zh_CN.qm"
    source = REPO / "i18n" / "casefile_zh_CN.ts"
    subprocess.run([tool("lrelease"), "-silent", str(source), "-qm", str(built)], check=True)
    i18n.catalogue = lambda language: built if language == "zh_CN" else None  # type: ignore[assignment]


def shoot_deadlines(ctx: AppContext, window: MainWindow, out: Path, settle: Callable[[], None]) -> None:
    """The case list with each case's next deadline and the time left, the cases due this week first,
    beside the case that runs out first."""
    from casefile.ui.models import CaseListModel

    from PySide6.QtCore import Qt

    window.resize(1900, 1000)
    window.splitter.setSizes([1300, 600])
    pane = window.cases
    pane.due_this_week.setChecked(False)
    pane.table.sortByColumn(CaseListModel.LEFT, Qt.SortOrder.AscendingOrder)
    pane.table.selectRow(2)  # the overdue case above it shows in red
    for column in (CaseListModel.DUE, CaseListModel.LEFT):
        pane.table.resizeColumnToContents(column)
    settle()
    window.workspace.setCurrentWidget(window.workspace.handling)
    settle()
    window.grab().save(str(out / "app-deadlines.png"))


def shoot_review(ctx: AppContext, window: MainWindow, out: Path, settle: Callable[[], None]) -> None:
    """The periodic review: three months against the three before, grouped by type, then by channel."""
    import time
    from datetime import date

    from casefile.core.review.queries import GroupBy, Period

    def wait_for(ready: Callable[[], bool], what: str) -> None:
        """The window's own work (an import, the figures, the charts drawn one a turn) done, off this thread
        and over several turns of the event loop."""
        for _ in range(1000):
            settle()
            if ready():
                return
            time.sleep(0.01)
        raise SystemExit(f"timed out waiting for {what}")

    window.open_review()  # its module is imported off the window's thread, then the window made
    wait_for(lambda: window.review_window is not None, "the review's window")
    board = window.review_window
    board.resize(1400, 960)
    board.move(0, 0)
    board.set_period(Period(date(2026, 9, 1), date(2026, 11, 30)))
    for by, name in ((GroupBy.TYPE, "review-dashboard.png"), (GroupBy.CHANNEL, "review-dashboard-channel.png")):
        board.set_group(by)
        wait_for(lambda by=by: board.result is not None and board.result.by is by and board.drawn(), "the figures")
        settle()
        board.grab().save(str(out / name))


def shoot_timestamps(ctx: AppContext, out: Path, settle: Callable[[], None]) -> None:
    """An exhibit's RFC 3161 timestamp in the evidence details, verified offline; and one still queued."""
    import tempfile

    from PIL import Image

    sys.path.insert(0, str(REPO / "tests"))
    from tsa_server import TSA, make_ca

    from casefile.core.evidence import add_files
    from casefile.core.library import case_from_fields
    from casefile.core.timestamps.stamping import stamp_case, tsa_from_settings

    work = Path(tempfile.mkdtemp(prefix="casefile-timestamps-"))
    ca = make_ca(work / "ca", "CaseFile 演示根证书")
    cert, key = ca.issue_tsa("演示")
    (work / "tsa").mkdir()
    tsa = TSA(ca, work / "tsa", cert, key)
    tsa.start()
    library = Library.open(work / "library", "李律师")
    settings = Settings(
        language=ctx.settings.language, org_name="上海某某律师事务所", tsa_url=tsa.url, tsa_ca_file=str(ca.pem)
    )
    own = AppContext(library=library, settings=settings, runner=TaskRunner())
    case = library.create_case(
        case_from_fields(
            {"title": "手机屏幕碎裂", "complained_at": "2026-11-20T10:00+08:00", "channel": "online", "type": "quality"}
        )
    )
    first, later = work / "first", work / "later"
    first.mkdir()
    later.mkdir()
    Image.new("RGB", (640, 480), (200, 40, 40)).save(first / "破损照片.jpg", quality=90)
    (first / "聊天记录.txt").write_text("顾客：屏幕碎了\n客服：请提供照片\n", encoding="utf-8")
    (later / "补充说明.txt").write_text("补充说明\n", encoding="utf-8")
    list(add_files(library, case.number, [first]))
    tsa_config = tsa_from_settings(settings)
    assert tsa_config is not None
    stamp_case(library, case.number, tsa_config)
    tsa.down = True
    list(add_files(library, case.number, [later]))
    stamp_case(library, case.number, tsa_config)  # refused: queued
    window = MainWindow(own)
    window.resize(1360, 820)
    window.show()
    window.cases.select(case.number)
    window.splitter.setSizes([260, 1100])
    window.workspace.setCurrentWidget(window.workspace.evidence)
    evidence = window.workspace.evidence
    evidence.select_exhibit(1)
    for _ in range(40):  # the offline check runs in the background
        settle()
        own.reads.wait(50)
    settle()
    evidence.details.browser.scrollToAnchor("timestamp")
    settle()
    window.grab().save(str(out / "timestamp-details.png"))
    evidence.select_exhibit(3)
    settle()
    evidence.details.browser.scrollToAnchor("timestamp")
    settle()
    window.grab().save(str(out / "timestamp-queued.png"))
    window.close()
    tsa.stop()
    library.close()


def shoot_evidence(ctx: AppContext, window: MainWindow, out: Path, settle: Callable[[], None]) -> None:
    """The evidence tab: each exhibit's 证据N in a packet beside its own number and its evidence group."""
    window.cases.select(ctx.library.case_numbers()[0])
    window.workspace.setCurrentWidget(window.workspace.evidence)
    window.workspace.evidence.table.selectRow(3)
    settle()
    window.grab().save(str(out / "app-evidence.png"))


def shoot_wizard(ctx: AppContext, window: MainWindow, out: Path, settle: Callable[[], None]) -> None:
    """The bundle wizard's exhibits step: the case's evidence order, 证据N counting what is ticked."""
    window.cases.select(ctx.library.case_numbers()[0])
    window.workspace.setCurrentWidget(window.workspace.bundles)
    tab = window.workspace.bundles.wizard
    tab.venue_combo.setCurrentIndex(max(0, tab.venue_combo.findData("court")))
    tab._go(1)  # the Exhibits step
    tab.exhibit_list.set_ticked(1, False)  # one left out: those after it move up a number
    tab.exhibit_list.set_current_row(3)
    settle()
    window.grab().save(str(out / "app-bundle-exhibits.png"))


def shoot_redaction(ctx: AppContext, window: MainWindow, out: Path, settle: Callable[[], None]) -> None:
    """The redaction editor on a waybill, in a library of its own (the one given is left as it is)."""
    import tempfile

    from casefile.core.evidence import AddOptions, AddResult, add_files
    from casefile.core.library import case_from_fields
    from casefile.core.model import EvidenceKind
    from casefile.ui.redaction_dialog import RedactionDialog

    from PySide6.QtCore import QRectF

    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "library", "李律师")
        own = AppContext(library=library, settings=ctx.settings, runner=TaskRunner())
        own.runner.synchronous = True
        own.reads.synchronous = True  # the suggestions are read in the background; wait for them here
        case = library.create_case(
            case_from_fields(
                {
                    "title": "快递途中手机屏幕破损",
                    "complained_at": "2026-11-19T10:00+08:00",
                    "channel": "store",
                    "type": "logistics",
                }  # fmt: skip
            )
        )
        waybill = Path(tmp) / "快递面单_SF1402938475612.pdf"
        waybill_pdf(waybill)
        options = AddOptions(kind=EvidenceKind.WAYBILL, title="快递面单", purpose="证明快递由顺丰承运及托寄物保价")
        (added,) = [r for r in add_files(library, case.number, [waybill], options) if isinstance(r, AddResult)]
        assert added.exhibit is not None
        dialog = RedactionDialog(own, case.number, added.exhibit, window)
        dialog.resize(1024, 700)
        dialog.show()
        settle()
        phone = next(i for i in dialog.suggestion_items() if i.suggestion.kind.value == "mobile")
        dialog.accept_suggestion(phone)
        receiver = phone.suggestion.region  # the name stands just before the phone number
        dialog._add_drawn(QRectF(receiver.x - 31, receiver.y, 29, receiver.h))
        dialog.reason.setText("收件人为第三方：遮盖其姓名与手机号")
        dialog.scene.clearSelection()
        dialog.view.fit()
        settle()
        dialog.grab().save(str(out / "app-redaction.png"))
        close_unasked(dialog)
        library.close()


SEARCH_CHATS = {
    "淘宝聊天记录.txt": (
        "2026-11-18 14:30:12 王芳\n收到的手机屏幕是碎的，我要申请退款\n"
        "2026-11-18 14:31:40 客服小美\n亲，麻烦提供开箱视频，核实后为您办理退款\n"
        "2026-11-18 14:35:02 王芳\n视频已发，请尽快处理\n"
    ),
    "微信聊天记录.txt": (
        "2026-11-16 09:12:40 李强\n快递外箱压坏了，里面的咖啡机裂了\n"
        "2026-11-16 09:20:15 店铺客服\n请先拒收，我们登记后安排退款或补发\n"
    ),
}


def chat_screenshot(path: Path) -> None:
    """A chat screenshot (淘宝 style) drawn with the app's CJK font, for the OCR to read."""
    from PIL import Image, ImageDraw, ImageFont

    from casefile.resources import resource_path

    font = ImageFont.truetype(str(resource_path("fonts", "wqy-microhei.ttc")), 28)
    image = Image.new("RGB", (750, 520), (237, 237, 237))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 750, 80), fill=(247, 247, 247))
    draw.text((270, 22), "某某数码旗舰店", font=font, fill=(0, 0, 0))
    bubbles = [
        (True, "屏幕碎了，我要申请退款"),
        (False, "亲，仅退款需要提供开箱视频哦"),
        (True, "订单号 TB20261118001"),
    ]
    y = 120
    for mine, text in bubbles:
        width = int(draw.textlength(text, font=font)) + 40
        left = 710 - width if mine else 40
        draw.rounded_rectangle((left, y, left + width, y + 70), 12, fill=(149, 236, 105) if mine else (255, 255, 255))
        draw.text((left + 20, y + 18), text, font=font, fill=(0, 0, 0))
        y += 110
    image.save(path)


def read_screenshot(library: Library, sha256: str, path: Path) -> None:
    """Read the screenshot's text with RapidOCR and keep it as the file's OCR text (when RapidOCR is here)."""
    from casefile.core.search.query import refresh_file
    from casefile.core.search.texts import DerivedText, PageText, TextBox, TextStore

    try:
        from rapidocr import RapidOCR
    except ImportError:
        print("RapidOCR is not installed: the screenshot is shown without its text")
        return
    found = RapidOCR()(str(path))
    boxes = tuple(
        TextBox(
            float(min(p[0] for p in box)),
            float(min(p[1] for p in box)),
            float(max(p[0] for p in box)),
            float(max(p[1] for p in box)),
            str(text),
            float(score),
        )
        for box, text, score in zip(found.boxes, found.txts, found.scores, strict=True)
    )
    page = PageText(1, "\n".join(found.txts), boxes)
    TextStore(library.root).put(DerivedText(sha256, "ocr", "rapidocr", (page,)))
    refresh_file(library, sha256)


def shoot_search(ctx: AppContext, window: MainWindow, out: Path, settle: Callable[[], None]) -> None:
    """Search results for 退款 over every case, and the search of one case, in a library of its own."""
    import tempfile

    from reportlab.pdfgen.canvas import Canvas

    from casefile.core.bundle.pdfkit import FONT, register_fonts
    from casefile.core.evidence import AddOptions, AddResult, add_files
    from casefile.core.library import case_from_fields
    from casefile.core.model import EvidenceKind

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        library = Library.open(folder / "library", "李律师")
        own = AppContext(library=library, settings=ctx.settings, runner=TaskRunner())
        own.runner.synchronous = True

        def case(title: str, kind: str, at: str, **more: object) -> str:
            fields = {"title": title, "complained_at": at, "channel": "store", "type": kind, **more}
            return library.create_case(case_from_fields(fields)).number

        def add(number: str, path: Path, kind: EvidenceKind, title: str) -> int:
            (added,) = [
                r for r in add_files(library, number, [path], AddOptions(kind=kind, title=title))
                if isinstance(r, AddResult)
            ]  # fmt: skip
            assert added.exhibit is not None
            return added.exhibit.number

        phone = case(
            "手机屏幕碎裂，商家拒绝退款",
            "quality",
            "2026-11-18T16:00+08:00",
            facts="2026年11月18日收到手机，开箱发现屏幕碎裂，要求退款，商家以无开箱视频为由拒绝。",
        )
        coffee = case("快递外箱压坏，咖啡机破裂", "logistics", "2026-11-16T10:00+08:00")
        case("充电宝鼓包", "quality", "2026-11-20T11:00+08:00", facts="使用一周后鼓包，要求更换。")
        for name, text in SEARCH_CHATS.items():
            (folder / name).write_text(text, encoding="utf-8")
        add(phone, folder / "淘宝聊天记录.txt", EvidenceKind.CHAT, "与淘宝客服的聊天记录")
        add(coffee, folder / "微信聊天记录.txt", EvidenceKind.CHAT, "与店铺客服的微信聊天")
        contract = folder / "购买合同.pdf"
        register_fonts()
        sheet = Canvas(str(contract), initialFontName=FONT, invariant=0)  # dated today, as a real one
        pages = [
            ["手机买卖合同", "买方：王芳　卖方：某某数码旗舰店", "商品：手机 1 台，价款 6,299.00 元"],
            ["第五条　退货与退款", "商品送达时存在破损的，买方可在七日内申请退货退款。",
             "卖方应在收到退货后三日内全额退款。"],
            ["第八条　争议解决", "双方协商不成的，可向消费者协会投诉或向人民法院起诉。"],
        ]  # fmt: skip
        for lines in pages:
            for row, line in enumerate(lines):
                sheet.setFont(FONT, 18 if row == 0 else 12)
                sheet.drawString(72, 740 - row * 28, line)
            sheet.showPage()
        sheet.save()
        contract_no = add(phone, contract, EvidenceKind.CONTRACT, "购买合同")
        shot = folder / "订单聊天截图.png"
        chat_screenshot(shot)
        shot_no = add(phone, shot, EvidenceKind.SCREENSHOT, "聊天截图")
        read_screenshot(library, library.load_case(phone).exhibit(shot_no).sha256, shot)

        search_window = MainWindow(own)
        search_window.resize(window.size())
        search_window.show()
        settle()
        search_window.focus_search_all()
        search_window.search.search_for("退款")
        settle()
        hits = search_window.search.model.hits
        row = next(i for i, h in enumerate(hits) if h.exhibit == contract_no)
        search_window.search.list.setCurrentIndex(search_window.search.model.index(row, 0))
        search_window.open_hit(hits[row])
        settle()
        search_window.grab().save(str(out / "search-results.png"))

        search_window.left.setCurrentWidget(search_window.cases)
        evidence = search_window.workspace.evidence
        evidence.open_search("退款")
        settle()
        case_hits = evidence.search.model.hits
        row = next(i for i, h in enumerate(case_hits) if h.exhibit == shot_no)
        evidence.search.list.setCurrentIndex(evidence.search.model.index(row, 0))
        evidence.show_hit(case_hits[row])
        settle()
        search_window.grab().save(str(out / "search-in-case.png"))
        search_window.close()
        library.close()


if __name__ == "__main__":
    main()
