"""The bundle's own pages: exhibit separators, text and media pages, the evidence list,
the integrity annex and the stamp sheet laid over every page."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, TableStyle

from casefile.core import zone
from casefile.core.bundle.consistency import mail_without_zone
from casefile.core.bundle.context import REDACTED_NOTE, BundleContext, ExhibitEntry, Route, Venue, redacted_note
from casefile.core.bundle.handling import complaint_venue, number_given
from casefile.core.bundle.imagepage import NOTE_SIZE
from casefile.core.bundle.pdfkit import (
    BINDING,
    BOTTOM,
    CAPTION_LEADING,
    CAPTION_LINES,
    CAPTION_SIZE,
    FONT,
    LONG_VALUE_NOTE,
    OUTER,
    PAGE,
    PICTURE_TOP,
    SANS,
    SERIF,
    STAMP_EDGE,
    STAMP_SIZE,
    WUHAO,
    CjkParagraph,
    CommandBlock,
    TextLines,
    blank,
    esc,
    grid,
    heading,
    new_canvas,
    para,
    qr_drawing,
    sign_here,
    styles,
    wrap_text,
)
from casefile.core.disclosure import DisclosureAction
from casefile.core.disclosure.photos import STRIPPED_NOTE
from casefile.core.fsutil import human_size
from casefile.core.law import cite_many as law_cite_many
from casefile.core.law import cite_on
from casefile.core.metadata import default_stamp
from casefile.core.model import Case, CaseType, EvidenceKind, Exhibit, Stamp, Transcript
from casefile.core.numbering import group_runs, groups_in_order, own_name
from casefile.core.record.roles import claim_parties
from casefile.core.scans import DOCUMENTARY_KINDS as DOCUMENTARY_KINDS
from casefile.core.scans import evidence_form as evidence_form
from casefile.core.scans import form_needs_pages as form_needs_pages
from casefile.core.scans import picture_of_paper as picture_of_paper
from casefile.core.sniff import decode_text, mail_text
from casefile.core.textsafe import visible
from casefile.core.timestamps.roots import fingerprint_text, is_pinned
from casefile.core.transcripts import recording_times

KIND_NAMES = {
    EvidenceKind.PHOTO: "照片",
    EvidenceKind.SCREENSHOT: "截图",
    EvidenceKind.AUDIO: "录音",
    EvidenceKind.VIDEO: "视频",
    EvidenceKind.DOCUMENT: "文件",
    EvidenceKind.CHAT: "聊天记录",
    EvidenceKind.EMAIL: "电子邮件",
    EvidenceKind.WAYBILL: "运单",
    EvidenceKind.RECEIPT: "票据/凭证",
    EvidenceKind.CONTRACT: "合同",
    EvidenceKind.ARBITRATION_AGREEMENT: "仲裁协议",
    EvidenceKind.OTHER: "其他",
}

TIME_SOURCES = {
    "exif": "照片EXIF拍摄时间",
    "container": "文件内部记录的形成时间",
    "file-name": "文件名中的时间",
    "file-mtime": "文件修改时间，复制或下载时可能改变，仅供参考",
    "user": "经办人核实后填写",
}

MAX_TEXT_BYTES = 4 << 20  # text exhibits beyond this print their first 4 MiB and say so


def entry_form(entry: ExhibitEntry) -> str:
    """The 证据形式 of what a packet prints for ``entry``: a redacted copy standing in for its original is what
    its original is, unless the user said otherwise of the copy itself."""
    e = entry.exhibit
    if entry.original is not None and e.paper is None:
        return evidence_form(entry.original)
    return evidence_form(e, entry.image_only)


ON_MEDIUM = "原始载体（随附存储介质）"


def kept_by(holder: str) -> str:
    """The evidence list's 原件/复印件 for an original the filer keeps: 原件由投诉人保存，可供核对."""
    return f"原件由{holder}保存，可供核对"


KEPT_BY_COMPLAINANT = kept_by("投诉人")


def originals_kept(ctx: BundleContext) -> str:
    """Who keeps the packet's originals when they stay with the filer instead of going in on a storage medium
    (投诉人, 索赔人, 申诉人: the route's filer), else "": a 消协 keeps no originals and asks for copies, and 12315
    asks for copies or e-copies with the originals kept for checking (both routes' notes say so; an online 12315
    filing cannot carry a disc); a claim to a carrier and an appeal to 12305 enclose no medium either (neither
    letter has a 附 for one, and 12305 is filed by phone, online, WeChat, letter or fax), so the claimant keeps
    the originals for checking. An arbitration or a court packet hands in a copy on a disc or USB stick with
    each set, the original carrier kept for checking (证据规定 art. 15: :func:`medium_sets`)."""
    if ctx.venue not in (Venue.CONSUMER_ASSOCIATION, Venue.COURIER_CLAIM):
        return ""
    return ctx.route.filer if ctx.route is not None else "投诉人"


def medium_sets(ctx: BundleContext) -> int:
    """How many storage media an arbitration or a court packet hands in: one with each set of the evidence
    (:func:`list_copies`), so that the list's 份数, the 附 and the medium agree; 0 for the other packets, whose
    originals stay with the filer (:func:`originals_kept`)."""
    return list_copies(ctx) if ctx.venue in (Venue.ARBITRATION, Venue.COURT) else 0


def original_form(entry: ExhibitEntry, form: str | None = None, *, kept: str = "", copies: int = 0) -> str:
    """The evidence list's 原件/复印件 for what the packet's pages hold of ``entry``: a recording, or a file its
    page says cannot be printed, goes in on a storage medium (视听资料: the original carrier, 证据规定 art. 15),
    or, ``kept`` (:func:`originals_kept`: who keeps it), stays with the filer for checking; a picture of a paper
    is a copy (复印件); other electronic data is printed out directly from it, which counts as its original (art.
    15 again). ``copies``: the storage media handed in (:func:`medium_sets`); a copy on them is not the original
    carrier (art. 15), which is the device that made the recording, kept for checking."""
    if entry.on_medium:
        if kept:
            return kept_by(kept)
        if copies:
            # Short, for the list's narrow column: the annex names the device (原件来源及所在).
            return f"复制件随附存储介质{copies}份，原始载体可供核对"
        return ON_MEDIUM
    return "复印件" if (form or entry_form(entry)) == "书证" else "电子数据打印件"


def fmt_time(value: datetime | None) -> str:
    """A time in the zone times are shown in (casefile.core.zone), named: "(北京时间)" or its offset."""
    if value is None:
        return ""
    return f"{zone.shown(value):%Y-%m-%d %H:%M:%S} ({zone.offset_label(value) or '北京时间'})"


def short_time(value: datetime | None) -> str:
    """A time in the zone times are shown in; its offset beside it when that is not Beijing time."""
    return zone.show(value, "%Y-%m-%d %H:%M:%S") if value else "—"


def column_time(value: datetime | None) -> str:
    """A time in a column whose heading names the zone (:func:`zone_name`): no offset beside it."""
    return zone.show(value, "%Y-%m-%d %H:%M:%S", offset=False) if value else "—"


def zone_name() -> str:
    """The zone times are shown in, as a column heading names it: UTC+08:00, or the computer's offset now."""
    return zone.offset_label(zone.now()) or "UTC+08:00"


def file_format(exhibit: Exhibit) -> str:
    ext = Path(exhibit.original_name).suffix.lstrip(".").upper()
    return f"{ext or '无扩展名'}（{exhibit.mime or '未知'}）"


def hash_text(digest: str) -> str:
    """A full hash broken in two so it fits a table cell and stays copyable."""
    return f"{digest[:32]}<br/>{digest[32:]}" if len(digest) == 64 else esc(digest)


# --------------------------------------------------------------------------- separator pages


# The sides of a pleading, by the names the packet gives the complainant and the one complained about.
_PLEADING_SIDES = {Venue.COURT: ("原告", "被告"), Venue.ARBITRATION: ("申请人", "被申请人")}


def as_filed(ctx: BundleContext, text: str) -> str:
    """An exhibit's source or purpose as the packet's pleading words it: the complaint's sides (投诉人, 被投诉人,
    我: our user's side) by the names this packet gives them (原告, 被告; 申请人, 被申请人). A courier claim or
    12305 appeal names each side by its part there (索赔人/申诉人, the carrier, 收件人: ``courier_words``); the
    消协 and 12315 keep the words typed."""
    if ctx.venue is Venue.COURIER_CLAIM and text:
        from casefile.core.bundle.documents.common import courier_words

        return courier_words(ctx, text)
    sides = _PLEADING_SIDES.get(ctx.venue)
    if sides is None or not text:
        return text
    from casefile.core.bundle.documents.common import Sides, _as_pleaded, _keeper

    # 我 is whoever typed it: our user's side (the complainant when not said).
    return _as_pleaded(text, Sides(*sides), _keeper(ctx))


def separator_rows(
    e: Exhibit,
    *,
    show_location: bool = True,
    original: Exhibit | None = None,
    printed_sha256: str = "",
    group: str = "",
    words: Callable[[str], str] = str,
    form: str = "",
    since: datetime | None = None,
    redaction: str = REDACTED_NOTE,
) -> list[tuple[str, str]]:
    """The exhibit's facts for its separator page: what it is, when and how it was made, its hashes.

    ``original``: ``e`` is a redacted copy printed in its place; both hashes are given.
    ``printed_sha256``: the photo is printed from its copy without metadata, whose hash this is.
    ``group``: the 证据组 it belongs to in this packet.
    ``words``: the source and purpose as the packet words them (:func:`as_filed`).
    ``form``: its 证据形式 in this packet (:func:`entry_form`); :func:`evidence_form` of ``e`` by default.
    ``since``: the case's first event (:func:`case_since`), against which a stated time is judged.
    ``redaction``: what is said of the redacted copy (:func:`~casefile.core.bundle.context.redacted_note`).
    """
    rows = [
        ("证据名称", e.title),
        *([("证据组", group)] if group else []),
        ("证据种类", f"{KIND_NAMES[e.kind]}（{form or evidence_form(e)}）"),
        ("证据来源", blank(words(e.source), 12)),
        ("证明目的", blank(words(e.purpose), 20)),
        ("原始文件名", e.original_name),
        ("文件格式 / 大小", f"{file_format(e)} / {human_size(e.size)}（{e.size} 字节）"),
        ("形成/拍摄时间", capture_text(e, since)),
        *metadata_rows(e, show_location=show_location, stripped=bool(printed_sha256)),
        ("导入时间 / 导入人", f"{fmt_time(e.added_at)} / {e.added_by}"),
    ]
    # Two files' hashes: say which is which (a redacted copy's own, or a photo's original beside its copy).
    original_label = "遮盖件" if original is not None else "原始文件" if printed_sha256 else ""
    rows.append((f"{original_label}SHA-256", f"{e.sha256[:32]}\n{e.sha256[32:]}"))
    if e.sm3:
        rows.append((f"{original_label}SM3", f"{e.sm3[:32]}\n{e.sm3[32:]}"))
    if original is not None:
        rows.append(("原件SHA-256", f"{original.sha256[:32]}\n{original.sha256[32:]}"))
        where = f"原件：{original.original_name}，{own_name(original.number)}"
        rows.append(("遮盖说明", f"{redaction}（{where}）"))
    if printed_sha256:
        rows.append(("输出件SHA-256", f"{printed_sha256[:32]}\n{printed_sha256[32:]}"))
        note = "输出件即本材料所嵌入的照片文件：其图像数据与原件逐字节一致，文件整体与原件不同，故两者SHA-256值不同。"
        rows.append(("照片元数据", f"{STRIPPED_NOTE}。{note}"))
    notes = "；".join(n for n in (shown_capture(e, since).doubt, _flag_notes(e)) if n)
    if notes:
        rows.append(("备注", notes))
    return rows


