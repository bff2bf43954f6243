"""one table claims every timed job's run: job_runs replaces digests

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

Digests were claimed exactly once per department and day in their own table
(``digests``, unique department and day). Every timed job whose run must happen once
across restarts and processes (issue 16; issue 17 runs several workers on one
PostgreSQL database) now claims it the same way, in ``job_runs``: unique (job, slot),
where a digest is the job ``digest:<department>`` and its slot the day (ISO), and
``posted`` is called ``done``. Existing digest rows are moved over, so a digest posted
before the upgrade is not posted again, and a claim left by a crash can still be retaken.
Downgrading moves the digest runs back and forgets the others (each is a past run of an
hourly or more frequent job, which only runs again).
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

import bot.storage.schema

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

DIGEST = "digest:"
# (status in digests, status in job_runs)
STATUSES = (("claimed", "claimed"), ("posted", "done"))

# Plain DateTime on both sides: the stored UTC values are copied as they are.
digests = sa.table(
    "digests",
    sa.column("department", sa.String()),
    sa.column("day", sa.Date()),
    sa.column("status", sa.String()),
    sa.column("claimed_at", sa.DateTime()),
    sa.column("posted_at", sa.DateTime()),
)
job_runs = sa.table(
    "job_runs",
    sa.column("job", sa.String()),
    sa.column("slot", sa.String()),
    sa.column("status", sa.String()),
    sa.column("claimed_at", sa.DateTime()),
    sa.column("done_at", sa.DateTime()),
)


def upgrade() -> None:
    op.create_table(
        "job_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job", sa.String(length=64), nullable=False),
        sa.Column("slot", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("claimed_at", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.Column("done_at", bot.storage.schema.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("job", "slot", name="uq_job_runs_job_slot"),
    )
    status = dict(STATUSES)
    rows = op.get_bind().execute(sa.select(digests)).all()
    if rows:
        op.bulk_insert(
            job_runs,
            [
                {
                    "job": f"{DIGEST}{row.department}",
                    "slot": row.day.isoformat(),
                    "status": status.get(row.status, row.status),
                    "claimed_at": row.claimed_at,
                    "done_at": row.posted_at,
                }
                for row in rows
            ],
        )
    op.drop_table("digests")


def downgrade() -> None:
    op.create_table(
        "digests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("claimed_at", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.Column("posted_at", bot.storage.schema.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("department", "day", name="uq_digests_department_day"),
    )
    status = {done: claimed for claimed, done in STATUSES}
    rows = (
        op.get_bind()
        .execute(sa.select(job_runs).where(job_runs.c.job.startswith(DIGEST, autoescape=True)))
        .all()
    )
    if rows:
        op.bulk_insert(
            digests,
            [
                {
                    "department": row.job.removeprefix(DIGEST),
                    "day": date.fromisoformat(row.slot),
                    "status": status.get(row.status, row.status),
                    "claimed_at": row.claimed_at,
                    "posted_at": row.done_at,
                }
                for row in rows
            ],
        )
    op.drop_table("job_runs")
