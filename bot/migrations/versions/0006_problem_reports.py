"""one problem per cause, with its reports

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08

A problem row was a report: a shopper's complaint about a late order and BorderDesk's own
detection of the same delay were two problems. Now ``problems`` holds causes and
``problem_reports`` each time one was reported (a card, or the desk noticing a late order).

Every existing problem gets its one report (its card, or none for one the desk noticed),
so counts of past days read as they did: rows counted apart before are not merged after
the fact, only reports from now on join the cause they are about. ``order_key`` (the order
number as compared, see ``normalize_order_number``) is filled for existing rows.
``problems.suggestion_id`` moves to the reports. Downgrading splits every problem back
into one row per report.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

import bot.storage.schema
from bot.storage.contacts import normalize_order_number

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "problem_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.Column("suggestion_id", sa.Integer(), nullable=True),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("created_at", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["problem_id"], ["problems.id"]),
        sa.ForeignKeyConstraint(["suggestion_id"], ["suggestions.id"]),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"]),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("suggestion_id"),
    )
    for column in ("problem_id", "conversation_id", "created_at"):
        op.create_index(f"ix_problem_reports_{column}", "problem_reports", [column])
    op.execute(
        "INSERT INTO problem_reports (problem_id, suggestion_id, conversation_id, order_id,"
        " source, created_at)"
        " SELECT id, suggestion_id, conversation_id,"
        " CASE WHEN source = 'order' THEN order_id END, source, created_at FROM problems"
    )
    with op.batch_alter_table("problems") as batch:
        batch.add_column(sa.Column("order_key", sa.String(length=64), nullable=True))
        batch.create_index("ix_problems_order_key", ["order_key"])
        batch.drop_column("suggestion_id")
    connection = op.get_bind()
    numbered = connection.execute(
        sa.text("SELECT id, order_number FROM problems WHERE order_number IS NOT NULL")
    ).all()
    for problem_id, number in numbered:
        connection.execute(
            sa.text("UPDATE problems SET order_key = :key WHERE id = :id"),
            {"key": normalize_order_number(number) or None, "id": problem_id},
        )


def downgrade() -> None:
    with op.batch_alter_table("problems") as batch:
        batch.add_column(sa.Column("suggestion_id", sa.Integer(), nullable=True))
        batch.create_unique_constraint("uq_problems_suggestion_id", ["suggestion_id"])
        batch.create_foreign_key(
            "fk_problems_suggestion_id", "suggestions", ["suggestion_id"], ["id"]
        )
        batch.drop_index("ix_problems_order_key")
        batch.drop_column("order_key")
    connection = op.get_bind()
    reports = connection.execute(
        sa.text(
            "SELECT problem_id, suggestion_id, conversation_id, source, created_at"
            " FROM problem_reports ORDER BY problem_id, created_at, id"
        )
    ).all()
    first: set[int] = set()
    for report in reports:
        if report.problem_id not in first:
            first.add(report.problem_id)
            connection.execute(
                sa.text("UPDATE problems SET suggestion_id = :s WHERE id = :p"),
                {"s": report.suggestion_id, "p": report.problem_id},
            )
        else:
            _copy_for(connection, report)
    for column in ("created_at", "conversation_id", "problem_id"):
        op.drop_index(f"ix_problem_reports_{column}", "problem_reports")
    op.drop_table("problem_reports")


def _copy_for(connection: Any, report: Any) -> None:
    """The problem again, as the row this later report was before 0006."""
    columns = (
        "order_id, department, intent, channel, language, country, order_number, product,"
        " carrier, tracking_number"
    )
    connection.execute(
        sa.text(
            f"INSERT INTO problems (suggestion_id, conversation_id, source, created_at, {columns})"
            f" SELECT :s, :c, :source, :at, {columns} FROM problems WHERE id = :p"
        ),
        {
            "s": report.suggestion_id,
            "c": report.conversation_id,
            "source": report.source,
            "at": report.created_at,
            "p": report.problem_id,
        },
    )
