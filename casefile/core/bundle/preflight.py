"""What is missing, weak or contradictory in a case before its packet is built, per venue.

Errors are kept for packets the filing window would not take, or that contradict themselves:
a court complaint without a defendant, claims or facts (民事诉讼法 art. 122), or while the parties
have an arbitration agreement in force (art. 127 (二)); a 12315/消协 complaint that names no
respondent (投诉举报处理办法 arts. 10, 16); a courier claim without a claimant or a waybill number;
a transcript quoting times the recording does not reach. Everything else is a warning: the build
stops and lists them unless the user accepts them (--force, or the wizard's tick), and the
document then shows a blank to fill by hand.

Each finding names the field to fix (``Finding.field``), and a problem shared by several exhibits
is one finding listing them all. Codes are stable: tests and the ``accepted_warnings`` of custody
entries use them. Laws are cited through :mod:`casefile.core.law`, never by hand.
"""

from __future__ import annotations

from casefile.core import law
from casefile.core.bundle import agreements
from casefile.core.bundle.consistency import contradictions
from casefile.core.bundle.context import ExhibitEntry, Finding, Level, Venue
from casefile.core.bundle.findings import Findings, cite
from casefile.core.metadata import edited_note
from casefile.core.model import Case, EvidenceKind, Party, PartyKind
from casefile.core.numbering import groups_in_order, own_name, split_groups
from casefile.core.record.roles import claim_parties

_MEDIA = (EvidenceKind.AUDIO, EvidenceKind.VIDEO)
_FLAG_TEXT = {
    "broken": "文件已损坏，无法在材料中显示内容",
    "encrypted": "文件已加密，材料中只能附说明页",
    "empty": "文件为空（0字节）",
    "truncated": "文件不完整，可能被截断",
    "extension-mismatch": "扩展名与内容不符",
    "unknown-format": "无法识别的文件格式",
    "captured-after-added": "文件记录的形成时间晚于导入时间，设备时钟可能有误，请核实后在证据信息中改正",
    "time-disagrees": "文件修改时间与文件记录的形成时间相差较大，请核实形成时间",
}
_EDITED_TEXT = "文件元数据显示其曾经编辑软件处理或另存，对方可能质疑其原始性，建议准备原始载体"
_TIME_FLAGS = {"captured-after-added", "time-disagrees"}


def preflight(
    case: Case,
    venue: Venue,
    entries: list[ExhibitEntry],
    *,
    size_limit_mb: int | None,
    organisation: Party | None = None,
) -> list[Finding]:
    found = Findings()
    _agreement(case, venue, entries, found)
    _evidence(venue, entries, size_limit_mb, found)
    if venue in (Venue.CONSUMER_ASSOCIATION, Venue.RECEIPT):
        _complaint(case, venue, found)
    elif venue in (Venue.COURT, Venue.ARBITRATION):
        _application(case, venue, found)
    elif venue is Venue.COURIER_CLAIM:
        _courier_claim(case, entries, organisation or Party(kind=PartyKind.ORGANISATION), found)
    if venue is not Venue.RECEIPT:  # a receipt only lists what the customer handed over
        found.extend(contradictions(case, venue, entries))
    return list(found)


# --------------------------------------------------------------------------- arbitration agreements


