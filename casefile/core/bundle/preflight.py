"""What is missing or weak in a case before its bundle is built, per venue.

Errors are kept for packets that cannot be valid at all (arbitration without an
arbitration agreement, a bundle with nothing in it that must have evidence). Everything
else is a warning: the build stops and lists them unless the user accepts them (--force),
and the document then shows a blank to fill by hand.
"""

from __future__ import annotations

from casefile.core.bundle.context import ExhibitEntry, Finding, Level, Venue
from casefile.core.model import Case, EvidenceKind

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
    "edited": "文件元数据显示其曾经软件处理或另存，对方可能质疑其原始性，建议准备原始载体",
}

_TIME_FLAGS = {"captured-after-added", "time-disagrees"}


def preflight(case: Case, venue: Venue, entries: list[ExhibitEntry], *, size_limit_mb: int | None) -> list[Finding]:
    findings: list[Finding] = []

    def warn(code: str, message: str, exhibit: int | None = None) -> None:
        findings.append(Finding(Level.WARNING, code, message, exhibit))

    def error(code: str, message: str) -> None:
        findings.append(Finding(Level.ERROR, code, message))

    kinds = {entry.exhibit.kind for entry in entries}

    if venue is Venue.ARBITRATION and EvidenceKind.ARBITRATION_AGREEMENT not in kinds:
        error(
            "no-arbitration-agreement",
            "没有仲裁协议：仲裁须以当事人之间的仲裁协议为前提（《仲裁法》第四条、第二十一条），"
            "请先添加仲裁协议或含仲裁条款的合同页："
            f"casefile add {case.number} 文件 --kind arbitration-agreement",
        )

    if venue is not Venue.RECEIPT and not entries:
        warn("no-evidence", "没有任何证据：材料将只有文书，没有证据部分")

    for entry in entries:
        e = entry.exhibit
        if venue is not Venue.RECEIPT and not e.purpose.strip():
            warn("no-purpose", f"证据{entry.label}（{e.title}）没有填写证明目的", e.number)
        if e.kind in _MEDIA and (e.transcript is None or not e.transcript.lines) and venue is not Venue.RECEIPT:
            warn(
                "no-transcript",
                f"证据{entry.label}（{e.title}）是录音/录像，尚无文字整理稿（实务中通常要求附录音文字整理）",
                e.number,
            )
        for flag in e.flags if venue is not Venue.RECEIPT else ():  # a receipt only lists materials
            if flag in _TIME_FLAGS and e.captured_at_source == "user":
                continue  # the time was checked and set by hand
            if flag in _FLAG_TEXT:
                warn(f"flag-{flag}", f"证据{entry.label}（{e.original_name}）：{_FLAG_TEXT[flag]}", e.number)
        if size_limit_mb and e.size > size_limit_mb * 1024 * 1024 and e.kind not in _MEDIA:
            warn(
                "over-size-limit",
                f"证据{entry.label}（{e.original_name}）大小 {e.size / 1048576:.1f} MB，"
                f"超过分册上限 {size_limit_mb} MB，将单独成册",
                e.number,
            )

    complainant, respondent = case.complainant, case.respondent
    if venue in (Venue.CONSUMER_ASSOCIATION, Venue.RECEIPT):
        if not complainant.name.strip():
            warn("no-complainant-name", "缺少投诉人姓名（《市场监督管理投诉举报处理暂行办法》第九条）")
        if not complainant.phone.strip():
            warn("no-complainant-phone", "缺少投诉人电话")
    if venue is Venue.CONSUMER_ASSOCIATION:
        if not complainant.address.strip():
            warn("no-complainant-address", "缺少投诉人通讯地址（《市场监督管理投诉举报处理暂行办法》第九条）")
        if not respondent.name.strip():
            warn("no-respondent", "缺少被投诉人名称：无明确被投诉人的投诉不予受理")
        if not respondent.address.strip():
            warn("no-respondent-address", "缺少被投诉人地址")
        if not case.demands:
            warn("no-demands", "没有填写投诉请求：请求应当具体明确")
    if venue in (Venue.COURT, Venue.ARBITRATION):
        role = "原告" if venue is Venue.COURT else "申请人"
        other = "被告" if venue is Venue.COURT else "被申请人"
        if not complainant.name.strip():
            warn("no-complainant-name", f"缺少{role}姓名")
        if not complainant.address.strip():
            warn("no-complainant-address", f"缺少{role}住所（《民事诉讼法》第一百二十四条）")
        if not respondent.name.strip():
            warn("no-respondent", f"缺少{other}名称（起诉须有明确的被告）")
        if not respondent.address.strip():
            warn("no-respondent-address", f"缺少{other}住所（《民事诉讼法》第一百二十四条）")
        if not case.demands:
            warn("no-demands", "没有填写请求事项：请求应当具体")
        if not case.facts.strip() and not case.timeline:
            warn("no-facts", "没有事实与理由，也没有时间线记录")
    if venue is Venue.COURIER_CLAIM:
        shipment = case.shipment
        if not shipment.waybill_no.strip():
            warn("no-waybill", "缺少运单号")
        if not (shipment.carrier.strip() or (case.courier and case.courier.name.strip())):
            warn("no-carrier", "缺少快递公司（被索赔人）")
        if EvidenceKind.RECEIPT not in kinds and case.transaction.amount is None:
            warn("no-value-proof", "缺少商品价值凭证（发票、订单或付款记录）：未保价时须证明实际损失")
        elif EvidenceKind.RECEIPT not in kinds:
            warn("no-value-proof", "证据中没有票据/凭证类材料（发票、订单或付款记录）证明商品价值")
        if shipment.insured and shipment.declared_value is None:
            warn("no-declared-value", "已保价但未填写保价金额")
        if EvidenceKind.VIDEO not in kinds:
            warn("no-unboxing-video", "缺少开箱视频（从运单、六面外包装到开箱、内物、破损，连续不剪辑）")
        if EvidenceKind.PHOTO not in kinds:
            warn("no-package-photos", "缺少外包装照片（各面，运单号可见）")
        if shipment.signed_at and shipment.discovered_at:
            hours = (shipment.discovered_at - shipment.signed_at).total_seconds() / 3600
            if hours > 48:
                warn(
                    "late-discovery",
                    f"签收后 {hours:.0f} 小时才发现异常：快递公司常要求 24–48 小时内提出（非法定期限）",
                )
    return findings
