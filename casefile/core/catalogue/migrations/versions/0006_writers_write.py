"""Readers read, writers write, and the case-number counter moves only as cases are registered.

On PostgreSQL (nothing changes on SQLite, one machine, where the methods apply the same rules):

- The rows derived from a case (``review_cases``, ``review_clocks``, ``search_docs``) and its
  retention plan (``case_retention``) are written only by those who may change the case ("write",
  the rule of a custody entry that changes the record); "read" access sees them and nothing more.
  Before, read access was enough to delete a case's search texts and deadlines or to plant others.
- ``case_damage`` is read by those who may read the case and written by no one directly: a member's
  verification notes damage through ``casefile_note_damage`` (read access is enough: a reader finds
  damage as a writer does; the finder and the time are the server's), and the note goes only through
  ``casefile_clear_damage``, called in the transaction that appends a verification of the case that
  found it whole (the case's custody head, by the caller), which the audit records. Only the
  catalogue's owner can still delete a note by hand.
- ``case_numbers`` is no longer written by staff: a case's serial is taken by ``casefile_next_serial``
  (the registering transaction's), which also moves past the highest serial of the month in use (a
  counter put back by hand no longer stops registration) and notes that in the audit; a case a
  member registers has the serial the counter gave (an administrator moving cases in keeps theirs, and
  ``casefile_counter_caught_up`` brings the counter up to them), and a transaction that moved the
  counter commits only when a case has the serial it stands at (no number taken for nothing).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

STAFF = "casefile_staff"
DERIVED = ("review_cases", "review_clocks", "search_docs", "case_retention")
_OLD_POLICIES = {  # 0003, 0004 and 0005: one policy for every command, read access enough
    "review_cases": "review_cases_of_case",
    "review_clocks": "review_clocks_of_case",
    "search_docs": "search_docs_of_case",
    "case_retention": "case_retention_of_case",
    "case_damage": "case_damage_of_case",
}
AUDIT_DAMAGE_CLEARED = "damage-cleared"
AUDIT_NUMBERS_MOVED = "case-numbers-moved"

_FUNCTIONS = """
-- A member's CaseFile found case p_case damaged: noted (or said again, in the last finder's words).
-- The finder is the signed-in user (an administrator names the operator, as in the custody log).
CREATE FUNCTION casefile_note_damage(p_case bigint, p_reason text, p_message jsonb, p_found_by text)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    finder text := CASE WHEN casefile_is_admin() THEN p_found_by ELSE casefile_my_name() END;
    noted text;
BEGIN
    IF casefile_case_role(p_case) < 1 THEN
        RAISE EXCEPTION 'permission denied: % may not read case %', session_user, p_case
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF coalesce(p_reason, '') = '' THEN
        RAISE EXCEPTION 'a damage note says why the case is damaged' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT reason INTO noted FROM case_damage WHERE case_id = p_case FOR UPDATE;
    IF noted IS NOT DISTINCT FROM p_reason THEN
        RETURN false;
    END IF;
    INSERT INTO case_damage (case_id, reason, message, found_by, found_at)
    VALUES (p_case, p_reason, p_message, coalesce(finder, ''), now() AT TIME ZONE 'UTC')
    ON CONFLICT (case_id) DO UPDATE
        SET reason = EXCLUDED.reason, message = EXCLUDED.message, found_by = EXCLUDED.found_by,
            found_at = EXCLUDED.found_at;
    RETURN true;
END $$;