def _agreement(case: Case, venue: Venue, entries: list[ExhibitEntry], found: Findings) -> None:
    number = case.number
    if venue is Venue.COURT:
        for e in agreements.agreements(case):
            if agreements.in_force(e):
                found.error(
                    "arbitration-agreement-in-force",
                    f"本案证据“{e.title}”（{own_name(e.number)}）是仲裁协议：当事人达成书面仲裁协议、不得向人民法院起诉的，"
                    f"人民法院告知原告向仲裁机构申请仲裁（{cite('civil-procedure.127', part=True)}）。"
                    "如该协议无效，或双方已放弃仲裁，请先标记并写明理由："
                    f"casefile exhibit {number} {e.number} --agreement invalid（或 waived）--reason 理由",
                    f"exhibits.{e.number}.agreement_status",
                    [e.number],
                )
    elif venue is Venue.ARBITRATION:
        if any(agreements.in_force(entry.original or entry.exhibit) for entry in entries):
            return  # the packet carries an agreement in force (a redacted copy stands for its original)
        marked = [
            f"{own_name(e.number)}已标记为{agreements.STATUS_NAMES.get(e.agreement_status, e.agreement_status)}"
            for e in agreements.agreements(case)
            if not agreements.in_force(e)
        ]
        # A warning, not an error: under the 2025 仲裁法 art. 27 an agreement one side asserts and the
        # other does not deny before the first hearing is deemed to exist.
        found.warn(
            "no-arbitration-agreement",
            "没有有效的仲裁协议"
            + (f"（{'；'.join(marked)}）" if marked else "")
            + "：仲裁协议应当具有请求仲裁的意思表示、仲裁事项和选定的仲裁机构；"
            "未附书面仲裁协议的，只有被申请人在首次开庭前不予否认，才视为存在仲裁协议"
            f"（{cite('arbitration.agreement-contents', part=True)}）。请添加仲裁协议或含仲裁条款的合同页："
            f"casefile add {number} 文件 --kind arbitration-agreement",
            "exhibits",
        )


# --------------------------------------------------------------------------- the exhibits


def _evidence(venue: Venue, entries: list[ExhibitEntry], size_limit_mb: int | None, found: Findings) -> None:
    if venue is Venue.RECEIPT:  # a receipt only lists materials
        return
    if not entries:
        found.warn("no-evidence", "没有任何证据：材料将只有文书，没有证据部分", "exhibits")
    no_purpose: list[tuple[ExhibitEntry, str]] = []
    no_transcript: list[tuple[ExhibitEntry, str]] = []
    edited: list[tuple[ExhibitEntry, str]] = []
    flagged: dict[str, list[tuple[ExhibitEntry, str]]] = {}
    oversize: list[tuple[ExhibitEntry, str]] = []
    for entry in entries:
        e = entry.exhibit
        if not e.purpose.strip():
            no_purpose.append((entry, ""))
        if e.kind in _MEDIA and (e.transcript is None or not e.transcript.lines):
            no_transcript.append((entry, ""))
        # Judged again from the software the metadata recorded, whatever flag an older rule gave.
        note = edited_note(e.metadata)
        if note:
            edited.append((entry, note.removeprefix("saved by ") if note.startswith("saved by ") else ""))
        for flag in e.flags:
            if flag in _TIME_FLAGS and e.captured_at_source == "user":
                continue  # the time was checked and set by hand
            if flag in _FLAG_TEXT:
                flagged.setdefault(flag, []).append((entry, e.original_name))
        if size_limit_mb and e.size > size_limit_mb * 1024 * 1024 and e.kind not in _MEDIA:
            oversize.append((entry, f"{e.size / 1048576:.1f} MB"))
    found.group(Level.WARNING, "no-purpose", no_purpose, "没有填写证明目的", "purpose")
    found.group(
        Level.WARNING,
        "no-transcript",
        no_transcript,
        "是录音/录像，尚无文字整理稿（实务中通常要求附录音文字整理）",
        "transcript",
    )
    for flag, items in flagged.items():
        attribute = "captured_at" if flag in _TIME_FLAGS else ""
        found.group(Level.WARNING, f"flag-{flag}", items, f"：{_FLAG_TEXT[flag]}", attribute)
    found.group(Level.WARNING, "flag-edited", edited, f"：{_EDITED_TEXT}")
    found.group(
        Level.WARNING,
        "over-size-limit",
        oversize,
        f"超过分册上限 {size_limit_mb} MB，将单独成册",
    )
    _groups(entries, found)


