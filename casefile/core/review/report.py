"""The periodic review as a report: a PDF of tables and pictures, and the same tables as a workbook.

The tables are made once (:func:`tables`) and written twice: formatted for reading in the PDF,
as plain numbers in the .xlsx (shares in per cent, money in yuan, days to one decimal). The
pictures are drawn by matplotlib (Agg, no screen) at a fixed resolution, in CaseFile's own
CJK font (the one the bundles embed), so Chinese labels look the same on every machine.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from casefile.core.fsutil import atomic_write_bytes
from casefile.core.review.facts import FUNNEL
from casefile.core.review.queries import INTAKE, Figures, GroupBy, Period, Review
from casefile.core.spreadsheet import Number, Sheet, write_workbook
from casefile.core.workflow.clocks import CST

DPI = 150  # the pictures' resolution: sharp on paper at the width they are placed

GROUP_NAMES = {
    GroupBy.TYPE: "类型",
    GroupBy.CHANNEL: "渠道",
    GroupBy.RESPONSIBILITY: "责任方",
    GroupBy.RESPONDENT: "被投诉方",
    GroupBy.OPERATOR: "经办人",
}
VALUE_NAMES: dict[GroupBy, dict[str, str]] = {
    GroupBy.TYPE: {
        "quality": "产品质量",
        "logistics": "物流快递",
        "service": "服务",
        "transaction": "交易退款费用",
        "information": "虚假误导信息",
    },
    GroupBy.CHANNEL: {
        "phone": "电话",
        "online": "在线客服",
        "email": "电子邮件",
        "social": "社交媒体",
        "store": "门店",
    },
    GroupBy.RESPONSIBILITY: {
        "undetermined": "未认定",
        "merchant": "商家",
        "courier": "快递企业",
        "manufacturer": "生产者",
        "customer": "消费者",
        "third_party": "第三方",
    },
}
FUNNEL_NAMES = {
    "negotiation": "协商",
    "mediation": "内部调解",
    "agency": "消协 / 12315",
    "litigation": "仲裁 / 诉讼",
    "execution": "执行",
}


def value_name(by: GroupBy | None, value: str) -> str:
    if by is None:
        return value
    return VALUE_NAMES.get(by, {}).get(value, value) or "（未填）"


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class V:
    """A figure and how it reads: count, share (0-1), money (fen), days, score; or a change in one."""

    kind: str
    value: Any
    change: bool = False

    def text(self) -> str:
        v = self.value
        if v is None:
            return "—"
        sign = ("+" if v > 0 else "") if self.change else ""
        if self.kind == "share":
            return f"{sign}{v * 100:.1f}{'个百分点' if self.change else '%'}"
        if self.kind == "money":
            return f"{'-' if v < 0 else sign}¥{abs(Decimal(v)) / 100:,.2f}"
        if self.kind in ("days", "score"):
            return f"{sign}{v:.1f}"
        return f"{sign}{v:,}"

    def cell(self) -> Number | int | str:
        """The figure as a workbook cell that reads as the PDF does: a rate as a percentage (its change in
        percentage points), money in yuan, days and scores to 0.1, a change with its sign; "—" for none."""
        v: Any = self.value
        if v is None:
            return "—"
        change = "-change" if self.change else ""
        if self.kind == "share":
            # a rate is a fraction shown as a percentage; its change is in percentage points
            return Number(round(float(v) * 100, 1), "points") if self.change else Number(round(float(v), 3), "percent")
        if self.kind == "money":
            return Number(Decimal(v) / 100, f"yuan{change}")
        if self.kind in ("days", "score"):
            return Number(round(float(v), 1), f"decimal{change}")
        return Number(int(v), "count-change") if self.change else int(v)


Cell = str | V


@dataclass(frozen=True)
class Table:
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    widths: Sequence[float]  # relative column widths


def _delta(kind: str, now: Any, before: Any) -> V:
    """The change as the two figures read (11.6 after 11.4 is +0.2, whatever lay behind the rounding)."""
    if now is None or before is None:
        return V(kind, None, change=True)
    return V(kind, shown(kind, now) - shown(kind, before), change=True)


def shown(kind: str, value: Any) -> Any:
    """A figure rounded as it is printed: days and scores to 0.1, shares to 0.1 per cent."""
    if kind in ("days", "score"):
        return round(float(value), 1)
    if kind == "share":
        return round(float(value), 3)
    return value


# The overview's rows: label, kind, how the figure is read from Figures.
OVERVIEW: list[tuple[str, str, Callable[[Figures], Any]]] = [
    ("受理（件）", "count", lambda f: f.received),
    ("结案（件）", "count", lambda f: f.closed),
    ("解决率", "share", lambda f: f.resolved_share),
    ("部分解决（件）", "count", lambda f: f.partly),
    ("满意度（1–5）", "score", lambda f: f.satisfaction),
    ("处理时长中位数（自然日）", "days", lambda f: f.days_median),
    ("处理时长第90百分位（自然日）", "days", lambda f: f.days_p90),
    ("处理时长中位数（工作日）", "days", lambda f: f.working_median),
    ("处理时长第90百分位（工作日）", "days", lambda f: f.working_p90),
    ("响应承诺到期（件）", "count", lambda f: f.promises),
    ("响应承诺达成率", "share", lambda f: f.promises_share),
    ("法定时限到期（件）", "count", lambda f: f.duties),
    ("法定时限达成率", "share", lambda f: f.duties_share),
    ("调解结束（件）", "count", lambda f: f.mediation_decided),
    ("调解成功率", "share", lambda f: f.mediation_share),
    ("约定或裁决金额", "money", lambda f: f.outcome_fen),
    ("已支付赔偿", "money", lambda f: f.paid_fen),
    ("追偿收回", "money", lambda f: f.recovered_fen),
    ("向快递企业索赔的案件（件）", "count", lambda f: f.courier_claims),
    ("其中已从快递企业收回（件）", "count", lambda f: f.courier_recovered),
    ("上述案件从快递企业收回", "money", lambda f: f.courier_recovered_fen),
    ("结案证据完整度", "share", lambda f: f.evidence_share),
]
GROUP_COLUMNS: list[tuple[str, str, Callable[[Figures], Any]]] = [
    ("受理", "count", lambda f: f.received),
    ("结案", "count", lambda f: f.closed),
    ("解决率", "share", lambda f: f.resolved_share),
    ("中位数\n自然日", "days", lambda f: f.days_median),
    ("P90\n自然日", "days", lambda f: f.days_p90),
    ("中位数\n工作日", "days", lambda f: f.working_median),
    ("P90\n工作日", "days", lambda f: f.working_p90),
    ("响应承诺\n达成率", "share", lambda f: f.promises_share),
    ("法定时限\n达成率", "share", lambda f: f.duties_share),
    ("已支付", "money", lambda f: f.paid_fen),
    ("追偿收回", "money", lambda f: f.recovered_fen),
]


def tables(r: Review) -> list[Table]:
    """The report's tables, in the order they are printed."""
    overview: list[list[Cell]] = [
        [label, V(kind, get(r.total)), V(kind, get(r.previous)), _delta(kind, get(r.total), get(r.previous))]
        for label, kind, get in OVERVIEW
    ]
    overview += [
        ["重复投诉人（人）", V("count", r.repeat_complainants), "", ""],
        ["重复投诉人的案件（件）", V("count", r.repeat_complainant_cases), "", ""],
    ]
    out = [
        Table("总览", ["指标", "本期", "上期", "变化"], overview, [5, 2.4, 2.4, 2.6]),
        Table(
            "升级漏斗",
            ["环节", "本期（件）", "占受理", "上期（件）"],
            [
                [
                    FUNNEL_NAMES[step],
                    V("count", r.total.funnel[step]),
                    V("share", r.total.funnel[step] / r.total.received if r.total.received else None),
                    V("count", r.previous.funnel[step]),
                ]
                for step in FUNNEL
            ],
            [4, 2, 2, 2],
        ),
    ]
    for by in INTAKE:
        before = dict(r.previous_intake[by])
        now = dict(r.intake[by])
        names = [n for n, _ in r.intake[by]] + [n for n, _ in r.previous_intake[by] if n not in now]
        out.append(
            Table(
                f"受理：按{GROUP_NAMES[by]}",
                [GROUP_NAMES[by], "本期（件）", "上期（件）"],
                [[value_name(by, n), V("count", now.get(n, 0)), V("count", before.get(n, 0))] for n in names],
                [4, 2, 2],
            )
        )
    if r.by is not None:
        out.append(
            Table(
                f"按{GROUP_NAMES[r.by]}分组",
                [GROUP_NAMES[r.by], *(c[0] for c in GROUP_COLUMNS)],
                [[value_name(r.by, g), *(V(kind, get(f)) for _, kind, get in GROUP_COLUMNS)] for g, f in r.groups],
                [2.4, 1.0, 1.0, 1.6, 1.3, 1.3, 1.3, 1.3, 1.6, 1.6, 2.5, 2.3],
            )
        )
    out.append(
        Table(
            "重复被投诉方",
            ["被投诉方", "本期案件（件）"],
            [[name, V("count", n)] for name, n in r.repeat_respondents],
            [6, 2],
        )
    )
    return out


