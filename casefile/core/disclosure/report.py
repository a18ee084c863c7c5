"""The disclosure report: what a packet masked, stripped, flattened, removed or replaced, and what personal
data it prints unmasked (a picture that shows it, with no redacted copy in its place).

Shown before the packet is made (the bundle wizard, ``casefile bundle --disclosure``) and saved
beside it as ``<packet>.disclosure.txt``, never bound into the filing: the user checks it before
sending. Its content is also recorded with the bundle in the custody log.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any


class DisclosureAction(enum.StrEnum):
    MASKED = "masked"  # personal data replaced by its masked form (138****5678)
    STRIPPED = "stripped"  # hidden data removed from a photo or file (EXIF, GPS, comments)
    REMOVED = "removed"  # active content removed from a PDF (JavaScript, actions, attachments, links)
    FLATTENED = "flattened"  # form values and annotations drawn into the page
    REDACTED = "redacted"  # a burnt-in redacted copy printed instead of the original
    HIDDEN = "hidden"  # hidden content found (invisible text, text under a box, a hidden layer)
    KEPT = "kept"  # something personal deliberately left as it is (and why)
    NOT_MASKED = "not-masked"  # personal data the packet prints as it is, unmasked (a picture's), or not checked


ACTION_NAMES = {
    DisclosureAction.MASKED: "已遮盖",
    DisclosureAction.STRIPPED: "已去除",
    DisclosureAction.REMOVED: "已删除",
    DisclosureAction.FLATTENED: "已固化",
    DisclosureAction.REDACTED: "以遮盖件替代",
    DisclosureAction.HIDDEN: "发现隐藏内容",
    DisclosureAction.KEPT: "保留",
    DisclosureAction.NOT_MASKED: "未遮盖",
}


@dataclass(frozen=True)
class DisclosureItem:
    where: str  # "证据3", "民事起诉状", "文档信息", …
    action: DisclosureAction
    # In Chinese: "手机号 2 处", "照片EXIF（含GPS位置）", "JavaScript 动作 1 个"; for NOT_MASKED the whole statement.
    what: str
    count: int = 1
    original_sha256: str = ""  # an exhibit printed from a changed copy: the original's hash…
    printed_sha256: str = ""  # …and the copy's


@dataclass
class DisclosureReport:
    venue: str
    copy: str = ""
    items: list[DisclosureItem] = field(default_factory=list)

    def add(
        self,
        where: str,
        action: DisclosureAction,
        what: str,
        count: int = 1,
        *,
        original_sha256: str = "",
        printed_sha256: str = "",
    ) -> None:
        if count <= 0:
            return
        for i, item in enumerate(self.items):  # one line per (place, action, kind): counts add up
            if (item.where, item.action, item.what) == (where, action, what):
                self.items[i] = DisclosureItem(
                    where,
                    action,
                    what,
                    item.count + count,
                    original_sha256 or item.original_sha256,
                    printed_sha256 or item.printed_sha256,
                )
                return
        self.items.append(DisclosureItem(where, action, what, count, original_sha256, printed_sha256))

    def extend(self, items: Iterable[DisclosureItem]) -> None:
        for item in items:
            self.add(
                item.where,
                item.action,
                item.what,
                item.count,
                original_sha256=item.original_sha256,
                printed_sha256=item.printed_sha256,
            )

    def at(self, where: str) -> list[DisclosureItem]:
        return [item for item in self.items if item.where == where]

    def to_data(self) -> dict[str, Any]:
        return {
            "venue": self.venue,
            "copy": self.copy,
            "items": [{**asdict(item), "action": item.action.value} for item in self.items],
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> DisclosureReport:
        report = cls(str(data.get("venue", "")), str(data.get("copy", "")))
        for raw in data.get("items") or []:
            if isinstance(raw, dict):
                try:
                    action = DisclosureAction(str(raw.get("action")))
                except ValueError:
                    continue
                report.items.append(
                    DisclosureItem(
                        str(raw.get("where", "")),
                        action,
                        str(raw.get("what", "")),
                        int(raw.get("count", 1)),
                        str(raw.get("original_sha256", "")),
                        str(raw.get("printed_sha256", "")),
                    )
                )
        return report

    def to_text(self, title: str) -> str:
        """The report as people read it (Chinese, like the packet it describes)."""
        intro = (
            "本报告列明材料中已遮盖、去除、固化或替代的内容，以及未遮盖或未经检查的个人信息，"
            "供发送前核对；本报告不属于提交材料。"
        )
        lines = [title, "", intro, ""]
        if not self.items:
            lines.append("（本材料未作任何遮盖或去除。）")
        for item in self.items:
            count = f" ×{item.count}" if item.count > 1 else ""
            if item.action is DisclosureAction.NOT_MASKED:  # a statement of its own: 图片中的个人信息未遮盖（…）
                lines.append(f"{item.where}：{item.what}{count}")
            else:
                lines.append(f"{item.where}：{ACTION_NAMES[item.action]} {item.what}{count}")
            if item.original_sha256:
                lines.append(f"    原件SHA-256：{item.original_sha256}")
            if item.printed_sha256:
                lines.append(f"    输出件SHA-256：{item.printed_sha256}")
        return "\n".join(lines) + "\n"