LONG_BEFORE = timedelta(days=2 * 365)  # a file stating it was made this long before the case's first event


def case_since(case: Case) -> datetime | None:
    """The case's first known event: the purchase, its timeline's first event, or the complaint."""
    times = [t for t in (case.transaction.purchased_at, case.complained_at) if t is not None]
    times += [event.at for event in case.timeline if getattr(event, "at", None) is not None]
    return min(times) if times else None


@dataclass(frozen=True)
class ShownCapture:
    """The 形成时间 a packet prints for an exhibit, and why the time the file states was set aside, if it was."""

    at: datetime | None
    source: str
    doubt: str = ""  # for 备注: the stated time, why it cannot be the time the file was made, 请核实


def shown_capture(e: Exhibit, since: datetime | None = None) -> ShownCapture:
    """The capture time as the packet presents it (the record is not changed).

    A time the file's container states (a PDF's creation date...) that is a software default (2000-01-01,
    1970...) or years before the case's first event (``since``) is no time the file was made: the packet falls
    back as the capture-time rule does (the time in the file name, else the file's modification time) and says
    in 备注 what the file stated, to be checked. A PDF whose default creation date was set aside when it was
    added says so too. A time set by hand is shown as set.
    """
    stated = e.captured_at
    if e.captured_at_source == "container" and stated is not None:
        why = ""
        if default_stamp(stated):
            why = "系软件常见的默认时间"
        elif since is not None and stated < since - LONG_BEFORE:
            why = "早于本案事实发生时间数年"
        if why:
            at, source = _fallback_time(e)
            doubt = f"文件内部记录的形成时间为{fmt_time(stated)}，{why}，未作为形成时间，请核实"
            return ShownCapture(at, source, doubt)
    if e.captured_at_source not in ("container", "user") and e.metadata.pdf_created:
        created = _parsed(e.metadata.pdf_created)
        if created is not None and default_stamp(created):
            doubt = f"文件内部记录的形成时间为{fmt_time(created)}，系软件常见的默认时间，未作为形成时间，请核实"
            return ShownCapture(stated, e.captured_at_source, doubt)
    return ShownCapture(stated, e.captured_at_source, exif_set_aside(e))


_INSTEAD = {"file-name": "文件名中的时间", "file-mtime": "文件修改时间"}


def exif_set_aside(e: Exhibit) -> str:
    """Why the photo's EXIF time is not the time shown, when it was set aside at import (a camera whose clock was
    never set writes 1970-01-01; a damaged one writes no time at all) and the file's name or modification time
    stands in for it: "" otherwise."""
    meta = e.metadata
    instead = _INSTEAD.get(e.captured_at_source)
    if not meta.exif_time_ignored or instead is None:
        return ""
    stated = meta.exif_time_raw or meta.exif_time.replace("T", " ")
    if meta.exif_time_ignored == "camera clock not set":
        return f"照片EXIF记录的拍摄时间为{stated}，相机时钟未设置，已改用{instead}"
    return f"照片EXIF记录的拍摄时间“{stated}”不是有效时间，已改用{instead}"


