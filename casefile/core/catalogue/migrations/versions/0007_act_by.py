"""Every deadline ends on the law's last day; our user's also keep their safe day: ``review_clocks.act_by_at``.

Every day-counted deadline's ``due_at`` is now the law's (its last day moved past rest days, 民法典 art. 203,
民事诉讼法 art. 85, whoever must act); a deadline our user must meet (an appeal, the limitation period) also
keeps the end of its unmoved calendar day, the safe day the agenda lists and sorts it by. The column is added
(0003 makes it for a catalogue created since) and every case's rows are written again by the current rule, as
a change to the case writes them.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from casefile.core.index import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    if "act_by_at" not in {c["name"] for c in sa.inspect(connection).get_columns("review_clocks")}:
        op.add_column("review_clocks", sa.Column("act_by_at", UTCDateTime, nullable=True))
    _refill()


def _refill() -> None:
    """Every case's rows, written again from its record by the current rule."""
    from casefile.core.catalogue.tables import write_every_case_tables

    write_every_case_tables(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("review_clocks") as batch:
        batch.drop_column("act_by_at")
