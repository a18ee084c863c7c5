"""The seven-day return follows where the goods were bought, is used only by a request to the seller, and is no
business buyer's.

``consumer.no-reason-return`` ran when the complaint came by an online channel, even in a law firm's library
(where the channel is how the client reached the firm) or for a platform naming a physical shop; it was marked
used by any event mentioning 退货; it ran for an organisation buying stock. Now a platform naming a shop (门店,
专卖店, a mall's 旗舰店) runs no clock, the channel tells only in a store's own cases, a record that does not say runs
the consumer side's clock with the reference 是否网购未记录, the right is used only by a request to the respondent,
and an organisation complainant runs none (casefile.core.workflow.due). Every case's review rows are written again
by the current rule.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from casefile.core.catalogue.tables import write_every_case_tables

    write_every_case_tables(op.get_bind())


def downgrade() -> None:
    """Nothing to undo: the rows stay as the newer rule wrote them."""