def _groups(entries: list[ExhibitEntry], found: Findings) -> None:
    """证据组 (spec §1): a group's exhibits are listed together under its heading, and a list that groups
    some exhibits groups them all."""
    if not groups_in_order(entries, lambda entry: entry.group):
        return
    for group, items in split_groups(entries, lambda entry: entry.group).items():
        found.group(
            Level.WARNING,
            "group-apart",
            [(entry, "") for entry in items],
            f"同属证据组“{group}”，但在材料中没有排在一起：证据目录将分几处列出该组。请在证据列表中把同组证据移到一起",
            "group",
        )
    ungrouped = [(entry, "") for entry in entries if not entry.group]
    found.group(
        Level.WARNING,
        "ungrouped",
        ungrouped,
        "没有归入证据组，而其他证据已分组：证据目录将把它们列在各组之外。请为其填写证据组",
        "group",
    )


# --------------------------------------------------------------------------- the parties, claims and facts


def _complaint(case: Case, venue: Venue, found: Findings) -> None:
    """消协/12315 (投诉举报处理办法 art. 10, refused under art. 16 without it) and the walk-in receipt."""
    complainant, respondent = case.complainant, case.respondent
    if venue is Venue.RECEIPT:  # the store's own receipt: no rule of the 办法 applies to it
        if not complainant.name.strip():
            found.warn("no-complainant-name", "缺少顾客姓名", "complainant.name")
        if not complainant.phone.strip():
            found.warn("no-complainant-phone", "缺少顾客电话", "complainant.phone")
        return
    art9 = cite("complaint-measures.materials")
    if not complainant.name.strip():
        found.warn("no-complainant-name", f"缺少投诉人姓名（{art9}）", "complainant.name")
    if not complainant.phone.strip():
        found.warn("no-complainant-phone", f"缺少投诉人电话号码（{art9}）", "complainant.phone")
    if not complainant.address.strip():
        found.warn("no-complainant-address", f"缺少投诉人通讯地址（{art9}）", "complainant.address")
    if not respondent.name.strip():
        found.error(
            "no-respondent",
            "缺少被投诉人名称：投诉应当提供被投诉人的名称（姓名）、地址，未提供的不予受理"
            f"（{law.cite_many(['complaint-measures.materials', 'complaint-measures.not-accepted'], short=True)}）",
            "respondent.name",
        )
    if not respondent.address.strip():
        found.warn("no-respondent-address", f"缺少被投诉人地址（{art9}）", "respondent.address")
    if not case.demands:
        found.warn("no-demands", f"没有填写投诉请求：投诉应当提出具体的投诉请求（{art9}）", "demands")


def _application(case: Case, venue: Venue, found: Findings) -> None:
    """The court complaint (民事诉讼法 arts. 122, 124) and the arbitration application (仲裁法).

    A court does not take a complaint without a clear defendant, specific claims and the facts (art. 122):
    errors. The 仲裁法's conditions for applying (2025 art. 32: an agreement, specific claims, facts and reasons)
    do not name the respondent, so for arbitration the same gaps are warnings citing the application's contents
    (art. 34).
    """
    complainant, respondent = case.complainant, case.respondent
    if venue is Venue.COURT:
        plaintiff, defendant, claims = "原告", "被告", "诉讼请求"
        contents, required, basis = cite("civil-procedure.124"), Level.ERROR, cite("civil-procedure.122")
        why = {
            "respondent": "：起诉必须有明确的被告",
            "demands": "：起诉必须有具体的诉讼请求",
            "facts": "：起诉必须有事实、理由",
        }
    else:
        plaintiff, defendant, claims = "申请人", "被申请人", "仲裁请求"
        contents = cite("arbitration.application-contents")
        required, basis = Level.WARNING, contents
        why = {"demands": "：仲裁申请书应当载明仲裁请求"}
    if not complainant.name.strip():
        found.warn("no-complainant-name", f"缺少{plaintiff}姓名（{contents}）", "complainant.name")
    if not complainant.address.strip():
        found.warn("no-complainant-address", f"缺少{plaintiff}住所（{contents}）", "complainant.address")
    if not respondent.name.strip():
        message = f"缺少{defendant}名称{why.get('respondent', '')}（{basis}）"
        found.add(required, "no-respondent", message, "respondent.name")
    if not respondent.address.strip():
        found.warn("no-respondent-address", f"缺少{defendant}住所（{contents}）", "respondent.address")
    if not case.demands:
        found.add(required, "no-demands", f"没有填写{claims}{why.get('demands', '')}（{basis}）", "demands")
    if not case.facts.strip() and not case.timeline:
        message = f"没有事实和理由，也没有时间线记录{why.get('facts', '')}（{basis}）"
        found.add(required, "no-facts", message, "facts")


