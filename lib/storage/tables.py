"""SQLAlchemy Core tables. Only ``lib.storage`` imports this module.

Every row carries ``owner`` (the workspace it belongs to) and every repository query filters on it.
Persisted domain objects also carry ``version`` (optimistic concurrency) and ``request_id`` (idempotent
creates: a double-submitted form inserts once). The Alembic migrations in ``migrations/versions`` create
exactly these tables; ``tests/lib/storage/test_migrations.py`` checks that the two agree.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

OWNER_LEN = 120


def _owner() -> sa.Column:
    return sa.Column("owner", sa.String(OWNER_LEN), sa.ForeignKey("workspaces.owner", ondelete="CASCADE"),
                     nullable=False, index=True)


def _common() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _owner(),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("request_id", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def _interview_fk(nullable: bool = False) -> sa.Column:
    return sa.Column("interview_id", sa.Integer, sa.ForeignKey("interviews.id", ondelete="CASCADE"),
                     nullable=nullable, index=True)


workspaces = sa.Table(
    "workspaces", metadata,
    sa.Column("owner", sa.String(OWNER_LEN), primary_key=True),
    sa.Column("display_name", sa.String(200), nullable=False, server_default=""),
    sa.Column("is_demo", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("data_version", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

evidence = sa.Table(
    "evidence", metadata, *_common(),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("body", sa.Text, nullable=False, server_default=""),
    sa.Column("situation", sa.Text, nullable=False, server_default=""),
    sa.Column("task", sa.Text, nullable=False, server_default=""),
    sa.Column("action", sa.Text, nullable=False, server_default=""),
    sa.Column("result", sa.Text, nullable=False, server_default=""),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Column("competencies", sa.JSON, nullable=False),
    sa.Column("started_on", sa.Date, nullable=True),
    sa.Column("ended_on", sa.Date, nullable=True),
    sa.Column("source", sa.String(200), nullable=False, server_default="typed"),
    sa.UniqueConstraint("owner", "request_id", name="uq_evidence_owner_request"),
)

interviews = sa.Table(
    "interviews", metadata, *_common(),
    sa.Column("company", sa.String(200), nullable=False),
    sa.Column("role", sa.String(200), nullable=False),
    sa.Column("interview_date", sa.Date, nullable=False),
    sa.Column("furthest_stage", sa.String(20), nullable=False),
    sa.Column("stages", sa.JSON, nullable=False),
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("decided_on", sa.Date, nullable=True),
    sa.Column("jd_text", sa.Text, nullable=False, server_default=""),
    sa.Column("interviewers", sa.JSON, nullable=False),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("appraisal", sa.Text, nullable=False, server_default=""),
    sa.UniqueConstraint("owner", "request_id", name="uq_interviews_owner_request"),
)

script_items = sa.Table(
    "script_items", metadata, *_common(), _interview_fk(),
    sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("answer", sa.Text, nullable=False, server_default=""),
    sa.Column("rating", sa.Integer, nullable=True),
    sa.Column("went_right", sa.Text, nullable=False, server_default=""),
    sa.Column("went_wrong", sa.Text, nullable=False, server_default=""),
    sa.Column("next_time", sa.Text, nullable=False, server_default=""),
    sa.Column("competencies", sa.JSON, nullable=False),
    sa.UniqueConstraint("owner", "request_id", name="uq_script_items_owner_request"),
)

# ---- added by revision 0002: scoring, feedback loop, sharing

overrides = sa.Table(
    "requirement_overrides", metadata, *_common(), _interview_fk(),
    sa.Column("req_key", sa.String(64), nullable=False),
    sa.Column("kind", sa.String(20), nullable=True),
    sa.Column("competency", sa.String(60), nullable=True),
    sa.Column("ignored", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("excluded_evidence", sa.JSON, nullable=False),
    sa.UniqueConstraint("owner", "interview_id", "req_key", name="uq_overrides_owner_interview_key"),
    sa.UniqueConstraint("owner", "request_id", name="uq_overrides_owner_request"),
)

evidence_vectors = sa.Table(
    "evidence_vectors", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _owner(),
    sa.Column("evidence_id", sa.Integer, sa.ForeignKey("evidence.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("evidence_version", sa.Integer, nullable=False),
    sa.Column("model_id", sa.String(80), nullable=False),
    sa.Column("unit_index", sa.Integer, nullable=False),
    sa.Column("unit_text", sa.Text, nullable=False),
    sa.Column("vector", sa.LargeBinary, nullable=False),
    sa.UniqueConstraint("evidence_id", "model_id", "unit_index", name="uq_vectors_evidence_model_unit"),
)

contacts = sa.Table(
    "contacts", metadata, *_common(), _interview_fk(),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(200), nullable=False, server_default=""),
    sa.Column("email", sa.String(200), nullable=False, server_default=""),
    sa.Column("phone", sa.String(200), nullable=False, server_default=""),
    sa.UniqueConstraint("owner", "request_id", name="uq_contacts_owner_request"),
)

attempts = sa.Table(
    "contact_attempts", metadata, *_common(), _interview_fk(),
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="SET NULL"), nullable=True),
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("channel", sa.String(20), nullable=False),
    sa.Column("direction", sa.String(20), nullable=False),
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("summary", sa.Text, nullable=False, server_default=""),
    sa.UniqueConstraint("owner", "request_id", name="uq_attempts_owner_request"),
)

feedback = sa.Table(
    "feedback_items", metadata, *_common(), _interview_fk(),
    sa.Column("wording", sa.Text, nullable=False),
    sa.Column("source", sa.String(20), nullable=False),
    sa.Column("competency", sa.String(60), nullable=True),
    sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    sa.UniqueConstraint("owner", "request_id", name="uq_feedback_owner_request"),
)

case_points = sa.Table(
    "case_points", metadata, *_common(), _interview_fk(),
    sa.Column("feedback_id", sa.Integer, sa.ForeignKey("feedback_items.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("paragraph", sa.Text, nullable=False, server_default=""),
    sa.Column("evidence_ids", sa.JSON, nullable=False),
    sa.UniqueConstraint("owner", "request_id", name="uq_case_points_owner_request"),
)

letters = sa.Table(
    "letters", metadata, *_common(), _interview_fk(),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("tone", sa.String(20), nullable=False, server_default="warm"),
    sa.Column("subject", sa.Text, nullable=False, server_default=""),
    sa.Column("body", sa.Text, nullable=False, server_default=""),
    sa.UniqueConstraint("owner", "request_id", name="uq_letters_owner_request"),
)

actions = sa.Table(
    "action_items", metadata, *_common(), _interview_fk(nullable=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("detail", sa.Text, nullable=False, server_default=""),
    sa.Column("competency", sa.String(60), nullable=True),
    sa.Column("gap_class", sa.String(30), nullable=True),
    sa.Column("due_on", sa.Date, nullable=True),
    sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.UniqueConstraint("owner", "request_id", name="uq_actions_owner_request"),
)

shares = sa.Table(
    "shares", metadata, *_common(),
    sa.Column("label", sa.String(200), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("permission", sa.String(20), nullable=False),
    sa.Column("interview_ids", sa.JSON, nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
    sa.UniqueConstraint("owner", "request_id", name="uq_shares_owner_request"),
)

comments = sa.Table(
    "comments", metadata, *_common(), _interview_fk(),
    sa.Column("target", sa.String(20), nullable=False),
    sa.Column("target_id", sa.Integer, nullable=True),
    sa.Column("share_id", sa.Integer, sa.ForeignKey("shares.id", ondelete="SET NULL"), nullable=True),
    sa.Column("parent_id", sa.Integer, sa.ForeignKey("comments.id", ondelete="CASCADE"), nullable=True),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("author_name", sa.String(200), nullable=False),
    sa.Column("author_role", sa.String(20), nullable=False),
    sa.Column("resolved", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.UniqueConstraint("owner", "request_id", name="uq_comments_owner_request"),
)
