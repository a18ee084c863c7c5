"""People: sign-in by database login, access per organisation, team and case, an audit nobody can rewrite.

On every engine: ``users.admin``, ``cases.created_login`` (who registered the case) and an
organisation as a grantee of ``case_access`` (exactly one of user, team, organisation).

On PostgreSQL the database itself enforces who sees and changes what, so the rules hold against a
user with a SQL client, not only against CaseFile:

- Each user signs in with their own login (a role with a password, in ``casefile_staff``);
  administrators' logins are also in ``casefile_admin``. The roles are cluster-wide, so they are
  made only when missing.
- Staff may read the tables, register cases, append custody entries and audit rows, and change
  only a case row's record columns; nobody but the catalogue's owner may UPDATE or DELETE a
  custody entry or an audit row (no such privilege is granted).
- Row-level security on ``cases``, ``custody_entries``, ``case_access`` and ``audit``: a staff
  login sees a case only when it was given access — to the user, to one of their teams or to
  their organisation — or as an administrator of the case's organisation. Writing needs "write";
  "read" allows the witness entries (verify, export) only, and changes nothing of the record but
  its custody head. Granting needs "manage"; the creator of a case claims "manage" on it in the
  registering transaction (the claim is allowed only on a case they registered that nobody has
  access to yet).
- Triggers fill in what a client could otherwise misstate: the audit's user (``session_user``)
  and time, the case's ``created_login``; a custody entry's columns must be the line's own fields,
  follow the case's head, and (for anyone but an administrator) name the signed-in user's display
  name as the operator.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from casefile.core.catalogue.models import ONE_GRANTEE, Id
from casefile.core.custody import GENESIS

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

STAFF = "casefile_staff"
ADMIN = "casefile_admin"
WITNESS_ACTIONS = ("verify", "export")  # what "read" access may append to a case's custody log

_ROLES = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{STAFF}') THEN
        CREATE ROLE {STAFF} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ADMIN}') THEN
        CREATE ROLE {ADMIN} NOLOGIN;
    END IF;
END $$
"""

