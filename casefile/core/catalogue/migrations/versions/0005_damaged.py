"""A case found damaged: every member's agenda and case list say so, as a single-user library's do.

``case_damage`` holds, for a case a member's CaseFile found damaged (its custody log or record not
as recorded), why (as text, and as the message to translate), who found it and when; the row goes
when the case verifies or is repaired again. The case's row and its version are not touched, so
nobody's edit is refused for it.

On PostgreSQL signed-in users note and clear the damage of the cases they may read: a reader's
verification finds damage as a writer's does.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from casefile.core.catalogue.models import Id, Json
from casefile.core.index import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_damage",
        sa.Column("case_id", Id, sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("message", Json, nullable=False),
        sa.Column("found_by", sa.Text, nullable=False),
        sa.Column("found_at", UTCDateTime, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_ACCESS)


# Signed-in users (0002's roles) see, note and clear the damage of the cases they may read only.
_ACCESS = """
GRANT SELECT, INSERT, UPDATE, DELETE ON case_damage TO casefile_staff;
ALTER TABLE case_damage ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_damage_of_case ON case_damage TO casefile_staff
    USING (casefile_case_role(case_id) >= 1) WITH CHECK (casefile_case_role(case_id) >= 1);
"""


def downgrade() -> None:
    op.drop_table("case_damage")
