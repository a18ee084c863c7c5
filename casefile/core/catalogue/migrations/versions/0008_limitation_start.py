"""The limitation period starts on the earliest day the record holds, as the packets print it.

``civil.limitation`` used to run from the complaint, the timeline and the discovery of a parcel's exception;
it now runs from the earliest of every day the record holds — the purchase, the receipt, the shipment's days,
the fault, the timeline, the complaint (casefile.core.workflow.limitation) — the start the packets' notes give.
Every case's review rows are written again by the current rule, as a change to the case writes them.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from casefile.core.catalogue.tables import write_every_case_tables

    write_every_case_tables(op.get_bind())


def downgrade() -> None:
    """Nothing to undo: the rows stay as the newer rule wrote them."""