_FUNCTIONS = """
CREATE FUNCTION casefile_is_owner() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT pg_has_role(session_user, c.relowner, 'MEMBER') FROM pg_class c WHERE c.oid = '{schema}.cases'::regclass
$$;

CREATE FUNCTION casefile_my_id() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT id FROM users WHERE login = session_user AND active
$$;

CREATE FUNCTION casefile_my_organisation() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT organisation_id FROM users WHERE login = session_user AND active
$$;

CREATE FUNCTION casefile_is_admin() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT casefile_is_owner() OR coalesce((SELECT admin FROM users WHERE login = session_user AND active), false)
$$;

CREATE FUNCTION casefile_my_name() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT display_name FROM users WHERE login = session_user AND active
$$;

-- Whether the signed-in login administers the people of an organisation (NULL: those of none, and
-- organisations themselves): the owner, an administrator of no organisation, or of that one.
CREATE FUNCTION casefile_administers(p_organisation bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT casefile_is_owner() OR coalesce((
        SELECT admin AND (organisation_id IS NULL OR organisation_id = p_organisation)
        FROM users WHERE login = session_user AND active
    ), false)
$$;

-- The signed-in login's access to a case: 0 none, 1 read, 2 write, 3 manage.
CREATE FUNCTION casefile_case_role(p_case bigint) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    me users%ROWTYPE;
    held integer;
BEGIN
    IF casefile_is_owner() THEN
        RETURN 3;
    END IF;
    SELECT * INTO me FROM users WHERE login = session_user AND active;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    IF me.admin AND (me.organisation_id IS NULL OR EXISTS (
        SELECT 1 FROM cases c
        WHERE c.id = p_case AND (c.organisation_id IS NULL OR c.organisation_id = me.organisation_id)
    )) THEN
        RETURN 3;
    END IF;
    SELECT max(CASE a.role WHEN 'read' THEN 1 WHEN 'write' THEN 2 WHEN 'manage' THEN 3 ELSE 0 END) INTO held
    FROM case_access a
    WHERE a.case_id = p_case
      AND (a.user_id = me.id
           OR a.organisation_id = me.organisation_id
           OR a.team_id IN (SELECT m.team_id FROM team_members m WHERE m.user_id = me.id));
    RETURN coalesce(held, 0);
END $$;

CREATE FUNCTION casefile_number_role(p_number text) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT coalesce((SELECT casefile_case_role(id) FROM cases WHERE number = p_number), 0)
$$;

-- The creator's claim of "manage" on the case they are registering: nobody has access to it yet.
CREATE FUNCTION casefile_may_claim(p_case bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM cases WHERE id = p_case AND created_login = session_user)
       AND NOT EXISTS (SELECT 1 FROM case_access WHERE case_id = p_case)
$$;

CREATE FUNCTION casefile_case_registered() RETURNS trigger
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

-- Database logins are made and disabled by the catalogue's owner on an administrator's behalf,
-- so administrators need no CREATEROLE (which on PostgreSQL 15 reaches every role of the server).
-- An administrator makes new logins only; only the owner makes an existing role a user.
CREATE FUNCTION casefile_create_login(p_login text, p_verifier text, p_admin boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
    IF NOT casefile_is_admin() THEN
        RAISE EXCEPTION 'permission denied: % is not an administrator of this catalogue', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = p_login) THEN
        IF p_verifier IS NULL THEN
            RAISE EXCEPTION 'the new login % needs a password', p_login USING ERRCODE = 'invalid_parameter_value';
        END IF;
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_verifier);
    ELSIF casefile_is_owner() AND NOT EXISTS (SELECT FROM pg_roles WHERE rolname = p_login AND rolsuper) THEN
        EXECUTE format('ALTER ROLE %I LOGIN', p_login);
        IF p_verifier IS NOT NULL THEN
            EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
        END IF;
    ELSE
        RAISE EXCEPTION 'permission denied: the login % exists already on this server', p_login
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    EXECUTE format('GRANT {staff} TO %I', p_login);
    IF p_admin THEN
        EXECUTE format('GRANT {admin} TO %I', p_login);
    END IF;
END $$;

CREATE FUNCTION casefile_disable_login(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM users WHERE login = p_login AND casefile_administers(organisation_id)) THEN
        RAISE EXCEPTION 'permission denied: % does not administer the user %', session_user, p_login
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = p_login AND NOT rolsuper) THEN
        EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
    END IF;
    UPDATE users SET active = false WHERE login = p_login;
END $$;

-- Without "write", a case row changes only by its custody head (a verify or export entry appended).
CREATE FUNCTION casefile_case_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.updated_by IS DISTINCT FROM OLD.updated_by AND NOT casefile_is_admin()
       AND NEW.updated_by IS DISTINCT FROM casefile_my_name() THEN
        RAISE EXCEPTION 'a case is changed in the name of the signed-in user, not %', NEW.updated_by
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF casefile_case_role(OLD.id) < 2 AND (
        NEW.title IS DISTINCT FROM OLD.title OR NEW.stage IS DISTINCT FROM OLD.stage
        OR NEW.version IS DISTINCT FROM OLD.version OR NEW.updated_at IS DISTINCT FROM OLD.updated_at
        OR NEW.updated_by IS DISTINCT FROM OLD.updated_by
        OR (NEW.record - 'custody_head' - 'revision') IS DISTINCT FROM (OLD.record - 'custody_head' - 'revision')
    ) THEN
        RAISE EXCEPTION 'permission denied: % may not change case %', session_user, OLD.number
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

-- A custody entry's columns are the line's own fields, it follows the case's head, and it names the
-- signed-in user as its operator (administrators move in logs that others wrote).
CREATE FUNCTION casefile_custody_appended() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    entry jsonb := NEW.line::jsonb;
    head_seq integer;
    head_hash text;
BEGIN
    IF casefile_is_owner() THEN
        RETURN NEW;
    END IF;
    IF (entry->>'seq')::integer IS DISTINCT FROM NEW.seq OR entry->>'hash' IS DISTINCT FROM NEW.hash
       OR entry->>'prev' IS DISTINCT FROM NEW.prev OR entry->>'action' IS DISTINCT FROM NEW.action
       OR entry->>'operator' IS DISTINCT FROM NEW.operator THEN
        RAISE EXCEPTION 'custody entry % of case % does not match its own line', NEW.seq, NEW.case_id
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT seq, hash INTO head_seq, head_hash FROM custody_entries
    WHERE case_id = NEW.case_id ORDER BY seq DESC LIMIT 1;
    IF NEW.seq IS DISTINCT FROM coalesce(head_seq, 0) + 1
       OR NEW.prev IS DISTINCT FROM coalesce(head_hash, '{genesis}') THEN
        RAISE EXCEPTION 'custody entry % of case % does not follow the head of its log', NEW.seq, NEW.case_id
            USING ERRCODE = 'check_violation';
    END IF;
    IF NOT casefile_is_admin() AND NEW.operator IS DISTINCT FROM casefile_my_name() THEN
        RAISE EXCEPTION 'the operator of a custody entry is the signed-in user, not %', NEW.operator
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION casefile_audited() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW."user" := session_user;
    NEW.at := now() AT TIME ZONE 'UTC';
    RETURN NEW;
END $$;

CREATE TRIGGER casefile_case_registered BEFORE INSERT ON cases
    FOR EACH ROW EXECUTE FUNCTION casefile_case_registered();
CREATE TRIGGER casefile_case_changed BEFORE UPDATE ON cases
    FOR EACH ROW EXECUTE FUNCTION casefile_case_changed();
CREATE TRIGGER casefile_custody_appended BEFORE INSERT ON custody_entries
    FOR EACH ROW EXECUTE FUNCTION casefile_custody_appended();
CREATE TRIGGER casefile_audited BEFORE INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION casefile_audited();
"""

