"""What a bundle is built from: the venue, the case, the chosen exhibits, the organisation."""

from __future__ import annotations

import copy
import dataclasses
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from casefile.core.disclosure import Disclosure, DisclosureAction, DisclosureReport, disclosure_for
from casefile.core.disclosure.masking import KIND_NAMES, ROLE_NAMES, Masker
from casefile.core.model import Case, Exhibit, Party, PartyKind
from casefile.core.numbering import exhibit_name, packet_label
from casefile.core.settings import Settings
from casefile.core.venues import Route as Route
from casefile.core.venues import Venue as Venue  # where it has always been imported from
from casefile.core.venues import route_for

if TYPE_CHECKING:
    from casefile.core.bundle.receipt_history import ReceiptEdition
    from casefile.core.disclosure.kept import KeptCopies, KeptFile, MadeAgain
    from casefile.core.disclosure.pictures import PictureTexts
    from casefile.core.disclosure.screening import ScreeningStore
    from casefile.core.timestamps.roots import RootCert


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
    contact: str = ""  # 联系人: who answers for the organisation (a claim's contact person)
    retention_years: int = 3  # personal data kept this long after a complaint is handled (the receipt says so)

    @classmethod
    def from_settings(cls, settings: Settings) -> Organisation:
        return cls(
            name=settings.org_name,
            credit_code=settings.org_credit_code,
            address=settings.org_address,
            phone=settings.org_phone,
            legal_representative=settings.org_legal_representative,
            # The contact person set for the organisation, else the operator's name as set in the settings
            # (never the system's user name, which is no one's name on a letter).
            contact=settings.org_contact.strip() or settings.operator.strip(),
            retention_years=settings.data_retention_years,
        )

    def as_party(self) -> Party:
        """The organisation as a party (a courier claim's default claimant)."""
        return Party(
            kind=PartyKind.ORGANISATION,
            name=self.name.strip(),
            id_number=self.credit_code.strip(),
            address=self.address.strip(),
            phone=self.phone.strip(),
            legal_representative=self.legal_representative.strip(),
        )


# What a packet says of a redacted copy printed in its original's place (its list row, cover and page caption).
REDACTED_NOTE = "第三方信息已遮盖，原件可供核对"
# …and of one in which OCR still reads personal data the destination must not see: nothing is certified covered.
UNCOVERED_NOTE = "遮盖未覆盖全部个人信息，原件可供核对"


def redacted_note(entry: ExhibitEntry) -> str:
    """What the packet says of ``entry``'s redacted copy: 第三方信息已遮盖 only when OCR does not read in it
    what the destination must not see."""
    return UNCOVERED_NOTE if entry.still_shows else REDACTED_NOTE


@dataclass
class ExhibitEntry:
    """An exhibit as it appears in this bundle: its label (证据3 or 证据1-2) and its page range."""

    exhibit: Exhibit  # what is printed: the exhibit, or the redacted copy going in its place
    label: str  # "3" or "1-2"
    first_page: int = 0  # 1-based page number of its separator page in the whole bundle
    last_page: int = 0
    original: Exhibit | None = None  # when a redacted copy is printed: the exhibit it stands in for
    # Whether the printed PDF's pages are all pictures (a scan), as the build read them: for a PDF whose
    # metadata does not say (added before CaseFile looked); see casefile.core.bundle.parts.entry_form.
    image_only: bool | None = None
    # Whether the packet's pages for it say its original is handed in on a storage medium (光盘/U盘), as the
    # build made them: a recording's page (视听资料: its original carrier, 证据规定 art. 15), or a page standing
    # in for a file that cannot be printed (an encrypted PDF...). Its list row then offers the medium, not a
    # printout, and the complaint's 附 lists the medium. A 消协/12315 or courier (claim, 12305) packet says instead
    # that its filer keeps the original for checking (casefile.core.bundle.parts.originals_kept).
    on_medium: bool = False
    # A redacted copy in whose text OCR still reads personal data this destination must not see (its boxes cover
    # not all of it): the packet prints it, when told to, without saying 第三方信息已遮盖.
    still_shows: bool = False

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


def cited_entry(case: Case, entries: Sequence[ExhibitEntry], number: int) -> ExhibitEntry | None:
    """The entry a citation of exhibit ``number`` (a record's （见证据N）) is to a packet of ``entries``: the
    exhibit's own, or, when the packet prints another version of it (its redacted copy in its place, or the
    original where the record cites a copy), that version's: an original and its redacted copies are one exhibit
    in a packet. None when the packet holds no version of it."""
    for entry in entries:
        if entry.exhibit.number == number or (entry.original is not None and entry.original.number == number):
            return entry
    root = _root(case, number)
    if root is None:
        return None
    for entry in entries:
        if _root(case, (entry.original or entry.exhibit).number) == root:
            return entry
    return None


