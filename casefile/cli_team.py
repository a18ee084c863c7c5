"""``casefile team …``: set up or connect to a team library, move a solo library in, export a case out, show the state.

While a team library is connected (``team init`` or ``team connect``; ``team disconnect`` ends it), the
ordinary commands work on its working copy (casefile.core.workcopy) unless a solo folder is named.

Thin over casefile.core.team; nothing here is imported before a team command runs, so the
other commands start as before. The team library's addresses are kept in a private file
(casefile.core.team.team_file: ``$CASEFILE_TEAM_FILE`` or ``team.json`` in the configuration
folder); S3 keys come from ``$CASEFILE_S3_ACCESS_KEY`` / ``$CASEFILE_S3_SECRET_KEY`` or that file.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_PROBLEMS = 1


def add_team_parser(sub: Any) -> None:
    team = sub.add_parser(
        "team",
        help="team mode: a library on PostgreSQL and a write-once evidence store",
        description="Set up a team library, move a solo library into it, export a case out of it.",
    )
    commands = team.add_subparsers(dest="team_command", metavar="TEAM_COMMAND", required=True)
    p = commands.add_parser("init", help="create or upgrade the team catalogue and the evidence store")
    p.add_argument("--db", required=True, metavar="URL", help="postgresql+psycopg://USER@HOST:PORT/DB (or sqlite:///…)")
    p.add_argument(
        "--store",
        required=True,
        metavar="URL",
        help="folder:/PATH, share:/PATH or s3://BUCKET?endpoint=http://HOST:PORT",
    )
    p.add_argument(
        "--keep-keys",
        action="store_true",
        help="keep the S3 keys of $CASEFILE_S3_ACCESS_KEY / $CASEFILE_S3_SECRET_KEY in the private team file",
    )
    p = commands.add_parser(
        "connect",
        help="work on an existing team library: the ordinary commands then use it (checked first, nothing changed)",
    )
    p.add_argument("--db", required=True, metavar="URL", help="postgresql+psycopg://USER@HOST:PORT/DB (or sqlite:///…)")
    p.add_argument(
        "--store",
        required=True,
        metavar="URL",
        help="folder:/PATH, share:/PATH or s3://BUCKET?endpoint=http://HOST:PORT",
    )
    p.add_argument(
        "--keep-keys",
        action="store_true",
        help="keep the S3 keys of $CASEFILE_S3_ACCESS_KEY / $CASEFILE_S3_SECRET_KEY in the private team file",
    )
    commands.add_parser(
        "disconnect", help="work on the solo library again (the team library's addresses are kept for connect)"
    )
    p = commands.add_parser("push", help="move a solo library's cases into the team library, re-verifying every hash")
    p.add_argument("source", metavar="LIBRARY", help="the solo library's folder")
    p = commands.add_parser(
        "export", help="write a team case as a ZIP archive that verifies on its own (as casefile export in team mode)"
    )
    p.add_argument("case")
    p.add_argument("-o", "--output", required=True, metavar="FILE.zip")
    commands.add_parser("status", help="the team library's cases, their custody chains, and the store")
    p = commands.add_parser(
        "retention",
        help="how long each case's evidence is kept and whether it is under a legal hold, plan and store",
        description="Show each case's retention plan (its closing plus the team's period; provisional while it is "
        "open; a legal hold while its arbitration or lawsuit runs) and what the evidence store holds. --apply brings "
        "every object up to its plan: run it periodically to renew open cases' provisional dates.",
    )
    p.add_argument("case", nargs="?", help="one case (default: every case)")
    p.add_argument("--apply", action="store_true", help="bring every object up to its case's plan")
    p.add_argument("--years", type=int, metavar="N", help="set the team's retention period: N years after closing")
    p.add_argument(
        "--open-case-days",
        type=int,
        metavar="DAYS",
        help="set how far past the minimum an open case's provisional date is set (renewed once in that many days)",
    )


def cmd_team(args: argparse.Namespace, operator: str, say: Any) -> int:
    from casefile.core import team as core

    if args.team_command in ("init", "connect"):
        library = core.TeamLibrary(args.db, args.store)
        if args.keep_keys:
            library.s3_access_key = os.environ.get(core.ENV_S3_ACCESS, "")
            library.s3_secret_key = os.environ.get(core.ENV_S3_SECRET, "")
        if args.team_command == "init":
            core.team_init(library, operator)
            path = core.save_team(library)
            say(f"team library ready: catalogue {library.db_shown}, evidence store {library.open_store().name}")
        else:
            path = core.team_connect(library)
            store = library.open_store().name
            say(f"connected to the team library: catalogue {library.db_shown}, evidence store {store}")
        say(f"the ordinary commands now work on it (working copy {_workcopy(library)})")
        say(f"its addresses are kept in {path}")
        return EXIT_OK
    if args.team_command == "disconnect":
        core.set_active(False)
        say("the ordinary commands work on the solo library again; casefile team connect goes back to the team library")
        return EXIT_OK
    library = core.load_team()
    if args.team_command == "push":
        result = core.team_push(library, Path(args.source).expanduser(), operator)
        for number in result.pushed:
            say(f"{number}  moved in")
        for number in result.already_in:
            say(f"{number}  already in the team library")
        for number, reason in result.refused.items():
            say(f"{number}  REFUSED: {reason}", file=sys.stderr)
        say(
            f"{len(result.pushed)} moved in, {len(result.already_in)} already in, {len(result.refused)} refused; "
            f"{result.files} files in the evidence store, each re-verified"
        )
        return EXIT_PROBLEMS if result.refused else EXIT_OK
    if args.team_command == "export":
        exported = core.team_export(library, args.case, Path(args.output), operator)
        say(f"{exported.path}  {exported.files} files, {exported.size} bytes, SHA-256 {exported.sha256}")
        return EXIT_OK
    if args.team_command == "retention":
        return _retention(library, args, operator, say)
    from casefile.core.settings import resolve_library_path, team_mode_active

    if team_mode_active(args.library):
        say(f"mode: team (the ordinary commands work on the working copy {_workcopy(library)})")
    elif library.active:
        named = resolve_library_path(args.library)
        say(f"mode: solo, as a library folder is named (--library or $CASEFILE_LIBRARY): {named}")
    else:
        say(f"mode: solo ({resolve_library_path(args.library)}); casefile team connect works on the team library")
    status = core.team_status(library)
    say(f"catalogue: {library.db_shown}, {status.cases} cases")
    for number, problem in status.broken_chains.items():
        say(f"{number}  custody chain BROKEN: {problem}")
    if not status.broken_chains:
        say("custody chains: all intact")
    say(f"evidence store: {status.store}, " + (status.store_problem or "reachable"))
    return EXIT_PROBLEMS if status.broken_chains or status.store_problem else EXIT_OK


def _retention(library: Any, args: argparse.Namespace, operator: str, say: Any) -> int:
    from casefile.core import law
    from casefile.core.store import retention
    from casefile.core.store.base import utc_now
    from casefile.core.team import reaching
    from casefile.core.workflow.clocks import CST

    def day(when: Any) -> str:
        return str(when.astimezone(CST).strftime("%Y-%m-%d %H:%M CST"))

    store = library.open_store()
    problems = 0
    with reaching(library), library.open_catalogue() as catalogue:
        policy = retention.load_policy(catalogue)
        if args.years is not None or args.open_case_days is not None:
            policy = retention.RetentionPolicy(
                policy.years if args.years is None else args.years,
                policy.open_case_days if args.open_case_days is None else args.open_case_days,
            )
            retention.save_policy(catalogue, policy, operator)
            say("retention policy set (a retention given already is never shortened)")
        numbers = [args.case] if args.case else catalogue.numbers()
        now = utc_now()
        for number in numbers:
            case = catalogue.load(number).case
            wanted = retention.plan(case, policy, now=now)
            digests = retention.case_digests(catalogue, case).values()
            applied = retention.apply_plan(
                store,
                wanted,
                digests,
                now=now,
                still_held=functools.partial(retention.held_elsewhere, catalogue, number),
                dry_run=not args.apply,
            )
            if args.apply and not applied.missing:
                retention.record_plan(catalogue, number, wanted)
            if wanted.closed_at is None:
                kept = f"open: kept at least until {day(wanted.at_least)} (provisional)"
            elif wanted.expired(now):
                kept = f"closed {day(wanted.closed_at)}: its retention period ended on {day(wanted.until)}"
            else:
                kept = f"closed {day(wanted.closed_at)}: kept until {day(wanted.until)}"
            hold = "LEGAL HOLD (arbitration or lawsuit running)" if wanted.hold else "no legal hold"
            verb = "" if args.apply else "to "
            done = [
                f"{len(applied.retained)} {verb}retain",
                f"{len(applied.held)} {verb}hold",
                f"{len(applied.released)} {verb}release",
            ]
            if applied.kept_held:
                done.append(f"{len(applied.kept_held)} held for another case")
            if applied.later:
                done.append(f"{len(applied.later)} kept longer already")
            if applied.missing:
                done.append(f"{len(applied.missing)} MISSING from the store")
            objects = f"{applied.objects} object" + ("" if applied.objects == 1 else "s")
            say(f"{number}  {kept}; {hold}; {objects}: " + ", ".join(done))
            if not applied.up_to_plan:
                problems += 1
    say(
        f"policy: {policy.years} years after closing ({law.cite_many(retention.BASIS, short=True)}); "
        f"open cases renewed {policy.open_case_days} days ahead"
    )
    if store.enforced_by_storage:
        say(f"evidence store {store.name}: retention and holds enforced by the storage (S3 Object Lock, COMPLIANCE)")
    else:
        say(
            f"evidence store {store.name}: retention and holds NOT enforced by the storage; CaseFile refuses to "
            "delete, but whoever can write to the folder can"
        )
    if problems and not args.apply:
        say(f"{problems} case(s) not up to plan: casefile team retention --apply brings them up to it")
    return EXIT_PROBLEMS if problems else EXIT_OK


def _workcopy(library: Any) -> Path:
    from casefile.core.workcopy import workcopy_root

    return workcopy_root(library)
