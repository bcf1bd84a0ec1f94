"""Scoring overrides, vectors, feedback loop, letters, actions, shares, comments

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shares",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("permission", sa.String(length=20), nullable=False),
        sa.Column("interview_ids", sa.JSON(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner"], ["workspaces.owner"], name=op.f("fk_shares_owner_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shares")),
        sa.UniqueConstraint("owner", "request_id", name="uq_shares_owner_request"),
        sa.UniqueConstraint("token_hash", name=op.f("uq_shares_token_hash")),
    )
    op.create_index(op.f("ix_shares_owner"), "shares", ["owner"], unique=False)
    op.create_table(
        "action_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), server_default="", nullable=False),
        sa.Column("competency", sa.String(length=60), nullable=True),
        sa.Column("gap_class", sa.String(length=30), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_action_items_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner"], ["workspaces.owner"], name=op.f("fk_action_items_owner_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_items")),
        sa.UniqueConstraint("owner", "request_id", name="uq_actions_owner_request"),
    )
    op.create_index(op.f("ix_action_items_interview_id"), "action_items", ["interview_id"], unique=False)
    op.create_index(op.f("ix_action_items_owner"), "action_items", ["owner"], unique=False)
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=20), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("share_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("author_role", sa.String(length=20), nullable=False),
        sa.Column("resolved", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_comments_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner"], ["workspaces.owner"], name=op.f("fk_comments_owner_workspaces"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["comments.id"], name=op.f("fk_comments_parent_id_comments"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["share_id"], ["shares.id"], name=op.f("fk_comments_share_id_shares"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
        sa.UniqueConstraint("owner", "request_id", name="uq_comments_owner_request"),
    )
    op.create_index(op.f("ix_comments_interview_id"), "comments", ["interview_id"], unique=False)
    op.create_index(op.f("ix_comments_owner"), "comments", ["owner"], unique=False)
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), server_default="", nullable=False),
        sa.Column("email", sa.String(length=200), server_default="", nullable=False),
        sa.Column("phone", sa.String(length=200), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_contacts_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner"], ["workspaces.owner"], name=op.f("fk_contacts_owner_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
        sa.UniqueConstraint("owner", "request_id", name="uq_contacts_owner_request"),
    )
    op.create_index(op.f("ix_contacts_interview_id"), "contacts", ["interview_id"], unique=False)
    op.create_index(op.f("ix_contacts_owner"), "contacts", ["owner"], unique=False)
    op.create_table(
        "evidence_vectors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("evidence_version", sa.Integer(), nullable=False),
        sa.Column("model_id", sa.String(length=80), nullable=False),
        sa.Column("unit_index", sa.Integer(), nullable=False),
        sa.Column("unit_text", sa.Text(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence.id"],
            name=op.f("fk_evidence_vectors_evidence_id_evidence"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner"],
            ["workspaces.owner"],
            name=op.f("fk_evidence_vectors_owner_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_vectors")),
        sa.UniqueConstraint("evidence_id", "model_id", "unit_index", name="uq_vectors_evidence_model_unit"),
    )
    op.create_index(
        op.f("ix_evidence_vectors_evidence_id"), "evidence_vectors", ["evidence_id"], unique=False
    )
    op.create_index(op.f("ix_evidence_vectors_owner"), "evidence_vectors", ["owner"], unique=False)
    op.create_table(
        "feedback_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("wording", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("competency", sa.String(length=60), nullable=True),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_feedback_items_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner"],
            ["workspaces.owner"],
            name=op.f("fk_feedback_items_owner_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_items")),
        sa.UniqueConstraint("owner", "request_id", name="uq_feedback_owner_request"),
    )
    op.create_index(op.f("ix_feedback_items_interview_id"), "feedback_items", ["interview_id"], unique=False)
    op.create_index(op.f("ix_feedback_items_owner"), "feedback_items", ["owner"], unique=False)
    op.create_table(
        "letters",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("tone", sa.String(length=20), server_default="warm", nullable=False),
        sa.Column("subject", sa.Text(), server_default="", nullable=False),
        sa.Column("body", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_letters_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner"], ["workspaces.owner"], name=op.f("fk_letters_owner_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letters")),
        sa.UniqueConstraint("owner", "request_id", name="uq_letters_owner_request"),
    )
    op.create_index(op.f("ix_letters_interview_id"), "letters", ["interview_id"], unique=False)
    op.create_index(op.f("ix_letters_owner"), "letters", ["owner"], unique=False)
    op.create_table(
        "requirement_overrides",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("req_key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=True),
        sa.Column("competency", sa.String(length=60), nullable=True),
        sa.Column("ignored", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("excluded_evidence", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_requirement_overrides_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner"],
            ["workspaces.owner"],
            name=op.f("fk_requirement_overrides_owner_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_requirement_overrides")),
        sa.UniqueConstraint("owner", "interview_id", "req_key", name="uq_overrides_owner_interview_key"),
        sa.UniqueConstraint("owner", "request_id", name="uq_overrides_owner_request"),
    )
    op.create_index(
        op.f("ix_requirement_overrides_interview_id"), "requirement_overrides", ["interview_id"], unique=False
    )
    op.create_index(op.f("ix_requirement_overrides_owner"), "requirement_overrides", ["owner"], unique=False)
    op.create_table(
        "case_points",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("feedback_id", sa.Integer(), nullable=False),
        sa.Column("paragraph", sa.Text(), server_default="", nullable=False),
        sa.Column("evidence_ids", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["feedback_id"],
            ["feedback_items.id"],
            name=op.f("fk_case_points_feedback_id_feedback_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_case_points_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner"], ["workspaces.owner"], name=op.f("fk_case_points_owner_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_points")),
        sa.UniqueConstraint("owner", "request_id", name="uq_case_points_owner_request"),
    )
    op.create_index(op.f("ix_case_points_interview_id"), "case_points", ["interview_id"], unique=False)
    op.create_index(op.f("ix_case_points_owner"), "case_points", ["owner"], unique=False)
    op.create_table(
        "contact_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_attempts_contact_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_contact_attempts_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner"],
            ["workspaces.owner"],
            name=op.f("fk_contact_attempts_owner_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_attempts")),
        sa.UniqueConstraint("owner", "request_id", name="uq_attempts_owner_request"),
    )
    op.create_index(
        op.f("ix_contact_attempts_interview_id"), "contact_attempts", ["interview_id"], unique=False
    )
    op.create_index(op.f("ix_contact_attempts_owner"), "contact_attempts", ["owner"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_contact_attempts_owner"), table_name="contact_attempts")
    op.drop_index(op.f("ix_contact_attempts_interview_id"), table_name="contact_attempts")
    op.drop_table("contact_attempts")
    op.drop_index(op.f("ix_case_points_owner"), table_name="case_points")
    op.drop_index(op.f("ix_case_points_interview_id"), table_name="case_points")
    op.drop_table("case_points")
    op.drop_index(op.f("ix_requirement_overrides_owner"), table_name="requirement_overrides")
    op.drop_index(op.f("ix_requirement_overrides_interview_id"), table_name="requirement_overrides")
    op.drop_table("requirement_overrides")
    op.drop_index(op.f("ix_letters_owner"), table_name="letters")
    op.drop_index(op.f("ix_letters_interview_id"), table_name="letters")
    op.drop_table("letters")
    op.drop_index(op.f("ix_feedback_items_owner"), table_name="feedback_items")
    op.drop_index(op.f("ix_feedback_items_interview_id"), table_name="feedback_items")
    op.drop_table("feedback_items")
    op.drop_index(op.f("ix_evidence_vectors_owner"), table_name="evidence_vectors")
    op.drop_index(op.f("ix_evidence_vectors_evidence_id"), table_name="evidence_vectors")
    op.drop_table("evidence_vectors")
    op.drop_index(op.f("ix_contacts_owner"), table_name="contacts")
    op.drop_index(op.f("ix_contacts_interview_id"), table_name="contacts")
    op.drop_table("contacts")
    op.drop_index(op.f("ix_comments_owner"), table_name="comments")
    op.drop_index(op.f("ix_comments_interview_id"), table_name="comments")
    op.drop_table("comments")
    op.drop_index(op.f("ix_action_items_owner"), table_name="action_items")
    op.drop_index(op.f("ix_action_items_interview_id"), table_name="action_items")
    op.drop_table("action_items")
    op.drop_index(op.f("ix_shares_owner"), table_name="shares")
    op.drop_table("shares")
