"""The team catalogue's tables: one set of SQLAlchemy models for PostgreSQL (team) and SQLite.

Unlike the solo index (casefile.core.index), which can be rebuilt from the case folders, the
catalogue is where a team library's cases live: the case record, its custody log, who may see it
and who read or exported it. Every table is created by the migrations (casefile/core/catalogue/
migrations), never by ``create_all``.

- ``case_numbers``: one counter row per month (YYYYMM); a case number is taken by incrementing it
  in the transaction that inserts the case, so numbers are unique and without gaps (on PostgreSQL
  only through the catalogue's function, migration 0006).
- ``case_damage``: a case a member found damaged (migration 0005); on PostgreSQL written only through
  the catalogue's functions: noted by a verification, removed by one that finds the case whole.
- ``cases``: the record as JSON (``casefile.core.model.case_to_data``), a few columns to list and
  filter by, and ``version`` (SQLAlchemy's ``version_id_col``): a write based on an older version
  is refused (casefile.core.errors.ConflictError).
- ``custody_entries``: the custody log, one row an entry, in CaseFile's own entry format
  (casefile.core.custody): ``line`` is the entry exactly as a case folder's CUSTODY.jsonl holds
  it, so the log can be written out to a case folder that verifies without CaseFile.
- ``organisations``, ``teams``, ``team_members``, ``users``, ``case_access``: people and access.
- ``audit``: who read or exported what, and when.
- ``review_cases``, ``review_clocks``: the review's facts and the clocks of each case, the solo
  index's rows (the same columns and the same code make them), kept current by every write to a case.
- ``search_docs``: the texts to search (a case's fields, an exhibit's texts) with their tokens, a
  GIN-indexed tsvector on PostgreSQL, an FTS5 table beside it on SQLite (casefile.core.catalogue.tables).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

from casefile.core.index import ReviewCaseColumns, ReviewClockColumns, UTCDateTime
from casefile.core.search.tokenize import pg_tsvector

# JSONB on PostgreSQL (indexable, compact), JSON text on SQLite.
Json = JSON().with_variant(JSONB(), "postgresql")
# Identifiers: 64-bit on PostgreSQL; SQLite's INTEGER PRIMARY KEY is its rowid only when spelled INTEGER.
Id = BigInteger().with_variant(Integer(), "sqlite")


# A grant names exactly one grantee: a user, a team or an organisation (PEOPLE, 0002).
ONE_GRANTEE = (
    "(CASE WHEN user_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN team_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN organisation_id IS NULL THEN 0 ELSE 1 END) = 1"
)


class Base(DeclarativeBase):
    pass


class Organisation(Base):
    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text, unique=True)


class Team(Base):
    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("organisation_id", "name"),)
    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    login: Mapped[str] = mapped_column(String(200), unique=True)
    display_name: Mapped[str] = mapped_column(Text)  # the operator in the custody log
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # PEOPLE (0002): an administrator manages users and grants, and sees their organisation's cases
    # (every case when they belong to none); on PostgreSQL their login is in the role casefile_admin.
    admin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class TeamMember(Base):
    __tablename__ = "team_members"
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)


class CaseNumberCounter(Base):
    """The last serial given in a month: the row is locked by the increment until the case is committed."""

    __tablename__ = "case_numbers"
    month: Mapped[str] = mapped_column(String(6), primary_key=True)  # YYYYMM
    last: Mapped[int] = mapped_column(Integer)


class CaseRecord(Base):
    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("month", "serial"),)
    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # YYYYMM-NNN
    month: Mapped[str] = mapped_column(String(6))
    serial: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(String(40), index=True)
    record: Mapped[dict[str, Any]] = mapped_column(Json)  # casefile.core.model.case_to_data
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(Text)
    # PEOPLE (0002): the login that registered the case (PostgreSQL: session_user, set by a trigger).
    created_login: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(Text)  # who wrote the version in the row: named in a conflict
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}


class CustodyEntryRow(Base):
    __tablename__ = "custody_entries"
    __table_args__ = (UniqueConstraint("case_id", "seq"),)
    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"))
    seq: Mapped[int] = mapped_column(Integer)
    # The entry's JSON line as CUSTODY.jsonl holds it (sorted keys, no spaces, UTF-8): kept as text,
    # byte for byte, so its hash is re-computed from exactly what was hashed.
    line: Mapped[str] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64))
    prev: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    operator: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class CaseAccess(Base):
    """A user's, a team's or an organisation's access to one case (``role``: read, write or manage)."""

    __tablename__ = "case_access"
    __table_args__ = (
        UniqueConstraint("case_id", "user_id", "team_id"),
        CheckConstraint(ONE_GRANTEE, name="ck_case_access_one_grantee"),
        Index("ix_case_access_user", "user_id"),
        Index("ix_case_access_team", "team_id"),
        Index("ix_case_access_organisation", "organisation_id"),
    )
    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))  # 0002
    role: Mapped[str] = mapped_column(String(20))


