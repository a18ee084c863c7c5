"""A timeline event says who spoke to whom; the limitation note is kept as a message: ``review_clocks.note``.

An event's direction (我方→对方, 对方→我方) tells the limitation period our demand to the obligor and its agreeing
to perform, which interrupt it (民法典 art. 195), from its refusal, which does not; the seven-day return is used
only by our request, not by the seller's message naming the return; the response promise is not met by the
complainant's own message (casefile.core.workflow.limitation, casefile.core.workflow.due). The limitation note is
kept beside its English text as a message the app says in its language. The column is added (0003 makes it for a
catalogue created since; a downgrade keeps it) and every case's rows are written again by the current rule.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from casefile.core.catalogue.tables import write_every_case_tables

    connection = op.get_bind()
    if "note" not in {c["name"] for c in sa.inspect(connection).get_columns("review_clocks")}:
        op.add_column("review_clocks", sa.Column("note", sa.Text(), nullable=False, server_default=""))
    write_every_case_tables(connection)


def downgrade() -> None:
    """Nothing to undo: the column stays (the earlier revisions that write every case's rows again write the rows
    the current code makes, the note included), and the rows stay as the newer rule wrote them."""
