"""(b) 仲裁申请书 and the notes that close the arbitration packet (spec §7(b))."""

from __future__ import annotations

from reportlab.platypus import Flowable

from casefile.core import law
from casefile.core.bundle.context import BundleContext
from casefile.core.bundle.documents.claims import bases, claim_total, claims, phone_rule_paragraph
from casefile.core.bundle.documents.common import (
    ARBITRATION,
    _closing_block,
    _labels,
    _narrative,
    _party_fields,
    _party_paragraph,
    claims_costs,
    copies_for,
    fmt_amount,
    on_day,
    storage_medium,
)
from casefile.core.bundle.documents.layout import _h, _numbered, _p, _title
from casefile.core.bundle.documents.rules import ARBITRATION_BODY_BLANK, case_cause, filed_with
from casefile.core.model import EvidenceKind, Party

COSTS = "本案仲裁费用由被申请人承担"  # the claim for the costs, unless declined (Filing.claim_costs, as in court)


def _respondents(ctx: BundleContext) -> list[Party]:
    """Who the application is against: the respondent (the one party to the agreement)."""
    return [ctx.party("respondent")]


def evidence_sets(ctx: BundleContext) -> int:
    """How many sets of the evidence list and evidence an arbitration application goes in with: the original for
    the commission and a copy (副本) for each respondent, as the commissions usually ask (仲裁法 requires copies
    but sets no number; the notes say so). The evidence list's 份数 and the application's 附 say this number;
    the packet prints one set, and the notes ask for the copies to be made from it."""
    return 1 + len(_respondents(ctx))


def _arbitration_application(ctx: BundleContext, copy_for: str = "") -> list[Flowable]:
    """仲裁申请书 (仲裁法 as revised, in force 2026-03-01): the parties, the claims with their
    amounts and bases, the facts in the third person, the agreement relied on, the institution;
    ``copy_for`` names the respondent a copy (副本) is for."""
    me, them = ctx.party("complainant"), ctx.party("respondent")
    respondents = _respondents(ctx)
    day = on_day(ctx)
    agreements = _labels(
        ctx,
        [
            e.exhibit.number
            for e in ctx.entries
            if e.exhibit.kind is EvidenceKind.ARBITRATION_AGREEMENT and not e.exhibit.agreement_status
        ],
    )
    items = claims(ctx, ARBITRATION)
    numbered = [f"裁决{c.text}" for c in items] or ["裁决＿＿＿＿＿＿＿＿＿＿＿＿"]
    total = claim_total(items)
    written, cited = bases(items, day)
    body = filed_with(ctx.case, "arbitration_body")
    story: list[Flowable] = [
        *([_p(f"副　本（送达{copy_for}）", "right")] if copy_for else []),
        _title("仲裁申请书"),
        _party_paragraph("申请人", _party_fields(ctx, me, full_person=True, service=False), me.name),
    ]
    agent = ctx.case.agent
    if agent is not None and not agent.is_empty():
        story.append(
            _party_paragraph("委托代理人", [("工作单位", agent.employer), ("联系电话", agent.phone)], agent.name)
        )
    story += [
        _party_paragraph("被申请人", _party_fields(ctx, them, full_person=True, service=False), them.name),
        _p(f"案由：{case_cause(ctx.case)}", "party"),
        _h("仲裁请求："),
        *_numbered([*numbered, *([COSTS] if claims_costs(ctx) else [])]),
    ]
    if total is not None and len([c for c in items if c.money]) > 1:
        story.append(_p(f"以上金额合计 {fmt_amount(total)}。", "indent"))
    story += [
        _h("事实和理由："),
        *_narrative(ctx, "申请人与被申请人协商情况", ARBITRATION),
        *phone_rule_paragraph(ctx, ARBITRATION),
    ]
    if written or cited:
        story.append(_p("申请人的请求依据：" + "；".join(written + cited) + "。", "indent"))
    where = f"（见{agreements}）" if agreements else "（见证据＿＿＿）"
    chosen = f"提交{body}仲裁" if body else "提交仲裁"
    story.append(
        _p(
            f"申请人与被申请人之间订有仲裁协议{where}，约定争议{chosen}。"
            f"现依据该仲裁协议及{law.cite_on('arbitration.application-conditions', day)}提出仲裁申请，请依法裁决。",
            "indent",
        )
    )
    story.append(
        _closing_block(
            [
                _h("证据和证据来源、证人姓名和住所："),
                _p(f"详见证据目录（共 {len(ctx.entries)} 件）。", "indent"),
            ],
            "此致",
            body or ARBITRATION_BODY_BLANK,
            "申请人（签名/盖章）：",
            ctx,
            [
                f"本申请书副本 {len(respondents)} 份",
                f"仲裁协议（见{agreements}）" if agreements else "仲裁协议＿＿份",
                f"证据目录及证据 共 {len(ctx.entries)} 件，一式 {evidence_sets(ctx)} 份"
                f"（正本 1 份，副本 {len(respondents)} 份）",
                *storage_medium(ctx),
                "身份证明（申请人身份证明；被申请人主体资格证明）",
                *(["授权委托书 1 份"] if agent is not None and not agent.is_empty() else []),
                *(["律师事务所函及律师执业证复印件"] if agent is not None and agent.is_lawyer() else []),
            ],
        )
    )
    return story


def application_copies(ctx: BundleContext) -> list[tuple[str, list[Flowable]]]:
    """本申请书副本: one copy of the application per respondent (仲裁法: the application and its
    copies are submitted), in the packet."""
    return copies_for("仲裁申请书", "被申请人", _respondents(ctx), lambda to: _arbitration_application(ctx, to))


def _arbitration_notes(ctx: BundleContext) -> list[Flowable]:
    day = on_day(ctx)
    items = [
        "仲裁以当事人之间的仲裁协议为前提：没有仲裁协议的，仲裁机构不予受理"
        f"（{law.cite_on('arbitration.no-agreement-not-accepted', day)}）；仲裁协议应当有请求仲裁的意思表示、"
        f"仲裁事项和选定的仲裁机构（{law.cite_on('arbitration.agreement-contents', day)}）。"
        f"消费者申请仲裁，须根据与经营者达成的仲裁协议（{law.cite_on('consumer-protection.39', day)}）。",
        f"提交仲裁协议、仲裁申请书及副本（{law.cite_on('arbitration.application-submission', day)}）。"
        "副本的份数法律未作规定：仲裁机构通常要求每一被申请人一份，证据材料也常须按仲裁庭组成人数和被申请人人数"
        "另备副本（仲裁机构的通常做法，以所选仲裁机构的规则和要求为准）。"
        f"本材料已附申请书副本 {len(_respondents(ctx))} 份；证据目录及证据只印一份，目录“份数”栏按正本 1 份"
        f"及每一被申请人副本 1 份计（共 {evidence_sets(ctx)} 份），提交前请按此复印，"
        "仲裁机构要求更多份数的，按其要求另备。",
        "各仲裁机构的仲裁规则可能另有要求（如出生日期、民族、有效通讯方式，证据逐项编号并签名、注明日期），"
        "提交前请对照所选仲裁机构的现行规则核对。",
        "证据目录须签名或盖章并注明提交日期；电子证据请携带原始设备或介质以备核对。",
    ]
    return [_title("提交须知"), *_numbered(items, ending=None, last=None)]
