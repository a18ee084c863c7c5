"""The limitation period starts on the earliest day the record holds, as the packets print it.

``civil.limitation`` used to run from the complaint, the timeline and the discovery of a parcel's exception;
it now runs from the earliest of every day the record holds — the purchase, the receipt, the shipment's days,
the fault, the timeline, the complaint (casefile.core.workflow.limitation) — the start the packets' notes give.
Every case's review rows are written again by the current rule, as a change to the case writes them.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from casefile.core.catalogue.models import Id, Json

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from casefile.core.catalogue.tables import write_case_tables
    from casefile.core.model import case_from_data

    connection = op.get_bind()
    cases = sa.table("cases", sa.column("id", Id), sa.column("record", Json))
    with Session(bind=connection) as session:
        for case_id, record in connection.execute(sa.select(cases.c.id, cases.c.record).order_by(cases.c.id)):
            write_case_tables(session, int(case_id), case_from_data(record))
        session.flush()


def downgrade() -> None:
    """Nothing to undo: the rows stay as the newer rule wrote them."""
