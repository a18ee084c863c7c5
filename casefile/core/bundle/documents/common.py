"""Shared by the venue documents: dates, money and names as documents print them, the case
cause, the courier loss table and reply date, parties' paragraphs, the cover, the facts, the
timeline and the claims."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from casefile.core import law, zone
from casefile.core.bundle.context import BundleContext, Route
from casefile.core.bundle.documents.layout import WIDTH, _blank_lines, _numbered, _p
from casefile.core.bundle.handling import PROCEEDING_BODIES, RESULT_WORDS, _sort_key
from casefile.core.bundle.pdfkit import FONT, blank, kept_whole
from casefile.core.disclosure.masking import mail_addresses_shown, mask_name, mask_person, organisation_names
from casefile.core.model import (
    Case,
    Party,
    PartyKind,
    ResponsibleParty,
    Stage,
    StageChange,
    TimelineEvent,
)
from casefile.core.record.roles import CourierClaimParties, claim_parties
from casefile.core.record.timeline import EVENT_NAMES as EVENT_NAMES
from casefile.core.record.timeline import PARTY_NAMES as EVENT_PARTY_NAMES
from casefile.core.workflow.clocks import Deadline, last_day_to_act
from casefile.core.workflow.limitation import (
    Limitation,
    Reading,
    Source,
    limitation,
    limitation_start,
    reading,
    start_doubt,
)
from casefile.core.workflow.records import Answer, OutcomeKind, Proceeding
from casefile.core.workflow.records import Venue as ProceedingVenue

Section = tuple[str, list[Flowable]]

DATE_BLANK = "＿＿＿＿年＿＿月＿＿日"
LAW_CPL = "《中华人民共和国消费者权益保护法》"

# StageLog 3–5 feed 与经营者交涉情况 (spec §7(a) ④, §5). The stages' names are the workflow's (协商与方案,
# 客户确认, 内部调解), not a recipient's: a dealing is told by its note, and by these words when it has none.
DEALING_STAGES = {
    Stage.NEGOTIATION: "双方进行协商",
    Stage.CONFIRMATION: "双方就处理方案进行确认",
    Stage.MEDIATION: "双方进行调解",
}


def _local(value: datetime, case: Case) -> datetime:
    """A time as the packet shows it: in the zone times are shown in (casefile.core.zone); a naive one as it is."""
    return value if value.tzinfo is None else zone.shown(value)


def _day(value: datetime, case: Case) -> date:
    """The day of ``value`` in Beijing time, as deadlines count days (a naive time as it is)."""
    return (value if value.tzinfo is None else value.astimezone(zone.BEIJING)).date()


# What the earliest recorded day is, as the notes name it (本案记录的最早日期是购买商品之日…).
LIMITATION_SOURCES = {
    Source.PURCHASE: "购买商品之日",
    Source.RECEIPT: "收到商品之日",
    Source.SHIPPED: "寄件之日",
    Source.SIGNED: "签收之日",
    Source.EXCEPTION: "快件异常发生之日",
    Source.FAULT: "商品出现故障之日",
    Source.DISCOVERED: "发现快件异常之日",
    Source.COMPLAINT: "投诉登记之日",
    Source.PROCEEDING: "向有关机构提出请求之日",
    Source.PROPOSAL: "向经营者提出方案之日",
}


def limitation_from(case: Case) -> tuple[str, date, date]:
    """The three years' start as the notes print it — what it is (购买商品之日, “…”之日), its day — and their
    safe last day, the unmoved corresponding day three years on (民法典 art. 202): the start the reminder counts
    from too (casefile.core.workflow.limitation)."""
    start = limitation_start(case)
    if start.event is not None:
        summary = " ".join(start.event.summary.split())
        short = summary if len(summary) <= 16 else summary[:15] + "…"
        what = f"“{short}”之日" if short else "所记事件之日"
    else:
        what = LIMITATION_SOURCES[start.source]
    return what, start.day, last_day_to_act("civil.limitation", start.day)


def limitation_advice(case: Case, act: str, *, safe_words: str = "") -> str:
    """What the notes say after the safe start (本案记录的最早日期是…，): while its safe day is to come, act by it
    (``safe_words``: the sentence that says so, {limit} standing for the day; by default 请最迟于…{act}). Once it has
    passed, never that the right is gone — the period runs from when the harm was known (民法典 art. 188) and afresh
    from each demand to the obligor or claim to a body (art. 195); and the later count the record itself gives (a
    fault after the purchase, a recorded demand: 自…中断，重新计算), with its day."""
    found = limitation(case)
    _what, _start, limit = limitation_from(case)
    today = zone.now().date()
    if limit >= today:
        words = safe_words or f"自该日起算较为稳妥：请最迟于{{limit}}{act}（为稳妥起见按未顺延的日期计算），宜尽早。"
        text = words.format(limit=fmt_date(limit))
    else:
        text = f"自该日起算的三年已于{fmt_date(limit)}届满，但这只是最稳妥的提醒日期，不等于权利已经消灭。"
    later = last_day_to_act("civil.limitation", found.counted_from.day)
    art195 = law.cite("civil-code.195", short=True)
    art188 = law.cite("civil-code.188", short=True)
    if limit >= today:
        return text  # the safe day is to come: act by it
    if found.interrupted:
        when = fmt_date(found.counted_from.day)
        text += (
            f"本案记录{when}曾{_interruption_words(found)}，诉讼时效自{when}中断，重新计算（{art195}），"
            f"据此三年至{fmt_date(later)}届满。"
        )
    elif found.later:
        what = LIMITATION_SOURCES.get(found.counted_from.source, "所记日期")
        text += (
            f"如权利人自{what}（{fmt_date(found.counted_from.day)}）起才知道权利受到损害，三年自该日起算"
            f"（{art188}），至{fmt_date(later)}届满。"
        )
    if found.possible:
        contacts = "、".join(
            f"{fmt_date(p.day)}（{EVENT_NAMES.get(p.event.kind, '联系')}）" for p in found.possible if p.event
        )
        text += (
            f"本案记录{contacts}曾与经营者联系：如系向经营者提出履行请求或者经营者同意履行，诉讼时效自该日中断、"
            f"重新计算（{art195}），上述届满日期将相应延后；记录未载明，请核实，核实前仍按上述日期办理。"
        )
    if found.later and later >= today:
        text += f"请尽快{act}，勿等到该日。"
    if later < today or not found.later:
        text += (
            f"时效期间自知道或者应当知道权利受到损害以及义务人之日起计算，并因向经营者提出履行请求、向有关机构投诉等"
            f"而中断、重新计算（{art195}），期间可能尚未届满：请勿仅凭上述日期放弃权利，宜尽快{act}。"
        )
    return text


def _interruption_words(found: Limitation) -> str:
    """What interrupted the period, as the notes say it (向经营者提出要求, 经营者同意履行, 向有关机构提出请求)."""
    event = found.counted_from.event
    if found.counted_from.source is Source.PROPOSAL:
        return "向经营者提出处理方案"
    if event is None:
        return "向有关机构提出请求"
    if event.party in ("respondent", "courier"):
        return "经营者同意履行" if reading(event) is Reading.AGREEMENT else "向经营者提出要求"
    return "向有关机构投诉"


def limitation_doubt(case: Case) -> str:
    """When the three years' start is a day that cannot be true (a receipt before the purchase, a note from years
    before it: casefile.core.workflow.limitation.start_doubt), the words that say so in place of the safe last
    day: the day it gives is printed as what that date would give, never as fact; "" when the start is sound."""
    found = start_doubt(case)
    if found is None:
        return ""
    what, _start, limit = limitation_from(case)
    before = f"{LIMITATION_SOURCES[found.before]}（{fmt_date(found.before_day)}）"
    why = "早一年以上" if found.event is not None else "还早"
    ran = "已于" if limit < zone.now().date() else "将于"
    return (
        f"但该日期比{before}{why}，很可能是录入错误（或与本案无关的背景记录），不宜作为起算日：按该日期计算，三年{ran}"
        f"{fmt_date(limit)}届满。请先核对并更正该日期；时效自知道或者应当知道权利受到损害以及义务人之日起计算，"
        "请勿仅凭该日期放弃权利，宜尽早主张。"
    )


def fmt_date(value: datetime | date | None, case: Case | None = None) -> str:
    """2026年11月20日, or "" when there is none."""
    if value is None:
        return ""
    if isinstance(value, datetime) and case is not None:
        value = _local(value, case)
    return f"{value.year}年{value.month}月{value.day}日"


def fmt_deadline(deadline: Deadline) -> str:
    """A deadline's last day as printed, saying when it moved past rest days and when it is provisional:
    2026年10月8日（2026年10月1日为法定休假日，顺延）, …（暂定：该年度节假日安排尚未公布）."""
    text = fmt_date(deadline.last_day)
    if deadline.rolled_from is not None:
        text += f"（{fmt_date(deadline.rolled_from)}为法定休假日，顺延）"
    if deadline.provisional:
        text += "（暂定：该年度节假日安排尚未公布）"
    return text


def fmt_time(value: datetime | None, case: Case) -> str:
    """2026年11月20日 10:30 in the zone times are shown in; other offsets than Beijing time are named."""
    if value is None:
        return ""
    local = _local(value, case)
    text = f"{fmt_date(local)} {local:%H:%M}"
    label = zone.offset_label(local) if local.tzinfo is not None else ""
    return f"{text}（{label}）" if label else text


def fmt_event_time(event: TimelineEvent, case: Case) -> str:
    """When a timeline event happened: 2026年11月20日 10:30, or the day alone when only the day is known."""
    return fmt_date(event.at, case) if event.date_only else fmt_time(event.at, case)


def fmt_amount(value: Decimal | None) -> str:
    """1,299.00 元, or "" when there is none."""
    return f"{value:,.2f} 元" if value is not None else ""


def _money(value: Decimal | None) -> str:
    return fmt_amount(value) if value is not None else "＿＿＿＿＿＿ 元"


def claims_costs(ctx: BundleContext) -> bool:
    """Whether the party claims the costs of the proceedings from the other side (是否主张诉讼费用; in an
    arbitration, 仲裁费用由被申请人承担): yes unless the user answered 否 (Filing.claim_costs False): a party
    who sues or applies nearly always asks for the costs, and one who does not says so."""
    filing = ctx.case.filing
    return filing is None or filing.claim_costs is not False


def on_day(ctx: BundleContext) -> date:
    """The day the packet is made, in Beijing time: the law cited is the law in force that day."""
    return _day(ctx.generated_at, ctx.case)


def _today(ctx: BundleContext) -> str:
    return fmt_date(ctx.generated_at, ctx.case)


def birth_date(text: str) -> date | None:
    """A birth date typed as 1990-05-01, 1990/5/1, 1990年5月1日 or 19900501; None when it cannot be read."""
    value = text.strip()
    match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", value) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", value
    )
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _birth(text: str, on: date) -> str:
    """A birth date as 1990年5月1日（36岁）, when it can be read; otherwise as written."""
    born = birth_date(text)
    if born is None:
        return text.strip()
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return f"{born.year}年{born.month}月{born.day}日" + (f"（{age}岁）" if 0 <= age < 150 else "")


def _labels(ctx: BundleContext, numbers: Sequence[int]) -> str:
    """证据3、证据5 for the exhibits of this bundle among ``numbers``: an exhibit the packet prints as another
    version (its redacted copy, or the original of a copy cited) by that version's number."""
    names: list[str] = []
    for n in numbers:
        entry = ctx.cited(n)
        name = entry.name if entry is not None else ""
        if name and name not in names:
            names.append(name)
    return "、".join(names)


