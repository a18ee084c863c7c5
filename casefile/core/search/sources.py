"""What is searched: a case's fields and the text of its exhibits, as :class:`~casefile.core.search.store.Doc`.

- Case fields: the title and reference, the parties, the order and the waybill, the demands,
  the facts and the timeline (kind ``case-field``, the field's name).
- Text exhibits: chat exports (``chat``), other plain text (``text``), e-mail headers and body
  (``email``), read from the stored file (the first :data:`MAX_TEXT_BYTES`).
- PDFs: each page's text layer (``pdf-text``), read once with pdfium and kept in the
  :class:`~casefile.core.search.texts.TextStore` (producer ``pdf-text``). A damaged or
  encrypted PDF is indexed without text; the reason is logged.
- Transcripts of recordings (``transcript``) from the case record.
- Any OCR text the TextStore holds for the file (producer ``ocr``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from casefile.core.model import Case, EvidenceKind, Exhibit, Party
from casefile.core.search.store import Doc
from casefile.core.search.texts import DerivedText, PageText, TextStore

log = logging.getLogger(__name__)

MAX_TEXT_BYTES = 8 << 20  # a text file's first 8 MB are searched
PDF_TEXT = "pdf-text"
OCR = "ocr"
CASE_FIELD = "case-field"


def _party(party: Party | None) -> str:
    if party is None:
        return ""
    parts = (party.name, party.store, party.platform, party.phone, party.email, party.address, party.id_number)
    return "\n".join(p for p in parts if p)


def _lines(*values: object) -> str:
    return "\n".join(str(v) for v in values if v not in (None, ""))


def case_docs(case: Case) -> list[Doc]:
    """The searchable fields of a case, one doc a field (those left empty are left out), named as
    in :data:`~casefile.core.search.CASE_FIELDS`."""
    at = case.complained_at
    t, s = case.transaction, case.shipment
    fields = {
        "title": _lines(case.number, case.title, case.channel_ref),
        "complainant": _party(case.complainant),
        "respondent": _party(case.respondent),
        "courier": _party(case.courier),
        "agent": _lines(case.agent.name, case.agent.phone, case.agent.employer) if case.agent else "",
        "order": _lines(t.order_no, t.platform, t.product, t.brand_model, t.payment_method),
        "waybill": _lines(
            s.waybill_no, s.carrier, s.outlet, s.signer, s.exception_type, _party(s.sender), _party(s.recipient)
        ),
        "demands": "\n".join(_lines(d.description, d.basis) for d in case.demands),
        "facts": case.facts,
        "timeline": "\n".join(_lines(e.summary, e.place, e.people, e.ref, e.party, e.decision) for e in case.timeline),
        "notes": "\n".join(c.note for c in case.stage_log if c.note),
    }
    return [Doc(CASE_FIELD, name, text, at=at) for name, text in fields.items() if text.strip()]


def exhibit_docs(library_root: Path, case_folder: Path, exhibit: Exhibit) -> list[Doc]:
    """The searchable texts of one exhibit (none for a withdrawn one)."""
    if exhibit.withdrawn:
        return []
    texts = TextStore(library_root)
    name, at = exhibit.original_name, exhibit.captured_at
    docs: list[Doc] = []
    if exhibit.transcript is not None and exhibit.transcript.lines:
        lines = [f"{line.speaker}：{line.text}" if line.speaker else line.text for line in exhibit.transcript.lines]
        docs.append(Doc("transcript", name, "\n".join(lines), at=at))
    path = case_folder / exhibit.stored_path
    mime = exhibit.mime
    pdf = mime == "application/pdf"
    if pdf:
        layer = texts.get(exhibit.sha256, PDF_TEXT) or _read_pdf(path, exhibit.sha256, texts)
        if layer is not None:
            docs += [Doc(PDF_TEXT, name, p.text, page=p.page, at=at) for p in layer.pages]
    elif mime == "message/rfc822" or (exhibit.kind is EvidenceKind.EMAIL and mime.startswith("text/")):
        data = _head(path)
        if data is not None:
            from casefile.core.sniff import mail_text

            try:
                headers, body = mail_text(data)
            except (ValueError, LookupError, TypeError, IndexError) as exc:
                log.info("exhibit %s: the e-mail could not be read for search: %s", name, exc)
            else:
                docs.append(Doc("email", name, "\n".join([*(v for _, v in headers), body]), at=at))
    elif mime.startswith("text/") or mime == "application/json":
        data = _head(path)
        if data is not None:
            from casefile.core.sniff import decode_text

            kind = "chat" if exhibit.kind is EvidenceKind.CHAT else "text"
            docs.append(Doc(kind, name, decode_text(data), at=at))
    ocr = texts.get(exhibit.sha256, OCR)
    if ocr is not None:
        docs += [Doc(OCR, name, p.text, page=p.page if pdf else None, at=at) for p in ocr.pages]
    return docs


def _head(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_TEXT_BYTES)
    except OSError as exc:
        log.warning("%s could not be read for search: %s", path, exc)
        return None


def _read_pdf(path: Path, sha256: str, texts: TextStore) -> DerivedText | None:
    """Each page's text layer, kept in the TextStore; None (and the reason logged) when pdfium cannot read it."""
    import pypdfium2 as pdfium

    from casefile.core.thumbnails import PDFIUM_LOCK

    pages: list[PageText] = []
    with PDFIUM_LOCK:  # pdfium is not thread-safe
        try:
            pdf = pdfium.PdfDocument(path)
        except (pdfium.PdfiumError, OSError) as exc:  # a password, damage, or not a PDF pdfium reads
            log.warning("%s is searched without its text: %s", path.name, exc)
            return None
        try:
            for number in range(len(pdf)):
                page = pdf[number]
                try:
                    width, height = page.get_size()
                    textpage = page.get_textpage()
                    try:
                        text = textpage.get_text_bounded()
                    finally:
                        textpage.close()
                except pdfium.PdfiumError as exc:
                    log.warning("%s: page %d is searched without its text: %s", path.name, number + 1, exc)
                    text, width, height = "", 0.0, 0.0
                finally:
                    page.close()
                pages.append(PageText(number + 1, text.replace("\r\n", "\n"), width=width, height=height))
        finally:
            pdf.close()
    engine = f"pypdfium2 {pdfium.version.PYPDFIUM_INFO} (pdfium {pdfium.version.PDFIUM_INFO})"
    layer = DerivedText(sha256, PDF_TEXT, engine, tuple(pages))
    try:
        texts.put(layer)
    except OSError as exc:
        log.warning("the text of %s could not be kept: %s", path.name, exc)
    return layer
