"""(b) 仲裁申请书 and the notes that close the arbitration packet (spec §7(b))."""

from __future__ import annotations

from reportlab.platypus import Flowable

from casefile.core import law
from casefile.core.bundle.context import BundleContext
from casefile.core.bundle.documents.common import (
    LAW_CPL,
    _claims,
    _closing_block,
    _labels,
    _narrative,
    _party_fields,
    _party_paragraph,
    on_day,
)
from casefile.core.bundle.documents.layout import _h, _numbered, _p, _title
from casefile.core.model import (
    EvidenceKind,
)


def _arbitration_application(ctx: BundleContext) -> list[Flowable]:
    me, them = ctx.party("complainant"), ctx.party("respondent")
    agreements = _labels(
        ctx, [e.exhibit.number for e in ctx.entries if e.exhibit.kind is EvidenceKind.ARBITRATION_AGREEMENT]
    )
    story: list[Flowable] = [
        _title("仲裁申请书"),
        _party_paragraph("申请人", _party_fields(ctx, me, full_person=True, service=False), me.name),
        _party_paragraph("被申请人", _party_fields(ctx, them, full_person=True, service=False), them.name),
        _h("仲裁请求："),
        *_claims(ctx, "裁决被申请人", "向申请人", "本案仲裁费用由被申请人承担"),
        _h("事实和理由："),
        *_narrative(ctx, "申请人与被申请人协商情况"),
    ]
    if agreements:
        story.append(
            _p(
                f"申请人与被申请人之间订有仲裁协议（见{agreements}），约定争议提交仲裁。"
                "现依据该仲裁协议提出仲裁申请，请依法裁决。",
                "indent",
            )
        )
    else:
        story.append(
            _p("申请人与被申请人之间订有仲裁协议（见证据＿＿＿），现依据该仲裁协议提出仲裁申请，请依法裁决。", "indent")
        )
    story += [
        _closing_block(
            [
                _h("证据和证据来源、证人姓名和住所："),
                _p(f"详见证据目录（共 {len(ctx.entries)} 件）。", "indent"),
            ],
            "此致",
            "＿＿＿＿＿＿＿＿仲裁委员会",
            "申请人（签名/盖章）：",
            ctx,
            [
                "本申请书副本 1 份",
                f"仲裁协议（见{agreements}）" if agreements else "仲裁协议＿＿份",
                f"证据目录及证据 共 {len(ctx.entries)} 件",
                "身份证明（申请人身份证明；被申请人主体资格证明）",
            ],
        ),
    ]
    return story


def _arbitration_notes(ctx: BundleContext) -> list[Flowable]:
    day = on_day(ctx)
    items = [
        "仲裁以当事人之间的仲裁协议为前提：没有仲裁协议的，仲裁机构不予受理"
        f"（{law.cite_on('arbitration.no-agreement-not-accepted', day)}）；仲裁协议应当有请求仲裁的意思表示、"
        f"仲裁事项和选定的仲裁机构（{law.cite_on('arbitration.agreement-contents', day)}）。"
        f"消费者申请仲裁，须根据与经营者达成的仲裁协议（{LAW_CPL}第三十九条）。",
        "提交仲裁协议、仲裁申请书及副本（每一被申请人一份）"
        f"（{law.cite_on('arbitration.application-submission', day)}）。",
        "各仲裁委员会的仲裁规则可能另有要求（如出生日期、民族、有效通讯方式，证据逐项编号并签名、注明日期），"
        "提交前请对照所选仲裁委员会的现行规则核对。",
        "证据目录须签名或盖章并注明提交日期；电子证据请携带原始设备或介质以备核对。",
    ]
    return [_title("提交须知"), *_numbered(items, ending=None, last=None)]
