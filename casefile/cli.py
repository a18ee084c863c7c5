"""The ``casefile`` command: the core services, headless, for people and scripts.

Command names, options and output formats are a public interface; change them only
by adding. Errors print one line on stderr and exit non-zero; never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import enum
import gc
import json
import logging
import math
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

from casefile import __app_name__, __version__
from casefile.cli_handed import (
    EDIT_HELP,
    NEW_HELP,
    WALK_IN_HELP,
    HandedText,
    handed_from_json,
    handed_text,
    parse_handed,
)
from casefile.core import zone
from casefile.core.errors import CancelledError, CaseFileError, IntegrityError, InvalidValueError, Message, SystemReason
from casefile.core.fsutil import make_private_dir, open_private
from casefile.core.model import (
    Case,
    Channel,
    Demand,
    DemandType,
    EventKind,
    EvidenceKind,
    Exhibit,
    HandedItem,
    PartyKind,
    ResponsibleParty,
    Stage,
    Stamp,
    TimelineEvent,
    Transcript,
    is_date_only,
    parse_amount,
    parse_datetime,
    side_of,
    to_data,
)
from casefile.core.progress import Progress
from casefile.core.record.fields import (
    BY_PATH,
    FIELDS,
    GROUPS,
    Changes,
    Form,
    apply,
    changes_from_json,
    check_changes,
    demand_from_words,
    demands_from_json,
    leaf_changes,
    new_case,
    set_fields,
    yes_no,
)
from casefile.core.record.history import bundle_history
from casefile.core.record.timeline import CONTACT_KINDS, entered_later, suggested_party
from casefile.core.search import KINDS as SEARCH_KINDS
from casefile.core.settings import load_settings, resolve_library_path, resolve_operator, team_mode_active
from casefile.core.textsafe import json_text, printable
from casefile.core.validate import (
    CLOCK_SLACK,
    DISPOSITIONS,
    EVENT_PARTIES,
    HANDED_IN,
    HANDLING_PARTIES,
    check_disposition,
    check_handed_in,
    check_past_time,
    check_text,
    clean_text,
)
from casefile.core.workflow.records import (
    Answer,
    Closing,
    ClosingResult,
    Finding,
    Outcome,
    OutcomeKind,
    Payment,
    Proceeding,
    ProceedingResult,
    Proposal,
    Reopening,
    Venue,
)

if TYPE_CHECKING:  # the library (SQLAlchemy's index, hashing) loads only for a command that opens it
    from casefile.core.archive import ImportResult
    from casefile.core.library import CaseWriter, Library
    from casefile.core.listing import AgendaRow, CaseSummary
    from casefile.core.search.query import SearchResult
    from casefile.core.settings import Settings
    from casefile.core.timestamps.checking import StampResult
    from casefile.core.timestamps.roots import RootCert
    from casefile.core.timestamps.stamping import StampOutcome
    from casefile.core.walkin import Handed
    from casefile.core.watch.refused import RefusedLinks
    from casefile.core.workflow.due import ClockState

log = logging.getLogger("casefile")

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the command ran and found problems (refused files, failed verification)
EXIT_ERROR = 2  # the command could not run (bad value, unknown case, I/O error)

T = TypeVar("T")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        _print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _choices(enum_type: Any) -> list[str]:
    return [e.value for e in enum_type]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="casefile",
        description="Case files and hashed evidence for consumer disputes. Without a command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"{__app_name__} {__version__}")
    parser.add_argument("--library", metavar="DIR", help="library folder (default: $CASEFILE_LIBRARY or user data)")
    parser.add_argument("--operator", metavar="NAME", help="who is acting (default: settings, then the OS user)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser(
        "new",
        help="register a new case; prints its number on the last line",
        description="Register a case. Every field of the record can be given (the same options as 'casefile "
        "edit'); --title, --type and --channel are needed, here or in --from FILE.json. --handed lists what the "
        "customer handed in, as for 'casefile walk-in' and 'casefile edit'.",
    )
    p.add_argument("--handed", action="append", metavar="ITEM", help=NEW_HELP)
    _add_record_options(p)

    p = sub.add_parser(
        "walk-in",
        help="register a complaint at the counter with the customer's photos and make the receipt; prints the "
        "receipt and the number on the last line",
        description="What the app's walk-in desk does: register the case (the channel is the store, the business "
        "complained about the organisation in the settings unless given), add the store's photos, record what the "
        "customer handed in (--handed) and build the receipt (bundles/). --title, --type, the complainant's name "
        "and phone are needed; every field of the record can be given as for 'casefile new'.",
    )
    p.add_argument(
        "photos", nargs="*", metavar="PHOTO", help="the store's photos taken at the desk, added as evidence (门店拍摄)"
    )
    p.add_argument("--layout", choices=["a5", "80mm"], default="a5", help="the receipt's paper")
    p.add_argument("--handed", action="append", metavar="ITEM", help=WALK_IN_HELP)
    p.add_argument(
        "--handed-in",
        default="",
        help="the older way, for every photo at once: each photo is an item of what was handed in, named after it, "
        "handed over as " + "|".join(HANDED_IN) + " (with --handed, say it of each item instead)",
    )
    p.add_argument(
        "--disposition",
        default="",
        help="with --handed-in: whether the store keeps each photo's item: " + "|".join(DISPOSITIONS),
    )
    _add_record_options(p)

    p = sub.add_parser(
        "edit",
        help="change fields of a case (parties, agent, purchase, shipment, demands…); prints what changed",
        description="Change fields of a case's record: each run is one custody entry holding only the fields "
        "that changed. An empty value clears a field (an amount, a time or a yes/no becomes 'not entered'). "
        '--from FILE.json gives fields as a JSON object named as in case.json (e.g. {"complainant": '
        '{"address": "…"}, "shipment": {"insured": null}}), checked like the options; options '
        "given as well take precedence.",
    )
    p.add_argument("case")
    p.add_argument("--handed", action="append", metavar="ITEM", help=EDIT_HELP)
    _add_record_options(p)

    p = sub.add_parser("add", help="add files or folders to a case as evidence")
    p.add_argument("case")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--kind", choices=_choices(EvidenceKind))
    p.add_argument("--title", default="")
    p.add_argument("--source", default="")
    p.add_argument("--purpose", default="", help="what the evidence proves (证明目的)")

    p = sub.add_parser("list", help="list the cases")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--search", default="", help="number, name, phone, order or waybill number, or a proceeding's 工单号/案号"
    )

    p = sub.add_parser(
        "search",
        help="search the cases' fields and the text of their evidence (chats, e-mails, PDFs, transcripts, OCR)",
        description="Find words, names and numbers in every case: its fields (parties, order, waybill, demands, "
        "facts, timeline), chat exports, e-mail bodies, PDF text layers, transcripts and text read from pictures "
        "(OCR). Chinese is found from one character on; a number by its beginning or, for a phone, by its last "
        "four digits. Every word of the query must be found; hits are ranked best first (bm25).",
    )
    p.add_argument("query")
    p.add_argument("--case", metavar="N", help="only this case")
    p.add_argument("--kind", choices=SEARCH_KINDS, help="only this kind of source")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="only evidence of this day or later")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="only evidence of this day or earlier")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="show at most N hits (default 20)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "due",
        help="the clocks running on open cases that run out within N days, overdue ones first",
        description="Every running clock — the response promise, a regulator's acceptance and mediation periods, "
        "the courier's reply, the court's filing, the appeal, set-aside, enforcement, return and limitation "
        "periods — of the open cases that runs out within --days days (overdue ones included), soonest first. "
        "Deadlines count China's working days and holidays; one that runs into a year whose holiday "
        "arrangement is not known yet is marked provisional.",
    )
    p.add_argument("--days", type=int, default=7, metavar="N", help="look this many days ahead (default 7)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "calendar",
        help="the working-day calendar deadlines are counted on: show a year, or import a newer year",
        description="Deadlines counted in working days, or moved past a holiday, follow China's official "
        "holiday arrangement (with its make-up working days). CaseFile ships the years known when it was "
        "released; 'casefile calendar import FILE' adds a year published since (a casefile-calendar/1 JSON "
        "file), for every library of this user.",
    )
    p.add_argument("action", choices=["show", "import"])
    p.add_argument("target", nargs="?", default="", help="show: a year (default: the years known); import: a file")

    p = sub.add_parser("show", help="show a case")
    p.add_argument("case")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "metadata",
        help="read again what exhibits' files say about themselves (capture time, device, length...)",
        description="For exhibits added by an older CaseFile: each file is checked against its SHA-256, "
        "then its metadata is read again; a capture time set by hand stays; changes go to the custody log.",
    )
    p.add_argument("case")
    p.add_argument("--exhibits", default="", help="exhibit numbers, e.g. 1,3 (default: all)")

    p = sub.add_parser("verify", help="re-hash evidence and check manifests and custody logs")
    p.add_argument("cases", nargs="*", metavar="CASE")
    p.add_argument("--all", action="store_true", help="every case in the library (the default)")

    p = sub.add_parser(
        "timestamp",
        help="ask the TSA in the settings for trusted timestamps (RFC 3161) of exhibits not yet stamped",
        description="Each case's exhibits not yet stamped, with its custody log's last entry, are stamped as one "
        "Merkle root by the timestamp authority (TSA) chosen with 'casefile config tsa_url URL'. Token, "
        "certificates and inclusion proofs are kept in the case folder under timestamps/. A TSA that cannot be "
        "reached leaves the case queued: --pending sends every queued case.",
    )
    p.add_argument("cases", nargs="*", metavar="CASE")
    p.add_argument("--pending", action="store_true", help="every case queued for a timestamp (the default)")
    p.add_argument(
        "--renew",
        action="store_true",
        help="stamp again the timestamps whose TSA certificate ends soon (over the earlier token and the same data)",
    )
    p.add_argument("--within", type=int, default=90, metavar="DAYS", help="with --renew: how soon (default 90 days)")
    p.add_argument("--status", action="store_true", help="only show which exhibits are stamped, queued or not")

    p = sub.add_parser(
        "config",
        help="show or change a setting (e.g. tsa_url, tsa_ca_file, tsa_timeout)",
        description="Without a name: every setting. With a name: its value. With a name and a value: set it "
        "(an empty value '' clears a text setting).",
    )
    p.add_argument("name", nargs="?")
    p.add_argument("value", nargs="?")

    p = sub.add_parser("export", help="write a case as a ZIP archive that verifies on its own")
    p.add_argument("case")
    p.add_argument("-o", "--output", required=True, metavar="FILE.zip")

    from casefile.cli_team import add_team_parser

    add_team_parser(sub)

    p = sub.add_parser("import", help="import a case archive after verifying it")
    p.add_argument("archive", metavar="FILE.zip")

    sub.add_parser("reindex", help="rebuild the library index from the case folders")

    p = sub.add_parser(
        "ocr",
        help="read the text of pictures and scanned PDF pages (OCR) for search and redaction",
        description="Read the text of screenshots, photos and PDF pages without a text layer, in a worker "
        "process, and keep it beside the library as derived data (never evidence). Files already read by the "
        "same engine are skipped. Without --wait the reading goes on in the background and the command "
        "returns at once. Needs the OCR part of CaseFile: pip install 'casefile[ocr]'.",
    )
    p.add_argument("cases", nargs="*", metavar="CASE")
    p.add_argument("--all", action="store_true", help="every case in the library")
    p.add_argument(
        "--wait", action="store_true", help="read here, showing progress, and list each file's result when done"
    )
    p.add_argument("--retry", action="store_true", help="try again the files that could not be read before")

    p = sub.add_parser(
        "repair",
        help="rebuild a damaged case's case.json and manifest from its custody log",
        description="When case.json is missing, unreadable or was edited outside CaseFile, or the manifest "
        "disagrees with the custody log, rebuild them from the log (which must itself be whole) and record the "
        "repair in the log. The replaced files are kept beside the new ones. A generated bundle file that is "
        "missing or altered (CaseFile's output, not evidence) is recorded in the log as lost; an altered one is "
        "moved to set-aside/ in the case folder.",
    )
    p.add_argument("case")

    p = sub.add_parser("withdraw", help="withdraw an exhibit (it stays on disk and in the log)")
    p.add_argument("case")
    p.add_argument("exhibit", type=int)
    p.add_argument("--reason", required=True)

    p = sub.add_parser(
        "exhibit",
        help="record what the customer handed over for an exhibit and whether the store kept it, put it in an "
        "evidence group (证据组), or mark an arbitration agreement invalid or waived",
        description="--handed-in says what the customer handed over for the exhibit (an original, a copy, the "
        "object itself, an electronic file) and --disposition whether the store kept it or gave it back, as the "
        "walk-in receipt's 收取材料清单 prints them ('' clears either). --group names the fact the exhibit proves "
        "together with others (证据组, e.g. '第一组：购买事实'; '' takes it out of its group): the evidence list "
        "prints each group's exhibits under its heading and counts the groups. --agreement: while the case holds "
        "an arbitration agreement in force, a court packet is refused (民事诉讼法 art. 127 (二)); mark the "
        "agreement invalid, or waived by both sides, with the reason; 'in-force' undoes the mark. --paper says "
        "whether the file is a photo or scan of a paper document (这是纸质文件的照片或扫描件): yes lists it as 书证 "
        "and 复印件, no as 电子数据 and 电子数据打印件; 'unknown' leaves it to CaseFile, which tells from the file "
        "(a photo, or a PDF whose pages are pictures, is a paper's). Changes go to the custody log.",
    )
    p.add_argument("case")
    p.add_argument("exhibit", type=int)
    p.add_argument(
        "--handed-in",
        metavar="|".join(HANDED_IN),
        help="what the customer handed over for it: 原件, 复印件, 实物 or 电子 ('' clears it)",
    )
    p.add_argument(
        "--disposition",
        metavar="|".join(DISPOSITIONS),
        help="whether the store kept it (留存) or gave it back (退回) ('' clears it)",
    )
    p.add_argument("--group", metavar="TEXT", help="the exhibit's evidence group ('' for none)")
    p.add_argument(
        "--paper",
        metavar="yes|no|unknown",
        help="whether the file is a photo or scan of a paper document (unknown: told from the file)",
    )
    p.add_argument("--agreement", choices=["invalid", "waived", "in-force"])
    p.add_argument("--reason", default="", help="why the agreement is invalid or waived (required for those)")
    p.add_argument("--title", metavar="TEXT", help="the exhibit's title (证据名称): say what it shows")
    p.add_argument("--purpose", metavar="TEXT", help="what the exhibit proves (证明目的)")

    p = sub.add_parser(
        "order",
        help="show or set the evidence order: the order of the app, the bundle wizard and every packet (证据1…)",
        description="Without numbers, list the exhibits in the case's evidence order with the number each gets "
        "in a packet (证据N, withdrawn exhibits and redacted copies left out). With numbers, put those exhibits "
        "first, in that order; the others follow in the order they had. Exhibits keep their own numbers.",
    )
    p.add_argument("case")
    p.add_argument("exhibits", nargs="?", metavar="N,N", help="exhibit numbers to put first, in this order")

    p = sub.add_parser(
        "redact",
        help="add a redacted copy of a photo, screenshot or PDF: black boxes burnt in, the original kept",
        description="Burn solid black boxes into a copy of an exhibit and add the copy as a new exhibit (the "
        "original stays as it is, and verifiable). Boxes are X,Y,W,H: on a picture in pixels of the upright "
        "picture from its top-left corner; on a PDF in points (1/72 inch) from the top-left corner of the page "
        "as shown, on the page named by the --page before them (--page 1 --box … --page 3 --box …). A redacted "
        "PDF page becomes a picture of itself without its text. Prints the new exhibit and both hashes.",
    )
    p.add_argument("case")
    p.add_argument("exhibit", type=int)
    p.add_argument(
        "--page",
        type=int,
        metavar="N",
        action=_PageAction,
        help="PDF page (from 1) of the boxes that follow it",
    )
    p.add_argument(
        "--box",
        metavar="X,Y,W,H",
        action=_BoxAction,
        dest="boxes",
        required=True,
        help="a box to fill black (repeatable): pixels on a picture, points on a PDF page",
    )
    p.add_argument("--reason", required=True, help="what is covered and why (recorded with the copy)")

    p = sub.add_parser(
        "stage",
        help="move a case to a workflow stage",
        description="Record that the case entered a workflow stage, at the time it really did (--at; default: "
        "now). The custody log keeps the time it was recorded as well.",
    )
    p.add_argument("case")
    p.add_argument(
        "stage",
        choices=_choices(Stage),
        help="the stage entered (a case is closed with 'casefile close'; review only after the closing)",
    )
    p.add_argument("--note", default="")
    p.add_argument(
        "--at", metavar="TIME", help="when the case entered the stage, e.g. '2026-11-20 10:00' (default: now)"
    )
    _exhibit_option(p, "an exhibit that shows what happened, e.g. the merchant's written reply (repeatable)")
    p.add_argument(
        "--skip-stages",
        action="store_true",
        help="confirm a move over stages the case never went through (e.g. registration to execution); "
        "needs --note saying why, and the stage log names the stages skipped",
    )

    p = sub.add_parser("bundle", help="build the PDF bundle for a venue; prints its path and page count")
    p.add_argument("case")
    p.add_argument(
        "--venue", required=True, choices=["consumer-association", "arbitration", "court", "courier-claim", "receipt"]
    )
    p.add_argument(
        "--to",
        metavar="DEST",
        help="who receives it: 消协 (default) or 12315 for consumer-association; 快递企业 (the carrier, default) "
        "or 12305 (an appeal to the postal administration) for courier-claim",
    )
    p.add_argument("-o", "--output", metavar="FILE.pdf", help="also copy the bundle here")
    p.add_argument(
        "--stamp-files",
        metavar="DIR",
        help="also write the trusted timestamps of its exhibits (token, certificates, proofs) into DIR, "
        "for checking with openssl without CaseFile",
    )
    p.add_argument("--exhibits", metavar="N,N", help="exhibits to include, in this order (default: all)")
    p.add_argument("--split-mb", type=int, metavar="N", help="split into volumes of at most N MB (第n册/共N册)")
    p.add_argument(
        "--components",
        action="store_true",
        help="also save one file per component for online filing (main document, evidence list, evidence, "
        "identity papers, 送达地址确认书), each under --split-mb (default 10)",
    )
    p.add_argument("--force", action="store_true", help="build despite warnings (blanks are left to fill by hand)")
    p.add_argument("--layout", choices=["a5", "80mm"], default="a5", help="receipt layout (receipt venue only)")
    p.add_argument(
        "--disclosure",
        action="store_true",
        help="print what the packet would mask, strip or replace for this venue, and build nothing",
    )
    p.add_argument(
        "--original",
        metavar="N,N",
        help="print these exhibits as their originals even where the venue takes redacted copies",
    )
    p.add_argument(
        "--redacted",
        metavar="N,N",
        help="print the redacted copy of these exhibits (the latest, or the copy named) whatever the venue",
    )

    p = sub.add_parser(
        "transcript",
        help="attach a transcript to a recording (录音文字整理)",
        description="Attach a transcript to a recording. Time marks beyond the end of the recording are refused.",
    )
    p.add_argument("case")
    p.add_argument("exhibit", type=int)
    p.add_argument(
        "file",
        metavar="TRANSCRIPT.txt",
        help="one line per utterance: 'hh:mm:ss 说话人：内容' ('*' first marks a key passage)",
    )
    p.add_argument("--recorded-by", default="")
    p.add_argument("--device", default="")
    p.add_argument(
        "--started-at",
        metavar="ISO",
        help="when the recording started (default: its capture time, following any correction of it)",
    )
    p.add_argument("--ended-at", metavar="ISO", help="when it ended (default: the start plus the recording's length)")
    p.add_argument("--place", default="", help="place, or call method and numbers")
    p.add_argument("--participant", action="append", default=[], help="a participant and how identified (repeatable)")
    p.add_argument("--not-a-party", action="store_true", help="the recorder did not take part in the conversation")
    p.add_argument("--transcriber", default="")

    p = sub.add_parser(
        "event",
        help="add a timeline event (a call, chat, visit, complaint lodged, proposal...)",
        description="Record something that happened, at the time it happened (--at; not in the future). A "
        "complaint or claim lodged with someone is --kind complaint, with whom (--with) and the number they "
        "gave it (--ref: 工单号, 投诉编号, 受理号).",
    )
    p.add_argument("case")
    p.add_argument(
        "--edit",
        type=int,
        metavar="N",
        help="correct event N of the timeline (as casefile show numbers it): the options given replace its fields",
    )
    p.add_argument(
        "--delete",
        type=int,
        metavar="N",
        help="take event N out of the timeline (the custody log keeps it); needs --reason",
    )
    p.add_argument("--reason", default="", help="why an event is corrected or taken out")
    p.add_argument("--at", metavar="TIME", help="when it happened, e.g. '2026-11-20 10:00' (default: now)")
    p.add_argument("--kind", choices=_choices(EventKind), help="the kind of event (default: note)")
    p.add_argument("--summary")
    p.add_argument("--people")
    p.add_argument("--place")
    p.add_argument("--evidence", metavar="N,N", help="exhibit numbers this event refers to")
    p.add_argument(
        "--with",
        dest="party",
        default=None,
        choices=EVENT_PARTIES,
        help="who it was with: the business, the carrier, the consumer, the consumer association (消协), the "
        "market regulator (12315), the postal regulator (邮政管理部门), a court, an arbitration commission",
    )
    p.add_argument(
        "--direction",
        default=None,
        choices=("out", "in", "none"),
        help="who spoke to whom, between our side and the one it was with (--with): out (我方→对方, we said or sent "
        "it to them), in (对方→我方, they to us), none (内部/不明, internal or not said: the default). The "
        "limitation period reads it: our demand to the seller, or its agreeing to perform, interrupts the period "
        "(民法典 art. 195); its refusal never does",
    )
    p.add_argument("--ref", help="the number the other side gave it (工单号, 投诉编号, 受理号)")
    p.add_argument("--decision", help="what was decided or agreed, if anything")

    p = sub.add_parser(
        "watch",
        help="add files dropped into case inboxes and attached folders as evidence, until Ctrl+C",
        description="Watch each case's inbox folder and the folders attached to cases (casefile attach; the "
        "library lists them in attachments.json): every complete file becomes an exhibit, then moves to "
        ".ingested/ in its folder (or is deleted, per the watch_after_ingest setting). One line is printed per file. "
        "A link leading out of its folder is refused and left there; it is reported once, and again only when the "
        "link changes (--status lists those still there).",
    )
    p.add_argument("cases", nargs="*", metavar="CASE", help="cases to watch (default: all, and new ones)")
    p.add_argument("--once", action="store_true", help="add what is complete now, then exit")
    p.add_argument(
        "--status",
        action="store_true",
        help="list the refused links still in watched folders (reported once, not at every run), then exit",
    )
    p.add_argument(
        "--settle", type=float, metavar="SECONDS", help="how long a file must stay unchanged (default: settings)"
    )

    p = sub.add_parser(
        "attach",
        help="attach a folder to a case: 'casefile watch' adds what arrives there",
        description="Attach a folder outside the library (a phone-sync, screenshot or scanner folder) to a case: "
        "files that arrive there become its exhibits while 'casefile watch' or the app watches. Attachments "
        "belong to the library: they are listed in LIBRARY/attachments.json, the same for every window and "
        "command that uses the library.",
    )
    p.add_argument("case", nargs="?")
    p.add_argument("folder", nargs="?", metavar="FOLDER")
    p.add_argument("--poll", action="store_true", help="look for new files regularly (network shares)")
    p.add_argument("--list", action="store_true", help="list the attached folders of this library")
    p.add_argument(
        "--wide",
        action="store_true",
        help="attach a whole drive, the home folder or a folder above it all the same (every file at its top "
        "becomes evidence and is moved out of it)",
    )

    p = sub.add_parser(
        "detach",
        help="stop watching a folder attached to a case (its files stay)",
        description="Remove a folder from the library's attachments (LIBRARY/attachments.json); the folder and its "
        "files stay where they are.",
    )
    p.add_argument("case")
    p.add_argument("folder", metavar="FOLDER")

    p = sub.add_parser(
        "review",
        help="the periodic review (定期复盘) of a period as a PDF report, its tables also as .xlsx",
        description="Intake, clocks met, time to resolution, the escalation funnel, mediation, money paid and "
        "recovered, repeat complainants and respondents, evidence completeness, against the previous period "
        "of equal length.",
    )
    p.add_argument("--from", dest="first", required=True, metavar="DATE", help="the first day, e.g. 2026-09-01")
    p.add_argument("--to", dest="last", required=True, metavar="DATE", help="the last day (included)")
    p.add_argument("--by", choices=["type", "channel", "responsibility", "respondent", "operator"])
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to write the report")
    p.add_argument("--xlsx", metavar="FILE.xlsx", help="also write the report's tables here")
    _handling_parsers(sub)
    return parser


_AT_HELP = "when it happened, e.g. '2026-11-20 10:00' (default: now; not in the future)"
_EXHIBIT_HELP = "an exhibit that shows it, cited as （见证据N） in the packets (repeatable)"


def _exhibit_option(p: argparse.ArgumentParser, help: str = _EXHIBIT_HELP) -> None:
    p.add_argument("--exhibit", type=int, action="append", default=[], metavar="N", help=help)


# Commands that record the handling of a dispute (casefile.core.workflow.handling).
HANDLING_COMMANDS = ("responsibility", "propose", "answer", "proceeding", "outcome", "pay", "close", "reopen")


def _handling_parsers(sub: Any) -> None:
    """The commands that record the handling: each dated when it happened (--at), entered now."""
    PARTIES = HANDLING_PARTIES
    p = sub.add_parser(
        "responsibility",
        help="record who is responsible (责任认定), why, and the exhibits that show it",
        description="Record a responsibility finding: the case's responsible party and rationale become its.",
    )
    p.add_argument("case")
    p.add_argument("--party", required=True, choices=[r.value for r in ResponsibleParty])
    p.add_argument("--reasons", default="", help="why (the rationale)")
    p.add_argument("--evidence", metavar="N,N", help="exhibits that support it")
    _exhibit_option(p)
    p.add_argument("--by", default="", help="who decided (default: the operator)")
    p.add_argument("--at", metavar="TIME", help=_AT_HELP)

    p = sub.add_parser("propose", help="record a proposal made in negotiation (one round)")
    p.add_argument("case")
    p.add_argument("--by", required=True, choices=PARTIES, help="the party that proposed")
    p.add_argument("--summary", required=True, help="what is proposed")
    p.add_argument("--amount", metavar="X", help="the amount proposed (yuan)")
    p.add_argument("--reply-by", metavar="TIME", help="the deadline given for an answer")
    p.add_argument("--evidence", metavar="N,N", help="exhibits that record it")
    _exhibit_option(p)
    p.add_argument("--at", metavar="TIME", help=_AT_HELP)

    p = sub.add_parser("answer", help="record the answer to a negotiation round (casefile show numbers them)")
    p.add_argument("case")
    p.add_argument("round", type=int, metavar="ROUND")
    p.add_argument("answer", choices=[a.value for a in Answer if a is not Answer.PENDING])
    p.add_argument("--note", default="")
    _exhibit_option(p, "an exhibit that shows the answer, e.g. the written reply (repeatable)")
    p.add_argument("--at", metavar="TIME", help=_AT_HELP)

    p = sub.add_parser(
        "proceeding",
        help="record a mediation, complaint, arbitration or lawsuit, or (--update K) what happened in it",
        description="Without --update: a proceeding begun before --venue, with its body, number and dates. "
        "With --update K: set the fields given of proceeding K (casefile show numbers them).",
    )
    p.add_argument("case")
    p.add_argument("--venue", choices=[v.value for v in Venue])
    p.add_argument("--update", type=int, metavar="K", help="the proceeding to update")
    p.add_argument("--body", help="the body: 消协, 市场监管局, 仲裁委员会, 人民法院…")
    p.add_argument("--ref", help="its number: 消协 file number, 12315 工单号, case number")
    p.add_argument("--filed-at", metavar="TIME", help="when the complaint or claim reached the body")
    p.add_argument("--accepted-at", metavar="TIME", help="when it was accepted (受理/立案)")
    p.add_argument("--decided-at", metavar="TIME", help="the agreement, award, judgment or ruling's date")
    p.add_argument("--served-at", metavar="TIME", help="when the decision was served on the complainant")
    p.add_argument("--ended-at", metavar="TIME", help="when the proceeding ended")
    p.add_argument("--result", choices=[r.value for r in ProceedingResult])
    p.add_argument("--hearing", action="append", default=[], metavar="TIME", help="a hearing date (repeatable)")
    p.add_argument("--testing-start", metavar="TIME", help="testing, inspection or appraisal began (检定/鉴定)")
    p.add_argument("--testing-end", metavar="TIME", help="the testing that began ended")
    p.add_argument("--testing-note", default="", help="what was tested, and by whom")
    p.add_argument("--summary", help="what happened")
    p.add_argument("--evidence", metavar="N,N", help="exhibits of the proceeding")
    _exhibit_option(p, "an exhibit of the proceeding (repeatable; with --update K, added to those it cites)")

    p = sub.add_parser("outcome", help="record how the dispute was settled: what is owed, by whom, by when")
    p.add_argument("case")
    p.add_argument("--kind", required=True, choices=[k.value for k in OutcomeKind])
    p.add_argument("--summary", default="")
    p.add_argument("--amount", metavar="X", help="the amount to pay or refund (yuan)")
    p.add_argument("--payer", default="", choices=["", *PARTIES])
    p.add_argument("--payee", default="", choices=["", *PARTIES])
    p.add_argument("--perform-by", metavar="TIME", help="the last day for performance")
    p.add_argument("--evidence", metavar="N,N", help="the agreement or decision as exhibits")
    _exhibit_option(p)
    p.add_argument("--at", metavar="TIME", help=_AT_HELP)

    p = sub.add_parser("pay", help="record a payment made in execution, with its proof as exhibits")
    p.add_argument("case")
    p.add_argument("--amount", required=True, metavar="X")
    p.add_argument("--payer", required=True, choices=PARTIES)
    p.add_argument("--payee", default="", choices=["", *PARTIES])
    p.add_argument("--method", default="", help="原路退款, 转账, 现金…")
    p.add_argument("--recovered", action="store_true", help="money recovered from another party (a courier…)")
    p.add_argument("--evidence", metavar="N,N", help="the proof of payment as exhibits")
    _exhibit_option(p)
    p.add_argument("--note", default="")
    p.add_argument("--at", metavar="TIME", help=_AT_HELP)

    p = sub.add_parser("close", help="close the case with its result and the complainant's satisfaction")
    p.add_argument("case")
    p.add_argument("--result", required=True, choices=[r.value for r in ClosingResult])
    p.add_argument("--satisfaction", type=int, metavar="1-5", help="1 very dissatisfied … 5 very satisfied")
    p.add_argument("--note", default="")
    _exhibit_option(p, "an exhibit that shows how it ended, e.g. a refund receipt (repeatable)")
    p.add_argument("--at", metavar="TIME", help=_AT_HELP)
    p.add_argument(
        "--force",
        action="store_true",
        help="close although an appeal, a set-aside or an enforcement period is still open (no more reminders)",
    )

    p = sub.add_parser("reopen", help="reopen a closed case, with the reason")
    p.add_argument("case")
    p.add_argument("--reason", required=True)
    p.add_argument("--at", metavar="TIME", help=_AT_HELP)


class _PageAction(argparse.Action):
    """``--page N``: the page of the ``--box`` options after it."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: Any = None
    ) -> None:
        if values < 1:
            parser.error("--page counts from 1")
        namespace.page = values


