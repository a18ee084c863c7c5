"""Where a packet goes: the places a dispute is taken to, and the walk-in receipt.

Two venues have more than one destination (a :class:`Route`): a consumer complaint goes to a
消费者协会 (消费者权益保护委员会) or to the 市场监督管理部门 (12315), and a courier packet is a
claim to the carrier or, once the carrier has not answered or the answer does not satisfy, an
appeal (申诉) to the postal administration (12305).
"""

from __future__ import annotations

import enum

from casefile.core.errors import InvalidValueError


class Venue(enum.StrEnum):
    CONSUMER_ASSOCIATION = "consumer-association"  # 消协 / 12315
    ARBITRATION = "arbitration"
    COURT = "court"
    COURIER_CLAIM = "courier-claim"
    RECEIPT = "receipt"  # walk-in complaint receipt

    @property
    def heading(self) -> str:
        return {
            "consumer-association": "消费投诉材料",
            "arbitration": "仲裁申请材料",
            "court": "民事起诉材料",
            "courier-claim": "快递理赔申请材料",
            "receipt": "投诉受理回执",
        }[self.value]

    @property
    def routes(self) -> tuple[Route, ...]:
        """The destinations this venue's packet can be made for; the first is the default."""
        return ROUTES.get(self, ())

    @property
    def default_route(self) -> Route | None:
        routes = self.routes
        return routes[0] if routes else None


class Route(enum.StrEnum):
    """Who receives a consumer complaint or a courier packet."""

    CONSUMER_ASSOCIATION = "consumer-association"  # 消费者协会（消费者权益保护委员会）
    MARKET_REGULATOR = "12315"  # 市场监督管理部门 (投诉举报处理暂行办法)
    CARRIER = "carrier"  # the courier company itself: 快递理赔
    POSTAL_REGULATOR = "12305"  # 邮政管理部门: 邮政业用户申诉

    @property
    def heading(self) -> str:
        """The packet's title, on its cover and in its file properties."""
        return {
            "consumer-association": "消费投诉材料",
            "12315": "消费投诉材料",
            "carrier": "快递理赔申请材料",
            "12305": "邮政业用户申诉材料",
        }[self.value]

    @property
    def body(self) -> str:
        """The kind of body that receives it, as the cover names it."""
        return {
            "consumer-association": "消费者协会（消费者权益保护委员会）",
            "12315": "市场监督管理部门（12315）",
            "carrier": "快递企业",
            "12305": "邮政管理部门（12305）",
        }[self.value]

    @property
    def filer(self) -> str:
        """The role of whoever files it: 投诉人, 索赔人, 申诉人."""
        return {
            "consumer-association": "投诉人",
            "12315": "投诉人",
            "carrier": "索赔人",
            "12305": "申诉人",
        }[self.value]


ROUTES: dict[Venue, tuple[Route, ...]] = {
    Venue.CONSUMER_ASSOCIATION: (Route.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR),
    Venue.COURIER_CLAIM: (Route.CARRIER, Route.POSTAL_REGULATOR),
}

# What the command line's --to takes: the route's own value, or the name people use for it.
ROUTE_NAMES: dict[str, Route] = {
    **{route.value: route for route in Route},
    "消协": Route.CONSUMER_ASSOCIATION,
    "消费者协会": Route.CONSUMER_ASSOCIATION,
    "市场监管": Route.MARKET_REGULATOR,
    "快递企业": Route.CARRIER,
    "快递公司": Route.CARRIER,
    "邮政管理部门": Route.POSTAL_REGULATOR,
}


def parse_route(text: str) -> Route:
    """A route by its value or its Chinese name (消协, 12315, 快递企业, 12305)."""
    route = ROUTE_NAMES.get(text.strip())
    if route is None:
        raise InvalidValueError(
            "unknown destination {text!r} (use {choices})", text=text, choices="消协, 12315, 快递企业 or 12305"
        )
    return route


def route_for(venue: Venue, route: Route | None) -> Route | None:
    """The destination of a packet for ``venue``: ``route`` when it is one of the venue's, its default when
    None; an error for a destination the venue does not go to (12305 for a consumer complaint)."""
    if route is None:
        return venue.default_route
    if route not in venue.routes:
        allowed = "、".join(r.value for r in venue.routes) or "none"
        raise InvalidValueError(
            "a {venue} packet cannot go to {route} (destinations: {allowed})",
            venue=venue.value,
            route=route.value,
            allowed=allowed,
        )
    return route


def default_venue(case_type: str, preferred: str = "") -> Venue:
    """Where a case's packet goes unless the user picks another: a courier case (物流) to the
    carrier as a courier claim; any other case to the venue the settings prefer (消协 by default),
    never the walk-in receipt, which the walk-in desk makes."""
    if case_type == "logistics":
        return Venue.COURIER_CLAIM
    try:
        venue = Venue(preferred)
    except ValueError:
        return Venue.CONSUMER_ASSOCIATION
    return Venue.CONSUMER_ASSOCIATION if venue in (Venue.RECEIPT, Venue.COURIER_CLAIM) else venue