def _parsed(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _fallback_time(e: Exhibit) -> tuple[datetime | None, str]:
    """The capture-time rule's next steps (casefile.core.metadata): the file name's time, the file's own time."""
    named = _parsed(e.metadata.file_name_time) if e.metadata.file_name_time else None
    if named is not None:
        return named, "file-name"
    if e.file_modified_at is not None and not default_stamp(e.file_modified_at):
        return e.file_modified_at, "file-mtime"
    return None, ""


def capture_text(e: Exhibit, since: datetime | None = None) -> str:
    """When the file was made, and what says so (the stated rule: EXIF > container > name > file time)."""
    shown = shown_capture(e, since)
    if shown.at is None:
        return "未知"
    source = TIME_SOURCES.get(shown.source, shown.source)
    text = fmt_time(shown.at)
    if shown.source == "file-name" or (e.metadata.time_without_offset and shown.source == "exif"):
        text = shown.at.strftime("%Y-%m-%d %H:%M:%S") + "（设备本地时间，未记录时区）"
    elif shown.source == "container" and mail_without_zone(e):
        text = shown.at.strftime("%Y-%m-%d %H:%M:%S") + "（邮件发送时间，未记录时区）"
    return f"{text}（依据：{source}）" if source else text


def metadata_rows(e: Exhibit, *, show_location: bool = True, stripped: bool = False) -> list[tuple[str, str]]:
    """What the file says about itself: device, size, place, pages, length, mail headers.

    ``stripped``: the photo is printed from its copy without metadata (its position included).
    """
    meta = e.metadata
    rows: list[tuple[str, str]] = []
    device = visible(meta.device_name())  # the file's own words: a direction or zero-width character shown
    if device and isinstance(meta.cut, list) and {"camera_make", "camera_model"} & set(meta.cut):
        device += CUT_MARK
    if meta.software:
        software = visible(meta.software) + (CUT_MARK if isinstance(meta.cut, list) and "software" in meta.cut else "")
        device = f"{device}（软件：{software}）" if device else f"软件：{software}"
    if device:
        rows.append(("拍摄/录制设备", device))
    if meta.width and meta.height:
        size = f"{meta.width} × {meta.height} 像素"
        if meta.duration:
            size += f"；时长 {_duration(meta.duration)}"
        rows.append(("画面尺寸", size))
    elif meta.duration:
        rows.append(("时长", _duration(meta.duration)))
    if meta.gps is not None:
        if show_location:
            place = f"纬度 {meta.gps.lat:.6f}，经度 {meta.gps.lon:.6f}"
            if meta.gps.alt is not None:
                place += f"，海拔 {meta.gps.alt} 米"
            rows.append(("拍摄位置（GPS）", place))
        elif stripped:
            place = "原件含位置信息；为保护个人信息未打印，并已从本材料所附照片中去除，原件可供核对"
            rows.append(("拍摄位置（GPS）", place))
        else:
            rows.append(("拍摄位置（GPS）", "文件含位置信息；为保护个人信息未打印，原件可供核对"))
    if meta.pages:
        pdf = f"共 {meta.pages} 页"
        if meta.producer:
            pdf += f"；生成软件：{meta.producer}"
        rows.append(("页数", pdf))
    mail = meta.email
    if mail is not None:
        cut = set(meta.cut) if isinstance(meta.cut, list) else set()
        for value, label, key in (
            (mail.sender, "发件人", "email.from"),
            (mail.to, "收件人", "email.to"),
            (mail.date, "发送时间", "email.date"),
            (mail.subject, "主题", "email.subject"),
        ):
            if value:
                rows.append((label, f"{value}{CUT_MARK}" if key in cut else value))
    return rows


CUT_MARK = "（已截断）"  # after a value the file holds more of than was read at import


def qr_payload(case_number: str, label: str, sha256: str, number: int | None = None) -> str:
    """Upper-case ASCII so the code stays small (QR alphanumeric mode) and any reader decodes it.

    ``E3``: 证据3 of the packet; ``NO5``: its own number in the case (案卷编号5).
    """
    own = f":NO{number}" if number is not None else ""
    return f"CASEFILE:{case_number}:E{label}{own}:SHA256:{sha256.upper()}"


SEPARATOR_VALUE_CHARS = 2000  # a value longer than this is cut before it is even wrapped
CUT_NOTE = LONG_VALUE_NOTE.removesuffix("）") + "；全文见证据目录）"  # ……（此项过长，以下从略；全文见证据目录）
# The rows a cover may cut: the evidence list prints them whole (its 证据名称, 证据来源 and 证明目的 columns).
# Every other row says what only the cover says (what the file holds, what the packet did to it: a photo's
# metadata removed, its position not printed, its hashes) and is printed whole, on a continuation page if
# need be.
LISTED_ROWS = frozenset({"证据名称", "证据来源", "证明目的"})
CONTINUED = "（续）"
CONTINUED_BELOW = "（本表下页续）"
# A cover's QR code at the foot of the page (its lowest place under the table), and the least gap above it.
QR_LOW = BOTTOM + 6 * mm
QR_LOW_GAP = 3 * mm


def render_separators(
    path: Path,
    ctx: BundleContext,
    entries: Sequence[ExhibitEntry] | None = None,
    *,
    counts: list[int] | None = None,
) -> int:
    """The separator (cover) pages of each exhibit of ``entries`` (all of the packet's by default), drawn
    straight onto the canvas (fast: no layout engine); return the page count, and append each exhibit's
    to ``counts``.

    A cover is one page, its QR code under its table. On a crowded one, the rows the evidence list prints
    whole (title, source, purpose) are cut to fit, the cut marked; every other row is printed whole, and
    what still does not fit goes on to a continuation page headed 证据N（续）.
    """
    entries = ctx.entries if entries is None else entries
    since = case_since(ctx.case)
    canvas = new_canvas(path)
    width, height = PAGE
    left, right = BINDING, width - OUTER
    label_w = 34 * mm
    size, leading, pad = 10.0, 13.0, 4.0
    qr_size = 40 * mm
    text = _CanvasText(canvas)
    middle = (left + right) / 2
    value_w = right - left - label_w - 2 * pad
    first_floor = BOTTOM + 10 * mm + qr_size + 6 * mm  # the table ends above it on the first page…
    next_floor = BOTTOM + 10 * mm  # …and above the page stamp on a continuation page
    total = 0
    for entry in entries:
        e = entry.exhibit
        canvas.setFillColor(colors.black)
        canvas.addLiteral(text.line(middle, height - 39 * mm, 26, entry.name, font=SANS, align=0.5))
        # Its own number under the packet's: how the exhibit is found in the case file (the app, the log).
        canvas.addLiteral(text.line(middle, height - 47 * mm, 11, f"（{own_name(e.number)}）", font=SANS, align=0.5))
        y = height - 58 * mm
        title = wrap_text(e.title[:SEPARATOR_VALUE_CHARS], 16, right - left, SANS)
        if len(title) > 3:
            title = [*title[:2], _cut_line(title[2], 16, right - left, "……", SANS)]
        for line in title:
            canvas.addLiteral(text.line(middle, y, 16, line, font=SANS, align=0.5))
            y -= 22
        y -= 10
        rows = cover_rows(ctx, entry, since)
        wrapped = [wrap_text(value[:SEPARATOR_VALUE_CHARS], size, value_w, SERIF) for _label, value in rows]
        whole = [i for i, (label, _value) in enumerate(rows) if label not in LISTED_ROWS]
        pages, low_qr = _cover_layout(
            [label for label, _value in rows],
            wrapped,
            whole,
            [y - first_floor, y - (QR_LOW + qr_size + QR_LOW_GAP)],
            height - 58 * mm - next_floor,
            (size, leading, pad, value_w),
        )
        for n, page in enumerate(pages):
            if n:
                canvas.showPage()
                canvas.setFillColor(colors.black)
                canvas.addLiteral(text.line(middle, height - 39 * mm, 26, entry.name + CONTINUED, font=SANS, align=0.5))
                canvas.addLiteral(
                    text.line(middle, height - 47 * mm, 11, f"（{own_name(e.number)}）", font=SANS, align=0.5)
                )
                y = height - 58 * mm
            canvas.setLineWidth(0.5)
            for label, lines in page:
                row_h = max(1, len(lines)) * leading + 2 * pad
                canvas.rect(left, y - row_h, label_w, row_h, stroke=1, fill=0)
                canvas.rect(left + label_w, y - row_h, right - left - label_w, row_h, stroke=1, fill=0)
                canvas.addLiteral(text.line(left + pad, y - pad - size, 9, label, font=SANS))
                for k, line in enumerate(lines):
                    x = left + label_w + pad
                    canvas.addLiteral(text.line(x, y - pad - size - k * leading, size, line, font=SERIF))
                y -= row_h
            if n + 1 < len(pages):
                canvas.addLiteral(text.line(right, y - 4 * mm, 9, CONTINUED_BELOW, font=SANS, align=1.0))
            if n == 0:  # the QR code under the table, or at the page's foot when that keeps the cover to one page
                qr_y = QR_LOW if low_qr else y - 10 * mm - qr_size
                qr = qr_drawing(qr_payload(ctx.case.number, entry.label, e.sha256, e.number), qr_size)
                qr.draw_at(canvas, left + 10 * mm, qr_y)
                canvas.setFillColor(colors.HexColor("#333333"))
                note = (
                    "二维码内容：案件编号、证据序号、案卷编号及遮盖件SHA-256值；原件SHA-256见封面表格，原件可供核对。"
                    if entry.original is not None
                    else "二维码内容：案件编号、证据序号、案卷编号及原始文件SHA-256值，扫码可与原件核对。"
                )
                for k, line in enumerate(wrap_text(note, 8.5, right - left - qr_size - 25 * mm)):
                    canvas.addLiteral(
                        text.line(left + qr_size + 20 * mm, qr_y + qr_size / 2 - k * 12, 8.5, line, font=SANS)
                    )
                canvas.setFillColor(colors.black)
        canvas.showPage()
        total += len(pages)
        if counts is not None:
            counts.append(len(pages))
    canvas.save()
    return total


def cover_rows(ctx: BundleContext, entry: ExhibitEntry, since: datetime | None = None) -> list[tuple[str, str]]:
    """The rows of ``entry``'s cover in this packet, whole (``since``: :func:`case_since` of the case)."""
    return separator_rows(
        entry.exhibit,
        show_location=ctx.shows_location,
        original=entry.original,
        printed_sha256=printed_photo_sha256(ctx, entry),
        group=entry.group,
        words=lambda text: as_filed(ctx, text),
        form=entry_form(entry),
        since=since,
        redaction=redacted_note(entry),
    )


def _cover_layout(
    labels: list[str],
    lines: list[list[str]],
    whole: list[int],
    firsts: list[float],
    rest: float,
    metrics: tuple[float, float, float, float],
) -> tuple[list[list[tuple[str, list[str]]]], bool]:
    """A cover's rows (``labels``, each row's wrapped ``lines``; the rows at ``whole`` never cut) fitted and laid
    out on its pages (:func:`_fit_lines`, :func:`_cover_pages`): ``firsts`` are the points the first page has for
    the table with the QR code under it, then with the code at the page's foot. The code goes to the foot only
    when that keeps the cover to one page (a continuation page carrying one short row helps no reader); True
    then. ``metrics``: font size, leading, cell padding and the value column's width."""
    size, leading, pad, width = metrics
    chosen: list[list[tuple[str, list[str]]]] = []
    for k, first in enumerate(firsts):
        room = first - len(labels) * 2 * pad
        fitted = _fit_lines(lines, max(len(labels), int(room // leading)), size, width, keep=whole)
        pages = _cover_pages(list(zip(labels, fitted, strict=True)), first, rest, leading, pad)
        if k == 0:
            chosen = pages
        if len(pages) == 1:
            return pages, k > 0
    return chosen, False


def _cover_pages(
    rows: list[tuple[str, list[str]]], first: float, rest: float, leading: float, pad: float
) -> list[list[tuple[str, list[str]]]]:
    """``rows`` (label, lines) laid out on a cover's pages: ``first`` points high on its first page, ``rest`` on
    each continuation page. A row goes whole to the next page when it does not fit in what is left of one; a row
    taller than a whole page is split where the page ends, its label marked （续） where it goes on."""
    pages: list[list[tuple[str, list[str]]]] = [[]]
    left = first
    for label, lines in rows:
        lines = lines or [""]
        while lines:
            need = len(lines) * leading + 2 * pad
            if need <= left:
                pages[-1].append((label, lines))
                left -= need
                break
            fit = int((left - 2 * pad) // leading)
            if need > rest and fit >= 1:  # whole on no page: what fits here, the rest on the next
                pages[-1].append((label, lines[:fit]))
                lines = lines[fit:]
                label = label if label.endswith(CONTINUED) else label + CONTINUED
            pages.append([])
            left = rest
    return pages


def printed_photo_sha256(ctx: BundleContext, entry: ExhibitEntry) -> str:
    """The SHA-256 of the photo copy without metadata this packet carries for ``entry`` ("" if none).

    Read from the packet's disclosure report, where the photo's page recorded it.
    """
    if entry.exhibit.mime != "image/jpeg":
        return ""
    for item in ctx.report.at(entry.name):
        if item.action is DisclosureAction.STRIPPED and item.printed_sha256:
            return item.printed_sha256
    return ""


def _fit_lines(
    rows: list[list[str]], room: int, size: float, width: float, keep: Collection[int] = ()
) -> list[list[str]]:
    """Cut the longest rows (to the same number of lines) until all fit in ``room`` lines, then give the lines
    still free back to the rows cut, in order. The rows at the indices ``keep`` (all but :data:`LISTED_ROWS`: a
    digest cut short proves nothing, a note on the metadata cut short reads as hiding it) are never cut, though
    they may then need more than ``room``; the others make room."""
    if sum(len(r) for r in rows) <= room:
        return rows
    kept = sum(len(r) for i, r in enumerate(rows) if i in keep)
    others = [r for i, r in enumerate(rows) if i not in keep]
    if not others:
        return rows
    cap = max(len(r) for r in others)
    while cap > 1 and kept + sum(min(len(r), cap) for r in others) > room:
        cap -= 1
    lines = [len(r) if i in keep else min(len(r), cap) for i, r in enumerate(rows)]
    spare = room - sum(lines)
    for i, r in enumerate(rows):
        if spare <= 0:
            break
        if i not in keep and len(r) > lines[i]:
            more = min(spare, len(r) - lines[i])
            lines[i] += more
            spare -= more
    return [
        r if len(r) <= n else [*r[: n - 1], _cut_line(r[n - 1], size, width, CUT_NOTE, SERIF)]
        for r, n in zip(rows, lines, strict=True)
    ]


def _cut_line(line: str, size: float, width: float, note: str, font: str = FONT) -> str:
    """``line`` shortened so that ``note`` fits after it on the same line."""
    room = width - pdfmetrics.stringWidth(note, font, size)
    while line and pdfmetrics.stringWidth(line, font, size) > room:
        line = line[: max(0, len(line) - max(1, len(line) // 8))]
    return line + note if room > 0 else note


FLAG_NOTES = {
    "empty": "空文件（0字节）",
    "unknown-format": "无法识别的文件格式",
    "extension-mismatch": "扩展名与文件内容不符",
    "broken": "文件已损坏或无法解析",
    "encrypted": "文件已加密",
    "truncated": "文件不完整（可能被截断）",
    "captured-after-added": "文件记录的形成时间晚于导入时间，设备时钟可能有误，请核实",
    "time-disagrees": "文件修改时间与文件记录的形成时间相差较大，请核实",
    "edited": "文件元数据显示其曾经软件处理或另存",
    "metadata-unavailable": "元数据无法读取",
}


# Why a file's metadata could not be read, as a packet words it: metadata_error is the English reason the
# reader recorded (casefile.core.metadata, casefile.core.media), for the log and the app, never printed as it is
# in a Chinese packet. Matched on the reason's words; an exception's own text gets the general wording.
METADATA_PROBLEMS = (
    ("needs a password", "需要密码才能打开"),
    ("decompression bomb", "图片尺寸过大，无法安全打开"),
    ("not a readable image", "不是可识别的图片格式"),
    ("not a SILK voice note", "不是有效的 SILK 语音文件"),
    ("truncated", "文件不完整（可能被截断）"),
)
METADATA_PROBLEM_OTHER = "文件内容无法解析（可能已损坏或格式不受支持）"
# Flags that say the file itself is damaged: a general reason the metadata could not be read says no more.
_DAMAGE_FLAGS = ("truncated", "broken")
_SAID_BY_DAMAGE = (METADATA_PROBLEM_OTHER, "文件不完整（可能被截断）")


def metadata_problem(error: str) -> str:
    """The Chinese wording of a file's ``metadata_error`` for a packet (see :data:`METADATA_PROBLEMS`)."""
    lowered = error.lower()
    for words, text in METADATA_PROBLEMS:
        if words.lower() in lowered:
            return text
    return METADATA_PROBLEM_OTHER


def _flag_notes(e: Exhibit) -> str:
    """The exhibit's flags as 备注 says them, each thing once: a truncated file is not also said to be broken,
    nor its metadata unreadable because its content cannot be parsed (the damage is the reason)."""
    notes = []
    damaged = any(flag in e.flags for flag in _DAMAGE_FLAGS)
    for flag in e.flags:
        if flag == "broken" and "truncated" in e.flags:
            continue  # the more specific of the two
        note = FLAG_NOTES.get(flag, flag)
        if flag == "metadata-unavailable" and e.metadata.metadata_error:
            problem = metadata_problem(e.metadata.metadata_error)
            if not (damaged and problem in _SAID_BY_DAMAGE):
                note += f"：{problem}"
        if flag == "edited" and e.metadata.software:
            note += f"（{visible(e.metadata.software)}）"
        notes.append(note)
    return "；".join(notes)


# --------------------------------------------------------------------------- exhibit content pages


@dataclass(frozen=True)
class TextPages:
    flowables: list[Flowable]
    printed_sha256: str = ""  # when masked: the SHA-256 of the printed text (UTF-8), beside the original's


def text_flowables(
    entry: ExhibitEntry, data: bytes, *, cut: bool = False, mask: Callable[[str], str] | None = None
) -> TextPages:
    """A text, chat or email file, printed from ``data`` (its first bytes; ``cut``: there were more).

    The caller read ``data`` with the file's hash checked (casefile.core.store). ``mask`` is the
    destination's masker: what it changes (a third party's number in a chat, say) is printed
    masked, and the page then says so and gives both hashes, the original file's and the
    printed text's. The text is wrapped in linear time and drawn line by line, so a file that
    is one 5 MB line costs what five thousand short lines cost.
    """
    e = entry.exhibit
    data = data[:MAX_TEXT_BYTES]
    header_rows: list[list[str]] = []
    if e.mime == "message/rfc822" or e.kind is EvidenceKind.EMAIL:
        header_rows, text = mail_text(data)
    else:
        text = decode_text(data)
    printed_sha256 = ""
    if mask is not None:
        shown_rows = [[name, mask(value)] for name, value in header_rows]
        shown = mask(text)
        if shown != text or shown_rows != header_rows:
            header_rows, text = shown_rows, shown
            printed = "".join(f"{n}: {v}\n" for n, v in header_rows) + text
            printed_sha256 = hashlib.sha256(printed.encode("utf-8")).hexdigest()
    story: list[Flowable] = []
    if printed_sha256:
        story += [
            CjkParagraph("第三方信息已遮盖，原件可供核对。", styles()["body"]),
            CjkParagraph(f"原始文件SHA-256：{esc(e.sha256)}", styles()["small"]),
            CjkParagraph(f"遮盖后输出文本（UTF-8）SHA-256：{printed_sha256}", styles()["small"]),
            Spacer(1, 3 * mm),
        ]
    if header_rows:
        story += [
            grid(header_rows, [24 * mm, 146 * mm], header=False, cell_style="mono", labels=True),
            Spacer(1, 4 * mm),
        ]
    style = styles()["mono"]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n")
    story.append(TextLines(lines, style.fontSize, style.leading))
    if cut:
        story.append(
            CjkParagraph(
                f"（文件超过 {MAX_TEXT_BYTES >> 20} MB，此处仅输出前 {MAX_TEXT_BYTES >> 20} MB，完整内容见原始文件。）",
                styles()["small"],
            )
        )
    heading = "文本内容（已遮盖第三方信息）" if printed_sha256 else "文本内容（原文逐字输出）"
    flowables = [CjkParagraph(f"证据{esc(entry.label)}　{heading}", styles()["h2"]), Spacer(1, 2 * mm), *story]
    return TextPages(flowables, printed_sha256)


def disclosed_text(ctx: BundleContext, entry: ExhibitEntry, data: bytes, *, cut: bool = False) -> TextPages:
    """A text exhibit's pages as the destination may see them; what was masked goes in the report."""
    where = f"证据{entry.label}"
    pages = text_flowables(entry, data, cut=cut, mask=lambda value: ctx.masker.text(value, where))
    if pages.printed_sha256:
        ctx.report.add(
            where,
            DisclosureAction.MASKED,
            "文本内容中的个人信息（输出件与原件不同）",
            original_sha256=entry.exhibit.sha256,
            printed_sha256=pages.printed_sha256,
        )
    return pages


def media_flowables(
    entry: ExhibitEntry,
    source: Path | BinaryIO | None = None,
    *,
    ctx: BundleContext | None = None,
) -> list[Flowable]:
    """Audio and video: their facts, frames of a video, the transcript (spec §3 E8), where the original is.
    ``ctx``: the packet, whose filer the transcript's sides are named for (:func:`transcript_sides`), and which
    says where the original is: kept by the filer (:func:`originals_kept`), not handed in on a storage medium, or
    a copy on the media handed in (:func:`medium_sets`), the original carrier being kept for checking.

    ``source`` is the recording (a file opened with its hash checked): frames are taken from it.
    """
    kept = originals_kept(ctx) if ctx is not None else ""
    copies = medium_sets(ctx) if ctx is not None else 0
    e = entry.exhibit
    meta = e.metadata
    codecs = "；".join(
        f"{label} {codec}" for codec, label in ((meta.video_codec, "视频"), (meta.audio_codec, "音频")) if codec
    )
    picture = ""
    if meta.width and meta.height:
        picture = f"{meta.width} × {meta.height}"
        if meta.rotation:
            picture += f"（播放时旋转 {meta.rotation}°）"
        if meta.frame_rate:
            picture += f"，{meta.frame_rate} 帧/秒"
    rows: list[list[Any]] = [
        ["原始文件名", e.original_name],
        ["文件格式 / 大小", f"{file_format(e)} / {human_size(e.size)}"],
        ["时长", _duration(meta.duration)],
        ["编码", codecs or "—"],
    ]
    if picture:
        rows.append(["画面", picture])
    rows += [
        ["形成时间", capture_text(e)],
        ["SHA-256", CjkParagraph(hash_text(e.sha256), styles()["mono"])],
    ]
    doubt = shown_capture(e).doubt
    if doubt:
        rows.append(["备注", doubt])
    if meta.metadata_error:
        rows.append(["备注", f"媒体信息无法读取：{metadata_problem(meta.metadata_error)}"])
    story: list[Flowable] = [
        CjkParagraph(
            f"证据{esc(entry.label)}　{'录音' if e.kind is EvidenceKind.AUDIO else '视频'}资料说明", styles()["h2"]
        ),
        grid(rows, [34 * mm, 136 * mm], header=False, labels=True),
        Spacer(1, 4 * mm),
        para(
            "原始录音录像文件无法以纸面呈现，"
            + (
                f"{kept_by(kept)}，"
                if kept
                else "复制件随附存储介质，原始载体可供核对，"
                if copies
                else "另以存储介质（光盘/U盘）提交原件，"
            )
            + f"文件SHA-256值为 {e.sha256}，可据此核验其与本材料所述文件一致。",
            "note",
        ),
    ]
    if source is not None and e.mime.startswith("video/") and not meta.metadata_error:
        story += _video_frames(e, source)
    transcript = getattr(e, "transcript", None)
    if transcript is not None and getattr(transcript, "lines", None):
        story += [PageBreak(), *transcript_flowables(entry, ctx)]
    return story


def _video_frames(e: Exhibit, source: Path | BinaryIO) -> list[Flowable]:
    """A poster frame and a contact sheet (frames at even intervals), made from the video and cached."""
    from casefile.core import media

    story: list[Flowable] = []
    poster = media.poster_frame(source, e.sha256)
    sheet = media.contact_sheet(source, e.sha256, SHEET_COLUMNS, SHEET_ROWS)
    if poster is None and sheet is None:
        return [Spacer(1, 3 * mm), para("（无法从此视频中截取画面。）", "indent")]
    note = "以下画面截取自原始视频，仅供查阅，内容以原始文件为准；画面下方为其在视频中的时间位置。"
    story += [Spacer(1, 3 * mm), para(note, "note")]
    if poster is not None:
        story += [Spacer(1, 2 * mm), picture_flowable(poster, 170 * mm, 50 * mm), para("封面画面", "caption")]
    if sheet is not None:
        story += [
            Spacer(1, 2 * mm),
            picture_flowable(sheet, 170 * mm, 90 * mm),
            para(f"按时间均匀截取的 {SHEET_COLUMNS * SHEET_ROWS} 个画面（从左到右、从上到下）", "caption"),
        ]
    return story


SHEET_COLUMNS, SHEET_ROWS = 4, 3


def picture_flowable(path: Path, max_width: float, max_height: float) -> Flowable:
    """A picture scaled to fit the box, keeping its proportions."""
    from PIL import Image as PILImage
    from reportlab.platypus import Image as PictureFlowable

    with PILImage.open(path) as img:
        width, height = img.size
    scale = min(max_width / width, max_height / height)
    picture = PictureFlowable(str(path), width=width * scale, height=height * scale)
    picture.hAlign = "CENTER"
    return picture


@dataclass(frozen=True)
class TranscriptSides:
    """How a transcript page names who recorded and who transcribed, for the packet's filer."""

    participants: list[str]  # as typed; in another's packet a "（本人）" becomes "（录制人）"
    own_conversation: str  # 录制人是否为对话一方
    transcriber: str  # the name on the 整理人 line, "" for a blank


ONE_OF_THE_SPEAKERS = "是（本人为对话一方）"


def transcript_sides(t: Transcript, ctx: BundleContext | None = None) -> TranscriptSides:
    """The transcript's sides as its packet names them. In the recorder's own packet (a consumer's complaint,
    arbitration, court), "本人" is the recorder and the transcriber signs. A courier packet is the merchant's
    claim (索赔人, 申诉人 in a 12305 appeal), so "本人" would read as the claimant: the recorder is named by
    their side (收件人: the end customer, masked; the claimant or its staff), and when the record names the end
    customer (or someone the packet masks) as the transcriber, who cannot be asked to sign the claimant's
    packet, the 整理人 line is for the claimant's side, the operator who prepares it (spec §3 E8, E9)."""
    not_own = "否"
    if ctx is None or ctx.venue is not Venue.COURIER_CLAIM:
        return TranscriptSides(
            list(t.participants), ONE_OF_THE_SPEAKERS if t.own_conversation else not_own, t.transcriber.strip()
        )
    claimant, _carrier, customer = claim_parties(ctx.case, ctx.org.as_party())
    filer = ctx.route.filer if ctx.route is not None else "索赔人"
    customer_name = customer.name.strip()
    staff = {n.strip() for n in (ctx.org.contact, ctx.operator) if n.strip()}

    def side(name: str) -> str:
        name = name.strip()
        if not name:
            return ""
        if name == customer_name:
            return "收件人"
        if name == claimant.name.strip():
            return filer
        return f"{filer}经办人" if name in staff else ""

    recorder = side(t.recorded_by)
    own = f"是（录制人系{recorder}，为对话一方）" if recorder else "是（录制人为对话一方）"
    transcriber = t.transcriber.strip()
    if transcriber and (transcriber == customer_name or "*" in transcriber):
        transcriber = ctx.operator.strip()
    participants = [p.replace("（本人）", "（录制人）") for p in t.participants]
    return TranscriptSides(participants, own if t.own_conversation else not_own, transcriber)


def transcript_flowables(entry: ExhibitEntry, ctx: BundleContext | None = None) -> list[Flowable]:
    """录音文字整理 (spec §3 E8); ``ctx``: the packet, whose filer its sides are named for
    (:func:`transcript_sides`)."""
    e = entry.exhibit
    t = e.transcript
    assert t is not None
    sides = transcript_sides(t, ctx)
    s = styles()
    # The recording's own times: its capture time as corrected and its length, never the copy time.
    times = recording_times(e)
    when = f"{fmt_time(times.start) or blank('')} 至 {fmt_time(times.end) or blank('')}"
    if times.start_from_file_time:
        when += "（开始时间取自文件修改时间，复制或下载时可能改变，仅供参考）"
    rows: list[list[Any]] = [
        ["文件名 / 时长", f"{e.original_name} / {_duration(e.metadata.duration)}"],
        ["SHA-256", CjkParagraph(hash_text(e.sha256), s["mono"])],
        ["录制起止时间", when],
        ["地点或通话方式", blank(t.place_or_method, 12)],
        ["录制人 / 设备", f"{blank(t.recorded_by, 6)} / {blank(t.device, 10)}"],
        ["参与人及身份识别", "；".join(sides.participants) or blank("", 16)],
        ["录制人是否为对话一方", sides.own_conversation],
    ]
    transcribed = fmt_time(t.transcribed_at)[:10] or "＿＿＿＿年＿＿月＿＿日"
    lines = []
    for line in t.lines:
        text = f"[{esc(line.at)}] {esc(line.speaker)}：{esc(line.text)}"
        if line.key:
            text = f'<font backColor="#fff2a8">{text}</font>'
        lines.append(CjkParagraph(text, s["body"]))
    return [
        CjkParagraph(f"证据{esc(entry.label)}　录音文字整理", s["title"]),
        grid(rows, [40 * mm, 130 * mm], header=False, labels=True),
        Spacer(1, 4 * mm),
        *lines,
        Spacer(1, 6 * mm),
        para(esc(t.statement or "本整理稿系根据原始录音逐字整理，与原始录音内容一致，原始录音未经剪辑。"), "indent"),
        Spacer(1, 8 * mm),
        para(f"整理人（签名）：{esc(sign_here(sides.transcriber))}　　　日期：{transcribed}"),
    ]


def _duration(seconds: float | None) -> str:
    if not seconds or seconds <= 0:
        return "—"
    total = int(round(seconds))
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def notice_flowables(entry: ExhibitEntry, reason: str, *, kept: str = "", copies: int = 0) -> list[Flowable]:
    """A page standing in for content that cannot be printed (an encrypted PDF, a broken image...); ``kept``:
    who keeps the original (:func:`originals_kept`: the filer), not handed in on a storage medium; ``copies``
    (:func:`medium_sets`): a copy goes on the media handed in, the original kept for checking."""
    e = entry.exhibit
    return [
        Spacer(1, 30 * mm),
        CjkParagraph(f"证据{esc(entry.label)}　{esc(e.title)}", styles()["title"]),
        Spacer(1, 8 * mm),
        para(f"本证据文件无法在本材料中直接输出：{esc(reason)}。", "indent"),
        para(
            f"原始文件由{kept}按原样保存，可供核对，可用下列哈希值核验："
            if kept
            else "原始文件按原样保存，可供核对；其复制件另以存储介质提交，可用下列哈希值核验："
            if copies
            else "原始文件按原样保存，另以存储介质提交，可用下列哈希值核验：",
            "indent",
        ),
        Spacer(1, 4 * mm),
        grid(
            [
                ["原始文件名", e.original_name],
                ["文件格式 / 大小", f"{file_format(e)} / {human_size(e.size)}"],
                ["SHA-256", CjkParagraph(hash_text(e.sha256), styles()["mono"])],
            ],
            [34 * mm, 136 * mm],
            header=False,
            labels=True,
        ),
    ]


# --------------------------------------------------------------------------- evidence list


class RowAnchor(Flowable):
    """Records where an evidence-list row was drawn, so a link to its exhibit can be added."""

    def __init__(self, text: str, label: str, sink: list[tuple[str, int, float, float]]) -> None:
        super().__init__()
        self.para = CjkParagraph(esc(text), styles()["cellc_small"])
        self.label = label
        self.sink = sink

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.para.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self) -> None:
        self.para.drawOn(self.canv, 0, 0)
        x, y = self.canv.absolutePosition(0, 0)
        self.sink.append((self.label, self.canv.getPageNumber(), y, y + self.height))


class PageCell(Flowable):
    """An evidence-list row's 页码 cell, read when laid out: the list is laid out again with the
    pages its own length gives, reusing every other cell, which is laid out only once."""

    def __init__(self, entry: ExhibitEntry, refs: PageRefs) -> None:
        super().__init__()
        self.entry = entry
        self.refs = refs
        self.text = refs.cell(entry)
        self.para = CjkParagraph(self.text, styles()["cellc_small"])

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        text = self.refs.cell(self.entry)
        if text != self.text:
            self.text, self.para = text, CjkParagraph(text, styles()["cellc_small"])
        self.width, self.height = self.para.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self) -> None:
        self.para.drawOn(self.canv, 0, 0)


TALL_ROW_CHARS = 400  # an evidence-list row with more text than this may not fit on one page
LIST_WIDTHS = (14, 30, 22, 17, 33, 14, 14, 8, 18)  # mm, 170 in all: the text width of a page


@dataclass(frozen=True)
class PageRefs:
    """How the evidence list's 页码 column points at each exhibit.

    In a packet: the bundle's page numbers. In files of their own (online filing): the page
    numbers of the evidence file, whose footer counts its own pages, with its volume when it
    is split, and the file's name in the note under the table so a clerk knows where to look.
    """

    header: str = "页码"
    note: str = "页码指本材料每页页脚所标的总页码。"
    volume_of: Callable[[ExhibitEntry], int] | None = None  # the volume holding the exhibit, when split

    def cell(self, entry: ExhibitEntry) -> str:
        pages = f"{entry.first_page}-{entry.last_page}" if entry.last_page > entry.first_page else f"{entry.first_page}"
        if self.volume_of is not None:
            return f"第{self.volume_of(entry)}册<br/>{pages}"
        return pages


def evidence_list_flowables(
    ctx: BundleContext,
    role: str,
    anchors: list[tuple[str, int, float, float]],
    refs: PageRefs | None = None,
) -> list[Flowable]:
    """证据目录 with the columns of spec §1, header repeated on every page."""
    s = styles()
    refs = refs or PageRefs()
    from casefile.core.bundle.documents import filer, receiving_body

    header = ["序号", "证据名称", "证据来源", "证据形式", "证明目的", refs.header, "原件/复印件", "份数", "备注"]
    rows: list[list[Any]] = [[CjkParagraph(h, s["th_small"]) for h in header]]
    commands: list[Any] = []
    narrow = s["cellc_small"]
    copies = list_copies(ctx)
    kept, media = originals_kept(ctx), medium_sets(ctx)
    group_style = ParagraphStyle("group", parent=s["th_small"], alignment=TA_LEFT)
    # Exhibits offered to prove one fact are listed under their group's heading (spec §1: 证据组).
    for run in group_runs(ctx.entries, lambda entry: entry.group):
        if run.group:
            first, last = run.items[0].name, run.items[-1].name
            span = first if len(run.items) == 1 else f"{first}—{last}"
            commands += [
                ("SPAN", (0, len(rows)), (-1, len(rows))),
                ("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#f2f2f2")),
            ]
            rows.append([CjkParagraph(f"{esc(run.group)}（{span}）", group_style), *[""] * (len(header) - 1)])
        for entry in run.items:
            e = entry.exhibit
            form = entry_form(entry)
            original = original_form(entry, form, kept=kept, copies=media)
            note = f"{e.sha256[:8]}…<br/>见校验表"
            if entry.original is not None:
                original, note = "遮盖件", f"{note}<br/>{redacted_note(entry)}"
            if sum(len(v) for v in (e.title, e.source, e.purpose)) > TALL_ROW_CHARS:
                # A row too tall for a page is split across pages (grid: splitInRow); its short cells
                # then go at the top, beside the start of the long one, not in the middle of page three.
                commands.append(("VALIGN", (0, len(rows)), (-1, len(rows)), "TOP"))
            rows.append(
                [
                    RowAnchor(entry.name, entry.label, anchors),
                    e.title,
                    blank(as_filed(ctx, e.source), 4),
                    CjkParagraph(esc(f"{form}（{KIND_NAMES[e.kind]}）"), narrow),
                    blank(as_filed(ctx, e.purpose), 6),
                    PageCell(entry, refs),
                    CjkParagraph(original, narrow),
                    CjkParagraph(str(copies), narrow),
                    CjkParagraph(note, s["small"]),
                ]
            )
    table = grid(rows, [w * mm for w in LIST_WIDTHS], padding=2)
    if commands:
        table.setStyle(TableStyle(commands))
    submitter = filer(ctx)
    subject, ref, body = list_headings(ctx)
    heading_rows = [
        [subject[0], subject[1], ref[0], ref[1]],
        ["提交人", f"{blank(submitter.name)}（{role}）", body, blank(receiving_body(ctx), 10)],
    ]
    return [
        CjkParagraph("证 据 目 录", s["title"]),
        grid(
            heading_rows,
            [18 * mm, 72 * mm, 18 * mm, 62 * mm],  # a company's name and role on one line, a 消保委's too
            header=False,
        ),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 8 * mm),
        KeepTogether(
            [
                para(esc(f"{evidence_count(ctx.entries)}以上证据均随本目录提交，{refs.note}")),
                Spacer(1, 6 * mm),
                para("提交人（签名/盖章）：＿＿＿＿＿＿＿＿　　　提交日期：＿＿＿＿年＿＿月＿＿日"),
                Spacer(1, 6 * mm),
                para("接收人签收：＿＿＿＿＿＿＿＿　　　签收时间：＿＿＿＿年＿＿月＿＿日", "small"),
            ]
        ),
    ]


def list_headings(ctx: BundleContext) -> tuple[tuple[str, str], tuple[str, str], str]:
    """The evidence list's heading, in the terms of where the packet goes: what the matter is and its number (each
    a label and its value), and the label naming who receives the list (the cover's label for it).

    A court's list has a 案由, a 案号 and a 接收机关; an arbitration commission's a 案由, a 案号 and its 仲裁机构.
    A 消协/12315 complaint has its 投诉事项, 投诉编号 and 受理机构 (a 消协 is no 机关). A claim to the
    carrier has its 索赔事项, the carrier's 工单号 and a 提交对象 (a company's claims desk, no 机关); a 12305
    appeal its 申诉事项, the postal administration's 申诉编号 and its 受理机构, as the appeal's cover names them."""
    from casefile.core.bundle.documents import list_cause, rules
    from casefile.core.workflow.records import Venue as ProceedingVenue

    if ctx.venue is Venue.CONSUMER_ASSOCIATION:
        return ("投诉事项", complaint_subject(ctx)), ("投诉编号", complaint_ref(ctx)), "受理机构"
    if ctx.venue is Venue.COURIER_CLAIM:
        waybill = ctx.case.shipment.waybill_no.strip()
        if ctx.route is Route.POSTAL_REGULATOR:
            matter = f"快件损失赔偿争议（快件号码{waybill}）" if waybill else "快件损失赔偿争议"
            ref = number_given(ctx.case, ProceedingVenue.POSTAL_REGULATOR)
            return ("申诉事项", matter), ("申诉编号", ref or ACCEPTED_BLANK), "受理机构"
        complaint = rules.carrier_complaint(ctx)
        ticket = complaint.ref.strip() if complaint is not None else ""
        matter = f"快件损失赔偿（运单号{waybill}）" if waybill else "快件损失赔偿"
        return ("索赔事项", matter), ("工单号", ticket or ACCEPTED_BLANK), "提交对象"
    if ctx.venue is Venue.ARBITRATION:
        # A commission is no 机关: the list names it as the cover does, 仲裁机构.
        return ("案由", list_cause(ctx)), ("案号", "＿＿＿＿＿＿＿＿"), "仲裁机构"
    return ("案由", list_cause(ctx)), ("案号", "＿＿＿＿＿＿＿＿"), "接收机关"


ACCEPTED_BLANK = "＿＿＿＿＿＿（受理后填写）"


def list_copies(ctx: BundleContext) -> int:
    """The evidence list's 份数: in an arbitration the original and a copy for each respondent (the application's
    附 and the notes say the same: documents.arbitration.evidence_sets); in a court the original and a copy for
    each defendant (证据规定 art. 19: 依照对方当事人人数提出副本; documents.court.evidence_sets); elsewhere the one
    set the packet holds."""
    if ctx.venue is Venue.ARBITRATION:
        from casefile.core.bundle.documents.arbitration import evidence_sets

        return evidence_sets(ctx)
    if ctx.venue is Venue.COURT:
        from casefile.core.bundle.documents.court import evidence_sets as court_sets

        return court_sets(ctx)
    return 1


COMPLAINT_KINDS = {
    CaseType.QUALITY: "商品质量",
    CaseType.LOGISTICS: "物流快递",
    CaseType.SERVICE: "服务",
    CaseType.TRANSACTION: "交易、退款或费用",
    CaseType.INFORMATION: "虚假或误导信息",
}


def complaint_subject(ctx: BundleContext) -> str:
    """A 消协/12315 evidence list's 投诉事项 (where a court list has its 案由): the kind of problem and the goods or
    service complained of: 商品质量问题（某品牌手机 X12）."""
    product = ctx.case.transaction.product.strip()
    kind = f"{COMPLAINT_KINDS[ctx.case.type]}问题"
    return f"{kind}（{product}）" if product else kind


def complaint_ref(ctx: BundleContext) -> str:
    """The 投诉编号 the receiving body gave the complaint (the newest kept on its proceedings or on the timeline's
    events with it: handling.number_given), or a blank to fill in once given."""
    return number_given(ctx.case, complaint_venue(ctx.route)) or ACCEPTED_BLANK


def evidence_count(entries: Sequence[ExhibitEntry]) -> str:
    """The evidence list's count: 共 5 件证据, and the groups only when the user made some (分为 2 组)."""
    count = f"共 {len(entries)} 件证据"
    groups = groups_in_order(entries, lambda entry: entry.group)
    if not groups:
        return f"{count}。"
    grouped = sum(1 for entry in entries if entry.group)
    if grouped == len(entries):
        return f"{count}，分为 {len(groups)} 组。"
    return f"{count}，其中 {grouped} 件分为 {len(groups)} 组，其余 {len(entries) - grouped} 件未分组。"


# --------------------------------------------------------------------------- identity papers

IDENTITY_SECTION = "身份证明"  # the identity page's section and component file (spec §7(b) 4, §7(c) 3)

IDENTITY_ITEMS = {
    "原告": [
        "原告（自然人）居民身份证复印件（正反面），或户口簿、护照等有效身份证件复印件；",
        "原告为法人或其他组织的：营业执照副本复印件、法定代表人（负责人）身份证明书及其身份证复印件；",
        "被告为企业的：企业信用信息公示报告（可在国家企业信用信息公示系统打印）或工商登记信息；"
        "被告为自然人的：其身份信息（姓名、性别、出生日期、民族、住所等）；",
        "委托诉讼代理人的：授权委托书原件，代理人身份证复印件（律师另附律师执业证复印件和律师事务所函）。",
    ],
    "申请人": [
        "申请人（自然人）居民身份证复印件（正反面）；申请人为法人或其他组织的，营业执照副本复印件及法定代表人身份证明书；",
        "被申请人主体资格证明：企业信用信息公示报告或工商登记信息；",
        "委托代理人的：授权委托书原件，代理人身份证复印件（律师另附律师执业证复印件和律师事务所函）。",
    ],
    "投诉人": [
        "投诉人身份证明（居民身份证复印件，或受理机构要求的其他证件）；",
        "委托他人投诉的：授权委托书原件及受托人身份证明。",
    ],
    "索赔人": [
        "索赔人营业执照副本复印件（索赔人为自然人的，居民身份证复印件）；",
        "经办人身份证复印件及单位授权书。",
    ],
}


# What an identity copy is marked to be used for (仅供本案…使用), in the proceeding the packet goes to.
IDENTITY_USES = {Venue.COURT: "诉讼", Venue.ARBITRATION: "仲裁", Venue.CONSUMER_ASSOCIATION: "投诉"}


def identity_use(ctx: BundleContext) -> str:
    """诉讼, 仲裁 or 投诉: the proceeding an identity copy is marked for; the old pair for the other packets."""
    return IDENTITY_USES.get(ctx.venue, "诉讼（投诉）")


def identity_flowables(ctx: BundleContext, role: str) -> list[Flowable]:
    """身份证明: a page listing the identity papers to attach (the case holds none of them).

    Online filing asks for them as a file of their own; this page holds its place and says
    what goes in it, to be replaced by (or printed with) the scans.
    """
    s = styles()
    items = IDENTITY_ITEMS.get(role, IDENTITY_ITEMS["原告"])
    from casefile.core.bundle.documents import filer

    me = filer(ctx)
    story: list[Flowable] = [
        CjkParagraph("身 份 证 明", s["title"]),
        para(esc(f"提交人：{blank(me.name)}（{role}）　案件编号：{ctx.case.number}")),
        Spacer(1, 4 * mm),
        para("本案卷中未保存身份证明材料。请将下列材料扫描或拍照后，替换本页（或附于本页之后）一并提交："),
        Spacer(1, 2 * mm),
    ]
    story += [para(esc(f"□ {item}"), "numbered") for item in items]
    story += [
        Spacer(1, 6 * mm),
        para(f"注意：身份证件复印件请注明“仅供本案{identity_use(ctx)}使用”，并遮盖与本案无关的信息。", "note"),
    ]
    return story


# --------------------------------------------------------------------------- integrity annex


def annex_time(e: Exhibit, since: datetime | None = None) -> str:
    """生成时间 in the integrity annex: in the office's zone like the column says, except a device's time that
    recorded no zone (printed as the device showed it, so marked) and a file's modification time (marked:
    copying a file may change it). A stated time set aside (:func:`shown_capture`) is not given as it."""
    shown = shown_capture(e, since)
    if shown.at is None:
        return "—（请核实）" if shown.doubt else "—"
    if shown.source == "file-name" or (e.metadata.time_without_offset and shown.source == "exif"):
        return shown.at.strftime("%Y-%m-%d %H:%M:%S") + DEVICE_TIME
    if shown.source == "container" and mail_without_zone(e):
        return shown.at.strftime("%Y-%m-%d %H:%M:%S") + NO_ZONE_TIME
    text = column_time(shown.at)
    return f"{text}（文件修改时间）" if shown.source == "file-mtime" else text


DEVICE_TIME = "（设备时间）"
NO_ZONE_TIME = "（未记录时区）"  # an e-mail's Date without an offset: as its sender's clock said
PAPER_ORIGINAL = "纸质原件（本文件系其照片或扫描件）"
# The annex's last column says where each original is (:func:`original_carrier`): the device or account that made
# it and how it was obtained, a paper, the storage medium handed in, or the complainant who keeps it (消协/12315).
ORIGINAL_HEADING = "原件来源及所在"


def original_carrier(
    e: Exhibit, source: str | None = None, *, paper: bool = False, kept: str = "", where: str = ""
) -> str:
    """原件来源及所在 (spec §3 E2: where the original is, so the device can be brought along): the device that made
    the file, as the file or the transcript says, and how it was obtained (``source``: as the packet words it; the
    exhibit's own words by default); else the copy handed in with the packet. ``paper``: the file is a photo or
    scan of a paper (书证), whose original is that paper, not the file. ``kept``: who keeps the originals when
    they stay with the filer (:func:`originals_kept`), then named instead of the copy handed in. ``where``: where
    the original is (:func:`original_where`), said at the end, so that no cell gives only a source."""
    device = e.metadata.device_name() or (e.transcript.device.strip() if e.transcript else "")
    parts = [p for p in ((e.source if source is None else source).strip(), device) if p]
    if paper:
        parts = [PAPER_ORIGINAL, *parts]
    if where:
        return "；".join([*parts, where])
    return "；".join(parts) if parts else (f"{kept}保存" if kept else "随附存储介质")


def original_where(ctx: BundleContext, entry: ExhibitEntry) -> str:
    """Where the original of ``entry`` is, the end of its 原件来源及所在 cell: with the filer, who keeps it for
    checking; for a recording or a file handed in on a storage medium in an arbitration or a court, the copy on
    the medium and the original carrier with the filer (证据规定 art. 15); for a courier packet's medium, the
    medium as its list says."""
    from casefile.core.bundle.builder import filer_role

    role = filer_role(ctx)
    if entry.on_medium and not originals_kept(ctx):
        if medium_sets(ctx):
            return f"复制件随附存储介质，原始载体由{role}保存"
        return "随附存储介质"
    return f"原件由{role}保存"


def annex_flowables(ctx: BundleContext, custody_entries: int) -> list[Flowable]:
    s = styles()
    since = case_since(ctx.case)
    # A device's time without a zone is printed as the device showed it, marked （设备时间）, and an e-mail's Date
    # without one （未记录时区）: the heading says they are not in the zone it names.
    times = [annex_time(entry.exhibit, since) for entry in ctx.entries]
    marks = "、".join(f"“{m[1:-1]}”" for m in (DEVICE_TIME, NO_ZONE_TIME) if any(t.endswith(m) for t in times))
    zone_words = f"{zone_name()}，标{marks}者除外" if marks else zone_name()
    header = ["编号", "文件名", "格式", "大小", f"生成/获取时间（{zone_words}）", "SHA-256", ORIGINAL_HEADING]
    rows: list[list[Any]] = [[CjkParagraph(h, s["th"]) for h in header]]
    kept = originals_kept(ctx)
    for entry, time in zip(ctx.entries, times, strict=True):
        e = entry.exhibit
        rows.append(
            [
                CjkParagraph(entry.name, s["cellc"]),
                CjkParagraph(esc(e.original_name), s["small"]),
                CjkParagraph(esc(Path(e.original_name).suffix.lstrip(".").upper() or "—"), s["small"]),
                CjkParagraph(human_size(e.size), s["small"]),
                CjkParagraph(f"{esc(time)}<br/>导入 {column_time(e.added_at)}", s["small"]),
                CjkParagraph(
                    hash_text(e.sha256)
                    if entry.original is None
                    else f"遮盖件：<br/>{hash_text(e.sha256)}<br/>原件：<br/>{hash_text(entry.original.sha256)}",
                    s["hash"],
                ),
                CjkParagraph(
                    esc(
                        original_carrier(
                            e,
                            as_filed(ctx, e.source),
                            paper=entry_form(entry) == "书证",
                            kept=kept,
                            where=original_where(ctx, entry),
                        )
                    ),
                    s["small"],
                ),
            ]
        )
    table = grid(rows, [w * mm for w in (14, 27, 10, 14, 30, 52, 23)], padding=2)
    return [
        CjkParagraph("电子证据完整性校验表", s["title"]),
        table,
        Spacer(1, 5 * mm),
        grid(
            [
                ["案件编号", ctx.case.number],
                # The log's file name means something to a court's technical checker; elsewhere the words do.
                [
                    "保管记录（CUSTODY.jsonl）" if ctx.venue is Venue.COURT else "保管记录",
                    f"共 {custody_entries} 条，末条哈希：",
                ],
                ["", CjkParagraph(hash_text(ctx.custody_head), s["mono"])],
                ["生成时间 / 生成人", f"{fmt_time(ctx.generated_at)} / {ctx.operator}"],
            ],
            [50 * mm, 120 * mm],
            header=False,
            labels=True,
        ),
        Spacer(1, 5 * mm),
        heading("核验方法"),
        *check_method(ctx),
        *timestamp_flowables(ctx),
    ]


def check_method(ctx: BundleContext) -> list[Flowable]:
    """The annex's 核验方法, written for whoever reads the packet: how a 消协, a market regulator, an arbitration
    commission or a carrier can check that a file is the one listed (ask for the original, compute its SHA-256
    with any tool, compare); the command for a technical checker as a note. A court's also names the rules on
    hash verification of electronic evidence, which are the courts' own (互联网法院规定, 在线诉讼规则)."""
    kept = originals_kept(ctx)
    holder = kept or "提交人"
    on_disc = ""
    if not kept and any(entry.on_medium for entry in ctx.entries):
        on_disc = (
            "（录音录像等无法打印的文件，其复制件在随附的存储介质中，原始载体可供核对）"
            if medium_sets(ctx)
            else "（录音录像等无法打印的文件，原始文件在随附的存储介质中）"
        )
    limits = "哈希值只能证明文件自计算时起未被改动，不能单独证明文件的来源或形成时间"
    if ctx.venue is Venue.COURT:
        day = zone.shown(ctx.generated_at).date()
        rules = "、".join(
            (
                cite_on("internet-court-rules.11", day),
                law_cite_many(
                    ["online-litigation-rules.16", "online-litigation-rules.17", "online-litigation-rules.18"]
                ),
            )
        )
        limits += f"（参见{rules}）"
    return [
        para(
            "1. 上表 SHA-256 值是每个证据文件的“数字指纹”，系文件导入本案卷时计算得出；"
            "导入的文件以只读方式保存，未作任何修改、转码或压缩。",
            "indent",
        ),
        para(
            f"2. 如需核对某一文件：请{holder}提供该原始文件{on_disc}，用任一 SHA-256 计算工具计算其哈希值，"
            "与上表对应一行比对。"
            "两者一致，即该文件与本材料所列文件完全相同；文件哪怕改动一个字节，哈希值也会完全不同。",
            "indent",
        ),
        para(
            f"3. 本案卷另有保管记录（每一条均包含上一条的哈希值，任何一条被修改、删除或插入，其后即无法衔接），"
            f"末条哈希值见上表，可应要求由{holder}提供。",
            "indent",
        ),
        para(f"4. {limits}。", "indent"),
        *technical_note(ctx),
    ]


# The commands that compute one file's SHA-256, by the systems they run on.
HASH_COMMANDS = (
    ("Windows", ("certutil -hashfile 文件名 SHA256", "Get-FileHash -Algorithm SHA256 文件名")),
    ("macOS、Linux", ("shasum -a 256 文件名", "sha256sum 文件名")),
)
# What a printed command's line breaks stand for (CommandBlock breaks a command at its spaces only).
COMMAND_LINES = "每条命令连续输入为一行，命令换行处输入一个空格"


def command(text: str) -> CommandBlock:
    """A command for the reader to type, under the note that introduces it (indented as its paragraphs)."""
    return CommandBlock(text, indent=2 * WUHAO)


def technical_note(ctx: BundleContext) -> list[Flowable]:
    """The annex's note for a technical checker: the commands that compute a file's SHA-256, each set apart as
    typed (a line break inside a paragraph would lose or add a space in it). A court's also names the case
    folder's manifest, which checks every file at once when the filer produces the folder; other readers get a
    file, not the folder, and are not sent to run a command in a folder they do not have."""
    out: list[Flowable] = [
        para("技术核对说明：计算单个文件的哈希值，可运行下列任一命令（“文件名”换为该文件的文件名）：", "note")
    ]
    for system, commands in HASH_COMMANDS:
        out.append(para(f"{system}：", "note"))
        out.extend(command(c) for c in commands)
    if ctx.venue is Venue.COURT:
        out.append(para("提交人提供案卷文件夹的，在该文件夹中运行下列命令，可一次比对全部文件：", "note"))
        out.append(command("sha256sum -c MANIFEST.sha256"))
    return out


def _stamp_for(ctx: BundleContext, entry: ExhibitEntry) -> tuple[Stamp | None, str]:
    """The first timestamp covering the printed exhibit (or, for a redacted copy, its original), and whose it is."""
    for exhibit, whose in ((entry.exhibit, ""), (entry.original, "原件")):
        if exhibit is None:
            continue
        stamps = [s for s in ctx.case.timestamps if exhibit.number in s.exhibits and not s.renews]
        if stamps:
            return stamps[0], whose
    return None, ""


def _stamp_pinned(ctx: BundleContext, stamp: Stamp) -> bool:
    """Every root the stamp was checked against is one the user pinned (confirmed against the authority's)."""
    return is_pinned(ctx.stamp_roots.get(stamp.id, []), ctx.pinned_roots)


def _stamp_kind(ctx: BundleContext, stamp: Stamp) -> str:
    return "可信时间戳" if _stamp_pinned(ctx, stamp) else "时间戳（根证书未经核对）"


def _fingerprint_text(digest: str) -> str:
    """A root's SHA-256 fingerprint as openssl prints it (AB:CD:…), broken in two to fit a cell."""
    text = fingerprint_text(digest)
    return f"{text[:48]}<br/>{text[48:]}"


def timestamp_flowables(ctx: BundleContext) -> list[Flowable]:
    """可信时间戳: each exhibit's timestamp, whose root it relies on, and how an expert checks a token without
    CaseFile. A stamp is called 可信时间戳 only when its root is one the user pinned; any other is printed as
    时间戳（根证书未经核对）: anyone can make a root and a TSA under any name."""
    s = styles()
    day = ctx.generated_at.astimezone(zone.BEIJING).date()  # the law in force that day, in Beijing
    # The internet courts' rule on hash and timestamp verification is a court's: cited in a court's packet only.
    law = f"（参见{cite_on('internet-court-rules.11', day, with_part=True)}）" if ctx.venue is Venue.COURT else ""
    if not ctx.case.timestamps:
        return [
            Spacer(1, 5 * mm),
            heading("可信时间戳（RFC 3161）"),
            para(f"本案证据未申请可信时间戳（未设置时间戳服务机构）；仅有上述哈希值校验{law}。", "indent"),
        ]
    rows: list[list[Any]] = [
        [CjkParagraph(h, s["th"]) for h in ("编号", "时间戳时间", "时间戳服务机构", "序列号", "时间戳")]
    ]
    used: dict[str, Stamp] = {}
    for entry in ctx.entries:
        stamp, whose = _stamp_for(ctx, entry)
        if stamp is None:
            cells = [entry.name, "尚未加盖", "—", "—", "—"]
        else:
            used[stamp.id] = stamp
            checked = "" if _stamp_pinned(ctx, stamp) else "<br/>根证书未经核对"
            cells = [
                entry.name,
                f"{whose}{short_time(stamp.time)}",
                esc(stamp.tsa),
                esc(stamp.serial),
                f"{stamp.id}{checked}",
            ]
        rows.append([CjkParagraph(c, s["small"]) for c in cells])
    for stamp in ctx.case.timestamps:  # renewals of the stamps printed
        if stamp.renews in used:
            used[stamp.id] = stamp
    every_pinned = all(_stamp_pinned(ctx, stamp) for stamp in used.values())
    out: list[Flowable] = [
        Spacer(1, 5 * mm),
        heading("可信时间戳（RFC 3161）" if every_pinned else "时间戳（RFC 3161）"),
        grid(rows, [w * mm for w in (18, 38, 58, 30, 26)], padding=2),
        Spacer(1, 3 * mm),
    ]
    what = (
        "时间戳由时间戳服务机构对证据文件的哈希值签名，证明其在所载时间已经存在且此后未被改动。"
        "每次导入的新证据文件的 SHA-256 与当时保管记录末条的哈希值构成一棵默克尔树（RFC 6962 第2.1节），"
        "时间戳所签的即树根。"
    )
    if every_pinned:
        trust = (
            f"下列时间戳的根证书均已与用户配置的根证书指纹核对，为可信时间戳{law}；"
            "核对人仍可将所列指纹与时间戳服务机构公布的根证书指纹比对。"
        )
    else:
        trust = (
            "时间戳是否可信，取决于其根证书是否确为所载时间戳服务机构的根证书：任何人都可以自建根证书，"
            "并以任意机构名称签发时间戳。标注“根证书未经核对”的时间戳，其根证书未与用户配置的根证书指纹核对，"
            "请将所列根证书的 SHA-256 指纹与该机构公布的根证书指纹比对，一致后方可作为可信时间戳。"
        )
    out.append(para(what + trust, "indent"))
    for stamp in sorted(used.values(), key=lambda x: x.id):
        base = f"timestamps/{stamp.id}"
        renews = f"（续签时间戳 {stamp.renews}）" if stamp.renews else ""
        roots = ctx.stamp_roots.get(stamp.id, [])
        if _stamp_pinned(ctx, stamp):
            checked = "已与用户配置的根证书指纹核对"
        else:
            checked = "根证书未经核对：请将上列指纹与时间戳服务机构公布的根证书指纹比对"
        root_rows: list[list[Any]] = [] if roots else [["根证书", "（未能读取 ca.pem）"]]
        for root in roots:
            root_rows.append(["根证书", CjkParagraph(esc(root.subject), s["small"])])
            root_rows.append(["根证书 SHA-256 指纹", CjkParagraph(_fingerprint_text(root.sha256), s["mono"])])
        authority = ctx.stamp_authorities.get(stamp.id) or stamp.tsa
        out.append(
            grid(
                [
                    [
                        f"{_stamp_kind(ctx, stamp)} {stamp.id}{renews}",
                        f"{short_time(stamp.time)}　{stamp.tsa}　序列号 {stamp.serial}",
                    ],
                    [
                        "覆盖证据（案卷编号）",
                        "、".join(map(str, stamp.exhibits)) + f"；保管记录第 {stamp.custody_seq} 条",
                    ],
                    ["时间戳服务机构证书", CjkParagraph(esc(authority), s["small"])],
                    *root_rows,
                    ["根证书核对", checked],
                    ["树根（签名摘要）", CjkParagraph(hash_text(stamp.root), s["mono"])],
                    [
                        "核验命令",
                        CommandBlock(
                            f"openssl ts -verify -digest {stamp.root} -in {base}/token.tsr -CAfile {base}/ca.pem "
                            f"-untrusted {base}/chain.pem"
                        ),
                    ],
                    ["根证书指纹命令", CommandBlock(f"openssl x509 -in {base}/ca.pem -noout -fingerprint -sha256")],
                ],
                [50 * mm, 120 * mm],
                header=False,
                labels=True,
            )
        )
        out.append(Spacer(1, 2 * mm))
    out.append(
        para(
            f"核验方法：在案卷文件夹（或随附的时间戳文件夹）中运行上表的核验命令（{COMMAND_LINES}）。"
            "输出 Verification: OK 只说明时间戳未被改动、且与同一文件夹中的 ca.pem 根证书相符，"
            "不说明该根证书属于所载时间戳服务机构：请运行上表的根证书指纹命令，"
            "将得到的指纹与上表及该机构公布的根证书指纹比对，"
            "或以自行从该机构取得的根证书代替 ca.pem 运行核验命令。"
            "再以 tree.json 核对某一证据在树中：取该文件的 SHA-256（32字节），计算 "
            "h = SHA-256(0x00‖文件哈希)；按 proof 所列逐项与兄弟节点合并，兄弟在左则 h = SHA-256(0x01‖兄弟‖h)，"
            "在右则 h = SHA-256(0x01‖h‖兄弟)；最后得到的 h 应等于树根。保管记录的末条哈希同为树中一叶，"
            "改写保管记录即与已签名的树根不符。",
            "indent",
        )
    )
    return out


# --------------------------------------------------------------------------- the stamp sheet


@dataclass(frozen=True)
class PageStamp:
    """What is printed on one page of the bundle."""

    number: int  # 1-based, whole bundle (or whole file, for a file of its own)
    total: int
    section: str = ""  # shown when the page belongs to no exhibit
    exhibit_label: str = ""
    exhibit_page: int = 0
    exhibit_pages: int = 0
    exhibit_sha256: str = ""  # set on exhibit content pages: the E2 caption
    original_sha256: str = ""  # set when the page shows a redacted copy: its original's hash, beside the copy's
    redaction: str = ""  # what the caption says of that copy (casefile.core.bundle.context.redacted_note)
    printed_sha256: str = ""  # a photo printed from its copy without metadata: that copy's hash
    paper: bool = False  # the exhibit is a photo or scan of a paper (书证): the page is a copy of that paper
    volume: int = 0
    volumes: int = 0
    document: str = ""  # the file the page numbers count in, when not the whole packet (证据文件)
    note: str = ""  # a line at the top of the exhibit area (a small picture printed at its natural size)
    banner: str = ""  # a line where captions go, on pages that are not exhibits (办理指引: not to be filed)


def render_stamps(path: Path, case_number: str, stamps: Sequence[PageStamp]) -> list[bytes]:
    """Each bundle page's stamp, as a content stream of its own (Flate data), laid over the real page later.

    ``path`` is written: a one-page PDF whose resources name every font subset the streams use
    (the assembly draws each stream as a form with those resources). The footer (case number,
    page numbers, exhibit page) and the caption over exhibit content keep 10 mm inside the
    page's edges and start at the text's binding margin.

    The streams are, byte for byte, what ReportLab's canvas draws for the same strings, lines
    and colours on a page of its own (tests/core/test_bundle_stamps.py); they are written here
    without that page: making and writing a page object per stamp, which the assembly then took
    apart again, was half the cost of laying out the stamps.
    """
    canvas = new_canvas(path)
    text = _CanvasText(canvas)
    width, height = PAGE
    left, right = BINDING, width - OUTER
    y = STAMP_EDGE + 2  # the descenders stay 10 mm above the bottom edge
    rule = f"n {fp_str(left, y + STAMP_SIZE + 2)} m {fp_str(right, y + STAMP_SIZE + 2)} l S"
    footer = text.line(left, y, STAMP_SIZE, f"案件编号 {case_number}")
    streams = []
    for stamp in stamps:
        code = [canvas._preamble, STAMP_INK, footer]  # noqa: SLF001 - ReportLab's page preamble
        middle = f"第 {stamp.number} 页 / 共 {stamp.total} 页"
        if stamp.document:
            middle = f"{stamp.document}　{middle}"
        if stamp.volumes > 1:
            middle += f"　第{stamp.volume}册/共{stamp.volumes}册"
        code.append(text.line((left + right) / 2, y, STAMP_SIZE, middle, align=0.5))
        side = (
            f"证据{stamp.exhibit_label} 第{stamp.exhibit_page}/{stamp.exhibit_pages}页"
            if stamp.exhibit_label
            else stamp.section
        )
        code += [text.line(right, y, STAMP_SIZE, side, align=1.0), STAMP_RULE, ".4 w", rule]
        lines = caption_lines(stamp)
        if lines:
            size = BANNER_SIZE if stamp.banner else CAPTION_SIZE
            top = height - STAMP_EDGE - size  # the ascenders stay 10 mm below the top edge
            for k, line in enumerate(lines[:CAPTION_LINES]):
                code.append(text.line(left, top - k * CAPTION_LEADING, size, line))
        if stamp.note:
            code.append(text.line(left, height - PICTURE_TOP - NOTE_SIZE, NOTE_SIZE, stamp.note))
        code.append(" ")
        streams.append(zlib.compress(("\n".join(code) + "\n").encode("latin-1")))
    canvas.setFont(FONT, STAMP_SIZE)  # the one page names the fonts: nothing is drawn on it
    canvas.showPage()
    canvas.save()
    return streams


STAMP_INK = ".266667 .266667 .266667 rg"  # ReportLab's fill colour #444444 (the stamps' text)
STAMP_RULE = ".6 .6 .6 RG"  # #999999: the line over the footer


class _CanvasText:
    """A line of text as ReportLab's canvas draws it (``drawString`` and its centred and
    right-aligned forms, in any of our fonts), for ``canvas.addLiteral`` or a content stream of
    our own: the same operators, a fraction of the calls. The characters are taken into the
    canvas's document's font subsets as they are met, as ReportLab takes them."""

    def __init__(self, canvas: Any) -> None:
        self.doc = canvas._doc  # noqa: SLF001 - the document whose font subsets the text goes into
        self.escape = canvas._escape  # noqa: SLF001
        self.fonts: dict[str, Any] = {}
        self.names: dict[tuple[str, int], str] = {}

    def line(self, x: float, y: float, size: float, text: str, *, font: str = FONT, align: float = 0.0) -> str:
        """``text`` at (x, y) in ``font`` at ``size``; ``align`` 0.5 centres it on x, 1.0 ends it there."""
        face = self.fonts.get(font)
        if face is None:
            face = self.fonts[font] = pdfmetrics.getFont(font)
        if align:
            x -= align * pdfmetrics.stringWidth(text, font, size)
        setting = f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"
        shown = []
        current = -1
        for subset, data in face.splitString(text, self.doc):
            if subset != current:  # a font is named where the subset changes, as ReportLab names it
                name = self.names.get((font, subset))
                if name is None:
                    name = self.names[font, subset] = face.getSubsetInternalName(subset, self.doc)
                shown.append(f"{name} {setting}")
                current = subset
            shown.append(f"({self.escape(data)}) Tj")
        return f"BT 1 0 0 1 {fp_str(x, y)} Tm {' '.join(shown)} T* ET"


BANNER_SIZE = 9.0  # what a file that is not to be filed says at the top of each page


def caption_lines(stamp: PageStamp) -> list[str]:
    """The caption over an exhibit content page (spec §3 E2): what the page is, and the hashes."""
    label = stamp.exhibit_label
    if stamp.banner:
        return [stamp.banner]
    if stamp.exhibit_sha256 and stamp.original_sha256:
        # A redacted or masked copy is not the data's direct output (E2): it says what it is, with both hashes.
        return [
            f"证据{label}　遮盖件：{stamp.redaction or REDACTED_NOTE}。",
            f"原件SHA-256：{stamp.original_sha256}",
            f"遮盖件SHA-256：{stamp.exhibit_sha256}",
        ]
    if stamp.exhibit_sha256 and stamp.printed_sha256:
        return stripped_caption(label, stamp.exhibit_sha256, stamp.printed_sha256, paper=stamp.paper)
    if stamp.exhibit_sha256 and stamp.paper:
        # A paper's photo or scan (书证): the page is a copy of the paper, as the evidence list says, not the
        # original of electronic data; the hash is the picture file's.
        return [f"证据{label}　本页系纸质原件的照片或扫描件，图像文件SHA-256：{stamp.exhibit_sha256}"]
    if stamp.exhibit_sha256:
        return [f"证据{label}　本页系电子数据直接输出，原始文件SHA-256：{stamp.exhibit_sha256}"]
    return []


def stripped_caption(label: str, original_sha256: str, printed_sha256: str, *, paper: bool = False) -> list[str]:
    """The caption of a photo printed from its copy without metadata: the image data is a
    direct output of the original (E2), the file as a whole is not, so both hashes are given.
    ``paper``: the photo is of a paper (书证), of which the page is a copy."""
    what = "本页系纸质原件的照片（复印件）" if paper else "本页图像系电子数据直接输出"
    return [
        f"证据{label}　{what}；{STRIPPED_NOTE}。",
        f"原始文件SHA-256：{original_sha256}",
        f"输出件SHA-256：{printed_sha256}（本页所嵌入的去除元数据后的照片文件）",
    ]
