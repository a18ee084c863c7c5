"""How the preflight words its findings: citations from the law table, the field to fix, and one finding
for every exhibit that shares a problem ("Exhibit 1 (file no. 1), Exhibit 3 (file no. 4): no proof purpose";
证据1（案卷编号1）、证据3（案卷编号4）没有填写证明目的) rather than one per exhibit, each named by its number in the
packet and its own number in the case.

Every finding's text is a core :class:`~casefile.core.errors.Message` with English source text: the app shows
it in the user's language, the command line in English, as it does every core message. Citations stay as the
law names itself (《民事诉讼法》第一百二十二条) in either language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from casefile.core import law
from casefile.core.bundle.context import ExhibitEntry, Finding, Level
from casefile.core.errors import Message, listed


def cite(article_id: str, *, part: bool = False) -> str:
    """A citation from the law table, short form, to print inside （）.

    An article whose number was read only in a version no longer in force says so, rather than print a
    repealed number as if it were current: 《仲裁法》第二十三条，系2017年文本的条文序号，现行文本的对应条文待核实.
    """
    text = law.cite(article_id, short=True, with_part=part)
    article = law.article(article_id)
    if not article.in_force_on(law.CHECKED_ON):
        year = re.match(r"\d{4}", article.law.version)
        if year:
            return Message(
                "{citation}, the article's number in the {year} text; the matching article of the text in force "
                "is still to be checked",
                citation=text,
                year=year.group(),
            )
        return Message(
            "{citation}, the article's number in an earlier text; the matching article of the text in force is "
            "still to be checked",
            citation=text,
        )
    return text


class Findings(list[Finding]):
    """The findings, in the order found; helpers that name the field and group exhibits."""

    def add(self, level: Level, code: str, message: Message, field: str = "", exhibits: Sequence[int] = ()) -> None:
        numbers = tuple(exhibits)
        self.append(Finding(level, code, message, numbers[0] if numbers else None, field, numbers))

    def warn(self, code: str, message: Message, field: str = "", exhibits: Sequence[int] = ()) -> None:
        self.add(Level.WARNING, code, message, field, exhibits)

    def error(self, code: str, message: Message, field: str = "", exhibits: Sequence[int] = ()) -> None:
        self.add(Level.ERROR, code, message, field, exhibits)

    def group(
        self,
        level: Level,
        code: str,
        items: Sequence[tuple[ExhibitEntry, str]],
        message: Callable[[Message], Message],
        attribute: str = "",
    ) -> None:
        """One finding for every exhibit in ``items`` ((entry, detail) pairs) with the same problem.

        ``message`` words the problem for the exhibits as the packet names them (given as one message:
        "Exhibit 1 (file no. 1), Exhibit 3 (file no. 4)", or with details "Exhibit 1 (file no. 1, GIMP 2.10)");
        the field is the first exhibit's ``attribute``.
        """
        if not items:
            return
        numbers = [entry.exhibit.number for entry, _detail in items]
        field = f"exhibits.{numbers[0]}" + (f".{attribute}" if attribute else "")
        self.add(level, code, message(exhibit_names(items)), field, numbers)


def exhibit_name(label: str, number: int, detail: str = "") -> Message:
    """An exhibit by its number in the packet and its own number: 证据1（案卷编号3）, or with a detail
    证据1（案卷编号3，a.jpg）; "Exhibit 1 (file no. 3)" in English."""
    if detail:
        return Message("Exhibit {label} (file no. {number}, {detail})", label=label, number=number, detail=detail)
    return Message("Exhibit {label} (file no. {number})", label=label, number=number)


#: The exhibits a finding names in its words at most ("… and 4,980 more"); it holds every one's number.
NAMED_AT_MOST = 20


def exhibit_names(items: Sequence[tuple[ExhibitEntry, str]]) -> Message:
    """Each exhibit by its number in the packet and its own number, so it can be found in the app:
    证据1（案卷编号3）、证据2（案卷编号1）; with details, 证据1（案卷编号3，a.jpg）. Past :data:`NAMED_AT_MOST`,
    the first ones and how many more."""
    names = listed([exhibit_name(entry.label, entry.exhibit.number, detail) for entry, detail in items[:NAMED_AT_MOST]])
    if len(items) <= NAMED_AT_MOST:
        return names
    return Message("{names} and {count} more", names=names, count=len(items) - NAMED_AT_MOST)
