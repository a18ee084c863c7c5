"""The enforcement period is the payee's right; the 12305 year runs in our side's own parcel case.

``court.enforcement`` ran whoever was ordered to pay. Now it runs only when our side is owed (or the side is not
known); ordered to pay, our side's deadline is the day to pay by (``court.performance``, overdue once passed
unpaid). ``postal.appeal`` ran only once a claim was lodged with the courier; in a parcel case where our side is
the sender claiming it runs from the shipping day at once, and its reference says not to wait for a courier's
reply due after the year's safe day. A contact whose summary reads as the complainant chasing us (催, 来电,
发来…) no longer meets the response promise (casefile.core.workflow.due). Every case's review rows are written
again by the current rule.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from casefile.core.catalogue.tables import write_every_case_tables

    write_every_case_tables(op.get_bind())


def downgrade() -> None:
    """Nothing to undo: the rows stay as the newer rule wrote them."""
