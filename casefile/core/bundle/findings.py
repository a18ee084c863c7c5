"""How the preflight words its findings: citations from the law table, the field to fix, and one finding
for every exhibit that shares a problem ("证据1（案卷编号1）、证据3（案卷编号4）没有填写证明目的") rather than one
per exhibit, each named by its number in the packet and its own number in the case."""

from __future__ import annotations

import re
from collections.abc import Sequence

from casefile.core import law
from casefile.core.bundle.context import ExhibitEntry, Finding, Level


def cite(article_id: str, *, part: bool = False) -> str:
    """A citation from the law table, short form, to print inside （）.

    An article whose number was read only in a version no longer in force says so, rather than print a
    repealed number as if it were current: 《仲裁法》第二十三条，系2017年文本的条文序号，现行文本的对应条文待核实.
    """
    text = law.cite(article_id, short=True, with_part=part)
    article = law.article(article_id)
    if not article.in_force_on(law.CHECKED_ON):
        year = re.match(r"\d{4}", article.law.version)
        version = f"{year.group()}年文本" if year else "旧文本"
        text += f"，系{version}的条文序号，现行文本的对应条文待核实"
    return text


class Findings(list[Finding]):
    """The findings, in the order found; helpers that name the field and group exhibits."""

    def add(self, level: Level, code: str, message: str, field: str = "", exhibits: Sequence[int] = ()) -> None:
        numbers = tuple(exhibits)
        self.append(Finding(level, code, message, numbers[0] if numbers else None, field, numbers))

    def warn(self, code: str, message: str, field: str = "", exhibits: Sequence[int] = ()) -> None:
        self.add(Level.WARNING, code, message, field, exhibits)

    def error(self, code: str, message: str, field: str = "", exhibits: Sequence[int] = ()) -> None:
        self.add(Level.ERROR, code, message, field, exhibits)

    def group(
        self,
        level: Level,
        code: str,
        items: Sequence[tuple[ExhibitEntry, str]],
        message: str,
        attribute: str = "",
    ) -> None:
        """One finding for every exhibit in ``items`` ((entry, detail) pairs) with the same problem.

        ``message`` follows the exhibits as the packet names them ("证据1（案卷编号1）、证据3（案卷编号4）" + "没有填写
        证明目的", or with details "证据1（案卷编号1，GIMP 2.10）"); the field is the first exhibit's ``attribute``.
        """
        if not items:
            return
        numbers = [entry.exhibit.number for entry, _detail in items]
        field = f"exhibits.{numbers[0]}" + (f".{attribute}" if attribute else "")
        self.add(level, code, exhibit_names(items) + message, field, numbers)


def exhibit_names(items: Sequence[tuple[ExhibitEntry, str]]) -> str:
    """Each exhibit by its number in the packet and its own number, so it can be found in the app:
    证据1（案卷编号3）、证据2（案卷编号1）; with details, 证据1（案卷编号3，a.jpg）."""
    return "、".join(entry.full_name(detail) for entry, detail in items)
