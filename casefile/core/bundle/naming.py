"""The names a bundle's files are saved under, in the user's language (Settings.language).

In Chinese (zh_CN, the default) a packet is named for what it holds, then the case and the time it
was made: ``快递理赔申请-202611-001-20261129-153012.pdf``, its volumes ``…-第1册-共3册.pdf``, the notes
beside it ``…-办理指引.pdf``, its disclosure report ``…-信息披露报告.txt``. In English:
``202611-001-courier-claim-20261129-153012.pdf``, ``…-vol1of3.pdf``, ``…-guidance.pdf``,
``….disclosure.txt``. The destination is in the name when it is not the venue's usual one
(12315投诉, 邮政业用户申诉; …-courier-claim-12305-…).

Names hold no character Windows refuses (``<>:"/\\|?*``) and end in no dot or space. Two bundles made
in the same second for the same venue get ``-2``, ``-3``… rather than the same name.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from casefile.core.settings import normalise_language
from casefile.core.venues import Route, Venue

ENGLISH = "en"

# What each packet holds, as its Chinese file name says it: the documents it carries for its venue.
_TITLES: dict[Venue, str] = {
    Venue.CONSUMER_ASSOCIATION: "消费投诉",  # cover, 投诉书, evidence list and exhibits, to 消协
    Venue.COURT: "民事起诉状及证据",  # cover, 民事起诉状, 送达地址确认书, evidence list and exhibits
    Venue.ARBITRATION: "仲裁申请",  # cover, 仲裁申请书, evidence list and exhibits
    Venue.COURIER_CLAIM: "快递理赔申请",  # cover, 理赔申请书, evidence list and exhibits, to the carrier
    Venue.RECEIPT: "投诉受理回执",
}
# A destination other than the venue's usual one names the packet for what goes there.
_ROUTE_TITLES: dict[Route, str] = {
    Route.MARKET_REGULATOR: "12315投诉",
    Route.POSTAL_REGULATOR: "邮政业用户申诉",
}


def is_english(language: str) -> bool:
    return normalise_language(language) == ENGLISH


@dataclass(frozen=True)
class BundleNames:
    """The names of one bundle's files (without folder)."""

    base: str  # what every file of the bundle starts with
    english: bool

    def packet(self, volume: int = 1, count: int = 1) -> str:
        """The filing, or its volume ``volume`` of ``count``."""
        if count == 1:
            return f"{self.base}.pdf"
        return f"{self.base}-vol{volume}of{count}.pdf" if self.english else f"{self.base}-第{volume}册-共{count}册.pdf"

    def guidance(self) -> str:
        return f"{self.base}-guidance.pdf" if self.english else f"{self.base}-办理指引.pdf"

    def disclosure(self) -> str:
        return f"{self.base}.disclosure.txt" if self.english else f"{self.base}-信息披露报告.txt"

    def receipt(self, layout: str) -> str:
        """A walk-in receipt, with its paper (a5, 80mm) as the printer settings name it in either language."""
        return f"{self.base}-{layout}.pdf"

    def component(self, name: str) -> str:
        """A component file for online filing; components are named in Chinese in either language."""
        return f"{self.base}-{name}.pdf"


def bundle_names(
    number: str,
    venue: Venue,
    route: Route | None,
    at: datetime,
    language: str,
    taken: Collection[str] = (),
) -> BundleNames:
    """The names of a bundle of case ``number`` made at ``at``; ``taken``: the names already in its folder."""
    english = is_english(language)
    stamp = at.strftime("%Y%m%d-%H%M%S")
    other = route is not None and route is not venue.default_route
    if english:
        base = f"{number}-{venue.value}{f'-{route.value}' if route is not None and other else ''}-{stamp}"
    else:
        title = _ROUTE_TITLES.get(route, _TITLES[venue]) if route is not None and other else _TITLES[venue]
        base = f"{title}-{number}-{stamp}"
    candidate, n = base, 1
    while any(name.startswith(candidate + sep) for name in taken for sep in ("-", ".")):
        n += 1
        candidate = f"{base}-{n}"
    return BundleNames(candidate, english)