class _BoxAction(argparse.Action):
    """``--box X,Y,W,H``, kept with the page named before it (None: no --page yet)."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: Any = None
    ) -> None:
        boxes = list(getattr(namespace, self.dest, None) or [])
        boxes.append((str(values), getattr(namespace, "page", None)))
        setattr(namespace, self.dest, boxes)


_FORM_HELP = {
    Form.PERSON_ID: "resident ID number: 18 characters with a valid check digit and birth date "
    "(an old 15-digit number has no check digit: it is accepted when its birth date is real)",
    Form.CREDIT_CODE: "unified social credit code (18 characters with a valid check character)",
    Form.PHONE: "a mobile, landline or service number",
    Form.POSTCODE: "six digits",
    Form.TIME: "ISO time, e.g. 2026-11-18T20:15 (no offset = local time)",
    Form.AMOUNT: "yuan, exact to the fen, e.g. 1299.50",
    Form.QUANTITY: "a whole number",
    Form.WEIGHT: "kilograms, e.g. 1.25",
    Form.YES_NO: "yes, no or unknown",
    Form.BIRTH_DATE: "YYYY-MM-DD",
    Form.GENDER: "男 or 女 (male/female)",
}


def _add_record_options(p: argparse.ArgumentParser) -> None:
    """The options for every field people enter (casefile.core.record.fields), grouped by part of the record."""
    groups: dict[str, Any] = {}
    for i, spec in enumerate(FIELDS):
        if not spec.options:
            continue
        group = groups.get(spec.group)
        if group is None:
            group = groups[spec.group] = p.add_argument_group(str(GROUPS[spec.group]).lower())
        for j, option in enumerate(spec.options):
            hint = _FORM_HELP.get(spec.form, "")
            text = f"{spec.label.lower()}{': ' + hint if hint else ''}" if j == 0 else f"same as --{spec.options[0]}"
            kwargs: dict[str, Any] = {"dest": f"field_{i}_{j}", "help": text}
            if spec.form is Form.CHOICE and not spec.optional_choice:
                kwargs["choices"] = spec.choice_values
            elif spec.form is Form.CHOICE:
                kwargs["metavar"] = "|".join(spec.choice_values)
            else:
                kwargs["metavar"] = spec.metavar or "TEXT"
            group.add_argument(f"--{option}", **kwargs)
        if spec.path == "complained_at":
            group.add_argument(
                "--from",
                dest="from_file",
                metavar="FILE.json",
                help="fields as a JSON object named as in case.json, checked like the options",
            )
    demands = groups["demands"] = p.add_argument_group("demands")
    demands.add_argument(
        "--demand",
        nargs="+",
        action="append",
        metavar="WORD",
        help="a demand: KIND [AMOUNT [BASIS [DESCRIPTION]]] as separate words (KIND: "
        + ", ".join(_choices(DemandType))
        + "; AMOUNT '-' for none; BASIS the legal or contractual ground), or one text such as 'refund 1299' or "
        "'apology'; repeatable; the demands given replace the case's",
    )
    demands.add_argument(
        "--demand-json",
        metavar="JSON",
        help='the demands as a JSON list, e.g. [{"type": "refund", "amount": "1299", "basis": "消法第二十四条"}]; '
        "[] removes them all",
    )


def record_changes_from(args: argparse.Namespace) -> Changes:
    """The fields ``casefile new`` / ``edit`` were given (--from first, options over it), parsed and checked."""
    changes = Changes()
    if getattr(args, "from_file", None):
        changes, args.handed_json = _changes_from_file(args.from_file, handed=args.command in ("new", "edit"))
    given: dict[str, tuple[str, Any]] = {}
    for i, spec in enumerate(FIELDS):
        for j, option in enumerate(spec.options):
            text = getattr(args, f"field_{i}_{j}", None)
            if text is None:
                continue
            value = spec.parse(text, f"--{option}")
            earlier = given.get(spec.path)
            if earlier is not None and earlier[1] != value:
                raise InvalidValueError(
                    "{first} and {second} give different values for the same field; give one",
                    first=earlier[0],
                    second=f"--{option}",
                )
            given[spec.path] = (f"--{option}", value)
            changes.set(spec, value, f"--{option}")
    if args.demand:
        changes.demands = [demand_from_words(words) for words in args.demand]
        changes.names["demands"] = "--demand"
    if args.demand_json is not None:
        if args.demand:
            raise InvalidValueError("give the demands with --demand or with --demand-json, not both")
        changes.demands = demands_from_json(args.demand_json, "--demand-json")
        changes.names["demands"] = "--demand-json"
    return changes


def _changes_from_file(name: str, *, handed: bool = False) -> tuple[Changes, list[HandedText] | None]:
    """The fields in the JSON file ``name``; with ``handed``, its ``handed_items`` too (None: not in it)."""
    try:
        text = Path(name).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InvalidValueError("{file} cannot be read: {reason}", file=name, reason=SystemReason(exc)) from None
    except UnicodeDecodeError:
        raise InvalidValueError("{file} is not UTF-8 text", file=name) from None
    try:
        data = json.loads(text, parse_float=Decimal)
    except ValueError as exc:
        raise InvalidValueError("{file} is not JSON: {reason}", file=name, reason=exc) from None
    items = None
    if handed and isinstance(data, dict) and "handed_items" in data:
        data = dict(data)
        items = handed_from_json(data.pop("handed_items"), f"{name}: handed_items")
    return changes_from_json(data, name), items


# ---------------------------------------------------------------------------- helpers


def _print(text: object = "", *, file: TextIO | None = None, flush: bool = False) -> None:
    """Print one line of output. Everything printed goes through here: names and texts come
    from the public, from file names and from imported archives, and a control character in
    them (an escape sequence, a newline making a fake "OK" line) is shown, never obeyed."""
    print(printable(text), file=file or sys.stdout, flush=flush)


def _print_error(exc: Exception) -> None:
    """An error on one line; a preflight's findings one to a line, each made printable (only
    those: a newline anywhere else may come from a name and is shown, never obeyed)."""
    findings = getattr(exc, "findings", None)  # a PreflightError (not imported: bundles load lazily)
    if not findings:
        _print(f"casefile: error: {exc}", file=sys.stderr)
        return
    _print("casefile: error: the bundle was not built:", file=sys.stderr)
    for f in findings:  # in English, as every core message the command line prints
        _print(f"  [{'error' if f.level == 'error' else 'warning'}] {f.message}", file=sys.stderr)
    if not any(f.level == "error" for f in findings):
        _print("(once they are checked, add --force to accept the warnings and build anyway)", file=sys.stderr)


class _SafeFormatter(logging.Formatter):
    """Log lines (--verbose) name files too: each line is made printable like the output."""

    def format(self, record: logging.LogRecord) -> str:
        return "\n".join(printable(line) for line in super().format(record).split("\n"))


MAX_SETTLE = 3600.0  # seconds


def _settle(value: float) -> float:
    if not (math.isfinite(value) and 0 <= value <= MAX_SETTLE):
        raise InvalidValueError(
            "--settle must be a number of seconds from 0 to {limit:g}, not {value}", limit=MAX_SETTLE, value=value
        )
    return value


# Options whose text goes into a record, checked against the limit of the field they fill
# (validate.text_limit) before the library is even opened.
# (The record's fields of `new` and `edit` are parsed by record_changes_from.)
_TEXT_OPTIONS = (
    "title",
    "source",
    "purpose",
    "reason",
    "note",
    "summary",
    "people",
    "place",
    "recorded_by",
    "device",
    "participant",
    "transcriber",
    "ref",
    "reasons",
    "body",
    "method",
    "testing_note",
)
_TIME_OPTIONS = (
    "at",
    "started_at",
    "ended_at",
    "filed_at",
    "accepted_at",
    "decided_at",
    "served_at",
    "reply_by",
    "perform_by",
    "testing_start",
    "testing_end",
)


def _typed_text(value: str, option: str) -> str:
    """A text option's value as its field keeps it: a line break or tab typed into a one-line field is a space
    (validate.clean_text); other control characters, and a text too long, are refused (validate.check_text)."""
    return check_text(clean_text(value, option), option)


def check_arguments(args: argparse.Namespace) -> None:
    """Refuse a bad value before anything is opened or written: one line, exit 2, nothing on disk."""
    for name in _TEXT_OPTIONS:
        values = getattr(args, name, None)
        option = "--" + name.replace("_", "-")
        if isinstance(values, str):
            setattr(args, name, _typed_text(values, option))
        elif isinstance(values, list):
            setattr(args, name, [_typed_text(v, option) if isinstance(v, str) else v for v in values])
    for name in _TIME_OPTIONS:
        value = getattr(args, name, None)
        if value is not None:
            parse_datetime(value, "--" + name.replace("_", "-"))
    if args.command == "exhibit":
        changes = ("agreement", "handed_in", "disposition", "group", "paper", "title", "purpose")
        if all(getattr(args, name) is None for name in changes):
            raise InvalidValueError(
                "say what to change: --title, --purpose, --handed-in, --disposition, --group, --paper or --agreement"
            )
        if args.title is not None and not args.title.strip():
            raise InvalidValueError("--title cannot be empty")
        if args.paper is not None:
            yes_no(args.paper, "--paper")
        if args.reason.strip() and args.agreement is None:
            raise InvalidValueError("--reason says why an arbitration agreement is marked: give --agreement with it")
        if args.handed_in:
            check_handed_in(args.handed_in.strip(), "--handed-in")
        if args.disposition:
            check_disposition(args.disposition.strip(), "--disposition")
    for value in getattr(args, "hearing", None) or []:
        parse_datetime(value, "--hearing")
    if getattr(args, "amount", None) is not None and args.command in HANDLING_COMMANDS:
        parse_amount(args.amount, "--amount")
    if args.command in ("event", "stage", *HANDLING_COMMANDS) and getattr(args, "at", None) is not None:
        check_past_time(parse_datetime(args.at, "--at"), "--at", CLOCK_SLACK)  # it happened: not in the future
    if args.command in ("new", "edit", "walk-in"):
        args.changes = record_changes_from(args)
    if args.command == "walk-in":
        for option, value, check in (
            ("--handed-in", args.handed_in, check_handed_in),
            ("--disposition", args.disposition, check_disposition),
        ):
            if value.strip():
                check(value.strip(), option)
    if args.command in ("new", "walk-in", "edit"):
        args.handed_items = _handed_from(args)
    if args.command == "new":
        _refuse_links_on_new(args.handed_items or [], "--from" if args.handed is None else "--handed")
    if getattr(args, "settle", None) is not None:
        _settle(args.settle)


def _handed_from(args: argparse.Namespace) -> list[HandedText] | None:
    """The --handed items, checked (None: not given; [] on edit: the list emptied)."""
    texts: list[str] | None = args.handed
    if texts is None:
        return getattr(args, "handed_json", None)  # from --from FILE.json, when in it
    if args.command == "edit" and [t.strip() for t in texts] == [""]:
        return []
    items = [parse_handed(text) for text in texts]
    if args.command == "walk-in":
        if args.handed_in.strip() or args.disposition.strip():
            raise InvalidValueError(
                "--handed-in and --disposition mark every photo the older way; with --handed, say what was handed "
                "over and whether it is kept in each item (e.g. --handed '购物小票,原件,退回')"
            )
        for item in items:
            if item.exhibits:
                raise InvalidValueError(
                    "--handed {name!r}: exhibit={number} names an exhibit of a registered case; at the walk-in, "
                    "name the photo (photo=FILE)",
                    name=item.name,
                    number=item.exhibits[0],
                )
            for file in item.files:
                if not file.is_file():
                    raise InvalidValueError("--handed {name!r}: photo={file}: no such file", name=item.name, file=file)
    return items


def _refuse_links_on_new(items: list[HandedText], option: str) -> None:
    """A case being registered has no exhibits yet: an item of ``casefile new`` links no photo."""
    for item in items:
        if item.files or item.exhibits:
            link = f"photo={item.files[0]}" if item.files else f"exhibit={item.exhibits[0]}"
            raise InvalidValueError(
                "{option} {name!r}: {link}: a new case has no exhibits to link; add the photo after it is "
                "registered (casefile add CASE FILE) and link it with casefile edit CASE --handed '…,exhibit=N', or "
                "register it at the counter with casefile walk-in, which adds the photos",
                option=option,
                name=item.name,
                link=link,
            )


def _drain(items: Iterable[Progress | T], label: str) -> Iterator[T]:
    """Pass results through; show progress on stderr when it is a terminal."""
    show = sys.stderr.isatty()
    last = 0.0
    for item in items:
        if isinstance(item, Progress):
            if show and item.total and time.monotonic() - last > 0.2:
                last = time.monotonic()
                print(f"\r{printable(label)} {100 * item.done // item.total:3d}%", end="", file=sys.stderr, flush=True)
            continue
        yield item
    if show and last:
        print("\r" + " " * (len(printable(label)) + 6) + "\r", end="", file=sys.stderr, flush=True)


def _fmt_time(value: datetime | None) -> str:
    """A time in the zone times are shown in (Beijing time unless the settings choose the computer's zone),
    its offset named when that is not Beijing time; a time without an offset as it is."""
    if value is None:
        return ""
    if value.tzinfo is None:
        return value.strftime("%Y-%m-%d %H:%M")
    return zone.show(value)


def _event_time(event: TimelineEvent) -> str:
    """When an event happened: its day alone when only the day is known."""
    return zone.show(event.at, "%Y-%m-%d", offset=False) if event.date_only else _fmt_time(event.at)


def _recorded_time(value: datetime | None) -> str:
    """A time a file states (a photo's or a PDF's capture time) in the zone times are shown in, with that zone's
    offset when it is not Beijing time, as packets print it; then, when the file states it in another offset (a
    PDF's UTC "Z", a camera set to Tokyo), the time as the file states it. A time without an offset as it is."""
    if value is None:
        return ""
    if value.tzinfo is None:
        return value.strftime("%Y-%m-%d %H:%M")
    text = zone.show(value)
    if value.utcoffset() != zone.shown(value).utcoffset():
        z = value.strftime("%z")
        text += f" (the file states {value.strftime('%Y-%m-%d %H:%M')} UTC{z[:3]}:{z[3:]})"
    return text


def _captured(e: Exhibit) -> str:
    """ "captured <time> (<source>)": the time as the file states it (:func:`_recorded_time`); a clock's reading that
    recorded no zone (a camera's or a file name's time without an offset, an e-mail's Date without one) as the
    clock read, said so as the app and the packet say it."""
    from casefile.core.bundle.consistency import zoneless

    if e.captured_at is not None and zoneless(e):
        return f"captured {e.captured_at.strftime('%Y-%m-%d %H:%M')} ({e.captured_at_source}, zone not recorded)"
    return f"captured {_recorded_time(e.captured_at)} ({e.captured_at_source})"


# ---------------------------------------------------------------------------- commands


def cmd_new(args: argparse.Namespace, library: Library) -> int:
    changes: Changes = args.changes
    given = {spec.path for spec, _value in changes.values}
    missing = [f"--{name}" for name in ("title", "type", "channel") if name not in given]
    if missing:
        raise InvalidValueError("casefile new needs {options} (or them in --from)", options=", ".join(missing))
    case = new_case(changes, zone.now())
    handed: list[HandedText] = args.handed_items or []
    case.handed_items = [HandedItem(i.name, i.count, i.handed_in, i.disposition, []) for i in handed]
    if case.our_side is None:  # not said: the record and the organisation's details may tell
        settings = load_settings()
        case.our_side = side_of(case, settings.org_name, settings.org_credit_code)
    case = library.create_case(case)
    if not case.promise_runs:
        _print(f"{case.title}  our side is the complainant: no response promise runs")
    else:
        _print(f"{case.title}  due {_fmt_time(case.response_due_at)}  ({case.priority.value})")
    if case.promise_runs and case.response_due_at <= zone.now():
        _print(
            f"the response promise ran out at {_fmt_time(case.response_due_at)} "
            f"({case.priority.response_hours} h from the complaint): answer the complainant at once"
        )
    for n, item in enumerate(case.handed_items, 1):
        _print(f"材料{n:<3} {handed_text(item)}")
    _warn_dates(case)
    _print(case.number)
    return EXIT_OK


def _warn_dates(case: Case, *, events_only: bool = False) -> None:
    """One line for each recorded day that cannot be true beside another (received before bought, signed for
    before shipped, a note from years before): kept as typed, but a packet would carry it, and the limitation
    period would count from it (casefile.core.workflow.limitation)."""
    from casefile.core.workflow.limitation import date_contradictions, describe

    for found in date_contradictions(case):
        if events_only and found.event is None:
            continue
        fix = (
            f"casefile event {case.number} --edit {case.timeline.index(found.event) + 1} --at TIME"
            if found.event is not None
            else f"casefile edit {case.number} …"
        )
        _print(
            f"warning: {describe(found)}: is a year mistyped? Correct it ({fix}), or a packet prints both dates "
            "and the limitation period counts from the earlier",
            file=sys.stderr,
        )


def cmd_walk_in(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.bundle import BundleResult
    from casefile.core.evidence import AddResult
    from casefile.core.walkin import Handed, Registered, register_walk_in

    changes: Changes = args.changes
    given = {spec.path for spec, _value in changes.values}
    wanted = {"title": "--title", "type": "--type", "complainant.name": "--complainant", "complainant.phone": "--phone"}
    missing = [option for path, option in wanted.items() if path not in given]
    if missing:
        raise InvalidValueError("casefile walk-in needs {options}", options=", ".join(missing))
    settings = load_settings()
    if "channel" not in given:
        changes.set(BY_PATH["channel"], Channel.STORE, "--channel")
    if "respondent.name" not in given and settings.org_name.strip():
        # A walk-in complains to the store itself: the organisation using CaseFile.
        changes.set(BY_PATH["respondent.kind"], PartyKind.ORGANISATION, "--respondent-kind")
        changes.set(BY_PATH["respondent.name"], settings.org_name.strip(), "--respondent")
    case = new_case(changes, zone.now())
    photos = [Path(p) for p in args.photos]
    handed = _walk_in_handed(args.handed_items or [], photos)
    mark = (args.handed_in.strip(), args.disposition.strip())
    if any(mark) and photos:
        # The older per-photo marks: each photo is an item of the list, named as the receipt named what it shows.
        from casefile.core.bundle.receipt import material_name
        from casefile.core.evidence import title_from_name

        product = case.transaction.product
        handed = [Handed(material_name(title_from_name(p.name), mark[0], product), 1, *mark, (p,)) for p in photos]
    elif any(mark):
        _print(
            "note: --handed-in and --disposition mark the photos, and none were given: nothing recorded "
            "(--handed lists what was handed in)",
            file=sys.stderr,
        )
    number = ""
    refused = 0
    receipt: Path | None = None
    items = register_walk_in(library, settings, case, photos, layout=args.layout, handed=handed)
    try:
        for item in _drain(items, "registering"):
            if isinstance(item, Registered):
                number = item.number
            elif isinstance(item, AddResult):
                if item.exhibit is not None:
                    _print(f"{item.exhibit.number}  {item.exhibit.sha256}  {item.exhibit.stored_path}")
                elif item.refused:
                    refused += 1
                    _print(f"{item.path}: refused: {item.refused}")
            elif isinstance(item, BundleResult):
                receipt = item.files[0]
                for warning in item.warnings:  # the receipt is made whatever they say, as the desk makes it
                    _print(f"warning: {warning.message}", file=sys.stderr)
    except (CaseFileError, OSError):
        if number:
            _print(
                f"casefile: case {number} was registered but its photos or receipt are not complete "
                f"(casefile add {number} …; casefile bundle {number} --venue receipt)",
                file=sys.stderr,
            )
        raise
    if number and settings.tsa_url.strip():  # the photos are stamped as any ingest is (queued when not reached)
        stamp_after_ingest(library, number)
    if number:
        _warn_dates(dataclasses.replace(case, number=number))
    _print(f"receipt: {receipt}")
    _print(number)
    return EXIT_PROBLEMS if refused else EXIT_OK


def _walk_in_handed(items: list[HandedText], photos: list[Path]) -> list[Handed]:
    """The --handed items for the walk-in, each linked to its photos; a photo=FILE not among ``photos`` is added
    to them (at the end, in the order named)."""
    from casefile.core.walkin import Handed

    listed = {p.resolve(): p for p in photos}
    handed = []
    for item in items:
        linked = []
        for file in item.files:
            path = listed.get(file.resolve())
            if path is None:
                path = listed[file.resolve()] = file
                photos.append(file)
            linked.append(path)
        handed.append(Handed(item.name, item.count, item.handed_in, item.disposition, tuple(linked)))
    return handed


def cmd_edit(args: argparse.Namespace, library: Library) -> int:
    changes: Changes = args.changes
    handed: list[HandedText] | None = args.handed_items
    if not changes and handed is None:
        raise InvalidValueError(
            "nothing to change: give options such as --complainant-address or --handed, or --from FILE.json"
        )
    digests = _photo_digests(handed or [])
    with library.edit(args.case) as writer:
        before = writer.case
        after = apply(before, changes)
        given = dict(changes.names)
        if handed is not None:
            after.handed_items = [_handed_item(item, before, digests) for item in handed]
            given["handed_items"] = "--handed"
        names = check_changes(before, after, given)
        changed = leaf_changes(before, after, names)
        writer.update(after)
        seq = writer.case.custody_head.seq
        saved = writer.case
    number = args.case.strip()
    if not changed:
        _print(f"{number}: nothing changed")
        return EXIT_OK
    _warn_dates(saved)
    _print(f"{number}: {len(changed)} field(s) changed (custody entry {seq})")
    for path, old, new in changed:
        was = _show_value(old)
        _print(f"  {path}: {_show_value(new) or '(not entered)'}" + (f"  (was {was})" if was else ""))
    return EXIT_OK


def _photo_digests(items: list[HandedText]) -> dict[Path, str]:
    """The SHA-256 of each photo=FILE of the --handed items (read before the case is opened for writing)."""
    from casefile.core.hashing import hash_file

    digests: dict[Path, str] = {}
    for item in items:
        for file in item.files:
            try:
                digests[file] = hash_file(file).sha256
            except OSError as exc:
                raise InvalidValueError(
                    "--handed {name!r}: photo={file} cannot be read: {reason}",
                    name=item.name,
                    file=file,
                    reason=SystemReason(exc),
                ) from None
    return digests


def _handed_item(item: HandedText, case: Case, digests: dict[Path, str]) -> HandedItem:
    """A --handed item as the case's list keeps it, its photos by exhibit number: exhibit=N, or photo=FILE found
    by its SHA-256 among the case's exhibits."""
    photos: list[int] = []
    for number in item.exhibits:
        if not case.has_exhibit(number):
            raise InvalidValueError(
                "--handed {name!r}: exhibit={number}: case {case} has no exhibit {number}",
                name=item.name,
                number=number,
                case=case.number,
            )
        if case.exhibit(number).withdrawn:
            raise InvalidValueError("--handed {name!r}: exhibit={number} is withdrawn", name=item.name, number=number)
        photos.append(number)
    for file in item.files:
        found = [e.number for e in case.exhibits if e.sha256 == digests[file] and not e.withdrawn]
        if not found:
            raise InvalidValueError(
                "--handed {name!r}: photo={file} is not an exhibit of case {case} (casefile add {case} FILE adds it)",
                name=item.name,
                file=file,
                case=case.number,
            )
        photos.append(found[0])
    return HandedItem(item.name, item.count, item.handed_in, item.disposition, sorted(set(photos)))


def _show_value(value: Any) -> str:
    """A field's value as the command line shows it ('' for not entered)."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return zone.show(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, list):
        return "; ".join(
            _demand_text(d) if isinstance(d, Demand) else handed_text(d)
            for d in value
            if isinstance(d, Demand | HandedItem)
        )
    return str(value)


def _demand_text(d: Demand) -> str:
    text = " ".join(x for x in (d.type.value, "" if d.amount is None else str(d.amount), d.description) if x)
    return f"{text} (basis: {d.basis})" if d.basis else text


def cmd_add(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.evidence import AddOptions, AddResult, add_files

    options = AddOptions(
        kind=EvidenceKind(args.kind) if args.kind else None,
        title=args.title,
        source=args.source,
        purpose=args.purpose,
    )
    refused = 0
    added: list[Exhibit] = []
    results: Iterable[AddResult] = _drain(add_files(library, args.case, args.paths, options), "adding")
    for result in results:
        if result.exhibit is not None:
            added.append(result.exhibit)
            flags = f"  [{', '.join(result.exhibit.flags)}]" if result.exhibit.flags else ""
            _print(f"{result.exhibit.number}  {result.exhibit.sha256}  {result.exhibit.stored_path}{flags}")
        elif result.duplicate_of is not None:
            _print(
                f"{result.path}: already in the case as exhibit {result.duplicate_of} (same bytes); not stored again"
            )
        elif result.skipped:
            _print(f"{result.path}: skipped ({result.skipped})")
        else:
            refused += 1
            _print(f"{result.path}: refused: {result.refused}")
    if added:
        stamp_after_ingest(library, args.case)
    readable = _ocr_wanted(added)
    if readable:
        # OCR takes seconds a picture: never here. The app reads them in the background; so does this.
        _print(
            f"note: the text of {len(readable)} pictures or PDFs is read by 'casefile ocr {args.case.strip()}' "
            "(in the background; or the app, when it is open)",
            file=sys.stderr,
        )
    return EXIT_PROBLEMS if refused else EXIT_OK


def _ocr_wanted(exhibits: list[Exhibit]) -> list[Exhibit]:
    """The exhibits OCR would read, when OCR is installed here (looked for once, not per file)."""
    from casefile.core.search.ocr import unavailable, wants_ocr

    wanted = [e for e in exhibits if wants_ocr(e)]
    return wanted if wanted and unavailable() is None else []


def cmd_list(args: argparse.Namespace, library: Library) -> int:
    now = datetime.now(UTC)
    _print_cases(args, library.list_cases(args.search), library.next_deadlines(now), now)
    return EXIT_OK


def _next_due_text(row: AgendaRow | None, now: datetime) -> str:
    """A case's next running deadline as the list shows it (the app's 下一期限): none once the case is closed (or
    nothing runs), our user's own by its safe day, OVERDUE when a duty ran out unmet."""
    if row is None:
        return "no deadline running"
    from casefile.core.listing import LIMITATION, start_doubt_of

    day = row.act_by or row.last_day
    due = f"{day} 24:00" if day else _fmt_time(row.due_at)
    mark = " OVERDUE" if row.overdue(now) else " URGENT: safe day passed" if row.past_safe_day(now) else ""
    if row.key == LIMITATION:
        if row.past_safe_day(now):  # counted from a later start on record, or afresh from an interruption
            mark = f" SAFE DAY PASSED: runs to {row.last_day} from a later start on record"
        if start_doubt_of(row.ref):
            mark += " START DOUBTFUL"
    from casefile.core.workflow.clocks import replaced_basis

    if replaced_basis(row.key, _started_day(row)) is not None:  # the 12305 year: see casefile due
        mark += " BASIS REPLACED"
    return f"due {due} ({row.key}){mark}"


def _print_cases(
    args: argparse.Namespace, cases: Sequence[CaseSummary], deadlines: Mapping[str, AgendaRow], now: datetime
) -> None:
    if args.json:
        print(json_text([to_data(c) for c in cases], indent=2))
        return
    for c in cases:
        damaged = f"  DAMAGED: {c.damaged}" if c.damaged else ""
        _print(
            f"{c.number}  {c.stage:<12} {c.priority:<9} {_next_due_text(deadlines.get(c.number), now)}  "
            f"{c.exhibit_count:>3} exhibits  {c.title}  {c.complainant}{_earlier_found(c, args.search)}{damaged}"
        )
    if not cases:
        _print("no cases" + (f" matching {args.search!r}" if args.search else ""), file=sys.stderr)


def _earlier_found(case: CaseSummary, search: str | None) -> str:
    """ "  (曾用 13912345678)" when the search found the case by a name or phone number a party had before a
    correction (the customer's first receipt shows it); "" otherwise."""
    wanted = (search or "").strip().lower()
    found = [v for v in case.earlier_contacts.split("\n") if v and wanted and wanted in v.lower()]
    return f"  (曾用 {', '.join(found)})" if found else ""


def _quick_list(args: argparse.Namespace, library_path: Path, operator: str) -> bool:
    """List from the index without opening the library (nor loading SQLAlchemy) when it is in order.

    False when the library needs opening first (an interrupted change, a case not yet indexed,
    no library yet...): the caller then opens it, which repairs and reconciles, and lists.
    """
    from casefile.core.listing import quick_next_deadlines, quick_summaries

    check_text(operator, "operator")
    now = datetime.now(UTC)
    cases = quick_summaries(library_path, args.search)
    rows = quick_next_deadlines(library_path, now) if cases is not None else None
    if cases is None or rows is None:
        return False
    _print_cases(args, cases, rows, now)
    return True


def case_json(case: Case, folder: Path, pins: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The case as ``casefile show --json`` gives it: the record, and what ``show`` prints beside it — whether an
    exhibit's time is a clock's reading with no zone recorded, and whether each timestamp's roots are ones the
    user pinned (``pins``), with the words show prints for that."""
    from casefile.core.bundle.consistency import zoneless
    from casefile.core.timestamps.roots import is_pinned, label, stamp_roots

    data: dict[str, Any] = to_data(case)
    data["folder"] = str(folder)
    data["inbox"] = str(folder / "inbox")
    data["response_due_at"] = case.response_due_at.isoformat()
    # whose side the user is on: recorded (our_side), or presumed from the organisation in the settings
    data["side"] = case.side.value if case.side is not None else None
    data["side_presumed"] = case.side_presumed
    data["evidence"] = [
        {
            "exhibit": e.number,
            "title": e.title,
            "kind": e.kind.value,
            "original_name": e.original_name,
            "stored_path": e.stored_path,
            "size": e.size,
            "sha256": e.sha256,
            "sm3": e.sm3,
            "added_at": e.added_at.isoformat(),
            "added_by": e.added_by,
            "captured_at": e.captured_at.isoformat() if e.captured_at else None,
            "captured_at_source": e.captured_at_source,
            # A camera's, a file name's or an e-mail's time with no zone: captured_at is that clock's reading
            # taken as Beijing time, and may be hours off ("zone not recorded" in casefile show).
            "captured_at_zoneless": e.captured_at is not None and zoneless(e),
            "mime": e.mime,
            "flags": e.flags,
            "withdrawn": e.withdrawn,
            "derived_from": e.derived_from,
            "handed_in": e.handed_in,
            "disposition": e.disposition,
            "paper": e.paper,
        }
        for e in case.exhibits
    ]
    stamps = {s.get("id"): s for s in data.get("timestamps", []) if isinstance(s, dict)}
    for stamp in case.timestamps:
        roots = stamp_roots(folder, stamp)
        pinned = is_pinned(roots, pins)
        shown = stamps.get(stamp.id)
        if shown is not None:
            shown["root_pinned"] = pinned
            shown["root_label"] = label(pinned)
            shown["roots"] = [{"subject": r.subject, "sha256": r.sha256} for r in roots]
    return data


# Fields `casefile show` prints in its first lines; every other field that is set follows under "details".
_SHOWN_ABOVE = {
    "title",
    "type",
    "channel",
    "priority",
    "complained_at",
    "complainant.name",
    "complainant.phone",
    "respondent.name",
    "transaction.order_no",
    "transaction.amount",
    "shipment.waybill_no",
    "shipment.carrier",
}


def _first_response(case: Case) -> str:
    """When the complainant was first answered, and from what (casefile.core.workflow.due.responded)."""
    from casefile.core.workflow.due import first_contact, responded

    answered = responded(case)
    if answered is None:
        return "not answered yet"
    if answered == case.first_response_at:
        how = "recorded"
    elif answered == first_contact(case):
        how = "timeline contact"
    else:
        how = "handling began"
    return f"first response {_fmt_time(answered)} ({how})"


def _side_text(case: Case) -> str:
    """Whose side the user is on, and whether it is recorded or presumed (the case records none)."""
    side = case.side
    if side is None:
        return "not said"
    if case.side_presumed:
        return f"{side.value} (presumed from the organisation in the settings; 'edit --our-side' records it)"
    return side.value


def cmd_show(args: argparse.Namespace, library: Library) -> int:
    folder = library.folder(args.case)
    case = folder.read_record()
    damaged = library.quarantine_reason(folder.number)
    if args.json:
        from casefile.core.timestamps.roots import pins_of

        data = case_json(case, folder.path, pins_of(load_settings()) if case.timestamps else frozenset())
        data["damaged"] = damaged
        print(json_text(data, indent=2))
        return EXIT_OK
    lines = [
        f"{case.number}  {case.title}",
        *(
            [f"  DAMAGED: {damaged} (no changes until it verifies; see 'casefile verify {case.number}')"]
            if damaged
            else []
        ),
        f"  type {case.type.value}, channel {case.channel.value}, priority {case.priority.value}, "
        f"stage {case.stage.value}",
        f"  complained {_fmt_time(case.complained_at)}, "
        + (
            f"response due {_fmt_time(case.response_due_at)}, " + _first_response(case)
            if case.promise_runs
            else "our side is the complainant: no response promise"
        ),
        *([f"  our side {_side_text(case)}"] if case.side_presumed else []),
        f"  complainant {case.complainant.name or '-'} {case.complainant.phone}",
        f"  respondent  {case.respondent.name or '-'}",
    ]
    if case.transaction.order_no or case.transaction.amount is not None:
        lines.append(f"  order {case.transaction.order_no or '-'}  amount {case.transaction.amount or '-'}")
    if case.shipment.waybill_no:
        lines.append(f"  waybill {case.shipment.waybill_no} ({case.shipment.carrier or '-'})")
    for d in case.demands:
        basis = f"  (basis: {d.basis})" if d.basis else ""
        lines.append(f"  demand {d.type.value} {d.amount or ''} {d.description}".rstrip() + basis)
    details = [(spec.path, _show_value(value)) for spec, value in set_fields(case) if spec.path not in _SHOWN_ABOVE]
    if details:
        lines.append("  details:")
        width = max(len(path) for path, _ in details)
        lines.extend(f"    {path:<{width}}  {value}" for path, value in details)
    lines.append(f"  folder {folder.path}")
    lines.append(f"  evidence ({len(case.exhibits)}), in the evidence order (证据N: its number in a packet):")
    lines.extend(_evidence_lines(case))
    if case.handed_items:
        lines.append(f"  handed in ({len(case.handed_items)}), as the receipt lists them and --handed takes them:")
        lines.extend(f"    材料{n:<3} {handed_text(item)}" for n, item in enumerate(case.handed_items, 1))
    if case.timestamps:
        from casefile.core.timestamps.roots import pins_of

        pins = pins_of(load_settings())
        lines.append("  timestamps (RFC 3161):")
        for stamp in case.timestamps:
            renewal = f" (renews {stamp.renews})" if stamp.renews else ""
            words, _pinned = _root_words(folder.path, stamp, pins)
            lines.append(
                f"    {stamp.id}{renewal}  {_fmt_time(stamp.time)}  by {stamp.tsa}, serial {stamp.serial}, "
                f"exhibits {', '.join(map(str, stamp.exhibits))} — {words}"
            )
    if case.timeline:
        lines.append("  timeline (N: its number for casefile event --edit / --delete):")
        for n, ev in enumerate(case.timeline, 1):
            said = {"out": "we to them", "in": "they to us"}.get(ev.direction, "")
            dealt = ", ".join(
                x for x in (f"with {ev.party}" if ev.party else "", said, f"ref {ev.ref}" if ev.ref else "") if x
            )
            recorded = f"  (recorded {_fmt_time(ev.recorded_at)})" if entered_later(ev.at, ev.recorded_at) else ""
            lines.append(
                f"    {n:>3}  {_event_time(ev):<16}  {ev.kind.value:<12} {ev.summary}"
                + (f"  ({dealt})" if dealt else "")
                + (f"  decided: {ev.decision}" if ev.decision else "")
                + recorded
            )
    lines.extend(_handling_lines(case))
    lines.append("  stages:")
    for s in case.stage_log:
        recorded = f"  (recorded {_fmt_time(s.recorded_at)})" if entered_later(s.at, s.recorded_at) else ""
        cited = f"  exhibits {','.join(map(str, s.evidence))}" if s.evidence else ""
        skipped = f"  (skipped: {', '.join(x.value for x in s.skipped)})" if s.skipped else ""
        lines.append(
            f"    {_fmt_time(s.at)}  {s.stage.value:<12} {s.operator} {s.note}".rstrip() + cited + skipped + recorded
        )
    entries = folder.custody.read()
    made = bundle_history(entries)
    if made:
        from casefile.core.bundle.history import FileState, all_changes, made_again, made_files
        from casefile.core.bundle.receipt_history import said as change_said
        from casefile.core.record.history import bundle_files

        # A receipt that corrected the one before, a packet made again for a destination: what changed, from its old
        # value to its new one.
        changes = all_changes(entries) if made_again(made) else {}

        # What became of each file since: gone from the case folder, no longer the one saved, or recorded lost.
        states = {(m.bundle.seq, m.file.name): m.state for m in made_files(folder.path, made, bundle_files(entries)[1])}
        notes = {
            FileState.MISSING: "  (no longer in the case folder)",
            FileState.CHANGED: "  (changed since it was saved)",
            FileState.LOST: "  (recorded as lost in the custody log)",
        }
        lines.append("  bundles:")
        for bundle in made:
            for f in (*bundle.files, *bundle.components, *([bundle.guidance] if bundle.guidance else [])):
                pages = f"{f.pages} pages" if f.pages is not None else ""
                venue = _venue_and_route(bundle.venue, bundle.route)
                note = notes.get(states.get((bundle.seq, f.name), FileState.PRESENT), "")
                if bundle.edition is not None:  # a receipt: its edition, and whether it reprints or corrects one
                    note = f"  (edition {bundle.edition}{', ' + bundle.reissue if bundle.reissue else ''}){note}"
                lines.append(f"    {_fmt_time(bundle.at)}  {venue:<20} {f.name}  {pages}  sha256 {f.sha256}{note}")
            if bundle.edition is None or bundle.reissue == "correction":
                lines.extend(f"      changed: {change_said(c)}" for c in changes.get(bundle.seq, ()))
    for line in lines:
        _print(line)
    return EXIT_OK


def _stamps_summary(folder: Path, results: list[StampResult], pins: frozenset[str]) -> str:
    """``, 2 trusted timestamps valid (root pinned)`` — or, for stamps whose root the user did not pin,
    ``timestamps valid (root not checked: …)`` with the roots' subjects and fingerprints."""
    from casefile.core.timestamps.roots import is_pinned, stamp_roots

    pinned: list[list[RootCert]] = []
    unchecked: list[list[RootCert]] = []
    for result in results:
        roots = stamp_roots(folder, result.stamp)
        if result.info is not None:  # the roots the token was validated against
            roots = [r for r in roots if r.sha256 in result.info.root_fingerprints] or roots
        (pinned if is_pinned(roots, pins) else unchecked).append(roots)
    parts = []
    if pinned:
        parts.append(f"{len(pinned)} trusted timestamps valid (root pinned)")
    if unchecked:
        named = {_root_name(r) for roots in unchecked for r in roots}
        parts.append(f"{len(unchecked)} timestamps valid (root not checked: {'; '.join(sorted(named))})")
    return ", " + ", ".join(parts)


def cmd_verify(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.timestamps.roots import pins_of
    from casefile.core.verify import CaseReport, FileStatus, verify_case

    numbers = args.cases or library.case_numbers()
    if not numbers:
        _print("no cases to verify", file=sys.stderr)
        return EXIT_OK
    pins = pins_of(load_settings())
    failed = 0
    for number in numbers:
        with _collector_paused():
            reports: list[CaseReport] = list(_drain(verify_case(library, number), f"verifying {number}"))
        report = reports[-1]
        if report.ok:
            stamps = _stamps_summary(library.folder(number).path, report.stamps, pins) if report.stamps else ""
            _print(f"{number}: OK — {report.count(FileStatus.INTACT)} files intact, custody log intact{stamps}")
        else:
            failed += 1
            _print(f"{number}: {'DAMAGED' if report.damaged or report.store_problems else 'PROBLEMS'}")
            for f in report.files:
                if f.status is not FileStatus.INTACT:
                    label = f" (exhibit {f.exhibit})" if f.exhibit else ""
                    _print(f"  {f.status.value.upper():<10} {f.path}{label}")
            for problem in report.problems:
                _print(f"  PROBLEM    {problem}")
            _print(f"  {report.count(FileStatus.INTACT)} files intact")
            if report.store_problems and not report.damaged:
                _print(
                    "  The team library's evidence store does not hold the evidence as the case recorded it: the case "
                    "is marked damaged for every member and nothing is written to it until it verifies again. Tell "
                    "the team library's administrator, who puts the genuine file back in the store (from a backup "
                    "or a copy that still holds it)."
                )
            if report.damaged:
                _print(
                    f"  The case is quarantined: nothing is written to it until it verifies again. "
                    f"'casefile repair {number}' rebuilds case.json and the manifest from the custody log "
                    "when the log itself is whole."
                )
        for note in report.notes:
            _print(f"  note: {note}")
    return EXIT_PROBLEMS if failed else EXIT_OK


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """In the command's own process (not a caller's: see run), no collection of cycles in the block.

    Verifying a case of 5,000 exhibits makes some hundred thousand objects (its log read, folded
    and compared with case.json) that live until the case is checked and make no cycles: the
    collector's passes over them, set off again and again as they are made, were some 7% of the run.
    """
    pausing = gc.isenabled() and _OWN_PROCESS["on"]
    if pausing:
        gc.disable()
    try:
        yield
    finally:
        if pausing:
            gc.enable()


def cmd_repair(args: argparse.Namespace, library: Library) -> int:
    result = library.repair(args.case)
    if not result.rebuilt and not result.lost_bundles:
        _print(
            f"{result.number}: case.json, the manifest, README.txt and the generated bundles are as the custody log "
            "and CaseFile wrote them; nothing to repair"
        )
        return EXIT_OK
    records = [name for name in result.rebuilt if name != "README.txt"]
    if records:
        _print(f"{result.number}: rebuilt {', '.join(records)} from the custody log (recorded in it)")
    if "README.txt" in result.rebuilt:
        _print(f"{result.number}: wrote README.txt again with CaseFile's instructions for checking the case (recorded)")
    for name in result.kept:
        _print(f"  the file it replaced is kept as {name}")
    if result.lost_bundles:
        _print(f"{result.number}: generated bundle files recorded in the custody log as lost (the evidence is intact):")
        for lost in result.lost_bundles:
            if lost.set_aside:
                _print(f"  ALTERED    {lost.name}  (moved to {lost.set_aside})")
            else:
                _print(f"  MISSING    {lost.name}")
        _print(f"  Make a new bundle if you need one: casefile bundle {result.number} --venue ...")
    return EXIT_OK


def cmd_config(args: argparse.Namespace) -> int:
    from casefile.core.settings import Settings, save_settings

    settings = load_settings()
    names = [f.name for f in dataclasses.fields(Settings)]
    if args.name is None:
        for name in names:
            _print(f"{name} = {getattr(settings, name)!r}")
        return EXIT_OK
    if args.name not in names:
        _print(f"casefile: error: no setting {args.name!r} (settings: {', '.join(names)})", file=sys.stderr)
        return EXIT_ERROR
    current = getattr(settings, args.name)
    if args.value is None:
        _print(f"{args.name} = {current!r}")
        return EXIT_OK
    value: object
    if args.name == "tsa_root_sha256":
        return _config_pins(settings, args.value)
    try:
        if isinstance(current, bool):
            if args.value.lower() not in ("true", "false", "yes", "no", "1", "0", "on", "off"):
                raise ValueError(args.value)
            value = args.value.lower() in ("true", "yes", "1", "on")
        elif isinstance(current, int):
            value = int(args.value)
        else:
            value = args.value
    except ValueError:
        _print(f"casefile: error: {args.name} takes a {type(current).__name__}, not {args.value!r}", file=sys.stderr)
        return EXIT_ERROR
    setattr(settings, args.name, value)
    save_settings(settings)
    _print(f"{args.name} = {value!r}")
    return EXIT_OK


def _config_pins(settings: Settings, value: str) -> int:
    """``config tsa_root_sha256 FILE|FINGERPRINT[,…]``: pin the TSA roots the user confirmed, from their
    certificate files or by fingerprint; an empty value pins none."""
    from casefile.core.settings import save_settings
    from casefile.core.timestamps.roots import normalise_fingerprint, pins_from_file

    pins: list[str] = []
    for item in (i.strip() for i in value.split(",")):
        if not item:
            continue
        path = Path(item).expanduser()
        if not path.is_file() and ("/" in item or "\\" in item or path.suffix.lower() in (".pem", ".crt", ".cer")):
            raise InvalidValueError(
                "{path} is not a file (give the root's certificate file or its fingerprint)", path=item
            )
        if path.is_file():
            for root in pins_from_file(path):
                _print(f"root {root.subject}  SHA-256 {root.fingerprint}  (from {path})")
                pins.append(root.sha256)
        else:
            pins.append(normalise_fingerprint(item))
    settings.tsa_root_sha256 = ", ".join(dict.fromkeys(pins))
    save_settings(settings)
    _print(f"tsa_root_sha256 = {settings.tsa_root_sha256!r}")
    if pins:
        _print(
            "timestamps whose roots are these are shown as trusted timestamps; compare each fingerprint with the "
            "one the timestamp authority publishes"
        )
    return EXIT_OK


def _root_name(root: RootCert) -> str:
    """A root certificate as the command line names it: its subject and SHA-256 fingerprint."""
    return f"{root.subject}, SHA-256 {root.fingerprint}"


def _root_words(folder: Path, stamp: Stamp, pins: frozenset[str]) -> tuple[str, bool]:
    """How a stamp's roots read on the command line, and whether they are all pinned."""
    from casefile.core.timestamps.roots import is_pinned, label, stamp_roots

    roots = stamp_roots(folder, stamp)
    pinned = is_pinned(roots, pins)
    named = "; ".join(_root_name(r) for r in roots) or "no root certificate"
    return f"{label(pinned)}: root {named}", pinned


def _stamp_time(value: datetime | None) -> str:
    """When a timestamp says the files existed, to the second, in the zone times are shown in (its offset named
    when that is not Beijing time), as the packet's integrity annex prints it."""
    return zone.show(value, "%Y-%m-%d %H:%M:%S") if value is not None else ""


def _stamp_line(outcome: StampOutcome, library: Library, pins: frozenset[str], unpinned: list[str]) -> str:
    """What came of a stamp request; a stamp whose root is not pinned adds its id to ``unpinned``."""
    exhibits = ", ".join(map(str, outcome.exhibits))
    if outcome.stamp is not None:
        stamp = outcome.stamp
        renewal = f" (renews timestamp {stamp.renews})" if stamp.renews else ""
        time = _stamp_time(stamp.time)
        words, pinned = _root_words(library.folder(outcome.number).path, stamp, pins)
        if not pinned:
            unpinned.append(stamp.id)
        return (
            f"{outcome.number}: timestamp {stamp.id}{renewal} for exhibits {exhibits}: {time} by {stamp.tsa}, "
            f"serial {stamp.serial} — {words}"
        )
    if outcome.queued:
        return (
            f"{outcome.number}: exhibits {exhibits} queued for a timestamp ({outcome.error}); "
            "'casefile timestamp --pending' sends it later"
        )
    if outcome.error is not None:
        return f"{outcome.number}: no timestamp: {outcome.error}"
    return f"{outcome.number}: every exhibit is stamped already"


def stamp_after_ingest(library: Library, number: str) -> None:
    """Ask the TSA of the settings for the exhibits just added; say what came of it."""
    from casefile.core.timestamps.queue import NO_TSA

    settings = load_settings()
    if not settings.tsa_url.strip():  # pyHanko is loaded only when a stamp is asked for
        _print(f"note: {NO_TSA}", file=sys.stderr)
        return
    from casefile.core.timestamps.roots import pins_of
    from casefile.core.timestamps.stamping import stamp_case, tsa_from_settings

    tsa = tsa_from_settings(settings)
    assert tsa is not None
    unpinned: list[str] = []
    _print(_stamp_line(stamp_case(library, number, tsa), library, pins_of(settings), unpinned))
    _warn_unpinned(unpinned)


def _warn_unpinned(unpinned: list[str]) -> None:
    """Said once, however many stamps rely on a root the user did not pin."""
    from casefile.core.timestamps.roots import PIN_HINT

    if unpinned:
        _print(
            f"warning: the root of timestamp {', '.join(unpinned)} is not one you pinned, so it is not shown as a "
            f"trusted timestamp: {PIN_HINT}",
            file=sys.stderr,
        )


def cmd_timestamp(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.timestamps import queue
    from casefile.core.timestamps.roots import pins_of
    from casefile.core.timestamps.stamping import (
        NO_TSA,
        renew_case,
        stamp_pending,
        stamps_of,
        tsa_from_settings,
        unstamped,
    )

    settings = load_settings()
    pins = pins_of(settings)
    unpinned: list[str] = []
    if args.status:
        for number in args.cases or library.case_numbers():
            case = library.load_case(number)
            waiting = set(unstamped(case))
            state = queue.queue_state(library.root, case.number)
            for exhibit in case.exhibits:
                stamps = stamps_of(case, exhibit.number)
                if stamps:
                    last = stamps[-1]
                    time = _stamp_time(last.time)
                    words, _pinned = _root_words(library.folder(case.number).path, last, pins)
                    text = f"stamped {time} by {last.tsa}, serial {last.serial} (timestamp {last.id}; {words})"
                elif exhibit.number in waiting and state is not None:
                    text = "queued" + (f" (last try: {state['error']})" if state.get("error") else "")
                else:
                    text = "not stamped"
                _print(f"{case.number}  {exhibit.number:>4}  {text}")
        return EXIT_OK
    tsa = tsa_from_settings(settings)
    if tsa is None:
        _print(f"casefile: {NO_TSA}; set one with 'casefile config tsa_url URL'", file=sys.stderr)
        return EXIT_ERROR
    failed = 0
    if args.renew:
        for number in args.cases or library.case_numbers():
            outcomes = renew_case(library, number, tsa, within=timedelta(days=args.within))
            if not outcomes:
                _print(f"{number}: no timestamp needs renewing within {args.within} days")
            for outcome in outcomes:
                failed += outcome.stamp is None
                _print(_stamp_line(outcome, library, pins, unpinned))
        _warn_unpinned(unpinned)
        return EXIT_PROBLEMS if failed else EXIT_OK
    numbers = args.cases or None
    for outcome in stamp_pending(library, tsa, numbers):
        failed += outcome.stamp is None and outcome.error is not None
        _print(_stamp_line(outcome, library, pins, unpinned))
    _warn_unpinned(unpinned)
    return EXIT_PROBLEMS if failed else EXIT_OK


def cmd_export(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.archive import ExportResult, export_case

    for result in _drain(export_case(library, args.case, Path(args.output)), "exporting"):
        assert isinstance(result, ExportResult)
        _print(f"{result.path}  {result.files} files, {result.size} bytes  sha256 {result.sha256}")
        for note in result.notes:
            _print(f"note: {note}", file=sys.stderr)
    return EXIT_OK


def _print_import_roots(result: ImportResult) -> None:
    """Which roots the imported case's timestamps rely on, and whether the user pinned them."""
    from casefile.core.timestamps.roots import PIN_HINT, label, pins_of

    pins = pins_of(load_settings())
    for root in result.stamp_roots:
        _print(f"its timestamps rely on root {_root_name(root)}: {label(root.sha256 in pins)}")
    if any(root.sha256 not in pins for root in result.stamp_roots):
        _print(
            f"warning: not every timestamp root of case {result.number} is one you pinned: {PIN_HINT}", file=sys.stderr
        )


def cmd_import(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.archive import ImportResult, import_case

    for result in _drain(import_case(library, Path(args.archive)), "importing"):
        assert isinstance(result, ImportResult)
        _print(f"imported case {result.number} with {result.exhibits} exhibits into {result.folder}")
        _print_import_roots(result)
        _print(result.number)
    return EXIT_OK


def cmd_reindex(args: argparse.Namespace, library: Library) -> int:
    count = library.reindex()
    _print(f"indexed {count} cases")
    return EXIT_OK


def cmd_ocr(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.search.ocr import OcrResult, OcrWorker, pending, run_ocr, unavailable

    reason = unavailable()
    if reason is not None:
        _print(f"casefile: {reason}", file=sys.stderr)
        return EXIT_ERROR
    if not args.cases and not args.all:
        raise InvalidValueError("name the cases to read, or give --all")
    numbers = None if args.all else [library.folder(n).path.name for n in args.cases]
    what = Message("reading text from pictures")
    if not args.wait:
        jobs = pending(library, numbers, retry_failed=args.retry)
        if not jobs:
            _print("nothing to read: every picture and scanned page has been read")
            return EXIT_OK
        pid = _ocr_in_background(args, library)
        _print(
            f"reading the text of {len(jobs)} files in the background (process {pid}); "
            "'casefile ocr --wait' with the same cases waits for it and lists what is left"
        )
        return EXIT_OK
    with library.lock("ocr", what, wait=-1):  # a reading in the background finishes first
        jobs = pending(library, numbers, retry_failed=args.retry)
        if not jobs:
            _print("nothing to read: every picture and scanned page has been read")
            return EXIT_OK
        failed = 0
        show = sys.stderr.isatty()
        with OcrWorker() as worker:
            for item in run_ocr(library, jobs, worker):
                if isinstance(item, Progress):
                    if show and item.total:
                        print(f"\rreading {item.done + 1}/{item.total}", end="", file=sys.stderr, flush=True)
                    continue
                if show:
                    print("\r" + " " * 24 + "\r", end="", file=sys.stderr, flush=True)
                assert isinstance(item, OcrResult)
                job = item.job
                if item.text is not None:
                    lines = sum(len(p.boxes) for p in item.text.pages)
                    _print(f"{job.case}  {job.exhibit}  {lines} lines, {item.chars} characters")
                else:
                    failed += 1
                    _print(f"{job.case}  {job.exhibit}  not read: {item.failure}")
        _print(f"read {len(jobs) - failed} of {len(jobs)} files")
    return EXIT_PROBLEMS if failed else EXIT_OK


def _ocr_in_background(args: argparse.Namespace, library: Library) -> int:
    """Start ``casefile ocr … --wait`` as a process of its own that outlives this one; its output goes to
    ``.derived/ocr.log`` in the library. Returns its process id."""
    import subprocess

    command = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "casefile"]
    command += ["--library", str(library.root)]
    if args.operator:
        command += ["--operator", args.operator]
    command += ["ocr", *args.cases, "--wait"]
    command += ["--all"] if args.all else []
    command += ["--retry"] if args.retry else []
    derived = library.root / ".derived"
    make_private_dir(derived)
    log_fd = open_private(derived / "ocr.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log_fd,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            close_fds=True,
        )
    finally:
        os.close(log_fd)
    BACKGROUND.append(process)  # left to run on its own; kept so that it is not reported as forgotten
    return process.pid


BACKGROUND: list[Any] = []  # readings started in the background by this process (subprocess.Popen)


def cmd_withdraw(args: argparse.Namespace, library: Library) -> int:
    with library.edit(args.case) as writer:
        exhibit = writer.withdraw(args.exhibit, args.reason)
    _print(f"exhibit {exhibit.number} withdrawn: {exhibit.withdraw_reason} (the file stays in {exhibit.stored_path})")
    return EXIT_OK


def cmd_exhibit(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.bundle import agreements

    if args.group is not None:
        with library.edit(args.case) as writer:
            exhibit = writer.update_exhibit(args.exhibit, group=args.group.strip())
        group = f"in group {exhibit.group}" if exhibit.group else "in no group"
        _print(f"exhibit {exhibit.number}: {group}")
    if args.paper is not None:
        with library.edit(args.case) as writer:
            exhibit = writer.update_exhibit(args.exhibit, paper=yes_no(args.paper, "--paper"))
        _print(f"exhibit {exhibit.number}: {_paper_text(exhibit.paper)}")
    if args.agreement is not None:
        status = "" if args.agreement == "in-force" else args.agreement
        exhibit = agreements.mark_agreement(library, args.case, args.exhibit, status, args.reason)
        reason = f" ({exhibit.agreement_reason})" if exhibit.agreement_reason else ""
        _print(f"exhibit {exhibit.number}: arbitration agreement marked {args.agreement}{reason}")
    fields = {
        name: value.strip()
        for name, value in (("handed_in", args.handed_in), ("disposition", args.disposition))
        if value is not None
    }
    described = {name: value.strip() for name, value in (("title", args.title), ("purpose", args.purpose)) if value}
    if described:
        with library.edit(args.case) as writer:
            exhibit = writer.update_exhibit(args.exhibit, **described)
        _print(f"exhibit {exhibit.number}: {exhibit.title}; purpose: {exhibit.purpose or 'none'}")
    if fields:
        with library.edit(args.case) as writer:
            exhibit = writer.update_exhibit(args.exhibit, **fields)
        handed = exhibit.handed_in or "not recorded"
        kept = exhibit.disposition or "not recorded"
        _print(f"exhibit {exhibit.number}: handed in: {handed}; kept or returned: {kept}")
    return EXIT_OK


def _paper_text(paper: bool | None) -> str:
    """What the user said of an exhibit's file: a photo or scan of a paper or not (--paper)."""
    if paper is None:
        return "photo or scan of a paper: not said (told from the file)"
    return "a photo or scan of a paper (书证)" if paper else "not a photo or scan of a paper (电子数据)"


def cmd_order(args: argparse.Namespace, library: Library) -> int:
    if args.exhibits:
        with library.edit(args.case) as writer:
            writer.put_first(_parse_numbers(args.exhibits, "exhibits"))
    case = library.load_case(args.case)
    for line in _evidence_lines(case):
        _print(line)
    return EXIT_OK


def _evidence_lines(case: Case) -> list[str]:
    """The exhibits in the evidence order: the number each gets in a default packet, its own number, its group."""
    from casefile.core.numbering import packet_label, packet_numbers

    numbers = packet_numbers(case)
    lines = []
    for e in case.ordered_exhibits():
        packet = numbers.get(e.number)
        label = "-" if packet is None else packet_label(packet)
        if packet is not None and e.derived_from is not None:
            label = f"({label})"  # goes in its original's place where the destination takes redacted copies
        state = f"  WITHDRAWN: {e.withdraw_reason}" if e.withdrawn else ""
        flags = f"  [{', '.join(e.flags)}]" if e.flags else ""
        derived = f"  (遮盖件 of {e.derived_from})" if e.derived_from is not None else ""
        group = f"  [{e.group}]" if e.group else ""
        # The exhibit by its title, as the app lists it; the file's own name beside it when that differs.
        name = e.title or e.original_name
        if e.title and e.title != e.original_name:
            name += f"  ({e.original_name})"
        lines.append(
            f"    {label:<7} {e.number:>3}  {e.kind.value:<12} {e.sha256[:16]}…  {name}{group}{derived}{flags}{state}"
        )
        if e.captured_at is not None:
            lines.append(f"{'':17}{_captured(e)}")
        if e.handed_in or e.disposition:
            handed, kept = e.handed_in or "not recorded", e.disposition or "not recorded"
            lines.append(f"{'':17}handed in: {handed}; kept or returned: {kept}")
        if e.paper is not None:
            lines.append(f"{'':17}{_paper_text(e.paper)}")
    return lines


def cmd_metadata(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.evidence import MetadataResult, reread_metadata

    chosen = _parse_numbers(args.exhibits, "--exhibits") if args.exhibits else None
    status = EXIT_OK
    results = [r for r in reread_metadata(library, args.case, chosen) if isinstance(r, MetadataResult)]
    case = library.load_case(args.case)
    for result in results:
        e = case.exhibit(result.number)
        if result.problem is not None:
            _print(f"{e.number:>4}  {e.original_name}: {result.problem}")
            status = EXIT_PROBLEMS
            continue
        when = _captured(e) if e.captured_at else "no capture time"
        flags = f"  [{', '.join(e.flags)}]" if e.flags else ""
        _print(f"{e.number:>4}  {e.original_name}: {when}{flags}{'' if result.changed else '  (unchanged)'}")
    return status


def cmd_redact(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.disclosure.derived import redact_exhibit
    from casefile.core.disclosure.redact import parse_box

    regions = [parse_box(text, page) for text, page in args.boxes]
    result = redact_exhibit(library, args.case, args.exhibit, regions, args.reason)
    original = result.original
    if result.exhibit is None:
        _print(
            f"exhibit {original.number}: these boxes give the same bytes as exhibit {result.duplicate_of}; "
            "nothing was added"
        )
        return EXIT_OK
    copy = result.exhibit
    _print(f"exhibit {copy.number}: redacted copy of exhibit {original.number} ({copy.stored_path})")
    _print(f"  original  {original.number:>4}  sha256 {original.sha256}")
    _print(f"  redacted  {copy.number:>4}  sha256 {copy.sha256}")
    _print(copy.number)
    return EXIT_OK


def cmd_due(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.workflow.due import library_due

    now, until = _due_window(args)
    items = library_due(library, until=until, now=now)
    _print_due(args, items, now)
    return EXIT_OK


def _quick_due(args: argparse.Namespace, library_path: Path) -> bool:
    """``casefile due`` from the index with sqlite3 when the library is in order (as ``list``)."""
    from casefile.core.listing import quick_agenda

    now, until = _due_window(args)
    items = quick_agenda(library_path, until=until, now=now)
    if items is None:
        return False
    _print_due(args, items, now)
    return True


def cmd_search(args: argparse.Namespace, library: Library) -> int:
    return _run_search(args, library)


def _quick_search(args: argparse.Namespace, library_path: Path) -> bool:
    """``casefile search`` with sqlite3 alone when the library is in order and its search tables are
    complete (as ``list``); False when the library must be opened (and the tables built) first."""
    from casefile.core.listing import library_in_order
    from casefile.core.search.indexing import open_index, search_path

    if not search_path(library_path).exists() or not library_in_order(library_path):
        return False
    store = open_index(library_path, read_only=True)
    try:
        complete = store.complete
    finally:
        store.close()
    if not complete:
        return False
    from casefile.core.search.query import SearchTablesError

    try:
        _run_search(args, library_path)
    except SearchTablesError as exc:
        if not exc.damaged:
            raise
        return False  # the library opened for writing sets the damaged tables aside and rebuilds them
    return True


def _search_days(args: argparse.Namespace) -> tuple[date | None, date | None]:
    if args.limit < 1:
        raise InvalidValueError("--limit: give 1 or more")
    date_from = _parse_day(args.date_from, "--from") if args.date_from else None
    date_to = _parse_day(args.date_to, "--to") if args.date_to else None
    return date_from, date_to


def _run_search(args: argparse.Namespace, library: Library | Path) -> int:
    from casefile.core.search.query import search

    date_from, date_to = _search_days(args)
    result = search(
        library, args.query, case=args.case, kind=args.kind, date_from=date_from, date_to=date_to, limit=args.limit
    )
    return _print_search(args, result)


def _print_search(args: argparse.Namespace, result: SearchResult) -> int:
    if args.json:
        hits = [
            {
                "case": h.case_number,
                "exhibit": h.exhibit,
                "kind": h.kind,
                "field": h.field,
                "page": h.page,
                "snippet": h.snippet,
                "spans": [list(s) for s in h.spans],
                "score": h.score,
                "evidence_time": h.evidence_time.isoformat() if h.evidence_time else None,
            }
            for h in result.hits
        ]
        print(json_text({"query": args.query, "total": result.total, "hits": hits}, indent=2))
        return EXIT_OK
    bold = sys.stdout.isatty() and os.environ.get("TERM", "") != "dumb" and "NO_COLOR" not in os.environ
    for h in result.hits:
        where = "case field" if h.exhibit is None else f"exhibit {h.exhibit}"
        page = f"  p.{h.page}" if h.page is not None else ""
        _print(f"{h.case_number}  {where}{page}  {h.kind}  {h.field}")
        if bold:  # each piece of text made printable, the highlighting obeyed
            print("    " + _bold_snippet(h.snippet, h.spans))
        else:
            _print(f"    {h.marked()}")
    shown = len(result.hits)
    if not result.total:
        _print(f"no hits for {args.query!r}", file=sys.stderr)
    elif shown < result.total:
        _print(f"{result.total} hits, the best {shown} shown (--limit)", file=sys.stderr)
    else:
        _print(f"{result.total} hit{'' if result.total == 1 else 's'}", file=sys.stderr)
    return EXIT_OK


def _bold_snippet(snippet: str, spans: Sequence[tuple[int, int]]) -> str:
    """A snippet for a terminal: its hits in bold (ANSI), every control character in the text shown, not obeyed."""
    out: list[str] = []
    at = 0
    for start, end in spans:
        out += [printable(snippet[at:start]), "\x1b[1m", printable(snippet[start:end]), "\x1b[0m"]
        at = end
    out.append(printable(snippet[at:]))
    return "".join(out)


def _due_window(args: argparse.Namespace) -> tuple[datetime, datetime]:
    from casefile.core.workflow.clocks import CST

    if args.days < 0:
        raise InvalidValueError("--days: give 0 or more days")
    now = datetime.now(CST)
    return now, datetime.combine(now.date() + timedelta(days=args.days + 1), datetime.min.time(), CST)


def _print_due(args: argparse.Namespace, items: Sequence[AgendaRow], now: datetime) -> None:
    from casefile.core import law
    from casefile.core.listing import LIMITATION
    from casefile.core.workflow.clocks import CST, citation, replaced_basis_note, rule_for

    if args.json:
        print(
            json_text(
                [
                    {
                        "case": i.number,
                        "title": i.title,
                        "clock": i.key,
                        "kind": i.kind,
                        "status": _due_status(i, now),
                        "ref": i.ref,
                        "started": i.started_at.astimezone(CST).isoformat(),
                        "last_day": i.last_day or None,
                        "due": i.due_at.astimezone(CST).isoformat(),
                        "act_by": i.act_by or None,
                        "provisional": i.provisional,
                        "paused": i.paused,
                        "rolled_from": i.rolled_from or None,
                        "basis": citation(rule_for(i.key, i.started_at.astimezone(CST).date())),
                        **({"basis_replaced": note} if (note := replaced_basis_note(i.key, _started_day(i))) else {}),
                        "damaged": i.damaged,
                        **({"start_doubt": doubt} if (doubt := _start_doubt(i)) else {}),
                    }
                    for i in items
                ],
                indent=2,
            )
        )
        return
    for i in items:
        left = i.due_at - now
        marks = "".join(f" [{m}]" for m, on in (("provisional", i.provisional), ("paused", i.paused)) if on)
        due = f"{i.last_day} 24:00" if i.last_day else _fmt_time(i.due_at)
        if i.act_by and i.act_by != i.last_day:  # our user's: listed by the safe day, the law's last day beside it
            due = f"{i.act_by} 24:00 (safe day; by law {i.last_day})"
        if i.overdue(now):
            when = f"OVERDUE {_fmt_span(-left)}"
        elif i.ran_out(now):
            started = i.started_at.astimezone(CST).date().isoformat()
            when = f"RAN OUT on {i.last_day or _fmt_time(i.due_at)} (counted from {started}, the latest start on record"
            if i.key == LIMITATION:  # a demand the record does not hold restarts it (民法典 art. 195)
                when += (
                    "; unless interrupted before then by a demand to the obligor or a claim (民法典 art. 195),"
                    " or the obligor agreed to perform, or performed, after it"
                    " (art. 192 para. 2; 诉讼时效规定 art. 19)"
                )
            when += ")"
        elif i.key == LIMITATION and i.past_safe_day(now):
            # the safe day counts from the earliest day recorded; the period may run from a later start (art. 188)
            # or afresh from an interruption (art. 195): not run out while that count runs
            started = i.started_at.astimezone(CST).date().isoformat()
            when = (
                f"SAFE DAY PASSED: counted from the latest start on record ({started}) it runs to {i.last_day} "
                f"(民法典 arts. 188, 195), {_fmt_span(left)} left: act without delay"
            )
        elif i.past_safe_day(now):
            # our user's safe day is over, the law's last day not: urgent, never "expired" before the law says so
            article = law.cite(rule_for(i.key, i.started_at.astimezone(CST).date()).move_article, short=True)
            when = f"URGENT: safe day passed; by law it runs to {i.last_day} ({article}), {_fmt_span(left)} left"
        else:
            when = f"in {_fmt_span(i.remind_at - now)}"
        ref = f"  {i.ref}" if i.ref else ""
        # a clock resting on a replaced text whose successor could not be read says so (the 12305 year)
        basis = f"  BASIS REPLACED: {note}" if (note := replaced_basis_note(i.key, _started_day(i))) else ""
        damaged = f"  DAMAGED: {i.damaged} (the deadline as last recorded)" if i.damaged else ""
        _print(f"{i.number}  {i.key:<26} due {due}{marks}  {when}{ref}{basis}  {i.title}{damaged}")
    if not items:
        _print(f"nothing due within {args.days} days", file=sys.stderr)


def _started_day(item: AgendaRow) -> date:
    """The day (China Standard Time) the clock of ``item`` started."""
    from casefile.core.workflow.clocks import CST

    return item.started_at.astimezone(CST).date()


def _start_doubt(item: AgendaRow) -> str | None:
    """What is wrong with the safe start of ``item`` when it is a limitation period whose start cannot be true (its
    reference says so: casefile.core.workflow.due.limitation_note), open or run."""
    from casefile.core.listing import LIMITATION, start_doubt_of

    return start_doubt_of(item.ref) if item.key == LIMITATION else None


def _due_status(item: AgendaRow, now: datetime) -> str:
    """A running clock's status in ``casefile due --json``: overdue, ran out (the limitation period, listed when it
    has run), past its safe day (our user's, urgent, the law still gives time), open (a limit) or running."""
    if item.overdue(now):
        return "overdue"
    if item.ran_out(now):
        return "ran_out"
    if item.past_safe_day(now):
        return "past_safe_day"
    return "open" if item.kind == "limit" else "running"


def _fmt_span(span: timedelta) -> str:
    hours = int(span.total_seconds() // 3600)
    return f"{hours // 24} d {hours % 24} h" if hours >= 24 else f"{hours} h {int(span.total_seconds() // 60) % 60} min"


def cmd_calendar(args: argparse.Namespace) -> int:
    from casefile.core.workflow import calendar as workcal

    if args.action == "import":
        if not args.target:
            raise InvalidValueError("casefile calendar import needs a file")
        years = workcal.import_file(Path(args.target))
        _print(f"imported {', '.join(str(y) for y in years)} into {workcal.imported_path()}")
        return EXIT_OK
    cal = workcal.current()
    if not args.target:
        known = cal.known_years()
        _print(f"known years: {known[0]}–{known[-1]}" + (f" (missing: {_gaps(known)})" if _gaps(known) else ""))
        _print("sources: " + "; ".join(dict.fromkeys(cal.sources)))
        return EXIT_OK
    if not args.target.isdigit():
        raise InvalidValueError("casefile calendar show: give a year, e.g. 2026")
    year = cal.years.get(int(args.target))
    if year is None:
        _print(
            f"{args.target}: not known; deadlines in it are provisional, with Saturdays, Sundays and these days "
            "taken as rest days (全国年节及纪念日放假办法 arts. 2 and 6; the State Council's 调休 cannot be foreseen):"
        )
        for day, name in workcal.estimated_year(int(args.target)).rest.items():
            _print(f"{day.isoformat()}  rest  {name}（暂定）")
        if not workcal.lunar_known(int(args.target)):
            _print(
                f"{args.target}: the days of 春节, 清明, 端午 and 中秋 are not known to CaseFile (its table of them "
                "ends in 2060): they are missing above, and a deadline near them may fall on one; check it against "
                "the State Council's notice"
            )
        return EXIT_PROBLEMS
    for day, name in sorted(year.rest.items()):
        _print(f"{day.isoformat()}  rest  {name}")
    for day, name in sorted(year.work.items()):
        _print(f"{day.isoformat()}  work  {name}（调休）")
    return EXIT_OK


def _gaps(years: list[int]) -> str:
    return ", ".join(str(y) for y in range(years[0], years[-1] + 1) if y not in years)


def cmd_stage(args: argparse.Namespace, library: Library) -> int:
    at = parse_datetime(args.at, "--at") if args.at else None
    with library.edit(args.case) as writer:
        writer.set_stage(Stage(args.stage), args.note, at=at, evidence=_cited(writer, args), skip=args.skip_stages)
        entered = writer.case.stage_log[-1]
        _before_complaint(writer.case, "stage", entered.at)
    skipped = f" (skipped: {', '.join(s.value for s in entered.skipped)})" if entered.skipped else ""
    _print(f"{args.case}: stage {args.stage} since {_fmt_time(entered.at)}{skipped}")
    return EXIT_OK


def cmd_event(args: argparse.Namespace, library: Library) -> int:
    if args.edit is not None and args.delete is not None:
        raise InvalidValueError("--edit and --delete: one at a time")
    if args.edit is not None or args.delete is not None:
        return _change_event(args, library)
    if args.summary is None:
        raise InvalidValueError("casefile event needs --summary (or --edit N / --delete N)")
    at = parse_datetime(args.at, "--at") if args.at else zone.now()
    event = TimelineEvent(
        at=at,
        date_only=is_date_only(args.at),
        kind=EventKind(args.kind or "note"),
        summary=args.summary,
        people=args.people or "",
        place=args.place or "",
        evidence=_parse_numbers(args.evidence or "", "--evidence"),
        party=args.party or "",
        direction=_direction(args.direction),
        ref=(args.ref or "").strip(),
        decision=(args.decision or "").strip(),
    )
    with library.edit(args.case) as writer:
        writer.add_event(event)
        case = writer.case
    _print(f"{args.case}: event at {_event_time(event)} recorded")
    _warn_withdrawn_cited(case, event)
    if args.party is None and event.kind in CONTACT_KINDS:
        _unsaid_party_hint(args.case, case, event)
    _warn_dates(case, events_only=True)
    return EXIT_OK


def _warn_withdrawn_cited(case: Case, event: TimelineEvent) -> None:
    """An event citing an exhibit that was withdrawn: kept as cited, but no packet prints the exhibit, so the
    packets leave the citation out and the app marks it withdrawn."""
    from casefile.core.record.timeline import withdrawn_cited

    for number in withdrawn_cited(case, event.evidence):
        reason = case.exhibit(number).withdraw_reason
        _print(
            f"warning: exhibit {number} was withdrawn ({reason}): no packet prints it, so the event's citation of "
            "it is left out of the packets; cite the exhibit that records the event instead (casefile event "
            f"{case.number} --edit N --evidence …)",
            file=sys.stderr,
        )


def _direction(value: str | None) -> str:
    """The direction ``--direction`` names, as the record keeps it ("" for none, or not given)."""
    return "" if value in (None, "none") else str(value)


def _unsaid_party_hint(number: str, case: Case, event: TimelineEvent) -> None:
    """A dealing recorded with nobody said as its other side: the documents read dealings by it (a 12305 appeal
    quotes the courier's reply, and counts its days to answer, only from events said to be with the courier)."""
    n = next((i for i, e in enumerate(case.timeline, 1) if e.at == event.at and e.summary == event.summary), None)
    which = str(n) if n is not None else "N"
    likely = suggested_party(case, event.kind)
    if likely:
        _print(
            f"note: who it was with is not said (--with); if it was the courier company, as is likely here, say "
            f"so (a 12305 appeal reads the courier's reply from it): casefile event {number} --edit {which} "
            f"--with {likely}",
            file=sys.stderr,
        )
        return
    _print(
        f"note: who it was with is not said (--with: {', '.join(EVENT_PARTIES)}); the documents read each side's "
        f"answers by it (a 12305 appeal, the courier's reply): casefile event {number} --edit {which} --with WHO",
        file=sys.stderr,
    )


def _change_event(args: argparse.Namespace, library: Library) -> int:
    """casefile event CASE --edit N [fields] / --delete N --reason: correct or take out a timeline event."""
    n = args.edit if args.edit is not None else args.delete
    with library.edit(args.case) as writer:
        timeline = writer.case.timeline
        if not 1 <= n <= len(timeline):
            raise InvalidValueError(
                "the timeline of {case} has {count} event(s); casefile show numbers them",
                case=args.case,
                count=len(timeline),
            )
        was = timeline[n - 1]
        if args.delete is not None:
            writer.remove_event(was, args.reason)
            _print(f"{args.case}: event {n} ({_event_time(was)}) taken out of the timeline; the custody log keeps it")
            return EXIT_OK
        changes: dict[str, object] = {}
        if args.at:
            changes["at"] = parse_datetime(args.at, "--at")
            changes["date_only"] = is_date_only(args.at)
        if args.kind:
            changes["kind"] = EventKind(args.kind)
        for name in ("summary", "people", "place", "party", "decision"):
            if getattr(args, name) is not None:
                changes[name] = getattr(args, name)
        if args.ref is not None:
            changes["ref"] = args.ref.strip()
        if args.direction is not None:
            changes["direction"] = _direction(args.direction)
        if args.evidence is not None:
            changes["evidence"] = _parse_numbers(args.evidence, "--evidence")
        if not changes:
            raise InvalidValueError(
                "--edit {n}: say what changes (--at, --kind, --summary, --with, --direction, --ref…)", n=n
            )
        corrected = dataclasses.replace(was, **changes)
        writer.update_event(was, corrected, args.reason)
        case = writer.case
    _print(f"{args.case}: event {n} corrected ({', '.join(sorted(changes))})")
    if "evidence" in changes:
        _warn_withdrawn_cited(case, corrected)
    return EXIT_OK


def _cited(writer: CaseWriter, args: argparse.Namespace) -> list[int]:
    """The exhibits ``--evidence N,N`` (where the command has it) and ``--exhibit N`` name, each once; a number
    that is no exhibit of the case is refused, naming the option."""
    listed = _parse_numbers(getattr(args, "evidence", None) or "", "--evidence")
    return writer.check_exhibits([*writer.check_exhibits(listed, "--evidence"), *args.exhibit], "--exhibit")


def _parse_numbers(text: str, option: str) -> list[int]:
    try:
        return [int(n) for n in text.replace("，", ",").split(",") if n.strip()]
    except ValueError:
        raise InvalidValueError(
            "{option}: {text!r} is not a list of exhibit numbers", option=option, text=text
        ) from None


# ---------------------------------------------------------------------------- the handling of a dispute


def _at(args: argparse.Namespace) -> datetime:
    return parse_datetime(args.at, "--at") if args.at else zone.now()


def _time_option(value: str | None, option: str) -> datetime | None:
    return parse_datetime(value, option) if value else None


def _amount_option(value: str | None) -> Decimal | None:
    return parse_amount(value, "--amount") if value not in (None, "") else None


def _before_complaint(case: Case, what: str, *times: datetime | None) -> None:
    """One line when a step is dated before the complaint: kept at its date, as a dealing that preceded it (a
    consumer negotiates with the merchant first, 消法 art. 39; casefile.core.workflow.stages)."""
    from casefile.core.workflow.stages import predates_complaint

    early = [t for t in times if t is not None and predates_complaint(case, t)]
    if early:
        _print(
            f"note: the {what} ({_fmt_time(min(early))}) predates the complaint ({_fmt_time(case.complained_at)}); "
            "kept at its date as a dealing before the complaint",
            file=sys.stderr,
        )


def cmd_responsibility(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.workflow.handling import find_responsibility

    finding = Finding(
        party=args.party,
        at=_at(args),
        reasons=args.reasons,
        by=args.by,
    )
    with library.edit(args.case) as writer:
        found = find_responsibility(writer, dataclasses.replace(finding, evidence=_cited(writer, args)))
        count = len(writer.case.workflow.findings)
        _before_complaint(writer.case, "responsibility finding", found.at)
    _print(f"{args.case}: responsibility {found.party} (finding {count}, {_fmt_time(found.at)})")
    return EXIT_OK


def cmd_propose(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.workflow.handling import propose

    proposal = Proposal(
        at=_at(args),
        by=args.by,
        summary=args.summary,
        amount=_amount_option(args.amount),
        reply_by=_time_option(args.reply_by, "--reply-by"),
    )
    with library.edit(args.case) as writer:
        propose(writer, dataclasses.replace(proposal, evidence=_cited(writer, args)))
        count = len(writer.case.workflow.proposals)
        _before_complaint(writer.case, "proposal", proposal.at)
    _print(f"{args.case}: round {count} proposed by {args.by} at {_fmt_time(proposal.at)}")
    return EXIT_OK


def cmd_answer(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.workflow.handling import answer_proposal

    with library.edit(args.case) as writer:
        answered = answer_proposal(
            writer, args.round, Answer(args.answer), _at(args), args.note, evidence=_cited(writer, args)
        )
        _before_complaint(writer.case, "answer", answered.answered_at)
    _print(f"{args.case}: round {args.round} {answered.answer.value} at {_fmt_time(answered.answered_at)}")
    return EXIT_OK


_PROCEEDING_TIMES = ("filed_at", "accepted_at", "decided_at", "served_at", "ended_at")


def cmd_proceeding(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.workflow import handling

    times = {
        name: _time_option(getattr(args, name), "--" + name.replace("_", "-"))
        for name in _PROCEEDING_TIMES
        if getattr(args, name)
    }
    texts = {
        name: getattr(args, name).strip() for name in ("body", "ref", "summary") if getattr(args, name) is not None
    }
    hearings = [parse_datetime(h, "--hearing") for h in args.hearing]
    evidence = _parse_numbers(args.evidence, "--evidence") if args.evidence is not None else None
    if args.update is None:
        if args.venue is None:
            raise InvalidValueError("casefile proceeding needs --venue (or --update K to change proceeding K)")
        if args.testing_start or args.testing_end:
            raise InvalidValueError("--testing-start and --testing-end go with --update K")
        given: dict[str, Any] = {**texts, **times}
        proceeding = Proceeding(
            venue=Venue(args.venue),
            hearings=sorted(hearings),
            result=ProceedingResult(args.result or "pending"),
            **given,
        )
        with library.edit(args.case) as writer:
            handling.open_proceeding(writer, dataclasses.replace(proceeding, evidence=_cited(writer, args)))
            count = len(writer.case.workflow.proceedings)
            _before_complaint(writer.case, "proceeding's step", *times.values())
        _print(f"{args.case}: proceeding {count} ({args.venue}) recorded")
        return EXIT_OK
    if args.venue is not None:
        raise InvalidValueError("--venue: a proceeding's venue stays as it was recorded")
    changes: dict[str, Any] = {**texts, **times}
    if args.result:
        changes["result"] = ProceedingResult(args.result)
    if evidence is not None:
        changes["evidence"] = evidence
    k = args.update
    if not (changes or hearings or args.exhibit or args.testing_start or args.testing_end):
        raise InvalidValueError(
            "--update {k}: say what changes (--accepted-at, --result, --hearing, --testing-start…)", k=k
        )
    with library.edit(args.case) as writer:
        if args.exhibit:  # --exhibit N adds to the exhibits it cites (--evidence N,N replaces them)
            cited = changes.get("evidence", handling.proceeding(writer, k).evidence)
            changes["evidence"] = writer.check_exhibits([*cited, *args.exhibit], "--exhibit", cited=cited)
        if changes:
            handling.update_proceeding(writer, k, **changes)
        for hearing in hearings:
            handling.add_hearing(writer, k, hearing)
        if args.testing_start:
            handling.start_testing(writer, k, parse_datetime(args.testing_start, "--testing-start"), args.testing_note)
        if args.testing_end:
            handling.end_testing(writer, k, parse_datetime(args.testing_end, "--testing-end"))
        _before_complaint(writer.case, "proceeding's step", *times.values(), *hearings)
    _print(f"{args.case}: proceeding {k} updated")
    return EXIT_OK


# What ``outcome`` and ``close`` say of a decision for our side, unpaid, with no day for performance entered.
UNWATCHED_AWARD = (
    "no enforcement period is watched until a day for performance is entered, or the record lets it be worked out: "
    "a term such as 判决生效之日起十日内 in --summary and the decision's service (and an award's date) on its "
    "proceeding (民事诉讼法 art. 250)"
)


def cmd_outcome(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.workflow.due import performance_day, unwatched_award
    from casefile.core.workflow.handling import set_outcome

    outcome = Outcome(
        kind=OutcomeKind(args.kind),
        at=_at(args),
        summary=args.summary,
        amount=_amount_option(args.amount),
        payer=args.payer,
        payee=args.payee,
        perform_by=_time_option(args.perform_by, "--perform-by"),
    )
    with library.edit(args.case) as writer:
        set_outcome(writer, dataclasses.replace(outcome, evidence=_cited(writer, args)))
        _before_complaint(writer.case, "outcome", outcome.at)
        unwatched = unwatched_award(writer.case)
        derived = performance_day(writer.case, outcome)
    _print(f"{args.case}: outcome {args.kind} recorded")
    if derived is not None:  # 「判决生效之日起十日内」 with the record's dates: the day is worked out, and said how
        _print(f"  {derived.how}; the enforcement period runs from it (casefile due)")
    if unwatched:
        _print(f"  warning: {UNWATCHED_AWARD}; enter it with --perform-by once known", file=sys.stderr)
    return EXIT_OK


def cmd_pay(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.workflow.handling import record_payment

    amount = _amount_option(args.amount)
    assert amount is not None  # --amount is required
    payment = Payment(
        at=_at(args),
        amount=amount,
        payer=args.payer,
        payee=args.payee,
        method=args.method.strip(),
        recovered=args.recovered,
        note=args.note.strip(),
    )
    with library.edit(args.case) as writer:
        record_payment(writer, dataclasses.replace(payment, evidence=_cited(writer, args)))
        paid, recovered = writer.case.workflow.paid(), writer.case.workflow.paid(recovered=True)
        _before_complaint(writer.case, "payment", payment.at)
        excess = None if args.recovered else writer.case.workflow.overpaid()
    if excess is not None:
        _print(
            f"warning: paid in all {paid:.2f} is {excess:.2f} more than the outcome says is owed "
            f"({paid - excess:.2f}); if this payment was entered twice, correct it",
            file=sys.stderr,
        )
    _print(f"{args.case}: {amount:.2f} {'recovered from' if args.recovered else 'paid by'} {args.payer}")
    _print(f"  paid in all {paid:.2f}, recovered {recovered:.2f}")
    return EXIT_OK


def cmd_close(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.workflow.due import open_rights, unwatched_award
    from casefile.core.workflow.handling import close_case

    closing = Closing(at=_at(args), result=ClosingResult(args.result), satisfaction=args.satisfaction, note=args.note)
    with library.edit(args.case) as writer:
        lines = [_right_line(s) for s in open_rights(writer.case)]
        if unwatched_award(writer.case):
            lines.append(f"a decision for our side is unpaid: {UNWATCHED_AWARD}")
        if lines and not args.force:
            raise InvalidValueError(
                "{case}: still open: {rights}; closing stops their reminders (add --force to close anyway)",
                case=args.case,
                rights="; ".join(lines),
            )
        close_case(writer, dataclasses.replace(closing, evidence=_cited(writer, args)))
    _print(f"{args.case}: closed ({args.result}) at {_fmt_time(closing.at)}")
    for line in lines:
        _print(f"  warning: no more reminders for {line}", file=sys.stderr)
    return EXIT_OK


def _right_line(state: ClockState) -> str:
    """An open right as ``close`` names it: ``court.appeal-ruling (ref …) act by 2026-12-05 (by law 2026-12-07)``,
    the law's last day said only when a rest day moved it."""
    deadline = state.deadline
    safe = deadline.act_by or deadline.last_day
    ref = f" ({state.ref})" if state.ref else ""
    moved = f" (by law {deadline.last_day.isoformat()})" if safe != deadline.last_day else ""
    return f"{state.key}{ref} act by {safe.isoformat()}{moved}"


def cmd_reopen(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.workflow.handling import reopen_case

    with library.edit(args.case) as writer:
        reopen_case(writer, Reopening(at=_at(args), reason=args.reason))
        stage = writer.case.stage
    _print(f"{args.case}: reopened; stage {stage.value}")
    return EXIT_OK


def _handling_lines(case: Case) -> list[str]:
    """The handling of the dispute for casefile show: each list numbered as the commands take it."""
    wf = case.workflow
    if wf.is_empty():
        return []
    lines = ["  handling:"]

    def ex(numbers: list[int]) -> str:
        return f"  exhibits {','.join(map(str, numbers))}" if numbers else ""

    def money(amount: Decimal | None) -> str:
        return f" {amount:.2f}" if amount is not None else ""

    for f in wf.findings:
        reasons = f"  {f.reasons}" if f.reasons else ""
        lines.append(f"    responsibility  {_fmt_time(f.at)}  {f.party} (by {f.by}){reasons}{ex(f.evidence)}")
    for n, p in enumerate(wf.proposals, 1):
        reply = f"  reply by {_fmt_time(p.reply_by)}" if p.reply_by else ""
        answer = p.answer.value + (f" {_fmt_time(p.answered_at)}" if p.answered_at else "")
        note = f" ({p.answer_note})" if p.answer_note else ""
        answered = f"  answer exhibits {','.join(map(str, p.answer_evidence))}" if p.answer_evidence else ""
        lines.append(
            f"    round {n:>2}  {_fmt_time(p.at)}  {p.by}: {p.summary}{money(p.amount)}{reply}  -> {answer}{note}"
            + ex(p.evidence)
            + answered
        )
    for n, pr in enumerate(wf.proceedings, 1):
        head = " ".join(x for x in (pr.venue.value, pr.body, f"ref {pr.ref}" if pr.ref else "") if x)
        lines.append(f"    proceeding {n}  {head}  {pr.result.value}{ex(pr.evidence)}")
        dates = [
            f"{label} {_fmt_time(getattr(pr, name))}"
            for name, label in (
                ("filed_at", "filed"),
                ("accepted_at", "accepted"),
                ("decided_at", "decided"),
                ("served_at", "served"),
                ("ended_at", "ended"),
            )
            if getattr(pr, name) is not None
        ]
        dates += [f"hearing {_fmt_time(h)}" for h in pr.hearings]
        dates += [
            f"testing {_fmt_time(t.start)} to {_fmt_time(t.end) if t.end else '(ongoing)'}"
            + (f" {t.note}" if t.note else "")
            for t in pr.testing
        ]
        if dates:
            lines.append(f"      {'; '.join(dates)}")
        if pr.summary:
            lines.append(f"      {pr.summary}")
    o = wf.outcome
    if o is not None:
        parties = f"  {o.payer or '-'} to {o.payee or '-'}" if o.payer or o.payee else ""
        perform = f"  perform by {_fmt_time(o.perform_by)}" if o.perform_by else ""
        lines.append(
            f"    outcome  {_fmt_time(o.at)}  {o.kind.value}{money(o.amount)}{parties}{perform}  {o.summary}".rstrip()
        )
    for pay in wf.payments:
        how = "recovered from" if pay.recovered else "paid by"
        extra = " ".join(x for x in (pay.method, pay.note) if x)
        lines.append(
            f"    payment  {_fmt_time(pay.at)}  {pay.amount:.2f} {how} {pay.payer}"
            + (f" to {pay.payee}" if pay.payee else "")
            + (f"  {extra}" if extra else "")
            + ex(pay.evidence)
        )
    events = [(c.at, "closed", c) for c in wf.closings] + [(r.at, "reopened", r) for r in wf.reopenings]
    for when, what, item in sorted(events, key=lambda e: e[0]):
        if isinstance(item, Closing):
            satisfaction = f", satisfaction {item.satisfaction}/5" if item.satisfaction is not None else ""
            lines.append(
                f"    {what}  {_fmt_time(when)}  {item.result.value}{satisfaction}  {item.note}".rstrip()
                + ex(item.evidence)
            )
        else:
            lines.append(f"    {what}  {_fmt_time(when)}  {item.reason}")
    return lines


def _venue_and_route(venue: str, route: str) -> str:
    """courier-claim, or courier-claim to 12305 when the packet went elsewhere than the venue's default."""
    from casefile.core.venues import Venue

    try:
        default = Venue(venue).default_route
    except ValueError:
        default = None
    return f"{venue} to {route}" if route and (default is None or route != default.value) else venue


def cmd_bundle(args: argparse.Namespace, library: Library) -> int:
    # In the command's own process (not a caller's: see run), the bundle's modules are
    # imported without the collector (imports make many objects and hardly any garbage), and
    # frozen with the rest of what the imports made, which lives as long as the process: the
    # collector no longer walks it each time the layout's many objects set off a collection
    # (some 35 ms of CPU of a 340-page bundle).
    collecting = gc.isenabled() and _OWN_PROCESS["on"]
    if collecting:
        gc.disable()
    try:
        from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
        from casefile.core.venues import parse_route, route_for
    finally:
        if collecting:
            gc.enable()
            gc.freeze()
    if args.split_mb is not None and args.split_mb < 1:
        raise InvalidValueError("--split-mb must be at least 1")
    if args.stamp_files:  # refused before anything is built (-o is refused by build_bundle)
        library.refuse_inside(args.stamp_files)
    venue = Venue(args.venue)
    options = BundleOptions(
        venue=venue,
        exhibits=_parse_numbers(args.exhibits, "--exhibits") if args.exhibits else None,
        split_mb=args.split_mb,
        force=args.force,
        output=Path(args.output) if args.output else None,
        layout=args.layout,
        original=_parse_numbers(args.original, "--original") if args.original else None,
        redacted=_parse_numbers(args.redacted, "--redacted") if args.redacted else None,
        components=args.components,
        route=route_for(venue, parse_route(args.to)) if args.to else None,
    )
    if args.disclosure:
        from casefile.core.bundle.plan import plan_disclosure

        plan = plan_disclosure(
            library,
            args.case,
            options.venue,
            options.exhibits,
            load_settings(),
            original=options.original,
            redacted=options.redacted,
        )
        for line in plan.report.to_text(
            f"{(options.route or options.venue).heading} {args.case.strip()} 信息披露报告（预览）"
        ).splitlines():
            _print(line)
        for finding in plan.findings:
            _print(f"{finding.level.value}: {finding.message}", file=sys.stderr)
        return EXIT_OK
    for result in _drain(build_bundle(library, args.case, options, load_settings()), "building"):
        assert isinstance(result, BundleResult)
        for warning in result.warnings:
            _print(f"warning (accepted): {warning.message}", file=sys.stderr)
        for path, digest in zip(result.files, result.sha256, strict=True):
            _print(f"{path}  sha256 {digest}")
        for copy in result.copies:
            _print(f"copied to {copy}")
        for path, digest in zip(result.components, result.component_sha256, strict=True):
            _print(f"component: {path}  sha256 {digest}")
        if result.guidance_file is not None:
            _print(f"guidance (not part of the packet): {result.guidance_file}  sha256 {result.guidance_sha256}")
        if result.disclosure_file is not None and result.disclosure is not None:
            items = len(result.disclosure.items)
            _print(f"disclosure report (not part of the packet): {result.disclosure_file}  {items} items")
        _print(f"{result.pages} pages")
    if args.stamp_files:
        from casefile.core.timestamps.stamping import export_stamp_files

        with library.reading(args.case):
            case = library.load_case(args.case)
            written = export_stamp_files(
                library.folder(args.case).path, case, Path(args.stamp_files).expanduser(), options.exhibits
            )
        if written:
            _print(f"timestamp files: {len(written)} written into {args.stamp_files}")
        else:
            _print("no timestamp files: the exhibits are not stamped", file=sys.stderr)
    return EXIT_OK


def cmd_transcript(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.transcripts import parse_transcript_lines

    try:
        text = Path(args.file).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = Path(args.file).read_text(encoding="gb18030")
        except UnicodeDecodeError:
            raise InvalidValueError(
                "{file}: not a text file (a transcript is text in UTF-8 or GB 18030)", file=args.file
            ) from None
    transcript = Transcript(
        recorded_by=args.recorded_by,
        device=args.device,
        started_at=parse_datetime(args.started_at, "--started-at") if args.started_at else None,
        ended_at=parse_datetime(args.ended_at, "--ended-at") if args.ended_at else None,
        place_or_method=args.place,
        participants=args.participant,
        own_conversation=not args.not_a_party,
        lines=parse_transcript_lines(text),
        transcriber=args.transcriber or library.operator,
        transcribed_at=zone.now(),
    )
    with library.edit(args.case) as writer:
        exhibit = writer.exhibit(args.exhibit)
        if exhibit.kind not in (EvidenceKind.AUDIO, EvidenceKind.VIDEO):
            raise InvalidValueError(f"exhibit {args.exhibit} is a {exhibit.kind.value}, not a recording")
        writer.update_exhibit(args.exhibit, transcript=transcript)
    _print(f"{args.case}: transcript of exhibit {args.exhibit} saved ({len(transcript.lines)} lines)")
    return EXIT_OK


def cmd_watch(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.evidence import AddResult
    from casefile.core.fsutil import is_link
    from casefile.core.watch import Watcher, attached_folders, options_from_settings
    from casefile.core.watch.refused import RefusedLinks

    for number in args.cases:
        library.folder(number)  # an unknown case is an error now, not a silent no-op
    refused_links = RefusedLinks(library.root)  # reported by an earlier run: not reported again unless changed
    refused_links.save()  # the links gone since are forgotten
    if args.status:
        return _watch_status(refused_links, args.cases)
    options = options_from_settings(load_settings())
    if args.settle is not None:
        options = dataclasses.replace(options, settle=_settle(args.settle))
    problems = 0
    printing = threading.Lock()

    def on_result(number: str, result: AddResult) -> None:
        nonlocal problems
        if result.exhibit is not None:
            line = f"{number}: added exhibit {result.exhibit.number} {result.path.name}"
        elif result.duplicate_of is not None:
            line = f"{number}: duplicate of exhibit {result.duplicate_of} {result.path.name}"
        else:
            line = f"{number}: refused {result.path.name}: {result.refused or result.skipped}"
        with printing:
            if result.exhibit is None and result.duplicate_of is None:
                if result.refused and is_link(result.path):
                    if not refused_links.first_report(number, result.path, result.refused):
                        return  # the same link, reported before: casefile watch --status lists it
                    refused_links.save()
                problems += 1
            _print(line, flush=True)

    def on_problem(number: str, message: Message) -> None:
        nonlocal problems
        problems += 1
        with printing:
            _print(f"casefile: {number + ': ' if number else ''}{message}", file=sys.stderr, flush=True)

    watcher = Watcher(
        library,
        cases=args.cases or None,
        attached=lambda: attached_folders(library),
        options=options,
        on_result=on_result,
        on_problem=on_problem,
    )
    if args.once:
        watcher.run_once()
        refused_links.save()
        return EXIT_PROBLEMS if problems else EXIT_OK

    def on_terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, on_terminate) if in_main else None
    # Ctrl+C and SIGTERM must reach this thread: a signal the kernel hands to one of the watcher's
    # threads only wakes that thread, and this one would wait on for ever. The threads started here
    # (the watcher's and watchdog's) inherit a mask blocking both, so only this thread takes them.
    stops = {signal.SIGINT, signal.SIGTERM}
    masked = in_main and hasattr(signal, "pthread_sigmask")
    if masked:
        signal.pthread_sigmask(signal.SIG_BLOCK, stops)
    try:
        watcher.start()
    finally:
        if masked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)
    try:
        watcher.wait_ready()
        folders = watcher.folders
        cases = len({f.case for f in folders})
        # Started as a background job, the shell has Ctrl+C ignored for it: say how it stops then.
        stop = (
            "Ctrl+C to stop" if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN else f"kill {os.getpid()} to stop"
        )
        _print(f"watching {len(folders)} folder(s) of {cases} case(s); {stop}", file=sys.stderr, flush=True)
        forever = threading.Event()
        while not forever.wait(1.0):  # in slices: where a blocked wait cannot be interrupted (Windows), Ctrl+C still is
            pass
    except KeyboardInterrupt:
        pass
    finally:
        watcher.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    _print("casefile: stopped watching", file=sys.stderr)
    return EXIT_OK


def _watch_status(refused_links: RefusedLinks, cases: list[str]) -> int:
    """``casefile watch --status``: the refused links still in watched folders, reported once each."""
    links = refused_links.listed({n.strip() for n in cases} if cases else None)
    for link in links:
        reported = zone.show(datetime.fromisoformat(link.reported_at))
        _print(f"{link.case}: refused {link.path} -> {link.target} (reported {reported}): {link.reason}")
    if not links:
        _print("no refused links are left in the watched folders", file=sys.stderr)
    return EXIT_OK


def cmd_attach(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.watch import attach_folder, attached_folders

    if args.list:
        folders = attached_folders(library)
        for f in sorted(folders, key=lambda f: (f.case, str(f.path))):
            _print(f"{f.case}  {f.path}{'  (polled)' if f.poll else ''}")
        if not folders:
            _print("no folders are attached to cases of this library", file=sys.stderr)
        return EXIT_OK
    if not args.case or not args.folder:
        raise InvalidValueError("attach needs a CASE and a FOLDER (or --list)")
    attached = attach_folder(library, args.case, args.folder, poll=args.poll, wide=args.wide)
    how = "polled for new files" if attached.poll else "watched"
    _print(f"{attached.case}: {attached.path} is {how}; files added there become exhibits while 'casefile watch' runs")
    return EXIT_OK


def cmd_detach(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.watch import detach_folder

    detach_folder(library, args.case, args.folder)
    _print(f"{args.case.strip()}: {args.folder} is no longer watched (its files stay where they are)")
    return EXIT_OK


def cmd_review(args: argparse.Namespace, library: Library) -> int:
    from casefile.core.review.queries import GroupBy, Period, review
    from casefile.core.review.report import write_pdf, write_xlsx

    period = Period(_parse_day(args.first, "--from"), _parse_day(args.last, "--to"))
    for named in (args.output, args.xlsx):
        if named:
            library.refuse_inside(named)
    result = review(library.index.engine, period, GroupBy(args.by) if args.by else None)
    write_pdf(result, Path(args.output))
    _print(f"{args.output}")
    if args.xlsx:
        write_xlsx(result, Path(args.xlsx))
        _print(f"{args.xlsx}")
    t = result.total
    _print(f"{period.first} .. {period.last}: {t.received} received, {t.closed} closed")
    return EXIT_OK


def _parse_day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidValueError("{option}: {value!r} is not a date (YYYY-MM-DD)", option=option, value=value) from None


COMMANDS = {
    "search": cmd_search,
    "bundle": cmd_bundle,
    "transcript": cmd_transcript,
    "new": cmd_new,
    "walk-in": cmd_walk_in,
    "edit": cmd_edit,
    "add": cmd_add,
    "list": cmd_list,
    "show": cmd_show,
    "verify": cmd_verify,
    "export": cmd_export,
    "timestamp": cmd_timestamp,
    "import": cmd_import,
    "reindex": cmd_reindex,
    "ocr": cmd_ocr,
    "repair": cmd_repair,
    "withdraw": cmd_withdraw,
    "exhibit": cmd_exhibit,
    "order": cmd_order,
    "redact": cmd_redact,
    "metadata": cmd_metadata,
    "stage": cmd_stage,
    "due": cmd_due,
    "event": cmd_event,
    "watch": cmd_watch,
    "attach": cmd_attach,
    "detach": cmd_detach,
    "review": cmd_review,
    "responsibility": cmd_responsibility,
    "propose": cmd_propose,
    "answer": cmd_answer,
    "proceeding": cmd_proceeding,
    "outcome": cmd_outcome,
    "pay": cmd_pay,
    "close": cmd_close,
    "reopen": cmd_reopen,
}


def _start_app(library_path: Path, *, team: bool = False) -> int:
    try:
        import PySide6.QtWidgets  # noqa: F401, TID251 - only to learn whether Qt can load here (lazily)
    except ImportError as exc:
        _print(f"{__app_name__} {__version__}: the desktop window cannot start here ({exc}).", file=sys.stderr)
        _print(f"Library: {library_path}", file=sys.stderr)
        _print("The commands work without it (casefile COMMAND --help for details):", file=sys.stderr)
        build_parser().print_help(sys.stderr)
        return EXIT_ERROR
    if sys.platform.startswith("linux") and not any(
        os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        # Qt would abort the process without a screen; say so instead.
        _print(f"{__app_name__}: no screen to show the window on (DISPLAY is not set).", file=sys.stderr)
        _print(f"Library: {library_path}", file=sys.stderr)
        _print("The commands work here: casefile --help", file=sys.stderr)
        return EXIT_ERROR
    from casefile.ui.app import run  # noqa: TID251 - lazily, so the commands never load Qt

    return int(run(library_path, team=team))


def run() -> NoReturn:
    """The casefile command as a process: :func:`main`, then an exit that does not sweep memory.

    Everything the command imported and made lives until the process ends anyway; frozen, it
    is left out of the collections the interpreter runs while it exits (a tenth of a second of
    CPU once SQLAlchemy is loaded, which weighs on scripts that call the command many times).
    """
    _OWN_PROCESS["on"] = True
    code = main()
    gc.freeze()
    sys.exit(code)


_OWN_PROCESS = {"on": False}  # main() runs as the casefile command's process (run), not in a caller's


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = logging.StreamHandler()
    handler.setFormatter(_SafeFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, handlers=[handler])
    settings = load_settings()
    library_path = resolve_library_path(args.library, settings)
    if args.command is None:
        return _start_app(library_path, team=team_mode_active(args.library))
    try:
        check_arguments(args)
        operator = resolve_operator(args.operator, settings)
        # A connected team library (casefile team connect) unless a solo folder is named.
        team_mode = args.command not in ("team", "calendar", "config") and team_mode_active(args.library)
        if not team_mode and args.command == "list" and _quick_list(args, library_path, operator):
            return EXIT_OK
        if not team_mode and args.command == "due" and _quick_due(args, library_path):
            return EXIT_OK
        if not team_mode and args.command == "search" and _quick_search(args, library_path):
            return EXIT_OK
        if args.command == "calendar":  # the user's calendar, not the library's
            return cmd_calendar(args)
        if args.command == "config":  # the user's settings, not the library's
            return cmd_config(args)
        if args.command == "team":  # the team library's servers, not the local library
            from casefile.cli_team import cmd_team

            return cmd_team(args, operator, _print)
        if team_mode:
            return _in_team_library(args, operator, settings.hash_sm3)
        from casefile.core.library import Library

        # verify, bundle and export only bear witness: of a library in order, they write nothing to
        # the index but the case's revision (with sqlite3), so they never load SQLAlchemy; show reads
        # the case folder alone.
        on_demand = args.command in ("verify", "bundle", "export", "show")
        with Library.open(library_path, operator, hash_sm3=settings.hash_sm3, index_on_demand=on_demand) as library:
            try:
                return COMMANDS[args.command](args, library)
            finally:
                if library.index_problem is not None:
                    _print(
                        f"casefile: note: the library index could not be used ({library.index_problem}); "
                        "it is brought up to date at the next start",
                        file=sys.stderr,
                    )
                if library.search_notice is not None:
                    _print(f"casefile: note: {library.search_notice}", file=sys.stderr)
    except CancelledError:
        _print("casefile: cancelled; nothing was left half-done", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print(file=sys.stderr)
        _print("casefile: interrupted; the next start finishes or undoes the interrupted step", file=sys.stderr)
        return 130
    except IntegrityError as exc:  # the command ran and found evidence or a record not as recorded
        _print_error(exc)
        return EXIT_PROBLEMS
    except CaseFileError as exc:
        _print_error(exc)
        return EXIT_ERROR
    except OSError as exc:
        _print(f"casefile: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - last resort: a bug; keep the details, show one line
        report = _save_crash_report()
        _print(f"casefile: unexpected error: {type(exc).__name__}: {exc} (details in {report})", file=sys.stderr)
        return EXIT_ERROR


# In team mode: the commands that need every case's record and log first, and those that read a case's
# record and log only (the others need its evidence files too).
_TEAM_EVERY_CASE = ("list", "due", "search", "reindex", "watch", "review", "verify")
_TEAM_RECORD_ONLY = ("show", "edit", "stage", "event", "responsibility", "propose", "answer", "proceeding")


def _in_team_library(args: argparse.Namespace, operator: str, hash_sm3: bool) -> int:
    """Run a command on the connected team library's working copy (casefile.core.workcopy), after
    bringing into it what the command reads: the team library is the truth, the copy its cache."""
    from casefile.core.team import load_team
    from casefile.core.workcopy import open_library

    if args.command == "import":
        raise InvalidValueError(
            "a case archive is imported into a solo library (casefile --library DIR import …) and moved into "
            "the team library with casefile team push DIR"
        )
    team = load_team()
    with open_library(team, operator, hash_sm3=hash_sm3) as library:
        if args.command == "search":  # the catalogue's tables: nothing to bring here first
            return _run_search(args, library)
        if args.command in _TEAM_EVERY_CASE:
            library.pull()
        number = getattr(args, "case", None)
        numbers = [number] if isinstance(number, str) else list(getattr(args, "cases", None) or [])
        if args.command == "verify" and not numbers:
            numbers = library.case_numbers()
        for each in numbers:
            # A verification brings the case's files itself, checking the store's objects (verify_case).
            library.pull(each, files=args.command not in (*_TEAM_RECORD_ONLY, "verify"))
        return COMMANDS[args.command](args, library)


def _save_crash_report() -> str:
    import platformdirs

    folder = Path(platformdirs.user_log_dir(__app_name__, appauthor=False))
    try:
        make_private_dir(folder, parents=True)  # a traceback can quote names and numbers from a case
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.txt"
        with os.fdopen(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "w", encoding="utf-8") as fh:
            fh.write(f"{__app_name__} {__version__}\n{traceback.format_exc()}")
        return str(path)
    except OSError:
        return "stderr (the log folder is not writable):\n" + traceback.format_exc()