def _root(case: Case, number: int) -> int | None:
    """The original a redacted copy ``number`` was made from (through copies of copies), or ``number``."""
    seen: set[int] = set()
    while number not in seen:
        seen.add(number)
        if not case.has_exhibit(number):
            return None
        parent = case.exhibit(number).derived_from
        if parent is None:
            return number
        number = parent
    return number


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
    # Who receives it, for venues with more than one destination (消协 or 12315; the carrier or 12305);
    # None: the venue's default (Venue.default_route), and None for venues with a single destination.
    route: Route | None = None
    # Where what the screening of evidence PDFs found is kept (the library's); None: nowhere, each is screened.
    screenings: ScreeningStore | None = None
    # The sanitised copies of evidence PDFs kept when they were added (the library's), and what the
    # case's custody log records of each exhibit's (engine, record); None: each PDF is sanitised.
    copies: KeptCopies | None = None
    kept: dict[int, tuple[str, KeptFile]] = field(default_factory=dict)
    # A packet being made (not the disclosure preview): the sanitised copies it had to make itself,
    # kept and recorded when it is saved, so that its next packet prints them; None: not kept.
    refreshed: list[MadeAgain] | None = None
    # The case's timestamps, for the integrity annex: the roots each was checked against (its ca.pem) and the
    # subject of its TSA's certificate, by stamp id; and the root fingerprints the user pinned in the settings.
    stamp_roots: dict[str, list[RootCert]] = field(default_factory=dict)
    stamp_authorities: dict[str, str] = field(default_factory=dict)
    pinned_roots: frozenset[str] = frozenset()
    # The text OCR read in the library's pictures: the report names the personal data a picture printed as it is
    # shows (None: pictures are not looked at, but for those marked as a parcel's label).
    texts: PictureTexts | None = None
    # A walk-in receipt: its edition among the receipts the case issued, what it reprints or corrects, and when
    # each thing handed in was recorded (None: not a receipt, or made from no custody log).
    receipt: ReceiptEdition | None = None
    # What this destination may see, and what the packet masked, stripped or replaced to keep to it.
    policy: Disclosure = field(init=False)
    report: DisclosureReport = field(init=False)
    masker: Masker = field(init=False)

    def __post_init__(self) -> None:
        self.route = route_for(self.venue, self.route)
        self.policy = disclosure_for(self.venue)
        self.report = DisclosureReport(self.venue.value)
        self.disclose(self.policy)
        self._pictures()

    def _pictures(self) -> None:
        """Say in the report which exhibits are printed as a redacted copy, what personal data a picture printed
        shows unmasked (as OCR read it: the picture itself, or a redacted copy whose boxes do not cover it), and
        which pictures were not checked (not read yet, unreadable, or a parcel's label read by no one)."""
        from casefile.core.disclosure import pictures

        checked = pictures.applies(self.policy)
        for entry in self.entries:
            e = entry.exhibit
            check = pictures.check_picture(self.masker, self.texts, e) if checked and self.texts is not None else None
            shown = check is not None and bool(check.shown)
            if entry.original is not None:
                entry.still_shows = shown
                self.report.add(
                    entry.name,
                    DisclosureAction.REDACTED,
                    f"遮盖件（{redacted_note(entry)}）",
                    original_sha256=entry.original.sha256,
                    printed_sha256=e.sha256,
                )
            if not checked:
                continue
            copy_word = "遮盖件" if entry.original is not None else "图片"
            if check is not None and check.shown:
                groups: dict[str, list[str]] = {}
                for item in check.shown:
                    groups.setdefault(item.whose, []).append(f"{KIND_NAMES[item.kind]} {item.masked}")
                found = "；".join(
                    f"{ROLE_NAMES.get(whose, '案外人')}的{'、'.join(data)}" for whose, data in groups.items()
                )
                still = "遮盖件仍显示个人信息，" if entry.original is not None else ""
                self.report.add(
                    entry.name,
                    DisclosureAction.NOT_MASKED,
                    f"图片中的个人信息未遮盖（{still}文字识别发现：{found}）",
                )
            elif check is not None and check.state is pictures.OcrState.UNREAD:
                self.report.add(
                    entry.name, DisclosureAction.NOT_MASKED, f"{copy_word}尚未识别文字，其中的个人信息未经检查"
                )
            elif check is not None and check.state is pictures.OcrState.FAILED:
                self.report.add(
                    entry.name, DisclosureAction.NOT_MASKED, f"{copy_word}文字无法识别，其中的个人信息未经检查"
                )
            elif entry.original is None and pictures.labels_named(self.policy) and pictures.is_label(e):
                self.report.add(entry.name, DisclosureAction.NOT_MASKED, "快递面单图片中的个人信息未遮盖")

    def disclose(self, policy: Disclosure, where: str = "文书") -> None:
        """Show the case as ``policy`` lets its destination see it: the one masking step.

        Every string the packet takes from the record (parties, facts, timeline, demands,
        exhibit titles, sources, purposes, file names, transcripts, mail headers) passes
        through the destination's masker here; evidence text passes through ``self.masker``
        as its pages are made. Paths and hashes stay, so the evidence files are still read.
        """
        self.policy = policy
        # A courier claim with no claimant entered is made in the organisation's name: its data is the claimant's.
        self.masker = Masker(self.case, policy, self.report, issuer=self.org.as_party())
        # An exhibit's texts masked are reported under its name in the packet, with its printed text's.
        names = {entry.exhibit.number: entry.name for entry in self.entries}
        names.update({entry.original.number: entry.name for entry in self.entries if entry.original is not None})
        self.case = self.masker.case(self.case, where, names)
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

    def cited(self, number: int) -> ExhibitEntry | None:
        """The entry a citation of exhibit ``number`` (a record's （见证据N）) is to this packet: see
        :func:`cited_entry`."""
        return cited_entry(self.case, self.entries, number)

    @property
    def heading(self) -> str:
        """The packet's title: the destination's (消费投诉材料, 邮政业用户申诉材料…) or the venue's."""
        return self.route.heading if self.route is not None else self.venue.heading

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
        """People who are not parties (a signer, a courier's staff) are masked everywhere: their names, not the
        titles or organisations they are recorded by (某某速运理赔专员, 门卫; :func:`~casefile.core.disclosure.
        masking.mask_person`)."""
        from casefile.core.disclosure.masking import mask_person, organisation_names

        return mask_person(name, organisations=organisation_names(self.case))
