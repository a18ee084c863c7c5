"""A damage note goes only with a clean verification by a member who may change the case.

Until now read access was enough to clear a note: ``casefile_clear_damage`` (0006) checked that the
case's custody head was a verification with the result "ok", appended in the same transaction by the
signed-in user. But a reader may append a verification by plain SQL (the witness entries are theirs,
0002) with whatever result it claims, so a reader could clear any note without verifying anything.

Now only a member with "write" on the case (or an administrator of it, or the owner) clears a note, with
that same verification, through the function; a reader still verifies and notes damage (through
``casefile_note_damage``), and a reader's clean verification is recorded in the custody log but leaves
the note for a member who may clear it. On SQLite (one machine) :meth:`Catalogue.clear_damage` applies
the same rule.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

AUDIT_DAMAGE_CLEARED = "damage-cleared"

_CLEAR = """
-- The damage note of case p_case removed, because a verification found the case whole: the signed-in
-- user may change the case ("write", an administrator of it, the owner), and the case's custody head is
-- a verification with the result "ok", appended in this very transaction by them (an administrator's by
-- any operator). The removal is audited with what the note said.
CREATE OR REPLACE FUNCTION casefile_clear_damage(p_case bigint) RETURNS boolean
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
    IF {check_role}casefile_case_role(p_case) < 2 THEN
        RAISE EXCEPTION 'permission denied: the damage noted on case % is cleared only by a member who may '
            'change it', (SELECT number FROM cases WHERE id = p_case)
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
"""


def _function(*, writers_only: bool) -> str:
    # Downgraded, the role check is there but always passes (0006's rule: read access is enough).
    return _CLEAR.format(
        schema=_schema(), cleared=AUDIT_DAMAGE_CLEARED, check_role="" if writers_only else "false AND "
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_function(writers_only=True))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_function(writers_only=False))


def _schema() -> str:
    """The schema the catalogue's tables are in, quoted for SQL."""
    bind = op.get_bind()
    name = str(bind.execute(sa.text("SELECT current_schema()")).scalar_one())
    return bind.dialect.identifier_preparer.quote(name)
