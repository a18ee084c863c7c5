"""The receipts a case has issued, read from its custody log: the edition a new receipt is, and what changed.

A walk-in customer holds the receipt the store handed over. When the store prints the receipt again, the
customer and the store must be able to tell the two apart (spec §7(e)):

- a receipt printed again with nothing it prints changed is a 补打 of the edition issued before;
- one printed after the record changed what a receipt prints (the customer's phone corrected, materials handed
  in on a later visit, a demand added…) is the next edition (第2版), and says what changed and that the receipt
  issued before is void (原于…出具的回执作废).

Each receipt's ``bundle`` entry records its edition (``details["receipt"]["edition"]``). The facts a receipt
printed are not stored again: the log is folded, and the record as it stood when each receipt was issued gives
them, so receipts issued before editions were recorded are counted the same way (their logs fold unchanged).

The fold also says when each thing the customer handed in (the case's ``handed_items``) was first recorded, so the
receipt lists what came after the first receipt apart, as handed in later (补交材料).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from casefile.core.model import Case, HandedItem

# What a receipt prints, by the label it prints it under; those shown with their old and new values when they change
# (the others, long texts and lists, are named only).
SHORT_FACTS = (
    "顾客姓名",
    "电话",
    "受理时间",
    "订单号/小票号",
    "购买日期",
    "金额",
    "投诉类型",
    "优先级",
    "承诺答复时间",
)
FACT_ORDER = (
    "顾客姓名",
    "电话",
    "受理时间",
    "订单号/小票号",
    "商品/服务",
    "购买日期",
    "金额",
    "投诉类型",
    "问题简述",
    "顾客诉求",
    "收取材料清单",
    "本店拍摄照片",
    "优先级",
    "承诺答复时间",
)


def handed_key(item: HandedItem) -> str:
    """A thing handed in, as the log follows it from one list to the next: by its name (its count, form or whether
    it was kept may be corrected; renamed, it is taken for a new one)."""
    return " ".join(item.name.split())


def receipt_facts(case: Case) -> dict[str, str]:
    """What a receipt of ``case`` prints, by label: the case as seen (masked or not) by the copy it is for."""
    from casefile.core import zone
    from casefile.core.bundle import receipt

    txn = case.transaction
    person = case.complainant
    handed = [
        f"{handed_key(i)}×{i.count}/{i.handed_in}/{i.disposition}/{','.join(map(str, i.photos))}"
        for i in case.handed_items
    ]
    # The files, each under the list the receipt prints it in (receipt._items): a photo the store took is listed
    # under 本店拍摄照片, and a correction of it names that list; a paper or object its photo shows is a line of
    # 收取材料清单 as well; any other file is a material received.
    shown = {number for item in case.handed_items for number in item.photos}
    files: list[str] = []
    photos: list[str] = []
    for e in case.exhibits:
        if e.withdrawn or e.derived_from is not None:
            continue
        line = f"{e.number}/{e.title}/{e.handed_in}/{e.disposition}/{e.sha256}"
        source = e.source.strip()
        ours = source in receipt.STORE_SOURCES or not source
        thing = e.handed_in in ("object", *receipt.PAPER_FORMS)
        if ours and (e.number in shown or thing or (not e.handed_in and source in receipt.STORE_SOURCES)):
            photos.append(line)
            if not thing:
                continue
        files.append(line)
    return {
        "顾客姓名": person.name.strip(),
        "电话": person.phone.strip(),
        "受理时间": receipt._time(case.complained_at),
        "订单号/小票号": txn.order_no.strip(),
        "商品/服务": receipt._product(txn.product, txn.brand_model),
        "购买日期": zone.show(txn.purchased_at, "%Y-%m-%d", offset=False),
        "金额": receipt._amount(txn.amount),
        "投诉类型": receipt.TYPE_NAMES.get(case.type, str(case.type)),
        "问题简述": " ".join(receipt.complaint_account(case).split()),
        "顾客诉求": "；".join(receipt._demands(case)),
        "收取材料清单": "\n".join([*handed, *files]),
        "本店拍摄照片": "\n".join(photos),
        "优先级": receipt.PRIORITY_NAMES.get(case.priority, str(case.priority)),
        "承诺答复时间": receipt._time(case.response_due_at),
    }


def customer_facts(case: Case) -> dict[str, str]:
    """:func:`receipt_facts` of the customer's copy (顾客联), masked as it is printed."""
    from casefile.core.disclosure import disclosure_for
    from casefile.core.disclosure.masking import Masker
    from casefile.core.venues import Venue

    return receipt_facts(Masker(case, disclosure_for(Venue.RECEIPT, copy="customer")).case(case))