def _refs(ctx: BundleContext, numbers: Sequence[int]) -> str:
    labels = _labels(ctx, numbers)
    return f"（见{labels}）" if labels else ""


def storage_medium(ctx: BundleContext) -> list[str]:
    """附's line for the storage medium carrying the originals the packet's pages cannot hold (recordings, files
    that cannot be printed: :attr:`ExhibitEntry.on_medium`), which is handed in with it (证据规定 arts. 15, 19
    para 2); none when every exhibit is on paper. Known once the exhibits' pages are made."""
    from casefile.core.bundle.parts import medium_sets

    names = [entry.name for entry in ctx.entries if entry.on_medium]
    if not names:
        return []
    # One medium with each set of the evidence (the list's 份数 says how many); what is on it is a copy of the
    # original, whose carrier (the phone) is kept for checking (art. 15).
    return [f"存储介质（光盘/U盘）{medium_sets(ctx) or 1} 份，内含{'、'.join(names)}的原始文件复制件"]


@dataclass(frozen=True)
class Sides:
    """How a document names the two sides: 原告/被告, 申请人/被申请人, 投诉人/被投诉人."""

    us: str
    them: str


COURT = Sides("原告", "被告")
ARBITRATION = Sides("申请人", "被申请人")
CONSUMER = Sides("投诉人", "被投诉人")


