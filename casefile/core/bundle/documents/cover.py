"""The packet's cover: who files it, against whom, where, and what it holds."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from casefile.core.bundle.context import BundleContext, Venue
from casefile.core.bundle.documents.common import DATE_BLANK, _carrier, _defendants, _role_names
from casefile.core.bundle.documents.layout import _Para, _st
from casefile.core.bundle.documents.rules import case_cause, filed_with
from casefile.core.bundle.pdfkit import FONT, blank, esc


def _cover(ctx: BundleContext) -> list[Flowable]:
    st = _st()
    case = ctx.case
    venue = ctx.venue
    rows: list[tuple[str, str]] = [("案件编号", case.number)]
    if venue is Venue.CONSUMER_ASSOCIATION:
        rows += [
            ("投诉人", ctx.party("complainant").name),
            ("被投诉人", ctx.party("respondent").name),
            ("受理机构", "＿＿＿＿＿＿＿＿消费者协会"),
        ]
    elif venue is Venue.ARBITRATION:
        rows += [
            ("申请人", ctx.party("complainant").name),
            ("被申请人", ctx.party("respondent").name),
            ("案由", case_cause(case)),
            ("仲裁机构", filed_with(case, "arbitration_body") or "＿＿＿＿＿＿＿＿仲裁委员会"),
        ]
    elif venue is Venue.COURT:
        defendants = _defendants(ctx)
        rows += [("原告", ctx.party("complainant").name)]
        rows += [(role, p.name) for role, p in zip(_role_names("被告", len(defendants)), defendants, strict=True)]
        rows += [
            ("案由", case_cause(case)),
            ("受诉法院", filed_with(case, "court") or "＿＿＿＿＿＿＿＿人民法院"),
            ("案号", "＿＿＿＿＿＿＿＿（立案后填写）"),
        ]
    elif venue is Venue.COURIER_CLAIM:
        carrier = _carrier(ctx)
        rows += [
            ("运单号", case.shipment.waybill_no),
            ("索赔人", ctx.party("respondent").name),
            ("被索赔人", carrier.name),
            ("派送网点", case.shipment.outlet),
            ("提交对象", "＿＿＿＿＿＿＿＿（快递企业理赔/客服部门）"),
        ]
    rows += [("证据材料", f"共 {len(ctx.entries)} 件（详见证据目录）"), ("提交日期", DATE_BLANK)]
    if ctx.org.name.strip():
        rows.append(("编制", ctx.org.name.strip()))
    table = Table(
        [
            [_Para(esc(label) + "：", st["cover_label"]), _Para(esc(blank(value)), st["cover_value"])]
            for label, value in rows
        ],
        colWidths=[36 * mm, 104 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.5, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 9),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [
        Spacer(1, 38 * mm),
        _Para(esc(venue.heading), st["cover"]),
        Spacer(1, 26 * mm),
        table,
    ]
