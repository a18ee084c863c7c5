"""Alembic migrations of the team catalogue (run by :func:`casefile.core.catalogue.migrate`)."""
