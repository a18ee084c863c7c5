"""What is searched: a case's fields and the text of its exhibits, as :class:`~casefile.core.search.store.Doc`.

- Case fields: the title and reference, the parties, the order and the waybill, the demands,
  the facts, the timeline (each event a text of its own, dated when it happened), the stage notes, the
  proceedings (body, 工单号/受理号/案号, summary) and
  the handling records' text (findings' reasons, proposals and answers, the outcome, payments; a
  closing's note and a reopening's reason are stage notes), and the names and phone numbers the parties
  held before a correction (曾用, field ``earlier``) (kind ``case-field``, the field's name).
- Text exhibits: chat exports (``chat``), other plain text (``text``), e-mail headers and body
  (``email``), read from the stored file (the first :data:`MAX_TEXT_BYTES`).
- PDFs: each page's text layer (``pdf-text``), as the screening of the file for its packets read
  it from its sanitised copy, within that screening's budget (:mod:`casefile.core.disclosure.screening`,
  done once per file when it is added): evidence is never read a second time, nor outside that
  budget, for search. A damaged or encrypted PDF, or one not screened yet, is indexed without text.
- Transcripts of recordings (``transcript``) from the case record.
- Any OCR text the TextStore holds for the file (producer ``ocr``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from casefile.core.model import Case, EvidenceKind, Exhibit, Party
from casefile.core.record.timeline import EVENT_NAMES, PARTY_NAMES, case_time
from casefile.core.search.store import Doc
from casefile.core.search.texts import TextStore

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


def _handling(case: Case) -> str:
    """The text typed into the handling records other than the proceedings and the stage notes: findings'
    reasons, proposals and their answers, the outcome, payments."""
    w = case.workflow
    texts = [f.reasons for f in w.findings]
    texts += [_lines(p.summary, p.answer_note) for p in w.proposals]
    if w.outcome is not None:
        texts.append(w.outcome.summary)
    texts += [_lines(p.method, p.note) for p in w.payments]
    # A closing's note and a reopening's reason are searched as the stage notes they also are.
    return "\n".join(t for t in texts if t)


def case_docs(case: Case, earlier: str = "") -> list[Doc]:
    """The searchable fields of a case, one doc a field (those left empty are left out), named as
    in :data:`~casefile.core.search.CASE_FIELDS`; ``earlier``: the parties' names and phone numbers before a
    correction (曾用), one a line, as the library index keeps them (:mod:`casefile.core.record.contacts`)."""
    at = case.complained_at
    t, s, w = case.transaction, case.shipment, case.workflow
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
        "notes": "\n".join(c.note for c in case.stage_log if c.note),
        "proceedings": "\n".join(_lines(p.body, p.ref, p.summary) for p in w.proceedings),
        "handling": _handling(case),
        "earlier": earlier.strip(),
    }
    docs = [Doc(CASE_FIELD, name, text, at=at) for name, text in fields.items() if text.strip()]
    return docs + _events(case)


def _events(case: Case) -> list[Doc]:
    """Each timeline event as a text of its own (field ``timeline``), dated when it happened: what kind of event
    and who with as the packets name them (电话, 市场监督管理部门: never the record's own values), the number they
    gave it, what happened, where, who took part and what was decided."""
    docs = []
    for e in case.timeline:
        said = " ".join(n for n in (EVENT_NAMES.get(e.kind, ""), PARTY_NAMES.get(e.party, "")) if n)
        text = _lines(said, e.ref, e.summary, e.place, e.people, e.decision)
        if text.strip():
            docs.append(Doc(CASE_FIELD, "timeline", text, at=case_time(e.at, case)))
    return docs


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
        docs += [Doc(PDF_TEXT, name, text, page=page, at=at) for page, text in _screened_pages(library_root, exhibit)]
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


def _screened_pages(library_root: Path, exhibit: Exhibit) -> list[tuple[int, str]]:
    """(page, text) of a PDF as its screening read them; none when it was not screened (yet)."""
    from casefile.core.disclosure.screening import ScreeningStore

    record = ScreeningStore(library_root).get(exhibit.sha256)
    if record is None or record.texts is None:
        why = "not screened (encrypted, damaged, or not yet)" if record is None else "too much text to keep"
        log.info("%s is searched without its text: %s", exhibit.original_name, why)
        return []
    return sorted(record.texts.items())
