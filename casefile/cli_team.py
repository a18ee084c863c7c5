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
    for name, text in (
        ("init", "create or upgrade the team catalogue and the evidence store"),
        (
            "connect",
            "work on an existing team library: the ordinary commands then use it (checked first, nothing changed)",
        ),
    ):
        p = commands.add_parser(name, help=text)
        p.add_argument(
            "--db", required=True, metavar="URL", help="postgresql+psycopg://USER@HOST:PORT/DB (or sqlite:///…)"
        )
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
    _add_people_parsers(commands)


def _add_people_parsers(commands: Any) -> None:
    """Sign-in, people and access: ``team whoami|login|user|org|team|grant|revoke|audit``."""
    commands.add_parser("whoami", help="who you are signed in as: name, organisation, teams")
    p = commands.add_parser("login", help="sign in to the team library as another login (kept in the team file)")
    p.add_argument("login")
    user = commands.add_parser("user", help="add, list or disable the team library's users (administrators)")
    users = user.add_subparsers(dest="user_command", metavar="USER_COMMAND", required=True)
    p = users.add_parser(
        "add",
        help="add a user and their database login",
        description="The login's password is asked twice, or taken from $CASEFILE_NEW_PASSWORD (for scripts).",
    )
    p.add_argument("login")
    p.add_argument("--name", required=True, help="the name the custody log shows for them")
    p.add_argument("--org", metavar="ORGANISATION", help="the organisation they belong to")
    p.add_argument("--team", action="append", default=[], metavar="TEAM", help="a team of their organisation")
    p.add_argument("--admin", action="store_true", help="an administrator: manages users and grants")
    users.add_parser("list", help="every user, disabled ones too")
    p = users.add_parser("disable", help="take a user's sign-in away (the custody log keeps their name)")
    p.add_argument("login")
    org = commands.add_parser("org", help="add an organisation (administrators)")
    orgs = org.add_subparsers(dest="org_command", metavar="ORG_COMMAND", required=True)
    orgs.add_parser("add").add_argument("name")
    team = commands.add_parser("team", help="add a team to an organisation (administrators)")
    teams = team.add_subparsers(dest="teams_command", metavar="TEAM_COMMAND", required=True)
    p = teams.add_parser("add")
    p.add_argument("org", metavar="ORGANISATION")
    p.add_argument("name")
    for name, text in (("grant", "give access to a case"), ("revoke", "take access to a case away")):
        p = commands.add_parser(name, help=f"{text}: to a user, a team or an organisation")
        p.add_argument("case")
        grantee = p.add_mutually_exclusive_group(required=True)
        grantee.add_argument("--user", metavar="LOGIN")
        grantee.add_argument("--team", metavar="[ORGANISATION/]TEAM")
        grantee.add_argument("--org", metavar="ORGANISATION")
        if name == "grant":
            p.add_argument("role", choices=["read", "write", "manage"])
    p = commands.add_parser("audit", help="who read or exported what, and when")
    p.add_argument("case", nargs="?")


# Case grants and the audit are the catalogue's; the store has no notion of cases (README, "What access
# does not cover").
STORE_ACCESS = (
    "note: access to cases (grants) and the audit cover the catalogue only: whoever holds the evidence store's key "
    "or reaches its folder can read every case's evidence there, and such reads are not in the audit; keep the "
    "store reachable only by staff who may see every case in it (or one team library per group)"
)


def cmd_team(args: argparse.Namespace, operator: str, say: Any) -> int:
    from casefile.core import team as core

    if args.team_command in ("init", "connect"):
        library = core.TeamLibrary(args.db, args.store)
        if args.keep_keys:
            library.s3_access_key = os.environ.get(core.ENV_S3_ACCESS, "")
            library.s3_secret_key = os.environ.get(core.ENV_S3_SECRET, "")
        _ask_password(library)
        if args.team_command == "init":
            core.team_init(library, operator)
            path = core.save_team(library)
            say(f"team library ready: catalogue {library.db_shown}, evidence store {library.open_store().name}")
        else:
            path = core.team_connect(library)
            store = library.open_store().name
            say(f"connected to the team library: catalogue {library.db_shown}, evidence store {store}")
        say(f"the ordinary commands now work on it (working copy {_workcopy(library)})")
        say(STORE_ACCESS)
        say(f"its addresses are kept in {path}")
        return EXIT_OK
    if args.team_command == "disconnect":
        core.set_active(False)
        say("the ordinary commands work on the solo library again; casefile team connect goes back to the team library")
        return EXIT_OK
    library = core.load_team()
    if args.team_command == "login":
        library.login = args.login
    _ask_password(library)
    if args.team_command in PEOPLE_COMMANDS:
        return _cmd_people(args, library, say)
    operator = _signed_in_name(library) or operator  # the custody log names the signed-in user
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
    for note in status.damaged:
        say(
            f"{note.number}  DAMAGED since {_cst(note.found_at)}: {note.reason} "
            f"(found by {note.found_by or 'unknown'}; no changes until it verifies: casefile verify {note.number})"
        )
    if status.damaged:
        say(f"damaged cases: {len(status.damaged)} ({', '.join(note.number for note in status.damaged)})")
    else:
        say("damaged cases: none")
    say(f"evidence store: {status.store}, " + (status.store_problem or "reachable"))
    say(STORE_ACCESS)
    return EXIT_PROBLEMS if status.broken_chains or status.damaged or status.store_problem else EXIT_OK


