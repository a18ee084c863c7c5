"""The team catalogue: people and access, cases with their version, the custody log, the audit.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from casefile.core.catalogue.models import Id, Json
from casefile.core.index import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
    )
    op.create_table(
        "teams",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("organisation_id", Id, sa.ForeignKey("organisations.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.UniqueConstraint("organisation_id", "name"),
    )
    op.create_table(
        "users",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("login", sa.String(200), nullable=False, unique=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("organisation_id", Id, sa.ForeignKey("organisations.id", ondelete="SET NULL")),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "team_members",
        sa.Column("team_id", Id, sa.ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("user_id", Id, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_table(
        "case_numbers",
        sa.Column("month", sa.String(6), primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )
    op.create_table(
        "cases",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("number", sa.String(20), nullable=False, unique=True),
        sa.Column("month", sa.String(6), nullable=False),
        sa.Column("serial", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("stage", sa.String(40), nullable=False, index=True),
        sa.Column("record", Json, nullable=False),
        sa.Column("organisation_id", Id, sa.ForeignKey("organisations.id", ondelete="SET NULL")),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.UniqueConstraint("month", "serial"),
    )
    op.create_table(
        "custody_entries",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("case_id", Id, sa.ForeignKey("cases.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("line", sa.Text, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("prev", sa.String(64), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("operator", sa.Text, nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("case_id", "seq"),
    )
    op.create_table(
        "case_access",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("case_id", Id, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("user_id", Id, sa.ForeignKey("users.id", ondelete="CASCADE")),
        sa.Column("team_id", Id, sa.ForeignKey("teams.id", ondelete="CASCADE")),
        sa.Column("role", sa.String(20), nullable=False),
        sa.UniqueConstraint("case_id", "user_id", "team_id"),
        sa.CheckConstraint("(user_id IS NULL) <> (team_id IS NULL)", name="ck_case_access_one_grantee"),
    )
    op.create_index("ix_case_access_user", "case_access", ["user_id"])
    op.create_index("ix_case_access_team", "case_access", ["team_id"])
    op.create_table(
        "audit",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("at", UTCDateTime, nullable=False, index=True),
        sa.Column("user", sa.Text, nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("case_number", sa.String(20)),
        sa.Column("details", Json, nullable=False),
    )
    op.create_index("ix_audit_case_at", "audit", ["case_number", "at"])


def downgrade() -> None:
    for table in ("audit", "case_access", "custody_entries", "cases", "case_numbers", "team_members", "users"):
        op.drop_table(table)
    op.drop_table("teams")
    op.drop_table("organisations")