@dataclass(frozen=True)
class Issued:
    """A receipt the case issued: its custody entry, when, its edition, and what it printed (store's and
    customer's copy)."""

    seq: int
    at: datetime
    edition: int
    facts: dict[str, str]
    customer: dict[str, str]


@dataclass(frozen=True)
class Change:
    """A fact a receipt prints that changed since the receipt issued before: its label, and the old and new values
    (empty for a long text or a list, named only)."""

    label: str
    old: str = ""
    new: str = ""
    # A list's change said item by item (本店拍摄照片: 证据2（IMG_0413）已撤回，新增证据5（IMG_0420）); "" otherwise.
    detail: str = ""


@dataclass(frozen=True)
class ReceiptEdition:
    """What a receipt printed now is, among those the case issued."""

    edition: int = 1
    previous: Issued | None = None  # the receipt issued last (None: this is the first)
    edition_issued_at: datetime | None = None  # a 补打: when its edition was first issued
    changes: tuple[Change, ...] = ()  # a correction: what changed since ``previous`` (the store's copy)
    customer_changes: tuple[Change, ...] = ()  # the same, as the customer's copy prints it (masked)
    issued: tuple[datetime, ...] = ()  # when each receipt before this one was issued, oldest first
    handed_at: dict[str, datetime] = field(default_factory=dict)  # handed_key -> when first recorded

    @property
    def reprint(self) -> bool:
        """A receipt printed again with nothing changed (补打)."""
        return self.previous is not None and not self.changes

    @property
    def corrected(self) -> bool:
        """A receipt printed after what it prints changed: a new edition that voids the one before (更正)."""
        return self.previous is not None and bool(self.changes)

    def details(self) -> dict[str, Any]:
        """What the receipt's custody entry records of it."""
        data: dict[str, Any] = {"edition": self.edition}
        if self.previous is not None:
            data["previous"] = self.previous.seq
            data["reissue"] = "correction" if self.changes else "reprint"
        if self.changes:
            data["changed"] = [c.label for c in self.changes]
        return data


def _changed(old: dict[str, str], new: dict[str, str]) -> list[str]:
    return [label for label in FACT_ORDER if old.get(label, "") != new.get(label, "")]


def _changes(labels: list[str], old: dict[str, str], new: dict[str, str]) -> tuple[Change, ...]:
    """The facts ``labels`` as changed from ``old`` to ``new`` (values of the copy they are printed on)."""
    return tuple(
        Change(label, old.get(label, ""), new.get(label, ""))
        if label in SHORT_FACTS
        else Change(label, detail=_files_changed(label, old, new))
        for label in labels
    )


# The lists whose files a correction names one by one.
FILE_LISTS = ("本店拍摄照片", "收取材料清单")


def _files(text: str) -> dict[int, tuple[str, str]]:
    """The files of a list as receipt_facts gives it (number/title/handed_in/disposition/sha256, one a line; a thing
    handed in, not a file, is left out): number -> (title, the whole line)."""
    files = {}
    for line in text.splitlines():
        head, _, title_and_rest = line.partition("/")
        if not head.isdigit():
            continue
        title = title_and_rest.rsplit("/", 3)[0]
        files[int(head)] = (title, line)
    return files


