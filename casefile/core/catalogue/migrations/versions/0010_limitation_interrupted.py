"""The limitation period runs to three years from the latest start the record makes plausible.

``civil.limitation`` ran out three years after the earliest day the record holds, a timeline note included. Now a
note starts nothing; the earliest start gives the safe day (act_by_at) and the period runs (due_at) from the latest
recorded day the harm can have been learnt, or afresh from a demand to the obligor or a claim lodged with a body
(民法典 arts. 188, 195); a store's case (our side the respondent) runs no limitation clock of its own; the clock's
reference says what it is counted from and whether its safe start can be true
(casefile.core.workflow.limitation). Every case's review rows are written again by the current rule.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from casefile.core.catalogue.tables import write_every_case_tables

    write_every_case_tables(op.get_bind())


def downgrade() -> None:
    """Nothing to undo: the rows stay as the newer rule wrote them."""
