"""A library of a few hundred realistic disputes over six months, handled through every stage, and
the periodic review rendered from it.

    .venv/bin/python tools/sample_workflow.py OUT_DIR [--cases N] [--docs]

Makes OUT_DIR/library (every channel, type and priority; responsibility findings, negotiation
rounds, internal mediation, 消协, 12315 and 12305 complaints, arbitration and lawsuits with their
numbers and dates, outcomes, payments and money recovered from couriers and manufacturers,
closings with satisfaction, a few reopenings, evidence of each kind), then the review of the last
three months against the three before, grouped by type: OUT_DIR/review.pdf, OUT_DIR/review.xlsx
and PNG renderings of its pages (pdftoppm, from poppler-utils). With --docs the report's first
two pages are copied to docs/review-report-*.png.

Every eighth closed case then enters the 定期复盘 stage. The cases are written through the
library's public calls: ``Library.create_case`` for the registration (with the handling records
of ``Case.workflow`` in the creation entry, all but its closings and reopenings), ``CaseWriter.set_stage``,
``close_case``, ``reopen_case`` and ``CaseWriter.add_event`` for the stages and the timeline,
``add_files`` for the evidence. The same seed makes the same library.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PIL import Image  # noqa: E402

from casefile.core.evidence import AddOptions, add_files  # noqa: E402
from casefile.core.library import Library, case_from_fields  # noqa: E402
from casefile.core.model import EventKind, EvidenceKind, Stage, TimelineEvent  # noqa: E402
from casefile.core.review.queries import GroupBy, Period, review  # noqa: E402
from casefile.core.review.report import write_pdf, write_xlsx  # noqa: E402
from casefile.core.workflow.clocks import CST  # noqa: E402
from casefile.core.workflow.handling import close_case, reopen_case  # noqa: E402
from casefile.core.workflow.records import Closing, ClosingResult, Reopening  # noqa: E402

FIRST_DAY = date(2026, 6, 1)
LAST_DAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 28, 18, 0, tzinfo=CST)  # nothing the script writes happened after this
OPERATORS = ["王敏", "李强", "张丽", "陈刚"]
RESPONDENTS = [
    "某某数码旗舰店",
    "优品家电专营店",
    "鲜果生活超市",
    "快捷电器城",
    "风尚服饰旗舰店",
    "童趣玩具店",
    "悦享美妆店",
    "安居家具城",
    "速达手机专卖店",
    "绿源食品店",
    "雅致家纺店",
    "极客电脑城",
]
COURIERS = ["顺丰速运", "中通快递", "圆通速递", "韵达快递", "京东物流"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "霞",
    "平",
]
TITLES = {
    "quality": [
        ("手机屏幕碎裂", 1299),
        ("电饭煲无法加热", 399),
        ("耳机单侧无声", 259),
        ("羽绒服跑绒", 899),
        ("空调漏水", 3299),
        ("洗衣机异响", 2199),
    ],
    "logistics": [("快递外箱压坏", 560), ("包裹丢失", 1280), ("生鲜延误变质", 198), ("显示签收但未收到", 760)],
    "service": [("安装师傅未按约上门", 300), ("维修后故障复发", 650), ("会员服务无法使用", 199)],
    "transaction": [("退款迟迟未到账", 459), ("重复扣款", 188), ("价保未兑现", 120), ("预售定金不退", 500)],
    "information": [("宣传功效与实际不符", 329), ("虚构原价促销", 799), ("参数虚标", 1599)],
}
TYPES = [("quality", 34), ("logistics", 24), ("service", 14), ("transaction", 18), ("information", 10)]
CHANNELS = [("phone", 30), ("online", 32), ("email", 8), ("social", 12), ("store", 18)]
PRIORITIES = [("urgent", 10), ("important", 30), ("normal", 60)]
HOURS = {"urgent": 2, "important": 24, "normal": 48}
KIND_FILES = {
    "purchase": EvidenceKind.RECEIPT,
    "condition": EvidenceKind.PHOTO,
    "communication": EvidenceKind.CHAT,
    "shipment": EvidenceKind.WAYBILL,
    "advertising": EvidenceKind.SCREENSHOT,
}
EXPECTED = {
    "quality": ("purchase", "condition", "communication"),
    "logistics": ("purchase", "shipment", "condition"),
    "service": ("purchase", "communication"),
    "transaction": ("purchase", "communication"),
    "information": ("purchase", "advertising"),
}


def pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


@dataclass
class Plan:
    """One case as the script makes it: the registration, the stages and events, the handling records."""

    operator: str
    fields: dict[str, Any]
    stages: list[tuple[Stage, datetime, str]] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)
    groups: tuple[str, ...] = ()  # the evidence groups that get a file


class Maker:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.people = [
            (s + g + h, f"13{self.rng.randint(0, 9)}{self.rng.randint(10_000_000, 99_999_999)}")
            for s in SURNAMES
            for g in GIVEN
            for h in ("", "华", "晨")
        ]
        self.serial = 0

    def person(self) -> tuple[str, str]:
        # a few people complain more than once
        return self.rng.choice(self.people[:15]) if self.rng.random() < 0.05 else self.rng.choice(self.people)

    def plan(self) -> Plan:  # noqa: C901 - one branch per way a dispute goes
        rng = self.rng
        self.serial += 1
        days = (LAST_DAY - FIRST_DAY).days
        day = FIRST_DAY + timedelta(days=rng.randint(0, days))
        t0 = datetime(day.year, day.month, day.day, rng.randint(8, 20), rng.choice((0, 15, 30, 45)), tzinfo=CST)
        kind = pick(rng, TYPES)
        title, price = rng.choice(TITLES[kind])
        priority = pick(rng, PRIORITIES)
        channel = pick(rng, CHANNELS)
        name, phone = self.person()
        respondent = rng.choice(RESPONDENTS)
        courier = rng.choice(COURIERS)
        operator = rng.choice(OPERATORS)
        amount = Decimal(price)
        wf: dict[str, Any] = {}
        stages: list[tuple[Stage, datetime, str]] = []
        events: list[TimelineEvent] = []
        hours = HOURS[priority]
        roll = rng.random()
        first_response = (
            t0 + timedelta(hours=hours * rng.uniform(0.1, 0.9))
            if roll < 0.86
            else t0 + timedelta(hours=hours * rng.uniform(1.1, 2.5))
            if roll < 0.96
            else None
        )
        fields: dict[str, Any] = {
            "title": title,
            "complained_at": iso(t0),
            "channel": channel,
            "type": kind,
            "priority": priority,
            "complainant": {"name": name, "phone": phone},
            "respondent": {"kind": "organisation", "name": respondent},
            "demands": [{"type": "refund", "amount": f"{amount:.2f}", "description": "退还货款"}],
            "facts": f"{day:%Y年%m月%d日}投诉：{title}。",
            "stage_log": [{"stage": "registration", "at": iso(t0), "operator": operator}],
        }
        if first_response is not None and first_response < NOW:
            fields["first_response_at"] = iso(first_response)
        if kind == "logistics":
            fields["courier"] = {"kind": "organisation", "name": courier}
            fields["shipment"] = {"carrier": courier, "waybill_no": f"SF{rng.randint(10**12, 10**13 - 1)}"}

        t = t0 + timedelta(hours=rng.uniform(1, 20))
        end_of_story = NOW - timedelta(days=rng.uniform(0, 3))

        def step(stage: Stage, when: datetime, note: str = "") -> bool:
            if when >= end_of_story:
                return False
            stages.append((stage, when, note))
            return True

        if not step(Stage.VERIFICATION, t, "核实订单与证据"):
            return Plan(operator, fields, stages, events, self._groups(kind))
        # 责任认定
        party = {
            "logistics": rng.choice(["courier", "courier", "courier", "merchant", "undetermined"]),
            "quality": rng.choice(["merchant", "merchant", "manufacturer", "manufacturer", "customer", "undetermined"]),
        }.get(kind, rng.choice(["merchant", "merchant", "merchant", "third_party", "customer"]))
        t += timedelta(hours=rng.uniform(4, 48))
        # 责任认定 as the case's own fields (a finding's party is checked as a timeline party on this branch)
        fields["responsible_party"] = party
        fields["responsibility_rationale"] = "依据订单记录、照片与沟通记录认定"
        if kind == "logistics":
            lodged = t + timedelta(hours=rng.uniform(2, 30))
            ref = f"KF{rng.randint(10**7, 10**8 - 1)}"
            if lodged < end_of_story:
                events.append(
                    TimelineEvent(
                        at=lodged, kind=EventKind.COMPLAINT, party="courier", ref=ref, summary=f"向{courier}提出索赔"
                    )
                )
                reply = lodged + timedelta(days=rng.uniform(1, 6) if rng.random() < 0.85 else rng.uniform(8, 12))
                if reply < end_of_story:
                    events.append(
                        TimelineEvent(
                            at=reply, kind=EventKind.CALL, party="courier", ref=ref, summary=f"{courier}答复索赔"
                        )
                    )
        t += timedelta(days=rng.uniform(0.5, 3))
        if not step(Stage.NEGOTIATION, t, "提出处理方案"):
            return self._open(operator, fields, wf, stages, events, kind)
        accepted = rng.random() < 0.62 and party != "customer"
        offer = (amount * Decimal(rng.choice(["1", "1", "0.8", "0.5"]))).quantize(Decimal("0.01"))
        proposals = [
            {
                "at": iso(t),
                "by": "respondent",
                "summary": "退款" if offer == amount else "部分退款",
                "amount": f"{offer:.2f}",
                "reply_by": iso(t + timedelta(days=3)),
                "answer": "accepted" if accepted else rng.choice(["rejected", "countered"]),
                "answered_at": iso(t + timedelta(days=rng.uniform(0.2, 2.5))),
            }
        ]
        wf["proposals"] = proposals
        t += timedelta(days=rng.uniform(1, 3))
        settled_amount: Decimal | None = offer if accepted else None
        decided_by = "agreement"
        if accepted:
            step(Stage.CONFIRMATION, t, "客户确认方案")
        else:
            proceedings: list[dict[str, Any]] = []
            if rng.random() < 0.55:
                if not step(Stage.MEDIATION, t, "转内部调解"):
                    return self._open(operator, fields, wf, stages, events, kind)
                agreed = rng.random() < 0.55
                end = t + timedelta(days=rng.uniform(2, 8))
                proceedings.append(
                    {
                        "venue": "internal",
                        "body": f"{respondent}客户关系部",
                        "filed_at": iso(t),
                        "accepted_at": iso(t),
                        "result": "agreement"
                        if agreed and end < end_of_story
                        else "no-agreement"
                        if end < end_of_story
                        else "pending",
                        "decided_at": iso(end) if end < end_of_story else None,
                    }
                )
                t = end
                if agreed and end < end_of_story:
                    settled_amount = (amount * Decimal("0.9")).quantize(Decimal("0.01"))
            if settled_amount is None and t < end_of_story:
                venue = (
                    "postal-regulator"
                    if kind == "logistics" and rng.random() < 0.35
                    else rng.choice(["regulator", "regulator", "consumer-association"])
                )
                if not step(
                    Stage.EXTERNAL,
                    t,
                    {"regulator": "向12315投诉", "postal-regulator": "向12305申诉"}.get(venue, "向消协投诉"),
                ):
                    wf["proceedings"] = proceedings
                    return self._open(operator, fields, wf, stages, events, kind)
                accepted_at = t + timedelta(days=rng.uniform(1, 6) if rng.random() < 0.88 else rng.uniform(10, 14))
                result_roll = rng.random()
                decided = accepted_at + timedelta(days=rng.uniform(5, 40))
                body = {
                    "regulator": "徐汇区市场监督管理局",
                    "postal-regulator": "上海市邮政管理局",
                    "consumer-association": "徐汇区消费者权益保护委员会",
                }[venue]
                proceeding: dict[str, Any] = {
                    "venue": venue,
                    "body": body,
                    "ref": f"{rng.randint(10**15, 10**16 - 1)}",
                    "filed_at": iso(t),
                }
                if accepted_at < end_of_story:
                    proceeding["accepted_at"] = iso(accepted_at)
                    if kind == "quality" and rng.random() < 0.3:
                        proceeding["testing"] = [
                            {
                                "start": iso(accepted_at + timedelta(days=2)),
                                "end": iso(accepted_at + timedelta(days=9)),
                                "note": "送检",
                            }
                        ]
                    if decided < end_of_story:
                        result = "agreement" if result_roll < 0.6 else "no-agreement"
                        proceeding |= {"result": result, "decided_at": iso(decided), "ended_at": iso(decided)}
                        if result == "agreement":
                            settled_amount = (amount * Decimal("0.85")).quantize(Decimal("0.01"))
                        t = decided
                    else:
                        t = end_of_story
                else:
                    t = end_of_story
                proceedings.append(proceeding)
                if settled_amount is None and t < end_of_story and rng.random() < 0.45:
                    court = rng.random() < 0.7
                    filed = t + timedelta(days=rng.uniform(3, 15))
                    lawsuit: dict[str, Any] = {
                        "venue": "court" if court else "arbitration",
                        "body": "上海市徐汇区人民法院" if court else "上海仲裁委员会",
                        "ref": f"（2026）沪0104民初{rng.randint(1000, 29999)}号"
                        if court
                        else f"（2026）沪仲案字第{rng.randint(100, 2999)}号",
                        "filed_at": iso(filed),
                    }
                    accepted_at = filed + timedelta(days=rng.uniform(2, 9))
                    judged = accepted_at + timedelta(days=rng.uniform(20, 45))
                    if filed < end_of_story and accepted_at < end_of_story:
                        lawsuit["accepted_at"] = iso(accepted_at)
                        lawsuit["hearings"] = [iso(accepted_at + timedelta(days=15))]
                        if judged < end_of_story:
                            lawsuit |= {
                                "result": "judgment" if court else "award",
                                "decided_at": iso(judged),
                                "served_at": iso(judged + timedelta(days=3)),
                            }
                            settled_amount = amount
                            decided_by = "decision"
                            t = judged + timedelta(days=3)
                    if filed < end_of_story:
                        proceedings.append(lawsuit)
            wf["proceedings"] = proceedings
        if settled_amount is None or t >= end_of_story:
            if t < end_of_story and rng.random() < 0.6:  # nothing obtained: closed unresolved or withdrawn
                t += timedelta(days=rng.uniform(1, 5))
                if t < end_of_story:
                    result = rng.choice(["unresolved", "withdrawn", "rejected"])
                    wf["outcome"] = {"kind": "withdrawn" if result == "withdrawn" else "none", "at": iso(t)}
                    wf["closings"] = [{"at": iso(t), "result": result, "satisfaction": rng.choice([1, 2, 2, 3])}]
                    step(Stage.CLOSED, t, "结案")
            return self._open(operator, fields, wf, stages, events, kind)
        perform_by = t + timedelta(days=7)
        wf["outcome"] = {
            "kind": decided_by,
            "at": iso(t),
            "amount": f"{settled_amount:.2f}",
            "payer": "respondent",
            "payee": "complainant",
            "perform_by": iso(perform_by),
        }
        t += timedelta(days=rng.uniform(0.5, 4) if rng.random() < 0.9 else rng.uniform(8, 15))
        if not step(Stage.EXECUTION, t, "执行方案"):
            return self._open(operator, fields, wf, stages, events, kind)
        payments = [{"at": iso(t), "amount": f"{settled_amount:.2f}", "payer": "respondent", "method": "原路退款"}]
        recover_from = {"courier": "courier", "manufacturer": "manufacturer"}.get(party)
        if recover_from and rng.random() < 0.7:
            back = t + timedelta(days=rng.uniform(5, 20))
            if back < end_of_story:
                share = Decimal(rng.choice(["1", "0.8", "0.5"]))
                payments.append(
                    {
                        "at": iso(back),
                        "amount": f"{(settled_amount * share).quantize(Decimal('0.01')):.2f}",
                        "payer": recover_from,
                        "payee": "respondent",
                        "recovered": True,
                        "method": "转账",
                    }
                )
        wf["payments"] = payments
        t += timedelta(days=rng.uniform(0.5, 3))
        if t < end_of_story and rng.random() < 0.93:
            result = "resolved" if settled_amount >= amount * Decimal("0.85") else "partly"
            wf["closings"] = [
                {
                    "at": iso(t),
                    "result": result,
                    "satisfaction": rng.choice([4, 5, 5] if result == "resolved" else [2, 3, 4]),
                }
            ]
            step(Stage.CLOSED, t, "结案")
            if rng.random() < 0.03:  # reopened: the refund bounced, then closed again
                again = t + timedelta(days=rng.uniform(2, 6))
                if again + timedelta(days=3) < end_of_story:
                    wf["reopenings"] = [{"at": iso(again), "reason": "退款被银行退回"}]
                    step(Stage.EXECUTION, again, "重新执行")
                    wf["closings"].append(
                        {"at": iso(again + timedelta(days=3)), "result": "resolved", "satisfaction": 3}
                    )
                    step(Stage.CLOSED, again + timedelta(days=3), "再次结案")
        return self._open(operator, fields, wf, stages, events, kind)

    def _open(
        self,
        operator: str,
        fields: dict[str, Any],
        wf: dict[str, Any],
        stages: list[tuple[Stage, datetime, str]],
        events: list[TimelineEvent],
        kind: str,
    ) -> Plan:
        fields["workflow"] = {k: _clean(v) for k, v in wf.items() if v}
        closings = wf.get("closings")
        if closings and self.serial % 8 == 0:  # every eighth closed case is taken into the periodic review
            reviewed = datetime.fromisoformat(closings[-1]["at"]) + timedelta(days=7)
            if reviewed < NOW and stages and stages[-1][0] is Stage.CLOSED:
                stages.append((Stage.REVIEW, reviewed, "纳入定期复盘"))
        return Plan(operator, fields, stages, events, self._groups(kind))

    def _groups(self, kind: str) -> tuple[str, ...]:
        return tuple(g for g in EXPECTED[kind] if self.rng.random() < 0.85)


def _clean(value: Any) -> Any:
    """Records without the Nones the plan leaves for what did not happen."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def evidence_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "purchase": folder / "电子发票.txt",
        "communication": folder / "客服聊天记录.txt",
        "shipment": folder / "运单.txt",
    }
    files["purchase"].write_text("电子发票\n购买方：消费者\n金额：见订单\n", "utf-8")
    files["communication"].write_text("客服：您好\n我：商品有问题，要求退款\n", "utf-8")
    files["shipment"].write_text("运单号：SF0000000000000\n寄件：商家仓库\n", "utf-8")
    files["condition"] = folder / "商品照片.jpg"
    files["advertising"] = folder / "宣传页截图.png"
    Image.new("RGB", (64, 48), (200, 60, 40)).save(files["condition"], quality=85)
    Image.new("RGB", (48, 96), (40, 90, 200)).save(files["advertising"])
    return files