_FUNCTION_NAMES = (  # the first nine are what policies and triggers call: staff may execute them
    "casefile_is_owner()",
    "casefile_my_id()",
    "casefile_my_organisation()",
    "casefile_is_admin()",
    "casefile_my_name()",
    "casefile_administers(bigint)",
    "casefile_case_role(bigint)",
    "casefile_number_role(text)",
    "casefile_may_claim(bigint)",
    "casefile_case_registered()",
    "casefile_create_login(text, text, boolean)",
    "casefile_disable_login(text)",
    "casefile_case_changed()",
    "casefile_custody_appended()",
    "casefile_audited()",
)

_POLICIES = f"""
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY cases_read ON cases FOR SELECT TO {STAFF} USING (casefile_case_role(id) >= 1);
CREATE POLICY cases_register ON cases FOR INSERT TO {STAFF}
    WITH CHECK (organisation_id IS NULL OR organisation_id = casefile_my_organisation());
CREATE POLICY cases_change ON cases FOR UPDATE TO {STAFF} USING (casefile_case_role(id) >= 1);

ALTER TABLE custody_entries ENABLE ROW LEVEL SECURITY;
CREATE POLICY custody_read ON custody_entries FOR SELECT TO {STAFF} USING (casefile_case_role(case_id) >= 1);
CREATE POLICY custody_append ON custody_entries FOR INSERT TO {STAFF} WITH CHECK (
    casefile_case_role(case_id) >= 2
    OR (casefile_case_role(case_id) >= 1 AND action IN ({", ".join(f"'{a}'" for a in WITNESS_ACTIONS)}))
);

ALTER TABLE case_access ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_read ON case_access FOR SELECT TO {STAFF} USING (casefile_case_role(case_id) >= 1);
CREATE POLICY access_grant ON case_access FOR INSERT TO {STAFF} WITH CHECK (
    casefile_case_role(case_id) >= 3
    OR (user_id = casefile_my_id() AND role = 'manage' AND casefile_may_claim(case_id))
);
CREATE POLICY access_change ON case_access FOR UPDATE TO {STAFF} USING (casefile_case_role(case_id) >= 3);
CREATE POLICY access_revoke ON case_access FOR DELETE TO {STAFF} USING (casefile_case_role(case_id) >= 3);

ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit FOR SELECT TO {STAFF} USING (
    "user" = session_user OR casefile_number_role(case_number) >= 3
    OR (case_number IS NULL AND casefile_is_admin())
);
CREATE POLICY audit_write ON audit FOR INSERT TO {STAFF} WITH CHECK (true);

-- Everyone sees the people; an administrator changes those of their organisation only.
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
CREATE POLICY organisations_read ON organisations FOR SELECT TO {STAFF} USING (true);
CREATE POLICY organisations_add ON organisations FOR INSERT TO {STAFF} WITH CHECK (casefile_administers(NULL));
ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
CREATE POLICY teams_read ON teams FOR SELECT TO {STAFF} USING (true);
CREATE POLICY teams_add ON teams FOR INSERT TO {STAFF} WITH CHECK (casefile_administers(organisation_id));
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_read ON users FOR SELECT TO {STAFF} USING (true);
CREATE POLICY users_add ON users FOR INSERT TO {STAFF} WITH CHECK (casefile_administers(organisation_id));
CREATE POLICY users_change ON users FOR UPDATE TO {STAFF}
    USING (casefile_administers(organisation_id)) WITH CHECK (casefile_administers(organisation_id));
ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_read ON team_members FOR SELECT TO {STAFF} USING (true);
CREATE POLICY members_add ON team_members FOR INSERT TO {STAFF} WITH CHECK (
    casefile_administers((SELECT organisation_id FROM teams WHERE id = team_id))
    AND casefile_administers((SELECT organisation_id FROM users WHERE id = user_id))
);
CREATE POLICY members_remove ON team_members FOR DELETE TO {STAFF} USING (
    casefile_administers((SELECT organisation_id FROM teams WHERE id = team_id))
);
"""

