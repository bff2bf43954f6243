"""two processes filing the same problem, or sending a chat two codes, are kept apart by keys

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07

Two checks that SQLite's single writer made safe, and PostgreSQL at READ COMMITTED does
not (issue 17: each of two processes finds nothing, then each inserts):

- ``problem_filings``: which problem a report belongs to is a search (same order, or the
  same conversation within two weeks; ``bot.storage.problem_causes``), so no key on
  ``problems`` can say "one open problem per cause". Instead a process filing a report
  first inserts a row for each of the report's causes (its order id, its order number,
  its conversation) and deletes it again before it commits. The primary key makes a
  second process filing a report of the same cause wait at that insert until the first
  has committed; its search then finds the first one's problem. The table is empty
  whenever no report is being filed, so it keeps no order numbers.
- ``uq_join_codes_pending``: at most one pending join code per asking chat (a partial
  unique index). A new code expires the chat's earlier pending one in the same
  transaction; two made at once can no longer both stay pending.

Existing rows: of an asking chat's pending codes all but the newest are marked expired
(finished when they were made), as a new code would have done. Downgrading drops the
index and the table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

join_codes = sa.table(
    "join_codes",
    sa.column("id", sa.Integer()),
    sa.column("asking_customer_id", sa.Integer()),
    sa.column("status", sa.String()),
    sa.column("created_at", sa.DateTime()),
    sa.column("finished_at", sa.DateTime()),
)


def upgrade() -> None:
    op.create_table(
        "problem_filings",
        sa.Column("cause", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("cause"),
    )
    newer = sa.alias(join_codes, "newer")
    has_newer = (
        sa.select(newer.c.id)
        .where(
            newer.c.asking_customer_id == join_codes.c.asking_customer_id,
            newer.c.status == "pending",
            newer.c.id > join_codes.c.id,
        )
        .exists()
    )
    op.get_bind().execute(
        sa.update(join_codes)
        .where(join_codes.c.status == "pending", has_newer)
        .values(status="expired", finished_at=join_codes.c.created_at)
    )
    op.create_index(
        "uq_join_codes_pending",
        "join_codes",
        ["asking_customer_id"],
        unique=True,
        sqlite_where=sa.text("status = 'pending'"),
        postgresql_where=sa.text("status = 'pending'"),
    )


def downgrade() -> None:
    op.drop_index("uq_join_codes_pending", table_name="join_codes")
    op.drop_table("problem_filings")