def make_library(root: Path, count: int, seed: int, scratch: Path) -> list[str]:
    maker = Maker(seed)
    plans = sorted((maker.plan() for _ in range(count)), key=lambda p: p.fields["complained_at"])
    numbers = []
    for operator in OPERATORS:
        with Library.open(root, operator) as library:
            for i, plan in enumerate(p for p in plans if p.operator == operator):
                # Closing and reopening are recorded as they happen, among the stage moves: a closed case
                # moves on to no stage but the review until it is reopened.
                workflow = plan.fields.get("workflow", {})
                closings = [
                    Closing(datetime.fromisoformat(c["at"]), ClosingResult(c["result"]), c.get("satisfaction"))
                    for c in workflow.pop("closings", [])
                ]
                reopenings = [
                    Reopening(datetime.fromisoformat(r["at"]), r["reason"]) for r in workflow.pop("reopenings", [])
                ]
                case = library.create_case(case_from_fields(plan.fields))
                numbers.append(case.number)
                with library.edit(case.number) as writer:
                    for stage, at, note in plan.stages:
                        if stage is Stage.CLOSED and closings:
                            closing = closings.pop(0)
                            close_case(writer, Closing(closing.at, closing.result, closing.satisfaction, note=note))
                            continue
                        if stage is not Stage.REVIEW and writer.case.workflow.closed is not None and reopenings:
                            reopen_case(writer, reopenings.pop(0))
                        writer.set_stage(stage, note, at=at)
                    for event in plan.events:
                        writer.add_event(event)
                # a fresh copy of each file per case: a library keeps one exhibit per content and case
                files = evidence_files(scratch / case.number)
                for group in plan.groups:
                    options = AddOptions(kind=KIND_FILES[group])
                    list(add_files(library, case.number, [files[group]], options))
                if i % 50 == 0:
                    print(f"{operator}: {i} cases", file=sys.stderr)
    return numbers