_POLICY_NAMES = {
    "cases": ("cases_read", "cases_register", "cases_change"),
    "custody_entries": ("custody_read", "custody_append"),
    "case_access": ("access_read", "access_grant", "access_change", "access_revoke"),
    "audit": ("audit_read", "audit_write"),
    "organisations": ("organisations_read", "organisations_add"),
    "teams": ("teams_read", "teams_add"),
    "users": ("users_read", "users_add", "users_change"),
    "team_members": ("members_read", "members_add", "members_remove"),
}

_GRANTS = f"""
GRANT USAGE ON SCHEMA {{schema}} TO {STAFF};
GRANT SELECT ON organisations, teams, users, team_members, case_numbers, cases, custody_entries, case_access, audit
    TO {STAFF};
GRANT INSERT, UPDATE ON case_numbers TO {STAFF};
GRANT INSERT ON cases, custody_entries, audit TO {STAFF};
GRANT UPDATE (record, title, stage, updated_at, updated_by, version) ON cases TO {STAFF};
GRANT INSERT, UPDATE, DELETE ON case_access TO {STAFF};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {{schema}} TO {STAFF};
GRANT EXECUTE ON FUNCTION {", ".join(_FUNCTION_NAMES[:9])} TO {STAFF};
GRANT EXECUTE ON FUNCTION casefile_create_login(text, text, boolean), casefile_disable_login(text) TO {ADMIN};
GRANT {STAFF} TO {ADMIN};
GRANT INSERT ON organisations, teams, users TO {ADMIN};
GRANT UPDATE (display_name, organisation_id, active, admin) ON users TO {ADMIN};
GRANT INSERT, DELETE ON team_members TO {ADMIN};
"""


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("admin", sa.Boolean, nullable=False, server_default=sa.false()))
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("created_login", sa.String(200)))
    with op.batch_alter_table("case_access") as batch:
        batch.add_column(sa.Column("organisation_id", Id))
        batch.create_foreign_key(
            "fk_case_access_organisation", "organisations", ["organisation_id"], ["id"], ondelete="CASCADE"
        )
        batch.drop_constraint("ck_case_access_one_grantee", type_="check")
        batch.create_check_constraint("ck_case_access_one_grantee", ONE_GRANTEE)
        batch.create_index("ix_case_access_organisation", ["organisation_id"])
    if op.get_bind().dialect.name != "postgresql":
        return
    schema = _schema()
    op.execute(_ROLES)
    op.execute(_FUNCTIONS.format(schema=schema, genesis=GENESIS, staff=STAFF, admin=ADMIN))
    for name in _FUNCTION_NAMES:
        op.execute(f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC")
    op.execute(_POLICIES)
    op.execute(_GRANTS.format(schema=schema))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        schema = _schema()
        for table, policies in _POLICY_NAMES.items():
            for policy in policies:
                op.execute(f"DROP POLICY {policy} ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for trigger, table in (
            ("casefile_case_registered", "cases"),
            ("casefile_case_changed", "cases"),
            ("casefile_custody_appended", "custody_entries"),
            ("casefile_audited", "audit"),
        ):
            op.execute(f"DROP TRIGGER {trigger} ON {table}")
        for name in reversed(_FUNCTION_NAMES):
            op.execute(f"DROP FUNCTION {name}")
        for role in (STAFF, ADMIN):  # the roles stay: they are the cluster's, other catalogues may use them
            op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}")
            op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {role}")
            op.execute(f"REVOKE ALL ON SCHEMA {schema} FROM {role}")
    with op.batch_alter_table("case_access") as batch:
        batch.drop_index("ix_case_access_organisation")
        batch.drop_constraint("fk_case_access_organisation", type_="foreignkey")
        batch.drop_constraint("ck_case_access_one_grantee", type_="check")
        batch.create_check_constraint("ck_case_access_one_grantee", "(user_id IS NULL) <> (team_id IS NULL)")
        batch.drop_column("organisation_id")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("created_login")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("admin")


def _schema() -> str:
    """The schema the catalogue's tables are in, quoted for SQL."""
    bind = op.get_bind()
    name = str(bind.execute(sa.text("SELECT current_schema()")).scalar_one())
    return bind.dialect.identifier_preparer.quote(name)
