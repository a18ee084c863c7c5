"""Personal data shown in the pictures of a packet: what OCR read in photos, screenshots and scanned pages.

A packet masks personal data in every text it prints, and burns it out of PDF pages whose text
layer holds it; a picture (a photo of a parcel label, a screenshot of a chat, a page scanned
without a text layer) goes in as it is, only its metadata taken out. What the picture shows is
known only from the text OCR read in it (:mod:`casefile.core.search.ocr`, kept in the
derived-text store): the destination's own masker (:class:`~.masking.Masker`) finds in that text
what it must not see, as it would in any text, and the preflight and the disclosure report say
so, so that the user redacts the picture (a burnt-in copy, :mod:`.redact`) before sending it
(spec §6.3: burn-in redaction of screenshots and waybill photos).

Nothing here reads a picture: the text is read from the store, once per file, and a file OCR
has not read yet (or could not read) is named as such, because what it shows is not known.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile.core.disclosure.masking import Kind, Masker, labelled_names, masked_form
from casefile.core.disclosure.policy import Disclosure
from casefile.core.model import EvidenceKind, Exhibit
from casefile.core.search.texts import DerivedText, TextStore
from casefile.core.thumbnails import HEIF_MIMES, IMAGE_MIMES
from casefile.core.venues import Venue

# The producer OCR stores its text under (casefile.core.search.ocr.PRODUCER, not imported: that module
# loads the OCR worker's code).
OCR_PRODUCER = "ocr"
PDF_MIME = "application/pdf"
# The pictures OCR reads (casefile.core.search.ocr.OCR_MIMES without PDFs).
PICTURE_MIMES = frozenset(IMAGE_MIMES | HEIF_MIMES)
_HOPELESS_FLAGS = {"broken", "empty", "encrypted"}
# What a user calls a parcel's label in a title or a purpose: it shows the recipient's name, phone and address.
LABEL_WORDS = ("面单", "运单", "快递单")


class OcrState(enum.StrEnum):
    READ = "read"  # OCR read it (the text may be empty)
    UNREAD = "unread"  # not read yet (queued, running, or OCR not installed)
    FAILED = "failed"  # OCR gave up on it


@dataclass(frozen=True)
class PictureText:
    state: OcrState
    text: str = ""  # every page's text, pages apart by a blank line


class PictureTexts:
    """The text OCR read in a library's files, looked up by SHA-256 (the text of each file read once; a file
    not read yet is looked for again at each question, as OCR goes on in the background)."""

    def __init__(self, library_root: Path) -> None:
        self.root = Path(library_root)
        self.store = TextStore(self.root)
        self._known: dict[str, PictureText] = {}
        # What the pictures show for one destination's masker, kept while the masker looks for the same data: the
        # wizard checks a packet again at every change of its exhibits, and a case may hold thousands of pictures.
        self._masker: Masker | None = None
        self._masker_key: object = None
        self._shown: dict[str, tuple[Shown, ...]] = {}

    def shown(self, masker: Masker, exhibit: Exhibit, text: str) -> tuple[Shown, ...]:
        """:func:`shown_in` of the picture's ``text`` (its OCR text), remembered for masker's like ``masker``."""
        if masker is not self._masker:
            key = _masker_key(masker)
            if key != self._masker_key:
                self._shown = {}
                self._masker_key = key
            self._masker = masker
        found = self._shown.get(exhibit.sha256)
        if found is None:
            found = self._shown[exhibit.sha256] = tuple(shown_in(masker, text))
        return found

    def of(self, exhibit: Exhibit) -> PictureText:
        known = self.stored(exhibit)
        if known is not None:
            return known
        from casefile.core.search.ocr import Failures

        if Failures(self.root).get(exhibit.sha256) is not None:
            return PictureText(OcrState.FAILED)
        return PictureText(OcrState.UNREAD)

    def stored(self, exhibit: Exhibit) -> PictureText | None:
        """What OCR read in the file, when it did (None: not read, or it could not be read; OCR's own records of
        failures are not looked at, nor its code loaded)."""
        known = self._known.get(exhibit.sha256)
        if known is None:
            try:
                text: DerivedText | None = self.store.get(exhibit.sha256, OCR_PRODUCER)
            except ValueError:  # not a SHA-256: nothing was stored under it
                text = None
            if text is None:
                return None
            known = PictureText(OcrState.READ, "\n\n".join(p.text for p in text.pages if p.text.strip()))
            self._known[exhibit.sha256] = known  # kept: what OCR read in these bytes stays
        return known


def _masker_key(masker: Masker) -> object:
    """What decides what ``masker`` finds in a text: its destination's policy and the data it knows."""

    def known(k: Any) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(sorted(values)) for values in (k.names, k.numbers, k.emails, k.addresses, k.domains))

    return (
        masker.policy,
        tuple(known(k) for k in masker.visible),
        tuple(known(k) for k in masker.hidden),
        tuple(sorted(masker.names)),
        masker.organisations,
    )