def render(root: Path, out: Path, period: Period, by: GroupBy) -> Path:
    with Library.open(root, "复盘") as library:
        result = review(library.index.engine, period, by)
    pdf = out / "review.pdf"
    write_pdf(result, pdf)
    write_xlsx(result, out / "review.xlsx")
    for old in out.glob("review-page-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / "review-page")], check=True)
    return pdf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--cases", type=int, default=360)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--docs", action="store_true", help="copy the report's first two pages to docs/")
    parser.add_argument("--keep", action="store_true", help="render again from the library already in OUT_DIR")
    args = parser.parse_args()
    out: Path = args.out
    root = out / "library"
    if not args.keep:
        if root.exists():
            shutil.rmtree(root)
        out.mkdir(parents=True, exist_ok=True)
        numbers = make_library(root, args.cases, args.seed, out / "files")
        shutil.rmtree(out / "files")
        print(f"{len(numbers)} cases in {root}")
    period = Period(date(2026, 9, 1), date(2026, 11, 30))
    pdf = render(root, out, period, GroupBy.TYPE)
    print(f"{pdf} and {out / 'review.xlsx'}; pages as {out}/review-page-*.png")
    if args.docs:
        pages = sorted(out.glob("review-page-*.png"))
        for i in range(1, min(2, len(pages)) + 1):
            high = out / f"docs-{i}"
            subprocess.run(
                ["pdftoppm", "-r", "90", "-png", "-f", str(i), "-l", str(i), str(pdf), str(high)], check=True
            )
            shutil.copy(next(out.glob(f"docs-{i}*.png")), REPO / "docs" / f"review-report-{i}.png")
        print("docs/review-report-1.png, docs/review-report-2.png")


if __name__ == "__main__":
    main()