def _cst(when: Any) -> str:
    """A time as the team commands show it: Beijing time."""
    from casefile.core.workflow.clocks import CST

    return str(when.astimezone(CST).strftime("%Y-%m-%d %H:%M CST"))


def _retention(library: Any, args: argparse.Namespace, operator: str, say: Any) -> int:
    from casefile.core import law
    from casefile.core.store import retention
    from casefile.core.store.base import utc_now
    from casefile.core.team import reaching

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
            if args.apply and not _may_change(catalogue, number):
                say(f"{number}  read access only: its plan is applied by those who may change the case")
                problems += 1
                continue
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
                kept = f"open: kept at least until {_cst(wanted.at_least)} (provisional)"
            elif wanted.expired(now):
                kept = f"closed {_cst(wanted.closed_at)}: its retention period ended on {_cst(wanted.until)}"
            else:
                kept = f"closed {_cst(wanted.closed_at)}: kept until {_cst(wanted.until)}"
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


def _may_change(catalogue: Any, number: str) -> bool:
    """Whether the signed-in user may change case ``number`` (write its retention plan, migration 0006)."""
    from casefile.core.errors import AccessDeniedError

    try:
        catalogue.require(number, "write")
    except AccessDeniedError:
        return False
    return True


def _workcopy(library: Any) -> Path:
    from casefile.core.workcopy import workcopy_root

    return workcopy_root(library)


PEOPLE_COMMANDS = ("whoami", "login", "user", "org", "team", "grant", "revoke", "audit")
ENV_NEW_PASSWORD = "CASEFILE_NEW_PASSWORD"  # a new user's password, for scripts (else asked twice)


def _ask_password(library: Any) -> None:
    """The database password: $CASEFILE_DB_PASSWORD, libpq's ~/.pgpass, or asked (never kept, never shown)."""
    from casefile.core.team import ENV_DB_PASSWORD

    if not library.is_postgresql or library.password or os.environ.get(ENV_DB_PASSWORD):
        return
    pgpass = Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")
    if pgpass.is_file() or not sys.stdin.isatty():
        return  # libpq reads ~/.pgpass; without a terminal the server says what is missing
    import getpass

    library.password = getpass.getpass(f"password of {library.signs_in_as} on {library.db_shown}: ")


def _signed_in_name(library: Any) -> str:
    """The signed-in user's display name ("" for the catalogue's owner without a users row)."""
    from casefile.core.errors import AccessDeniedError
    from casefile.core.team import reaching

    with reaching(library), library.open_catalogue() as catalogue:
        try:
            return str(catalogue.whoami().display_name)
        except AccessDeniedError:
            if catalogue.is_owner():
                return ""
            raise


def _new_password(login: str) -> str:
    from casefile.core.errors import InvalidValueError

    password = os.environ.get(ENV_NEW_PASSWORD, "")
    if password:
        return password
    if not sys.stdin.isatty():
        raise InvalidValueError(
            "the new login {login} needs a password: run this in a terminal, or set {env}",
            login=login,
            env=ENV_NEW_PASSWORD,
        )
    import getpass

    first = getpass.getpass(f"new password for {login}: ")
    if not first or getpass.getpass("again: ") != first:
        raise InvalidValueError("the two passwords differ or are empty; the user was not added")
    return first