# First-person words outside quotations, turned into the party's role in a pleading.
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"\n]*\"|‘[^’]*’")
# 我司开具: 原告开具, not 原告司; 我国/我省/我院 are the country, the province, the court, not a party; 他本人,
# 收件人本人 are "he himself", "the addressee in person".
_FIRST_PERSON = re.compile(
    r"(?<!自)(?:我本人|我公司|我司|我店|我们|我方|咱们|(?<![他她其您你人员长方户家主])本人|我(?![国省市县区院校党军]))"
)
# Words that report what someone else said: first-person words after them, in the same sentence, are the
# speaker's own ("店长说本人同意…" is the manager agreeing), unless the one who speaks is the writer.
_SPEECH = re.compile(r"说|声称|宣称|(?<![名简职昵俗通])称[：:，,]|表示|答复|回复|告知|承认|回应|讲[：:，,]|认为")
_SENTENCE = re.compile(r"[^。；！？!?;\n]*[。；！？!?;\n]?")
_CLAUSE_START = re.compile(r"[，,、：:]")
# The law firm whose lawyers keep the record (我所律师, 本所): not the party it acts for. A pleading names it as the
# party's lawyers (原告委托的律师), never 原告所. 所 after 我 is more often the particle (我所购买的商品, 我所在的小区):
# only a lawyer, or 我所/本所 ending a clause or followed by what only a firm does, is the firm.
_FIRM_LAWYER = re.compile(r"(?:我|本)所(?:的)?(?:承办|代理|经办|指派的|委派的)?律师")
_FIRM = re.compile(r"(?:我|本)所(?=指派|委派|工作人员|同事|已[向与发函致]|[，,。；;！!？?、：:）)]|$)")
_LAWYER_MARK, _FIRM_MARK = "\ue000", "\ue001"  # stand-ins while the first person is named