-- The damage note of case p_case removed, because a verification found the case whole: the case's
-- custody head must be a verification with the result "ok", appended in this very transaction by the
-- signed-in user (an administrator's by any operator). The removal is audited with what the note said.
CREATE FUNCTION casefile_clear_damage(p_case bigint) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    note case_damage%ROWTYPE;
    head custody_entries%ROWTYPE;
    head_xmin xid;
BEGIN
    IF casefile_case_role(p_case) < 1 THEN
        RAISE EXCEPTION 'permission denied: % may not read case %', session_user, p_case
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO note FROM case_damage WHERE case_id = p_case FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    SELECT * INTO head FROM custody_entries WHERE case_id = p_case ORDER BY seq DESC LIMIT 1;
    SELECT e.xmin INTO head_xmin FROM custody_entries e WHERE e.id = head.id;
    IF head.id IS NULL OR head.action <> 'verify'
       OR (head.line::jsonb -> 'details' ->> 'result') IS DISTINCT FROM 'ok'
       OR head_xmin IS DISTINCT FROM pg_current_xact_id()::xid
       OR (NOT casefile_is_admin() AND head.operator IS DISTINCT FROM casefile_my_name()) THEN
        RAISE EXCEPTION 'permission denied: the damage noted on case % is cleared only with a verification '
            'that finds the case whole', (SELECT number FROM cases WHERE id = p_case)
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM case_damage WHERE case_id = p_case;
    INSERT INTO audit (at, "user", action, case_number, details) VALUES (
        now() AT TIME ZONE 'UTC', session_user, '{cleared}', (SELECT number FROM cases WHERE id = p_case),
        jsonb_build_object(
            'reason', note.reason, 'found_by', note.found_by, 'found_at', note.found_at,
            'verified_by', head.operator, 'entry', head.seq, 'hash', head.hash
        )
    );
    RETURN true;
END $$;

-- The next serial of month p_month (YYYYMM) for the case being registered in this transaction: the
-- counter's next, or past the highest serial of the month in use when the counter is behind it (set
-- back by hand): that is noted in the audit. The counter row stays locked until the transaction ends.
CREATE FUNCTION casefile_next_serial(p_month text, OUT serial integer, OUT counted integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    highest integer;
BEGIN
    IF p_month !~ '^[0-9]{{6}}$' THEN
        RAISE EXCEPTION '% is not a month (YYYYMM)', p_month USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO case_numbers (month, last) VALUES (p_month, 0) ON CONFLICT (month) DO NOTHING;
    SELECT last INTO counted FROM case_numbers WHERE month = p_month FOR UPDATE;
    SELECT coalesce(max(c.serial), 0) INTO highest FROM cases c WHERE c.month = p_month;
    serial := greatest(counted, highest) + 1;
    UPDATE case_numbers SET last = serial WHERE month = p_month;
    IF highest > counted THEN
        INSERT INTO audit (at, "user", action, case_number, details) VALUES (
            now() AT TIME ZONE 'UTC', session_user, '{moved}', NULL,
            jsonb_build_object('month', p_month, 'counter', counted, 'highest', highest, 'taken', serial)
        );
    END IF;
END $$;

-- The counter of month p_month brought up to the highest serial in use (cases moved in with their own
-- numbers): never past it, so nobody makes a gap with it.
CREATE FUNCTION casefile_counter_caught_up(p_month text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    INSERT INTO case_numbers (month, last)
    SELECT p_month, max(serial) FROM cases WHERE month = p_month HAVING max(serial) IS NOT NULL
    ON CONFLICT (month) DO UPDATE SET last = greatest(case_numbers.last, EXCLUDED.last)
$$;

-- At the end of each transaction that moved a month's counter: it stands at a case registered (the
-- serial taken was used), so nobody makes a gap by taking numbers for nothing. The owner is not held.
CREATE FUNCTION casefile_counter_checked() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
    IF NEW.last > 0 AND NOT casefile_is_owner()
       AND NOT EXISTS (SELECT 1 FROM cases WHERE month = NEW.month AND serial = NEW.last) THEN
        RAISE EXCEPTION 'permission denied: the case numbers of % move only as a case is registered', NEW.month
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER casefile_counter_checked AFTER INSERT OR UPDATE ON case_numbers
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION casefile_counter_checked();

-- A case is registered in the signed-in user's name, and (but by an administrator moving cases in
-- with their own numbers) with the serial the month's counter gave it in this transaction.
CREATE OR REPLACE FUNCTION casefile_case_registered() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_login := session_user;
    IF NOT casefile_is_admin() AND (
        NEW.created_by IS DISTINCT FROM casefile_my_name() OR NEW.updated_by IS DISTINCT FROM casefile_my_name()
    ) THEN
        RAISE EXCEPTION 'a case is registered in the name of the signed-in user, not %', NEW.created_by
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT casefile_is_admin() AND NEW.serial IS DISTINCT FROM (
        SELECT last FROM case_numbers WHERE month = NEW.month
    ) THEN
        RAISE EXCEPTION 'case % is registered with the number the month''s counter gives', NEW.number
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
"""

_OLD_REGISTERED = """
CREATE OR REPLACE FUNCTION casefile_case_registered() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_login := session_user;
    IF NOT casefile_is_admin() AND (
        NEW.created_by IS DISTINCT FROM casefile_my_name() OR NEW.updated_by IS DISTINCT FROM casefile_my_name()
    ) THEN
        RAISE EXCEPTION 'a case is registered in the name of the signed-in user, not %', NEW.created_by
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
"""

_FUNCTION_NAMES = (
    "casefile_note_damage(bigint, text, jsonb, text)",
    "casefile_clear_damage(bigint)",
    "casefile_next_serial(text)",
    "casefile_counter_caught_up(text)",
)
_TRIGGER_FUNCTIONS = ("casefile_counter_checked()",)


def _policies() -> str:
    statements = []
    for table in DERIVED:
        statements.append(f"DROP POLICY {_OLD_POLICIES[table]} ON {table}")
        statements.append(
            f"CREATE POLICY {table}_read ON {table} FOR SELECT TO {STAFF} USING (casefile_case_role(case_id) >= 1)"
        )
        statements.append(
            f"CREATE POLICY {table}_add ON {table} FOR INSERT TO {STAFF} WITH CHECK (casefile_case_role(case_id) >= 2)"
        )
        statements.append(
            f"CREATE POLICY {table}_change ON {table} FOR UPDATE TO {STAFF} "
            "USING (casefile_case_role(case_id) >= 2) WITH CHECK (casefile_case_role(case_id) >= 2)"
        )
        statements.append(
            f"CREATE POLICY {table}_remove ON {table} FOR DELETE TO {STAFF} USING (casefile_case_role(case_id) >= 2)"
        )
    statements += [
        f"DROP POLICY {_OLD_POLICIES['case_damage']} ON case_damage",
        f"REVOKE INSERT, UPDATE, DELETE ON case_damage FROM {STAFF}",
        f"GRANT SELECT ON case_damage TO {STAFF}",
        f"CREATE POLICY case_damage_read ON case_damage FOR SELECT TO {STAFF} USING (casefile_case_role(case_id) >= 1)",
        f"REVOKE INSERT, UPDATE, DELETE ON case_numbers FROM {STAFF}",
    ]
    return ";\n".join(statements)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    schema = _schema()
    op.execute(_FUNCTIONS.format(schema=schema, cleared=AUDIT_DAMAGE_CLEARED, moved=AUDIT_NUMBERS_MOVED))
    for name in _FUNCTION_NAMES:
        op.execute(f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {name} TO {STAFF}")
    for name in _TRIGGER_FUNCTIONS:
        op.execute(f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC")
    op.execute(_policies())


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in DERIVED:
        for suffix in ("read", "add", "change", "remove"):
            op.execute(f"DROP POLICY {table}_{suffix} ON {table}")
        op.execute(
            f"CREATE POLICY {_OLD_POLICIES[table]} ON {table} TO {STAFF} "
            "USING (casefile_case_role(case_id) >= 1) WITH CHECK (casefile_case_role(case_id) >= 1)"
        )
    op.execute("DROP POLICY case_damage_read ON case_damage")
    op.execute(
        f"CREATE POLICY case_damage_of_case ON case_damage TO {STAFF} "
        "USING (casefile_case_role(case_id) >= 1) WITH CHECK (casefile_case_role(case_id) >= 1)"
    )
    op.execute(f"GRANT INSERT, UPDATE, DELETE ON case_damage TO {STAFF}")
    op.execute(f"GRANT INSERT, UPDATE ON case_numbers TO {STAFF}")
    op.execute(_OLD_REGISTERED)
    op.execute("DROP TRIGGER casefile_counter_checked ON case_numbers")
    for name in (*_FUNCTION_NAMES, *_TRIGGER_FUNCTIONS):
        op.execute(f"DROP FUNCTION {name}")


def _schema() -> str:
    """The schema the catalogue's tables are in, quoted for SQL."""
    bind = op.get_bind()
    name = str(bind.execute(sa.text("SELECT current_schema()")).scalar_one())
    return bind.dialect.identifier_preparer.quote(name)