def _courier_claim(case: Case, entries: list[ExhibitEntry], organisation: Party, found: Findings) -> None:
    """The claim to the carrier: the merchant claims (shipment.claimant, else the organisation in Settings)."""
    shipment = case.shipment
    kinds = {entry.exhibit.kind for entry in entries}
    claimant, carrier, _customer = claim_parties(case, organisation)
    if not claimant.name.strip():
        found.error(
            "no-claimant",
            "缺少索赔人：快递理赔由商家（通常是寄件人）提出。请填写本案的索赔人，或在设置中填写本单位名称",
            "shipment.claimant.name",
        )
    if not shipment.waybill_no.strip():
        found.error("no-waybill", "缺少运单号：快递企业凭运单号查找快件、受理理赔", "shipment.waybill_no")
    if not carrier.name.strip():
        found.warn(
            "no-carrier",
            f"缺少快递公司（被索赔人）：可以向运单所属企业或实际提供快递服务的企业索赔"
            f"（{cite('express-regulation.claim-against-brand', part=True)}）",
            "shipment.carrier",
        )
    compensation = cite("express-regulation.compensation")
    if EvidenceKind.RECEIPT not in kinds and case.transaction.amount is None:
        found.warn(
            "no-value-proof",
            f"缺少商品价值凭证（发票、订单或付款记录）：未保价的快件依照民事法律确定赔偿，须证明实际损失（{compensation}）",
            "transaction.amount",
        )
    elif EvidenceKind.RECEIPT not in kinds:
        found.warn("no-value-proof", "证据中没有票据/凭证类材料（发票、订单或付款记录）证明商品价值", "exhibits")
    if shipment.insured is None:
        found.warn(
            "insurance-unknown",
            f"未填写是否保价：保价与未保价的快件赔偿规则不同（{compensation}），理赔申请书中的是否保价和请求金额将留空待填",
            "shipment.insured",
        )
    elif shipment.insured and shipment.insured_value is None:
        found.warn(
            "no-insured-value",
            f"已保价但未填写保价金额：保价快件按保价规则赔偿（{compensation}）",
            "shipment.insured_value",
        )
    if EvidenceKind.VIDEO not in kinds:
        found.warn("no-unboxing-video", "缺少开箱视频（从运单、六面外包装到开箱、内物、破损，连续不剪辑）", "exhibits")
    if EvidenceKind.PHOTO not in kinds:
        found.warn("no-package-photos", "缺少外包装照片（各面，运单号可见）", "exhibits")
    if shipment.signed_at and shipment.discovered_at:
        hours = (shipment.discovered_at - shipment.signed_at).total_seconds() / 3600
        if hours > 48:
            found.warn(
                "late-discovery",
                f"签收后 {hours:.0f} 小时才发现异常：快递公司常要求 24–48 小时内提出（非法定期限）；"
                f"在合理期限内未提出异议的，视为已按运单记载交付的初步证据（{cite('civil-code.831')}）",
                "shipment.discovered_at",
            )