# --------------------------------------------------------------------------- the workbook


def period_text(period: Period, *, days: bool = True) -> str:
    """A period as the report says it: 2026年11月01日 至 2026年11月30日（30 天）."""
    text = f"{period.first:%Y年%m月%d日} 至 {period.last:%Y年%m月%d日}"
    return f"{text}（{period.days} 天）" if days else text


def write_xlsx(r: Review, path: Path) -> None:
    """The report's tables as one workbook, a sheet each: numbers as numbers, in the PDF's formats (V.cell).
    The first sheet (总览) says, as the PDF's first lines do, the period and the one compared with, in its
    本期 and 上期 columns: renamed or sent on, the workbook still says what its figures cover."""
    said: list[list[Cell]] = [
        ["统计期间", period_text(r.period), period_text(r.period.previous()), ""],
        ["统计时间", f"{r.as_of.astimezone(CST):%Y年%m月%d日 %H:%M}", "", ""],
    ]
    if r.by is not None:
        said.append(["分组", f"按{GROUP_NAMES[r.by]}", "", ""])
    first, *rest = tables(r)
    first = Table(first.title, first.header, [*said, *first.rows], first.widths)
    sheets = [
        Sheet(
            t.title,
            [h.replace("\n", "") for h in t.header],
            [[c.cell() if isinstance(c, V) else c for c in row] for row in t.rows],
            [max(10, int(w * 7)) for w in t.widths],
        )
        for t in (first, *rest)
    ]
    write_workbook(path, sheets)