def _cmd_people(args: argparse.Namespace, library: Any, say: Any) -> int:
    from casefile.core.team import reaching, save_team

    with reaching(library), library.open_catalogue() as catalogue:
        command = args.team_command
        if command in ("whoami", "login"):
            me = catalogue.whoami()
            names = _names(catalogue)
            teams = ", ".join(names["teams"].get(t, str(t)) for t in me.teams) or "none"
            organisation = names["orgs"].get(me.organisation_id, "none")
            if command == "login":
                path = save_team(library)
                say(f"signed in as {me.login}; the login is kept in {path}")
            say(
                f"{me.display_name} ({me.login}), organisation {organisation}, teams {teams}"
                + (", administrator" if me.admin else "")
            )
            return EXIT_OK
        if command == "user":
            return _cmd_user(args, catalogue, say)
        if command == "org":
            catalogue.add_organisation(args.name)
            say(f"organisation {args.name} added")
            return EXIT_OK
        if command == "team":
            catalogue.add_team(catalogue.organisation_id(args.org), args.name)
            say(f"team {args.name} added to {args.org}")
            return EXIT_OK
        if command in ("grant", "revoke"):
            grantee, shown = _grantee(catalogue, args)
            if command == "grant":
                catalogue.grant(args.case, args.role, **grantee)
                say(f"{shown} may now {args.role} case {args.case}")
            else:
                catalogue.revoke(args.case, **grantee)
                say(f"{shown} no longer has access given to it on case {args.case}")
            return EXIT_OK
        for row in catalogue.audit_log(args.case):
            details = " ".join(f"{k}={v}" for k, v in sorted(row.details.items()))
            at = row.at.strftime("%Y-%m-%d %H:%M:%S UTC")
            say(f"{at}  {row.user}  {row.action}  {row.case_number or '-'}  {details}".rstrip())
        return EXIT_OK


def _cmd_user(args: argparse.Namespace, catalogue: Any, say: Any) -> int:
    if args.user_command == "add":
        organisation = catalogue.organisation_id(args.org) if args.org else None
        teams = tuple(catalogue.team_id(args.org, team) for team in args.team) if args.team and args.org else ()
        if args.team and not args.org:
            from casefile.core.errors import InvalidValueError

            raise InvalidValueError("a team is named within its organisation: give --org too")
        password = _new_password(args.login) if catalogue.dialect == "postgresql" else None
        catalogue.add_user(
            args.login, args.name, organisation_id=organisation, teams=teams, admin=args.admin, password=password
        )
        say(f"user {args.login} ({args.name}) added" + (", administrator" if args.admin else ""))
        return EXIT_OK
    if args.user_command == "disable":
        catalogue.disable_user(args.login)
        say(f"user {args.login} can no longer sign in; the custody log keeps their name")
        return EXIT_OK
    names = _names(catalogue)
    for person, active in catalogue.users():
        member_of = ",".join(names["teams"].get(t, str(t)) for t in person.teams) or "-"
        say(
            f"{person.login}  {person.display_name}  {names['orgs'].get(person.organisation_id, '-')}  {member_of}"
            + ("  administrator" if person.admin else "")
            + ("" if active else "  DISABLED")
        )
    return EXIT_OK


def _names(catalogue: Any) -> dict[str, dict[Any, str]]:
    """Organisations and teams by id, to show them by name."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from casefile.core.catalogue.models import Organisation, Team

    with Session(catalogue.engine) as session:
        orgs: dict[Any, str] = {i: n for i, n in session.execute(select(Organisation.id, Organisation.name))}
        teams = {
            t: f"{orgs.get(o, o)}/{n}" for t, o, n in session.execute(select(Team.id, Team.organisation_id, Team.name))
        }
    return {"orgs": orgs, "teams": teams}


def _grantee(catalogue: Any, args: argparse.Namespace) -> tuple[dict[str, int], str]:
    """The grantee the command names (``--user``, ``--team [ORG/]TEAM`` or ``--org``), and how to show it."""
    from casefile.core.errors import InvalidValueError, NotFoundError

    if args.user:
        return {"user_id": catalogue.user_id(args.user)}, f"user {args.user}"
    if args.org:
        return {"organisation_id": catalogue.organisation_id(args.org)}, f"organisation {args.org}"
    if "/" in args.team:
        org, name = args.team.split("/", 1)
        return {"team_id": catalogue.team_id(org, name)}, f"team {args.team}"
    found = [t for t, shown in _names(catalogue)["teams"].items() if shown.split("/", 1)[1] == args.team]
    if not found:
        raise NotFoundError("there is no team {name} in the team library", name=args.team)
    if len(found) > 1:
        raise InvalidValueError(
            "more than one organisation has a team {name}: give it as ORGANISATION/{name}", name=args.team
        )
    return {"team_id": found[0]}, f"team {args.team}"