class AuditRow(Base):
    """Who read or exported what (a case, an exhibit, a bundle), and when: appended, never changed."""

    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_case_at", "case_number", "at"),)
    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    user: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(40))  # read, export, ...
    case_number: Mapped[str | None] = mapped_column(String(20))
    details: Mapped[dict[str, Any]] = mapped_column(Json)


# --- TABLES (issue 16): each case's clocks, the review's facts and the texts to search -------------
# Written in the transaction that writes the case (casefile.core.catalogue.tables.write_case_tables),
# from the same rows as the solo index's (casefile.core.index.review_rows, the same column mixins).


class CaseFactsRow(ReviewCaseColumns, Base):
    """The periodic review's facts about a case, as the solo index's ``review_cases``."""

    __tablename__ = "review_cases"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    case_number: Mapped[str] = mapped_column(String(20), unique=True)


class CaseClockRow(ReviewClockColumns, Base):
    """A clock a case's record starts, as the solo index's ``review_clocks`` (the agenda and the review)."""

    __tablename__ = "review_clocks"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_number: Mapped[str] = mapped_column(String(20))


class SearchTokens(TypeDecorator[str]):
    """A text's search tokens (casefile.core.search.tokenize.index_tokens, space-separated).

    On PostgreSQL a ``tsvector`` of exactly those tokens at their positions (tokenize.pg_tsvector:
    nothing re-parsed by the server); on SQLite the tokens as text, which the FTS5 table
    ``search_fts`` indexes (triggers made by migration 0003 keep it current).
    """

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        return dialect.type_descriptor(TSVECTOR() if dialect.name == "postgresql" else Text())

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or dialect.name != "postgresql":
            return value
        return pg_tsvector(value)


class SearchDocRow(Base):
    """A text to search (casefile.core.search.store.Doc): a case's field, or a text of an exhibit.

    A long text is kept in parts (``part``; a tsvector's positions stop at 16,383), found as one.
    ``seq`` numbers the texts of one kind of a case's fields or of one exhibit.
    """

    __tablename__ = "search_docs"
    __table_args__ = (
        Index("ix_search_docs_case", "case_id", "exhibit", "kind"),
        Index("ix_search_docs_sha256", "sha256"),
        Index("ix_search_docs_tokens", "tokens", postgresql_using="gin").ddl_if(dialect="postgresql"),
    )
    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    exhibit: Mapped[int | None] = mapped_column(Integer)  # None: the case's own fields
    sha256: Mapped[str | None] = mapped_column(String(64))  # the exhibit's file
    kind: Mapped[str] = mapped_column(String(20))  # casefile.core.search.KINDS
    field: Mapped[str] = mapped_column(Text)  # the case field's name, or the exhibit's file name
    seq: Mapped[int] = mapped_column(Integer)
    part: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)  # 1-based, for PDF pages
    at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the evidence's time (case fields: the complaint's)
    text: Mapped[str] = mapped_column(Text)
    tokens: Mapped[str] = mapped_column(SearchTokens)


# -- Retention (issue 16 point 2): team-wide settings ----------------------------------------------


class TeamSetting(Base):
    """A setting the whole team shares (the retention policy of evidence): its value, who set it and when."""

    __tablename__ = "team_settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(Json)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(Text)


class CaseRetention(Base):
    """The retention plan last applied to all of a case's objects in the evidence store (a change to the case
    that leaves its plan as it was needs only its new objects brought up to it)."""

    __tablename__ = "case_retention"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    until: Mapped[datetime] = mapped_column(UTCDateTime)  # every object retained until then at least
    legal_hold: Mapped[bool] = mapped_column(Boolean)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # None: planned while the case was open
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime)


# -- Damage (0005): a case a member's CaseFile found damaged ----------------------------------------


class CaseDamage(Base):
    """A case a member's CaseFile found damaged (its custody log or record not as recorded): what a
    single-user library's index notes of a quarantined case, for every member's agenda and case list.
    The row goes when the case verifies (or is repaired) again."""

    __tablename__ = "case_damage"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)  # why, as the solo index's ``cases.damaged`` says it
    message: Mapped[Any] = mapped_column(Json)  # the same as a message to translate (errors.message_to_data)
    found_by: Mapped[str] = mapped_column(Text)  # the operator whose CaseFile found it
    found_at: Mapped[datetime] = mapped_column(UTCDateTime)
