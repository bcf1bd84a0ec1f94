"""Core tables: workspaces, evidence, interviews, script items

Revision ID: 0001
Revises: None
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workspaces",
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("display_name", sa.String(length=200), server_default="", nullable=False),
        sa.Column("is_demo", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("data_version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("owner", name=op.f("pk_workspaces")),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), server_default="", nullable=False),
        sa.Column("situation", sa.Text(), server_default="", nullable=False),
        sa.Column("task", sa.Text(), server_default="", nullable=False),
        sa.Column("action", sa.Text(), server_default="", nullable=False),
        sa.Column("result", sa.Text(), server_default="", nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("competencies", sa.JSON(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=200), server_default="typed", nullable=False),
        sa.ForeignKeyConstraint(
            ["owner"], ["workspaces.owner"], name=op.f("fk_evidence_owner_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
        sa.UniqueConstraint("owner", "request_id", name="uq_evidence_owner_request"),
    )
    op.create_index(op.f("ix_evidence_owner"), "evidence", ["owner"], unique=False)
    op.create_table(
        "interviews",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("interview_date", sa.Date(), nullable=False),
        sa.Column("furthest_stage", sa.String(length=20), nullable=False),
        sa.Column("stages", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("jd_text", sa.Text(), server_default="", nullable=False),
        sa.Column("interviewers", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("appraisal", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["owner"], ["workspaces.owner"], name=op.f("fk_interviews_owner_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviews")),
        sa.UniqueConstraint("owner", "request_id", name="uq_interviews_owner_request"),
    )
    op.create_index(op.f("ix_interviews_owner"), "interviews", ["owner"], unique=False)
    op.create_table(
        "script_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), server_default="", nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("went_right", sa.Text(), server_default="", nullable=False),
        sa.Column("went_wrong", sa.Text(), server_default="", nullable=False),
        sa.Column("next_time", sa.Text(), server_default="", nullable=False),
        sa.Column("competencies", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_script_items_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner"], ["workspaces.owner"], name=op.f("fk_script_items_owner_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_script_items")),
        sa.UniqueConstraint("owner", "request_id", name="uq_script_items_owner_request"),
    )
    op.create_index(op.f("ix_script_items_interview_id"), "script_items", ["interview_id"], unique=False)
    op.create_index(op.f("ix_script_items_owner"), "script_items", ["owner"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_script_items_owner"), table_name="script_items")
    op.drop_index(op.f("ix_script_items_interview_id"), table_name="script_items")
    op.drop_table("script_items")
    op.drop_index(op.f("ix_interviews_owner"), table_name="interviews")
    op.drop_table("interviews")
    op.drop_index(op.f("ix_evidence_owner"), table_name="evidence")
    op.drop_table("evidence")
    op.drop_table("workspaces")