# The sides as other documents of the case name them, for a pleading that names them its own way.
_THEM_WORDS = ("被投诉人", "被申请人", "被申诉人", "被索赔人", "被告")
_US_WORDS = ("投诉人", "申请人", "申诉人", "索赔人", "原告")
_ROLE_WORD = re.compile("|".join(_THEM_WORDS + _US_WORDS))


def third_person(text: str, who: str, them: str = "") -> str:
    """Free text written in the first person (我/我们/我方/本人), as a pleading states it: in the
    third person, the party named by its role (原告). With ``them`` (被告), the sides as another
    document called them (投诉人, 被投诉人…) take this document's names. Words quoted (“…”, 「…」)
    stay as said."""

    def plain(part: str) -> str:
        if them:
            part = _ROLE_WORD.sub(lambda m: them if m.group() in _THEM_WORDS else who, part)
        return "".join(_writers_words(sentence, who) for sentence in _SENTENCE.findall(part))

    return _outside_quotes(text, plain)


def _writers_words(sentence: str, who: str) -> str:
    """One sentence with the writer's first-person words named ``who``: up to the first word reporting what
    another said (店长说…), and past it only when the writer is the one who speaks (我说我要退款, 我所律师告知…).
    The law firm acting for ``who`` (我所律师, 本所) is named as ``who``'s lawyers (原告委托的律师)."""
    marked = _FIRM.sub(_FIRM_MARK, _FIRM_LAWYER.sub(_LAWYER_MARK, sentence))
    named = marked
    for m in _SPEECH.finditer(marked):
        starts = [c.end() for c in _CLAUSE_START.finditer(marked, 0, m.start())]
        speaker = marked[starts[-1] if starts else 0 : m.start()]
        if not _FIRST_PERSON.search(speaker) and _LAWYER_MARK not in speaker and _FIRM_MARK not in speaker:
            named = _FIRST_PERSON.sub(who, marked[: m.end()]) + marked[m.end() :]
            break
    else:
        named = _FIRST_PERSON.sub(who, marked)
    return named.replace(_LAWYER_MARK, f"{who}委托的律师").replace(_FIRM_MARK, f"{who}委托的律师事务所")