# --------------------------------------------------------------------------- the pictures


def _figures() -> Callable[..., Any]:
    """A maker of matplotlib figures drawn by Agg in CaseFile's CJK font.

    Figures are made as objects, never through pyplot: no global state, so a report can be drawn
    on any thread (the app saves it on a worker thread) and no GUI backend is ever loaded.
    """
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    from casefile.resources import resource_path

    path = str(resource_path("fonts", "wqy-microhei.ttc"))
    font_manager.fontManager.addfont(path)
    name = font_manager.FontProperties(fname=path).get_name()
    # Only the report draws with matplotlib in CaseFile: its settings are the process's.
    matplotlib.rcParams.update(
        {
            "font.family": name,
            "axes.unicode_minus": False,  # the font has no U+2212
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )

    def figure(rows: int = 1, columns: int = 1, *, size: tuple[float, float]) -> tuple[Any, Any]:
        fig = Figure(figsize=size, layout="tight")
        return fig, fig.subplots(rows, columns)

    return figure


NOW_COLOUR, BEFORE_COLOUR = "#2f6fb0", "#b9c7d6"


def _paired_bars(
    ax: Any,
    labels: list[str],
    now: Sequence[float | None],
    before: Sequence[float | None],
    *,
    percent: bool = False,
) -> None:
    """Bars of this period and the one before; a figure there is none of (a rate with nothing due, no
    mediation ended: None) has no bar, and says "—", as the tables do, never 0%."""
    from matplotlib.ticker import MaxNLocator

    ys = list(range(len(labels)))
    ax.barh([y - 0.2 for y in ys], [v or 0 for v in now], height=0.4, color=NOW_COLOUR, label="本期")
    ax.barh([y + 0.2 for y in ys], [v or 0 for v in before], height=0.4, color=BEFORE_COLOUR, label="上期")
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    for y, v in zip(ys, now, strict=True):
        if v is None:
            ax.text(0, y - 0.2, " —（无数据）", va="center", fontsize=7)
        else:
            ax.text(v, y - 0.2, f" {v:.0f}%" if percent else f" {v:.0f}", va="center", fontsize=7)
    if percent:
        ax.set_xlim(0, 110)
    ax.tick_params(labelsize=8)
    if not percent:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: whole numbers


def _percent(share: float | None) -> float | None:
    return None if share is None else 100 * share


def charts(r: Review) -> list[tuple[str, bytes]]:
    """(caption, PNG) for each picture of the report."""
    figure = _figures()
    out: list[tuple[str, bytes]] = []

    def save(fig: Any, caption: str) -> None:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        out.append((caption, buffer.getvalue()))

    fig, axes = figure(1, 3, size=(9, 3.2))
    for ax, by in zip(axes, INTAKE, strict=True):
        now = dict(r.intake[by])
        before = dict(r.previous_intake[by])
        names = [n for n, _ in r.intake[by]] + [n for n, _ in r.previous_intake[by] if n not in now]
        _paired_bars(
            ax, [value_name(by, n) for n in names], [now.get(n, 0) for n in names], [before.get(n, 0) for n in names]
        )
        ax.set_title(f"按{GROUP_NAMES[by]}", fontsize=9)
    axes[0].legend(fontsize=7, loc="best")
    save(fig, "图1　受理量：本期与上期")

    fig, (left, right) = figure(1, 2, size=(9, 3.2))
    _paired_bars(
        left,
        [FUNNEL_NAMES[s] for s in FUNNEL],
        [r.total.funnel[s] for s in FUNNEL],
        [r.previous.funnel[s] for s in FUNNEL],
    )
    left.set_title("升级漏斗（件）", fontsize=9)
    left.legend(fontsize=7, loc="best")
    rates: list[tuple[str, Callable[[Figures], float | None]]] = [
        ("响应承诺达成", lambda f: f.promises_share),
        ("法定时限达成", lambda f: f.duties_share),
        ("解决率", lambda f: f.resolved_share),
        ("调解成功", lambda f: f.mediation_share),
        ("结案证据完整", lambda f: f.evidence_share),
    ]
    _paired_bars(
        right,
        [name for name, _ in rates],
        [_percent(get(r.total)) for _, get in rates],
        [_percent(get(r.previous)) for _, get in rates],
        percent=True,
    )
    right.set_title("达成率与成功率（%）", fontsize=9)
    save(fig, "图2　升级漏斗与各项达成率")

    if r.by is not None and r.groups:
        shown = [(g, f) for g, f in r.groups if f.working_median is not None][:12]
        if shown:
            fig, ax = figure(size=(9, 0.5 + 0.32 * len(shown)))
            labels = [value_name(r.by, g) for g, _ in shown]
            ys = list(range(len(shown)))
            ax.barh(
                [y - 0.2 for y in ys],
                [f.working_median or 0 for _, f in shown],
                height=0.4,
                color=NOW_COLOUR,
                label="中位数",
            )
            ax.barh(
                [y + 0.2 for y in ys],
                [f.working_p90 or 0 for _, f in shown],
                height=0.4,
                color="#e3a04f",
                label="第90百分位",
            )
            ax.set_yticks(ys, labels)
            ax.invert_yaxis()
            ax.tick_params(labelsize=8)
            ax.set_xlabel("工作日", fontsize=8)
            ax.legend(fontsize=7, loc="best")
            save(fig, f"图3　按{GROUP_NAMES[r.by]}的处理时长（工作日，本期结案）")
    return out


# --------------------------------------------------------------------------- the PDF


NOTES = [
    "受理、升级漏斗、调解、金额与重复投诉按本期受理（投诉时间在本期）的案件统计；结案、解决率、满意度、处理时长与证据完整度按本期结案的案件统计。",
    "响应承诺与法定时限按到期时间在本期且在统计时已到期者计算：到期前完成为达成；案件在到期前结案而未完成的不计入。",
    "处理时长自投诉时间至结案时间；工作日按国务院办公厅公布的节假日安排（含调休上班日）计算，不含投诉当日。中位数为居中值（偶数个时取中间两值的平均），第90百分位取第⌈0.9n⌉个值。",
    "结案证据完整度：按案件类型应有的证据类别（购买凭证、商品状况、沟通记录、运单、宣传内容）中，至少有一件未撤回证据的类别所占比例。",
    "上期为紧接本期之前、天数相同的期间。金额单位为元。",
]


def write_pdf(r: Review, path: Path, *, title: str = "投诉处理定期复盘报告") -> None:
    """The report as a PDF at ``path`` (A4, the bundles' fonts embedded), replaced whole or left as it was."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, KeepTogether, SimpleDocTemplate, Spacer

    from casefile.core.bundle.pdfkit import MARGINS, PAGE, TEXT_WIDTH, esc, grid, heading, para, register_fonts

    register_fonts()
    story: list[Any] = [
        para(esc(title), "title"),
        para(esc(f"统计期间：{period_text(r.period)}"), "body"),
        para(esc(f"对比期间：{period_text(r.period.previous(), days=False)}"), "body"),
        para(esc(f"统计时间：{r.as_of.astimezone(CST):%Y年%m月%d日 %H:%M}"), "body"),
    ]
    if r.by is not None:
        story.append(para(esc(f"分组：按{GROUP_NAMES[r.by]}"), "body"))
    story.append(Spacer(1, 4 * mm))
    pictures = charts(r)
    all_tables = tables(r)
    overview, rest = all_tables[0], all_tables[1:]
    story += _table(overview, TEXT_WIDTH, grid, heading)
    for caption, png in pictures[:2]:
        story.append(_picture(png, caption, TEXT_WIDTH, Image, KeepTogether, para))
    for t in rest:
        story += _table(t, TEXT_WIDTH, grid, heading)
    for caption, png in pictures[2:]:
        story.append(_picture(png, caption, TEXT_WIDTH, Image, KeepTogether, para))
    story.append(heading("说明"))
    story += [para(esc(f"{i}. {note}"), "note") for i, note in enumerate(NOTES, 1)]
    left, right, top, bottom = MARGINS
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author="CaseFile",
    )
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    atomic_write_bytes(Path(path), buffer.getvalue())


def _table(t: Table, width: float, grid: Any, heading: Any) -> list[Any]:
    from casefile.core.bundle.pdfkit import esc, para

    if not t.rows:
        return []
    scale = width / sum(t.widths)
    small = len(t.header) > 6  # a wide table: its header and cells in 小五
    header = [para(esc(h).replace("\n", "<br/>"), "th_small") for h in t.header] if small else list(t.header)
    rows = [header, *[[c.text() if isinstance(c, V) else c for c in row] for row in t.rows]]
    return [heading(t.title), grid(rows, [w * scale for w in t.widths], cell_style="cell_small" if small else "cell")]


def _picture(png: bytes, caption: str, width: float, image: Any, keep: Any, para: Any) -> Any:
    from PIL import Image as PILImage

    from casefile.core.bundle.pdfkit import esc

    with PILImage.open(io.BytesIO(png)) as im:
        w, h = im.size
    return keep([image(io.BytesIO(png), width=width, height=width * h / w), para(esc(caption), "caption")])


def _footer(canvas: Any, doc: Any) -> None:
    from casefile.core.bundle.pdfkit import FONT, PAGE, STAMP_EDGE, STAMP_SIZE

    canvas.saveState()
    canvas.setFont(FONT, STAMP_SIZE)
    canvas.drawCentredString(PAGE[0] / 2, STAMP_EDGE, f"第 {doc.page} 页")
    canvas.restoreState()