def _files_changed(label: str, old: dict[str, str], new: dict[str, str]) -> str:
    """What changed among the files of the list ``label``, each by the number and name the receipts print it
    under: 证据2（IMG_0413）已撤回，新增证据5（IMG_0420）; "" when not a list of files or none was added, dropped or
    changed (only a thing handed in changed)."""
    if label not in FILE_LISTS:
        return ""
    from casefile.core.bundle import receipt

    before, after = _files(old.get(label, "")), _files(new.get(label, ""))
    listed_now = {n for name in FILE_LISTS for n in _files(new.get(name, ""))}

    def name(number: int, title: str) -> str:
        return f"证据{number}（{receipt._short(title, receipt.PHOTO_TITLE_CHARS)}）"

    said = []
    for number, (title, _line) in sorted(before.items()):
        if number not in after:
            said.append(name(number, title) + ("已撤回" if number not in listed_now else "移出本栏"))
    for number, (title, line) in sorted(after.items()):
        if number in before and before[number][1] != line:
            said.append(name(number, title) + "已更改")
    added = [name(number, title) for number, (title, _line) in sorted(after.items()) if number not in before]
    if added:
        said.append("新增" + "、".join(added))
    return "，".join(said)


def _issued(entries: Iterable[dict[str, Any]]) -> tuple[Case | None, list[Issued], dict[str, datetime]]:
    """The log ``entries`` folded: the case as it stands, every receipt it issued (oldest first) with what it
    printed, and when each thing handed in was first recorded."""
    from casefile.core.record.actions import BUNDLE, CREATE, UPDATE
    from casefile.core.record.fold import apply_entry

    case: Case | None = None
    issued: list[Issued] = []
    handed_at: dict[str, datetime] = {}
    for entry in entries:
        case = apply_entry(case, entry)
        action = entry.get("action")
        try:
            at = datetime.fromisoformat(str(entry.get("at")))
        except ValueError:
            continue
        if action in (CREATE, UPDATE):
            for item in case.handed_items:
                handed_at.setdefault(handed_key(item), at)
        details = entry.get("details")
        if action != BUNDLE or not isinstance(details, dict) or details.get("venue") != "receipt":
            continue
        facts, customer = receipt_facts(case), customer_facts(case)
        recorded_receipt = details.get("receipt")
        recorded = recorded_receipt.get("edition") if isinstance(recorded_receipt, dict) else None
        if isinstance(recorded, int) and not isinstance(recorded, bool) and recorded >= 1:
            edition = recorded
        elif not issued:
            edition = 1
        else:
            edition = issued[-1].edition + (facts != issued[-1].facts)
        issued.append(Issued(int(entry.get("seq", 0)), at, edition, facts, customer))
    return case, issued, handed_at


def corrections(entries: Iterable[dict[str, Any]]) -> dict[int, tuple[Change, ...]]:
    """What each receipt the case issued changed since the receipt issued before it, by its custody entry (seq),
    with the old and new values as the store's copy printed them; receipts that changed nothing are left out."""
    _case, issued, _handed_at = _issued(entries)
    out = {}
    for before, after in zip(issued, issued[1:], strict=False):
        labels = _changed(before.facts, after.facts)
        if labels:
            out[after.seq] = _changes(labels, before.facts, after.facts)
    return out


def said(change: Change) -> str:
    """A change as the history lists it: 电话：13812345678 → 13912345678 (an empty value as —); a list of files by
    what was added or dropped; a long text (no old or new value given) by its label alone."""
    if change.detail:
        return f"{change.label}：{change.detail}"
    if change.old or change.new:
        return f"{change.label}：{change.old or '—'} → {change.new or '—'}"
    return change.label


def receipt_edition(entries: Iterable[dict[str, Any]]) -> ReceiptEdition:
    """What a receipt made now of the case whose custody log is ``entries`` is: its edition, the receipt it
    reprints or corrects, and when each thing handed in was recorded."""
    case, issued, handed_at = _issued(entries)
    if case is None or not issued:
        return ReceiptEdition(handed_at=handed_at)
    last = issued[-1]
    facts = receipt_facts(case)
    labels = _changed(last.facts, facts)
    changes = _changes(labels, last.facts, facts)
    edition = last.edition + 1 if changes else last.edition
    first_of_edition = next(i.at for i in issued if i.edition == last.edition)
    return ReceiptEdition(
        edition=edition,
        previous=last,
        edition_issued_at=None if changes else first_of_edition,
        changes=changes,
        customer_changes=_changes(labels, last.customer, customer_facts(case)),
        issued=tuple(i.at for i in issued),
        handed_at=handed_at,
    )