def _outside_quotes(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to what is not quoted (“…”, 「…」): words quoted stay as said."""
    out: list[str] = []
    last = 0
    for m in _QUOTED.finditer(text):
        out.append(change(text[last : m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(change(text[last:]))
    return "".join(out)


_COMPLAINT_SIDE = re.compile("被投诉人|投诉人")


def courier_words(ctx: BundleContext, text: str) -> str:
    """Free text typed for the complaint (投诉人手机拍摄, 被投诉人开具, 我司仓库拍摄) as a courier claim or a 12305
    appeal words it (spec §7(d)): each side by the part it plays in this packet — the claimant 索赔人 (申诉人 in
    the appeal), the carrier by its name (快递企业 when unnamed), the end customer 收件人, anyone else by name —
    and the first person the claimant, in whose name the packet is made. Words quoted stay as said."""
    case = ctx.case
    parties = courier_parties(ctx)
    claimant = "申诉人" if ctx.route is Route.POSTAL_REGULATOR else "索赔人"
    carrier = parties.carrier.name.strip() or "快递企业"

    def side(role: str, typed: str) -> str:
        party: Party | None = getattr(case, role)
        name = party.name.strip() if party is not None else ""
        if not name:
            return typed
        if name == parties.claimant.name.strip():
            return claimant
        if name == parties.carrier.name.strip():
            return carrier
        if name == parties.end_customer.name.strip():
            return "收件人"
        return ctx.party(role).name.strip() or typed

    def plain(part: str) -> str:
        part = _COMPLAINT_SIDE.sub(
            lambda m: side("respondent" if m.group() == "被投诉人" else "complainant", m.group()), part
        )
        return _FIRST_PERSON.sub(claimant, part)

    return _outside_quotes(text, plain)


def _free(ctx: BundleContext, text: str) -> str:
    """Free text typed by the user: already masked for the venue (BundleContext.disclose)."""
    return text


def _person(ctx: BundleContext, person: str) -> str:
    """One of a timeline's people: their title or role and organisation as written (某某速运理赔专员), their name
    as the venue shows it — a party's as the party is shown, anyone else's masked."""

    def shown(name: str) -> str:
        name = name.strip()
        for role in ("complainant", "respondent", "courier"):
            party: Party | None = getattr(ctx.case, role)
            if party is not None and name in (party.name.strip(), party.legal_representative.strip()) and name:
                seen = ctx.party(role)
                return seen.name if name == party.name.strip() else seen.legal_representative
        return mask_name(name)

    return mask_person(person, organisations=organisation_names(ctx.case), name=shown)


def _people(ctx: BundleContext, people: str) -> str:
    names = [p for p in re.split(r"[，,、;；/\s]+", people) if p.strip()]
    return "、".join(_person(ctx, n) for n in names)


def _party_paragraph(role: str, fields: Sequence[tuple[str, str]], name: str) -> Paragraph:
    """原告：张三，性别：男，……。 — each field labelled, blanks where the record is empty."""
    parts = [f"{role}：{blank(name)}"] + [f"{label}：{blank(value, 6)}" for label, value in fields]
    return _p("，".join(parts) + "。", "party")


def _contact(p: Party) -> str:
    bits = [p.phone.strip()]
    if mail := mail_addresses_shown(p.email):
        bits.append(f"电子邮箱 {mail}")
    return "，".join(b for b in bits if b)


def _party_fields(ctx: BundleContext, p: Party, *, full_person: bool, service: bool) -> list[tuple[str, str]]:
    """The fields 民诉法 art. 124 / 仲裁法 art. 23 ask for, by kind of party."""
    on = _day(ctx.generated_at, ctx.case)
    if p.kind is PartyKind.ORGANISATION:
        fields = [
            ("住所", p.address),
            ("统一社会信用代码", p.id_number),
            ("法定代表人（主要负责人）", p.legal_representative),
            ("职务", p.representative_title),
            ("联系电话", _contact(p)),
        ]
        if p.store.strip():
            fields.append(("店铺名称", p.store))
    elif full_person:
        fields = [
            ("性别", p.gender),
            ("出生日期", _birth(p.birth_date, on)),
            ("民族", p.ethnicity),
            ("职业", p.occupation),
            ("工作单位", p.employer),
            ("住所", p.address),
            ("联系电话", _contact(p)),
            ("公民身份号码", p.id_number),
        ]
    else:  # a person defendant: 姓名、性别、工作单位、住所等 (art. 124(二))
        fields = [
            ("性别", p.gender),
            ("工作单位", p.employer),
            ("住所", p.address),
            ("联系电话", _contact(p)),
            ("公民身份号码", p.id_number),
        ]
        if p.store.strip():
            fields.append(("店铺名称", p.store))
    if service:
        fields.append(("送达地址", "＿＿＿＿＿＿＿＿（以送达地址确认书为准）"))
    return fields


def _defendants(ctx: BundleContext) -> list[Party]:
    """The respondent, and the courier company too when the courier is held responsible."""
    out = [ctx.party("respondent")]
    if ctx.case.courier is not None and ctx.case.responsible_party is ResponsibleParty.COURIER:
        out.append(ctx.party("courier"))
    return out


def _role_names(base: str, count: int) -> list[str]:
    if count == 1:
        return [base]
    numerals = "一二三四五六七八九十"
    return [f"{base}{numerals[i]}" if i < len(numerals) else f"{base}{i + 1}" for i in range(count)]


def copies_for(
    title: str, role: str, parties: Sequence[Party], make: Callable[[str], list[Flowable]]
) -> list[tuple[str, list[Flowable]]]:
    """副本: one copy of the document ``title`` per party on the other side (``role``: 被告, 被申请人), each made by
    ``make`` for the party it is for (被告一某某公司); titled title（副本）, or （副本1）… when there are several."""
    roles = _role_names(role, len(parties))
    return [
        (f"{title}（副本{i}）" if len(parties) > 1 else f"{title}（副本）", make(f"{name}{blank(p.name, 4)}"))
        for i, (name, p) in enumerate(zip(roles, parties, strict=True), 1)
    ]


def _carrier(ctx: BundleContext) -> Party:
    """The carrier: the courier party, or a party named after the shipment's carrier."""
    courier = ctx.party("courier")
    if not courier.name.strip() and ctx.case.shipment.carrier.strip():
        courier = Party(kind=PartyKind.ORGANISATION, name=ctx.case.shipment.carrier.strip())
    return courier


def _signature(lines: Sequence[str]) -> list[Flowable]:
    return [_p(line, "sign") for line in lines]


def _as_pleaded(text: str, sides: Sides | None, author: str = "complainant") -> str:
    """``text`` as a pleading with ``sides`` states it: in the third person, the first person (我司, 我方…) taken
    as ``author``'s, the party whose words they are (complainant, respondent, courier…): named by the side it is
    (原告, 被告) or by what it is (快递企业); words of someone the document cannot name keep their first person."""
    if not sides:
        return text
    us, them = sides.us, sides.them
    who = _handling_party(author, sides)

    def plain(part: str) -> str:
        part = _ROLE_WORD.sub(lambda m: them if m.group() in _THEM_WORDS else us, part)
        # Whose 我 it is not known (someone the document cannot name): it stays as written. Known: as third_person
        # names it — not in what the writer reports another said (商家回复称我们无权代理), the firm as the lawyers.
        return "".join(_writers_words(sentence, who) for sentence in _SENTENCE.findall(part)) if who else part

    return _outside_quotes(text, plain)


def _keeper(ctx: BundleContext) -> str:
    """Whose words the notes of the record are (a stage's note, an outcome, a payment, an event): our user's side
    (recorded, or presumed from the organisation in the settings); the complainant's, in whose name a pleading is
    made, when neither tells."""
    side = ctx.case.side
    return side.value if side is not None else "complainant"


def _answerer(ctx: BundleContext, proposer: str) -> str:
    """Whose words an answer's note is: the side a proposal was made to (the other side's), or our user's side
    when a third party proposed."""
    if proposer == "complainant":
        return "respondent"
    if proposer == "respondent":
        return "complainant"
    return _keeper(ctx)


def _facts(ctx: BundleContext, sides: Sides | None = None) -> list[Flowable]:
    """The user's statement of facts, one indented paragraph per paragraph written; with ``sides``
    (原告/被告), in the third person."""
    text = _as_pleaded(_free(ctx, ctx.case.facts).strip(), sides)
    return [_p(chunk.strip(), "indent") for chunk in re.split(r"\n\s*\n|\n", text) if chunk.strip()]


def _event_line(ctx: BundleContext, event: TimelineEvent, sides: Sides | None = None) -> str:
    case = ctx.case
    where = [EVENT_NAMES[event.kind]] if event.kind in EVENT_NAMES else []
    if event.party in EVENT_PARTY_NAMES:
        where.append(f"对象：{EVENT_PARTY_NAMES[event.party]}")
    if event.ref.strip():
        where.append(f"编号：{_free(ctx, event.ref.strip())}")
    if event.place.strip():
        where.append(f"地点：{_free(ctx, event.place.strip())}")
    if event.people.strip():
        where.append(f"参与人员：{_people(ctx, event.people)}")
    summary = _free(ctx, re.sub(r"\s+", " ", event.summary).strip()).rstrip("。") or "＿＿＿＿＿＿"
    summary = _as_pleaded(summary, sides, _keeper(ctx))
    said = f"（{'；'.join(where)}）" if where else ""
    return f"{fmt_event_time(event, case)}{said}：{summary}{_refs(ctx, event.evidence)}"


def _timeline(ctx: BundleContext) -> list[TimelineEvent]:
    return sorted(ctx.case.timeline, key=lambda e: _sort_key(e.at, ctx.case))


# Who a handling record names (Proposal.by, Payment.payer…), as a document names them when not one of the two sides.
HANDLING_PARTY_NAMES = {**EVENT_PARTY_NAMES, "manufacturer": "生产者", "third-party": "第三方"}

ANSWER_WORDS = {
    Answer.ACCEPTED: "被接受",
    Answer.REJECTED: "被拒绝",
    Answer.COUNTERED: "未被接受，对方另提出方案",
}
PROCEEDING_WORDS = {
    ProceedingVenue.INTERNAL: "申请内部调解",
    ProceedingVenue.CONSUMER_ASSOCIATION: "投诉",
    ProceedingVenue.REGULATOR: "投诉",
    ProceedingVenue.POSTAL_REGULATOR: "申诉",
    ProceedingVenue.ARBITRATION: "申请仲裁",
    ProceedingVenue.COURT: "起诉",
}
OUTCOME_WORDS = {
    OutcomeKind.AGREEMENT: "双方达成一致",
    OutcomeKind.DECISION: "争议经裁决或者决定处理",
    OutcomeKind.WITHDRAWN: "投诉人撤回",
    OutcomeKind.NONE: "争议未获解决",
}


def _handling_party(party: str, sides: Sides | None) -> str:
    """A party of a handling record (respondent, courier, manufacturer…) as the document names it: the two sides
    by the document's names (原告/被告; 投诉人/被投诉人 when it has none), anyone else by what they are."""
    named = sides or CONSUMER
    if party == "complainant":
        return named.us
    if party == "respondent":
        return named.them
    return HANDLING_PARTY_NAMES.get(party, "")


@dataclass(frozen=True)
class Dealing:
    """One step of the dealings as a narrative tells it: when, what, and the exhibits that show it."""

    at: datetime
    text: str  # without the time, without the citation
    evidence: tuple[int, ...] = ()
    date_only: bool = False


def _told(ctx: BundleContext, text: str, sides: Sides | None, author: str | None = None) -> str:
    """A note of the record as the document tells it, the first person taken as ``author``'s (by default our
    user's side: :func:`_keeper`)."""
    who = _keeper(ctx) if author is None else author
    return _as_pleaded(_free(ctx, re.sub(r"\s+", " ", text).strip()), sides, who).rstrip("。；;，, ")


def _stage_dealings(ctx: BundleContext, sides: Sides | None) -> list[Dealing]:
    def what(change: StageChange) -> str:
        return _told(ctx, change.note, sides) or f"{DEALING_STAGES[change.stage]}（具体内容未记录）"

    return [Dealing(c.at, what(c), tuple(c.evidence)) for c in ctx.case.stage_log if c.stage in DEALING_STAGES]


def _handling_dealings(ctx: BundleContext, sides: Sides | None) -> list[Dealing]:
    """The handling records that tell what happened — proposals and their answers, proceedings with their result,
    the outcome, the payments — each citing the exhibits it was recorded with."""
    case = ctx.case
    flow = case.workflow
    out: list[Dealing] = []
    for p in flow.proposals:
        who = _handling_party(p.by, sides)
        text = f"{who}提出处理方案" if who else "一方提出处理方案"
        said = _told(ctx, p.summary, sides, p.by)
        if said:
            text += f"：{said}"
        if p.amount is not None:
            text += f"（金额 {fmt_amount(p.amount)}）"
        out.append(Dealing(p.at, text, tuple(p.evidence)))
        if p.answer is not Answer.PENDING and p.answered_at is not None:
            answer = f"{who or '一方'}于{fmt_date(p.at, case)}提出的处理方案{ANSWER_WORDS[p.answer]}"
            note = _told(ctx, p.answer_note, sides, _answerer(ctx, p.by))
            out.append(Dealing(p.answered_at, answer + (f"：{note}" if note else ""), tuple(p.answer_evidence)))
    for q in flow.proceedings:
        start = q.filed_at or q.accepted_at or q.decided_at
        if start is None:
            continue
        body = _free(ctx, q.body.strip()) or PROCEEDING_BODIES[q.venue]
        text = f"{(sides or CONSUMER).us}向{body}{PROCEEDING_WORDS[q.venue]}"
        if q.ref.strip():
            text += f"（编号：{_free(ctx, q.ref.strip())}）"
        if q.result in RESULT_WORDS:
            text += f"，{fmt_date(q.decided_at or q.ended_at, case)}{RESULT_WORDS[q.result]}"
        said = _told(ctx, q.summary, sides)
        if said:
            text += f"：{said}"
        out.append(Dealing(start, text, tuple(q.evidence)))
    if flow.outcome is not None:
        o = flow.outcome
        text = OUTCOME_WORDS[o.kind]
        said = _told(ctx, o.summary, sides)
        if said:
            text += f"：{said}"
        if o.amount is not None:
            text += f"（金额 {fmt_amount(o.amount)}）"
        out.append(Dealing(o.at, text, tuple(o.evidence)))
    for pay in flow.payments:
        payer = _handling_party(pay.payer, sides) or "一方"
        payee = _handling_party(pay.payee, sides)
        text = f"{payer}{f'向{payee}' if payee else ''}支付 {fmt_amount(pay.amount)}"
        if pay.method.strip():
            text += f"（{_free(ctx, pay.method.strip())}）"
        note = _told(ctx, pay.note, sides)
        if note:
            text += f"：{note}"
        out.append(Dealing(pay.at, text, tuple(pay.evidence)))
    return out


def proceeding_said(ctx: BundleContext, q: Proceeding, who: str) -> str:
    """A proceeding as a declaration states it: 于2026年11月23日向杭州市余杭区消费者权益保护委员会投诉（编号：YH-1），
    2026年11月26日调解不成 — or 尚在处理中 while it has no result; ``who`` is the one who went there (投诉人)."""
    case = ctx.case
    start = q.filed_at or q.accepted_at
    body = _free(ctx, q.body.strip()) or PROCEEDING_BODIES[q.venue]
    text = f"{who}{f'于{fmt_date(start, case)}' if start else ''}向{body}{PROCEEDING_WORDS[q.venue]}"
    if q.ref.strip():
        text += f"（编号：{_free(ctx, q.ref.strip())}）"
    if q.result in RESULT_WORDS:
        text += f"，{fmt_date(q.decided_at or q.ended_at, case)}{RESULT_WORDS[q.result]}"
    elif q.accepted_at is not None:
        text += f"，{fmt_date(q.accepted_at, case)}受理，尚在处理中"
    else:
        text += "，尚在处理中"
    return text


def _dealing_lines(ctx: BundleContext, dealings: Sequence[Dealing]) -> list[str]:
    """``dealings`` in time order, each with its time and the exhibits that show it by this packet's own numbers,
    leaving out those the packet does not hold (as for an event)."""
    case = ctx.case
    ordered = sorted(dealings, key=lambda d: _sort_key(d.at, case))
    return [
        f"{fmt_date(d.at, case) if d.date_only else fmt_time(d.at, case)}，{d.text}{_refs(ctx, d.evidence)}"
        for d in ordered
    ]


def _dealings(ctx: BundleContext, sides: Sides | None = None) -> list[str]:
    """The dealings of the case in time order: the handling stages (negotiation, confirmation, mediation) with the
    time each was entered and what happened, as its note tells it (the workflow's stage name is no description of
    an event), the proposals and their answers, the proceedings and their results, the outcome and the payments;
    each with the exhibits that show it (（见证据N）). ``sides`` puts the free text in the third person."""
    return _dealing_lines(ctx, _stage_dealings(ctx, sides) + _handling_dealings(ctx, sides))


def _narrative(ctx: BundleContext, dealings_title: str, sides: Sides | None = None) -> list[Flowable]:
    """事实与理由: the statement, then the events in time order, then the dealings so far; with
    ``sides`` (原告/被告, 申请人/被申请人), in the third person as a pleading is written."""
    story = _facts(ctx, sides)
    events = _timeline(ctx)
    if events:
        story.append(_p("具体经过如下：", "indent"))
        story += _numbered([_event_line(ctx, e, sides) for e in events], ending="。", last="。")
    dealings = _dealings(ctx, sides)
    if dealings:
        numbered = _numbered(dealings, ending="。", last="。")
        # The title stays with its first item: never alone at the foot of a page.
        story.append(KeepTogether([_p(f"{dealings_title}：", "indent"), numbered[0]]))
        story += numbered[1:]
    if not story:
        story = _blank_lines(4)
    return story


def _closing_block(
    lead: Sequence[Flowable],
    salute: str,
    body: str,
    signer: str,
    ctx: BundleContext,
    attachments: Sequence[str],
    *,
    attachments_first: bool = False,
    date_label: str = "",
) -> Flowable:
    """此致 / 某某 / signature / date / 附, kept on one page with the ``lead`` text before it, so
    the signature never stands on a page of its own. ``attachments_first``: 附 between the
    addressee and the signature, as the Supreme People's Court's 民事起诉状 样式 sets it."""
    signature = [Spacer(1, 8 * mm), *_signature([f"{signer}＿＿＿＿＿＿＿＿", date_label + DATE_BLANK])]
    listed = [Spacer(1, 6 * mm), _p("附："), *_numbered([kept_whole(a) for a in attachments], ending="；", last="。")]
    ending: list[Flowable] = [Spacer(1, 4 * mm), _p(salute, "indent"), _p(kept_whole(body))]
    if attachments_first:
        ending += [*listed, *signature]
        after: list[Flowable] = []
    else:
        ending += signature
        after = listed
    # When the whole is too long for a page and is split, the ending (此致, the addressee, 附 as the court's 样式 has
    # it, the signer's line and the date) still goes on one page: a page holding only the date, or only a
    # signature, could sign anything. It is one cell of a table, which does not split (a KeepTogether inside the
    # KeepTogether would: it measures as taller than any page).
    block = Table([[ending]], colWidths=[WIDTH])
    block.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([*lead, block, *after])


# --------------------------------------------------------------------------- added for the consumer and courier packets


def law_quote(ctx: BundleContext, article_id: str) -> str | None:
    """《…》第X条第Y款：the article's words, verbatim from :mod:`casefile.core.law`, as in force on the packet's
    day; None when its number cannot be printed that day (its version not in force, or never read)."""
    day = on_day(ctx)
    if not law.printable(article_id, day) or not law.article(article_id).quote:
        return None
    return f"{law.cite_on(article_id, day, with_part=True)}：{law.article(article_id).quote}"


def law_quotes(ctx: BundleContext, article_ids: Sequence[str]) -> list[str]:
    """The quotes of ``article_ids`` that can be printed on the packet's day, in that order."""
    return [q for q in (law_quote(ctx, i) for i in article_ids) if q is not None]


def cite_on_day(ctx: BundleContext, article_id: str, *, short: bool = False, part: bool = False) -> str:
    """law.cite_on for the packet's day: the article, or only the law's name when its number cannot be printed."""
    return law.cite_on(article_id, on_day(ctx), short=short, with_part=part)


def fmt_weight(value: Decimal | None) -> str:
    """1.25 千克, as on the waybill; "" when not entered."""
    if value is None:
        return ""
    return f"{value.normalize():f} 千克"


def fmt_insured(insured: bool | None) -> str:
    """是否保价: 是, 否, or "" (a blank to fill by hand) when nobody entered it: unknown is never 否."""
    return "" if insured is None else "是" if insured else "否"


def insured_amount(insured: bool | None, value: Decimal | None) -> str:
    """保价金额 or 保价费: the amount when insured, 不适用（未保价） when not, a blank when unknown."""
    if insured is None:
        return ""
    return fmt_amount(value) if insured else "不适用（未保价）"


def courier_parties(ctx: BundleContext) -> CourierClaimParties:
    """The claimant (the merchant: the shipment's claimant, else the organisation in the settings), the carrier
    and the end customer of a courier packet, as this destination sees them: ``ctx.case`` is the case as
    disclosed to it, so each comes as ``ctx.party(role)`` shows it (the end customer masked)."""
    return claim_parties(ctx.case, ctx.org.as_party())
