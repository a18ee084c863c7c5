"""Each case's clocks, the review's facts and the texts to search; filled from the cases already stored.

On PostgreSQL the texts' tokens are a tsvector with a GIN index; on SQLite an FTS5 table over them,
kept current by triggers on ``search_docs``. The rows of the cases in the catalogue are made by the
code that writes them with every change (casefile.core.catalogue.tables.write_case_tables), so an
upgraded team library lists its deadlines and is searchable at once. (An exhibit's texts come from
the clients that read its file, as they index them.)

Revision ID: 0003
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from casefile.core.catalogue.models import Id, SearchTokens
from casefile.core.index import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_FTS = (
    # External content: the tokens are search_docs.tokens; FTS5 keeps only its index of them.
    "CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='search_docs', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0', prefix='1')",
    "CREATE TRIGGER search_docs_added AFTER INSERT ON search_docs BEGIN "
    "INSERT INTO search_fts (rowid, tokens) VALUES (new.id, new.tokens); END",
    "CREATE TRIGGER search_docs_removed AFTER DELETE ON search_docs BEGIN "
    "INSERT INTO search_fts (search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); END",
    "CREATE TRIGGER search_docs_changed AFTER UPDATE OF tokens ON search_docs BEGIN "
    "INSERT INTO search_fts (search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); "
    "INSERT INTO search_fts (rowid, tokens) VALUES (new.id, new.tokens); END",
)


def _case_id(*, primary_key: bool) -> sa.Column[int]:
    return sa.Column(
        "case_id", Id, sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=primary_key, nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "review_cases",
        _case_id(primary_key=True),
        sa.Column("case_number", sa.String(20), nullable=False, unique=True),
        sa.Column("received_at", UTCDateTime, nullable=False, index=True),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("channel", sa.String, nullable=False),
        sa.Column("priority", sa.String, nullable=False),
        sa.Column("responsibility", sa.String, nullable=False),
        sa.Column("respondent", sa.Text, nullable=False),
        sa.Column("complainant", sa.Text, nullable=False),
        sa.Column("operator", sa.Text, nullable=False),
        sa.Column("closed_at", UTCDateTime, index=True),
        sa.Column("closing_result", sa.String, nullable=False),
        sa.Column("satisfaction", sa.Integer),
        sa.Column("days_to_close", sa.Float),
        sa.Column("working_days_to_close", sa.Integer),
        *(
            sa.Column(name, sa.Boolean, nullable=False)
            for name in (
                "reached_negotiation",
                "reached_mediation",
                "reached_agency",
                "reached_litigation",
                "reached_execution",
                "mediation_decided",
                "mediation_agreed",
            )
        ),
        sa.Column("outcome_kind", sa.String, nullable=False),
        *(
            sa.Column(name, sa.Integer, nullable=False)
            for name in (
                "outcome_fen",
                "paid_fen",
                "recovered_fen",
                "courier_claims",
                "courier_recovered_fen",
                "evidence_expected",
                "evidence_present",
            )
        ),
    )
    op.create_table(
        "review_clocks",
        _case_id(primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True, nullable=False),
        sa.Column("case_number", sa.String(20), nullable=False),
        sa.Column("key", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("started_at", UTCDateTime, nullable=False),
        sa.Column("due_at", UTCDateTime, nullable=False, index=True),
        sa.Column("met_at", UTCDateTime),
        sa.Column("stopped_at", UTCDateTime),
        sa.Column("ref", sa.Text, nullable=False),
        sa.Column("last_day", sa.String, nullable=False),
        sa.Column("rolled_from", sa.String, nullable=False),
        sa.Column("provisional", sa.Boolean, nullable=False),
        sa.Column("paused", sa.Boolean, nullable=False),
        # 0006's column, made here too: _fill writes the clock rows the current code makes
        sa.Column("act_by_at", UTCDateTime, nullable=True),
        sa.Column("note", sa.Text, nullable=False, server_default=""),  # 0014's column, made here for the same
    )
    op.create_table(
        "search_docs",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        _case_id(primary_key=False),
        sa.Column("exhibit", sa.Integer),
        sa.Column("sha256", sa.String(64)),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("part", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer),
        sa.Column("at", UTCDateTime),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("tokens", SearchTokens, nullable=False),
    )
    op.create_index("ix_search_docs_case", "search_docs", ["case_id", "exhibit", "kind"])
    op.create_index("ix_search_docs_sha256", "search_docs", ["sha256"])
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_search_docs_tokens", "search_docs", ["tokens"], postgresql_using="gin")
        schema = op.get_bind().execute(sa.text("SELECT current_schema()")).scalar_one()
        op.execute(_ACCESS.format(schema=schema))
    else:
        for statement in _FTS:
            op.execute(statement)
    _fill()


# Signed-in users (0002's casefile_staff) keep these rows current with every change they may make to a
# case, and see them only for the cases they may read: the same rule as the case row itself, so a
# search or the review never shows a text or a deadline of a case the user was not given.
_ACCESS = """
GRANT SELECT, INSERT, UPDATE, DELETE ON review_cases, review_clocks, search_docs TO casefile_staff;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO casefile_staff;
ALTER TABLE review_cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY review_cases_of_case ON review_cases TO casefile_staff
    USING (casefile_case_role(case_id) >= 1) WITH CHECK (casefile_case_role(case_id) >= 1);
ALTER TABLE review_clocks ENABLE ROW LEVEL SECURITY;
CREATE POLICY review_clocks_of_case ON review_clocks TO casefile_staff
    USING (casefile_case_role(case_id) >= 1) WITH CHECK (casefile_case_role(case_id) >= 1);
ALTER TABLE search_docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY search_docs_of_case ON search_docs TO casefile_staff
    USING (casefile_case_role(case_id) >= 1) WITH CHECK (casefile_case_role(case_id) >= 1);
"""


def _fill() -> None:
    """The rows of every case stored, written as a change to the case writes them."""
    from casefile.core.catalogue.tables import write_every_case_tables

    write_every_case_tables(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for trigger in ("search_docs_added", "search_docs_removed", "search_docs_changed"):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute("DROP TABLE search_fts")
    for name in ("search_docs", "review_clocks", "review_cases"):
        op.drop_table(name)
