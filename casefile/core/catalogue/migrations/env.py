"""Alembic's environment for the team catalogue: runs on the connection migrate() hands it.

Batch mode (``render_as_batch``): SQLite cannot ALTER most of a table, so a migration that changes
one rebuilds it there (copy, drop, rename), while PostgreSQL alters it in place.
"""

from __future__ import annotations

from alembic import context

from casefile.core.catalogue.models import Base
from casefile.core.catalogue.tables import in_models, on_dialect


def run() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_name=in_models,
        include_object=on_dialect(connection.dialect.name),
    )
    with context.begin_transaction():
        context.run_migrations()


# Alembic runs this file within migrate(); imported any other way (a tool walking the packages) it does nothing.
if hasattr(context, "config"):
    run()
