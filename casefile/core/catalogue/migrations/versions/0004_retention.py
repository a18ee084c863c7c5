"""Retention of evidence: the team's policy (how long after a case's closing it is kept), and the plan last
applied to each case's objects in the evidence store.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from casefile.core.catalogue.models import Id, Json
from casefile.core.index import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_settings",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("value", Json, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
    )
    op.create_table(
        "case_retention",
        sa.Column("case_id", Id, sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("until", UTCDateTime, nullable=False),
        sa.Column("legal_hold", sa.Boolean, nullable=False),
        sa.Column("closed_at", UTCDateTime),
        sa.Column("applied_at", UTCDateTime, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_ACCESS)


# Signed-in users (0002's roles) read the team's policy, which only an administrator sets, and keep the
# plan of the cases they may read current after their changes; they see no other case's plan.
_ACCESS = """
GRANT SELECT ON team_settings TO casefile_staff;
GRANT INSERT, UPDATE ON team_settings TO casefile_admin;
GRANT SELECT, INSERT, UPDATE ON case_retention TO casefile_staff;
ALTER TABLE case_retention ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_retention_of_case ON case_retention TO casefile_staff
    USING (casefile_case_role(case_id) >= 1) WITH CHECK (casefile_case_role(case_id) >= 1);
"""


def downgrade() -> None:
    op.drop_table("case_retention")
    op.drop_table("team_settings")
