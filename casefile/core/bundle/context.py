"""What a bundle is built from: the venue, the case, the chosen exhibits, the organisation."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from casefile.core.bundle.masking import masked_party
from casefile.core.disclosure import Disclosure, DisclosureReport, disclosure_for
from casefile.core.model import Case, Exhibit, Party
from casefile.core.settings import Settings
from casefile.core.venues import Venue as Venue  # where it has always been imported from


class Level(enum.StrEnum):
    ERROR = "error"  # the packet cannot be valid: the build stops
    WARNING = "warning"  # weak or incomplete: printed, overridden with --force


@dataclass(frozen=True)
class Finding:
    level: Level
    code: str
    message: str
    exhibit: int | None = None


@dataclass(frozen=True)
class Organisation:
    """The organisation using CaseFile (from the settings), shown on documents it issues."""

    name: str = ""
    credit_code: str = ""
    address: str = ""
    phone: str = ""
    legal_representative: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> Organisation:
        return cls(
            name=settings.org_name,
            credit_code=settings.org_credit_code,
            address=settings.org_address,
            phone=settings.org_phone,
            legal_representative=settings.org_legal_representative,
        )


@dataclass
class ExhibitEntry:
    """An exhibit as it appears in this bundle: its label (证据3 or 证据1-2) and its page range."""

    exhibit: Exhibit
    label: str  # "3" or "1-2"
    first_page: int = 0  # 1-based page number of its separator page in the whole bundle
    last_page: int = 0

    @property
    def name(self) -> str:
        return f"证据{self.label}"


@dataclass
class BundleContext:
    case: Case
    venue: Venue
    entries: list[ExhibitEntry]
    org: Organisation
    operator: str
    generated_at: datetime
    custody_head: str = ""
    warnings: list[Finding] = field(default_factory=list)  # accepted with --force
    # What this destination may see, and what the packet masked, stripped or replaced to keep to it.
    policy: Disclosure = field(init=False)
    report: DisclosureReport = field(init=False)

    def __post_init__(self) -> None:
        self.policy = disclosure_for(self.venue)
        self.report = DisclosureReport(self.venue.value)

    def party(self, role: str) -> Party:
        """A party as this venue may show it (spec §6.3); ``role``: complainant, respondent, courier."""
        party: Party | None = getattr(self.case, role)
        if party is None:
            return Party()
        if self.venue in (Venue.COURT, Venue.ARBITRATION, Venue.CONSUMER_ASSOCIATION):
            # Court and arbitration need both parties complete; the 12315/消协 complaint needs the
            # complainant's full contact details (投诉举报办法 art. 9) and the respondent's.
            return party
        if self.venue is Venue.COURIER_CLAIM and role == "complainant":
            return masked_party(party)  # the end customer; the carrier locates the parcel by waybill
        return party

    @property
    def shows_location(self) -> bool:
        """Photo GPS positions are movement tracks (PIPL art. 28): printed for courts and arbitration only."""
        return self.policy.shows_location

    def third_party_name(self, name: str) -> str:
        """People who are not parties (a signer, a courier's staff) are masked everywhere."""
        from casefile.core.bundle.masking import mask_name

        return mask_name(name)