def ocr_installed() -> bool:
    """Whether OCR can run here (its modules are installed; none is loaded to tell)."""
    from casefile.core.search.ocr import unavailable

    return unavailable() is None


def applies(policy: Disclosure) -> bool:
    """Whether a packet for ``policy`` masks someone's data, so that its pictures must be checked: every packet
    but a receipt (it prints no evidence). A court's or an arbitration's shows both parties complete, but masks
    third parties in the evidence (spec §6.3: other buyers, a courier's personal phone, a stranger on a label)."""
    return policy.venue is not Venue.RECEIPT and (policy.masks_anyone or policy.masks_third_parties)


def labels_named(policy: Disclosure) -> bool:
    """Whether a picture marked as a parcel's label is named even when OCR found nothing in it to hide: where
    the destination does not see a party whose data a label shows (the recipient, the sender). A court or an
    arbitration commission sees both parties, who are the label's recipient and sender as a rule: there, what
    OCR read in the label is what tells a third party's data."""
    return applies(policy) and policy.masks_anyone


def is_picture(exhibit: Exhibit) -> bool:
    """Whether the packet prints ``exhibit`` as a picture whose text only OCR can read: an image, or a PDF the
    record knows to be a scan (every page a picture, no text a reader sees)."""
    if exhibit.withdrawn or not exhibit.size or _HOPELESS_FLAGS & set(exhibit.flags):
        return False
    if exhibit.mime in PICTURE_MIMES:
        return True
    return exhibit.mime == PDF_MIME and exhibit.metadata.image_only is True


def read_by_ocr(exhibit: Exhibit) -> bool:
    """Whether OCR reads the file at all (a picture, or any PDF: it reads the pages without a text layer)."""
    return exhibit.mime == PDF_MIME or is_picture(exhibit)


def is_label(exhibit: Exhibit) -> bool:
    """Whether the user marked the picture as a parcel's label (waybill): its kind, or its title or purpose
    speaking of a 面单/运单/快递单. A label shows the recipient's name, phone and address."""
    if not is_picture(exhibit):
        return False
    if exhibit.kind is EvidenceKind.WAYBILL:
        return True
    return any(word in f"{exhibit.title}{exhibit.purpose}" for word in LABEL_WORDS)


@dataclass(frozen=True)
class Shown:
    """Personal data a picture shows that its destination must not see."""

    kind: Kind
    masked: str  # as the finding names it: masked (139****4321, 陈*)
    whose: str = ""  # the role of the party it is of (policy.ROLES), the destination not seeing them; "": a third party


def shown_in(masker: Masker, text: str) -> list[Shown]:
    """What in the OCR text of a picture ``masker``'s destination must not see, each datum once, in order, with
    whose it is: what the masker finds in any text, the names given after a label (收件人：李四) among it, as it
    finds them in a chat or an e-mail the packet prints masked."""
    spans = masker.spans(text)
    out: list[Shown] = []
    seen: set[tuple[Kind, str]] = set()
    for span in sorted(spans, key=lambda s: s.start):
        if (span.kind, span.value) in seen:
            continue
        seen.add((span.kind, span.value))
        out.append(Shown(span.kind, masked_form(span, text[span.start : span.end]), masker.owner(span)))
    return out


@dataclass(frozen=True)
class PictureCheck:
    """What is known of the personal data a picture printed as it is shows."""

    state: OcrState
    shown: tuple[Shown, ...] = ()


def check_picture(masker: Masker, texts: PictureTexts, exhibit: Exhibit) -> PictureCheck | None:
    """The check of one exhibit printed as it is (not a redacted copy): None when OCR does not read it or
    nothing is to be said (a PDF with a text layer the packet masks itself, not read yet)."""
    if not read_by_ocr(exhibit):
        return None
    picture = is_picture(exhibit)
    # A PDF not read that is not known to be a scan has nothing to say: its text layer is masked by the build.
    found = texts.of(exhibit) if picture else texts.stored(exhibit)
    if found is None:
        return None
    if found.state is OcrState.READ:
        return PictureCheck(OcrState.READ, texts.shown(masker, exhibit, found.text))
    return PictureCheck(found.state)


__all__ = [
    "LABEL_WORDS",
    "OcrState",
    "PictureCheck",
    "PictureText",
    "PictureTexts",
    "Shown",
    "applies",
    "check_picture",
    "is_label",
    "is_picture",
    "labelled_names",
    "labels_named",
    "ocr_installed",
    "shown_in",
]
