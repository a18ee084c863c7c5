"""What a bundle is built from: the venue, the case, the chosen exhibits, the organisation."""

from __future__ import annotations

import copy
import dataclasses
import enum
from dataclasses import dataclass, field
from datetime import datetime

from casefile.core.disclosure import Disclosure, DisclosureAction, DisclosureReport, disclosure_for
from casefile.core.disclosure.masking import Masker
from casefile.core.model import Case, Exhibit, Party
from casefile.core.numbering import exhibit_name, packet_label
from casefile.core.settings import Settings
from casefile.core.venues import Venue as Venue  # where it has always been imported from


class Level(enum.StrEnum):
    ERROR = "error"  # the packet cannot be valid: the build stops
    WARNING = "warning"  # weak or incomplete: printed, overridden with --force


@dataclass(frozen=True)
class Finding:
    """One thing the preflight found: what it is (``code``, stable), how bad, what to do (``message``), where.

    ``field`` names what to fix as a path into the case record: ``"respondent.address"``,
    ``"transaction.purchased_at"``, ``"demands"`` or ``"demands.0.amount"`` (list items by their position in
    the record, from 0), ``"exhibits.3.purpose"`` (exhibits by their number). ``exhibit`` is the exhibit
    to show for it (the first one, when ``exhibits`` lists several with the same problem).
    """

    level: Level
    code: str
    message: str
    exhibit: int | None = None
    field: str = ""
    exhibits: tuple[int, ...] = ()


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

    exhibit: Exhibit  # what is printed: the exhibit, or the redacted copy going in its place
    label: str  # "3" or "1-2"
    first_page: int = 0  # 1-based page number of its separator page in the whole bundle
    last_page: int = 0
    original: Exhibit | None = None  # when a redacted copy is printed: the exhibit it stands in for

    @property
    def name(self) -> str:
        """How the packet names it: 证据3."""
        return packet_label(self.label)

    @property
    def number(self) -> int:
        """The printed exhibit's own number (案卷编号), by which the app and the command line know it."""
        return self.exhibit.number

    def full_name(self, detail: str = "") -> str:
        """Both numbers, for separators and findings: 证据3（案卷编号5）."""
        return exhibit_name(self.label, self.exhibit.number, detail)

    @property
    def group(self) -> str:
        """Its 证据组: the printed exhibit's, or (a redacted copy standing in) its original's."""
        own = self.exhibit.group.strip()
        if own or self.original is None:
            return own
        return self.original.group.strip()


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
    clerk_id: str = ""  # the operator's staff number (工号), for the receipt; "" when not known
    # What this destination may see, and what the packet masked, stripped or replaced to keep to it.
    policy: Disclosure = field(init=False)
    report: DisclosureReport = field(init=False)
    masker: Masker = field(init=False)

    def __post_init__(self) -> None:
        self.policy = disclosure_for(self.venue)
        self.report = DisclosureReport(self.venue.value)
        self.disclose(self.policy)
        for entry in self.entries:
            if entry.original is not None:
                self.report.add(
                    entry.name,
                    DisclosureAction.REDACTED,
                    "遮盖件（第三方信息已遮盖，原件可供核对）",
                    original_sha256=entry.original.sha256,
                    printed_sha256=entry.exhibit.sha256,
                )

    def disclose(self, policy: Disclosure, where: str = "文书") -> None:
        """Show the case as ``policy`` lets its destination see it: the one masking step.

        Every string the packet takes from the record (parties, facts, timeline, demands,
        exhibit titles, sources, purposes, file names, transcripts, mail headers) passes
        through the destination's masker here; evidence text passes through ``self.masker``
        as its pages are made. Paths and hashes stay, so the evidence files are still read.
        """
        self.policy = policy
        self.masker = Masker(self.case, policy, self.report)
        self.case = self.masker.case(self.case, where)
        self.entries = [
            dataclasses.replace(
                entry,
                exhibit=self.case.exhibit(entry.exhibit.number),
                original=self.case.exhibit(entry.original.number) if entry.original is not None else None,
            )
            for entry in self.entries
        ]

    def seen_by(self, policy: Disclosure, where: str) -> BundleContext:
        """This context as another destination may see it (a receipt's customer copy)."""
        view = copy.copy(self)
        view.disclose(policy, where)
        return view

    def party(self, role: str) -> Party:
        """A party as this destination may see it (spec §6.3); ``role``: one of disclosure ROLES."""
        from casefile.core.disclosure.masking import party_in

        party = party_in(self.case, role)
        return party if party is not None else Party()

    @property
    def shows_location(self) -> bool:
        """Photo GPS positions are movement tracks (PIPL art. 28): printed for courts and arbitration only."""
        return self.policy.shows_location

    def third_party_name(self, name: str) -> str:
        """People who are not parties (a signer, a courier's staff) are masked everywhere."""
        from casefile.core.disclosure.masking import mask_name

        return mask_name(name)
