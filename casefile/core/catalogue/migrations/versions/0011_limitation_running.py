"""An interruption counts only while the limitation period is still running.

``civil.limitation`` ran afresh from the last call, chat, visit, e-mail, proposal or confirmation with the
respondent, however long after the period had run, and a withdrawn suit or one dismissed by ruling used the period
for good. Now interruptions are walked in date order, each counting only before the end of the period then running;
only a complaint lodged with the obligor or a body, the complainant's proposal or a proceeding counts (the other
contacts are named as possible interruptions); a day recorded after the complaint counts from the complaint; a
suit withdrawn (撤诉) or dismissed by ruling (驳回起诉) leaves the period running afresh from its end
(casefile.core.workflow.limitation, casefile.core.workflow.due). Every case's review rows are written again by the
current rule.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from casefile.core.catalogue.tables import write_every_case_tables

    write_every_case_tables(op.get_bind())


def downgrade() -> None:
    """Nothing to undo: the rows stay as the newer rule wrote them."""
