"""a late order the desk noticed is reported once: a unique key, not a check

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

``record_order_problem`` reported a late order to logistics after checking, in the same
transaction, that it had not been reported yet. SQLite's write lock made that safe;
PostgreSQL at READ COMMITTED does not (issue 17: two processes each find no report and
each file one). The check also looked at the intent of the report's problem, which is
the shopper's "lost_package" when the desk's report joined a shopper's report of the same
parcel (``problem_causes.SAME_PARCEL``): such an order never read as reported, and each
run of the proactive job filed its delay again.

So the report the desk files itself now says what it noticed, ``noticed_intent``
("delivery_delay"; NULL on a shopper's report), and (order_id, noticed_intent) is unique:
the second report of a late order is refused by the database, whichever process files it.

Existing rows: every report of source 'order' was filed by the delay check (the one
caller of ``record_order_problem`` since it exists), so each gets "delivery_delay".
Duplicates, which either gap could have left, are merged: of an order's reports, the
first (by date, then id) stays and the others are deleted; a problem left without
reports is deleted, and one that keeps reports is dated and sourced again from them as
``problem_causes`` does after a report leaves (its first report's date and conversation;
"shopper" when any report is a shopper's). Downgrading drops the column and the key; the
merged duplicates stay merged.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

DELAY_INTENT = "delivery_delay"  # bot.storage.proactive.DELAY_INTENT as of this revision

problem_reports = sa.table(
    "problem_reports",
    sa.column("id", sa.Integer()),
    sa.column("problem_id", sa.Integer()),
    sa.column("conversation_id", sa.Integer()),
    sa.column("order_id", sa.Integer()),
    sa.column("source", sa.String()),
    sa.column("created_at", sa.DateTime()),
    sa.column("noticed_intent", sa.String()),
)
problems = sa.table(
    "problems",
    sa.column("id", sa.Integer()),
    sa.column("conversation_id", sa.Integer()),
    sa.column("source", sa.String()),
    sa.column("created_at", sa.DateTime()),
)


def upgrade() -> None:
    op.add_column(
        "problem_reports", sa.Column("noticed_intent", sa.String(length=64), nullable=True)
    )
    connection = op.get_bind()
    connection.execute(
        sa.update(problem_reports)
        .where(problem_reports.c.source == "order")
        .values(noticed_intent=DELAY_INTENT)
    )
    _merge_duplicates(connection)
    op.create_index(
        "uq_problem_reports_noticed", "problem_reports", ["order_id", "noticed_intent"], unique=True
    )


def downgrade() -> None:
    op.drop_index("uq_problem_reports_noticed", table_name="problem_reports")
    with op.batch_alter_table("problem_reports") as batch:
        batch.drop_column("noticed_intent")


def _merge_duplicates(connection: sa.Connection) -> None:
    """Keep each late order's first report of the desk's own; settle the problems the
    others leave (see the module docstring)."""
    rows = connection.execute(
        sa.select(problem_reports.c.id, problem_reports.c.problem_id, problem_reports.c.order_id)
        .where(problem_reports.c.noticed_intent.is_not(None))
        .order_by(problem_reports.c.order_id, problem_reports.c.created_at, problem_reports.c.id)
    ).all()
    seen: set[int] = set()
    extra: list[int] = []
    touched: set[int] = set()
    for report_id, problem_id, order_id in rows:
        if order_id in seen:
            extra.append(report_id)
            touched.add(problem_id)
        seen.add(order_id)
    if not extra:
        return
    connection.execute(sa.delete(problem_reports).where(problem_reports.c.id.in_(extra)))
    for problem_id in sorted(touched):
        first = connection.execute(
            sa.select(problem_reports.c.conversation_id, problem_reports.c.created_at)
            .where(problem_reports.c.problem_id == problem_id)
            .order_by(problem_reports.c.created_at, problem_reports.c.id)
            .limit(1)
        ).first()
        if first is None:
            connection.execute(sa.delete(problems).where(problems.c.id == problem_id))
            continue
        by_shopper = connection.execute(
            sa.select(sa.func.count()).where(
                problem_reports.c.problem_id == problem_id,
                problem_reports.c.source == "shopper",
            )
        ).scalar_one()
        connection.execute(
            sa.update(problems)
            .where(problems.c.id == problem_id)
            .values(
                created_at=first.created_at,
                conversation_id=first.conversation_id,
                source="shopper" if by_shopper else "order",
            )
        )
