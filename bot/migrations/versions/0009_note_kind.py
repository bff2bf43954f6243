"""a note's kind is a column of the outbox, not a sign in front of its text

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

A note for staff waited in the outbox as plain text with its kind's Unicode sign in front
("⚠ Not sent…"), and the sign was read back when the note was posted: words that happened
to start with a sign came out as a note of that kind, and a kind's look was fixed in every
queued row. ``outbox.note_kind`` now holds the kind (a ``NoteKind`` value) and ``text``
the note's plain words.

Notes already queued are moved over here, once, rather than read both ways forever: every
note row (channel ``staff``) whose text starts with a sign and a space gets that sign's
kind and loses the prefix, whatever its status (a sent or parked note reads the same as a
new one). Texts without a sign stay notes of no kind, as they were read before.
Downgrading puts the signs back in front.

The signs are written out here, not imported from ``bot/notes.py``: they are what was
written before this revision, and must not change when the desk's signs someday do.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The outbox channel of notes for staff (``STAFF_NOTES`` in bot/storage/outbox.py).
STAFF_NOTES = "staff"

# Each kind (its ``NoteKind`` value) and the sign that stood in front of its notes.
SIGNS = {
    "warning": "⚠",
    "question": "❓",
    "resolved": "✅",
    "late": "⌛",
    "blocked": "🚫",
    "unblocked": "🔓",
    "not_allowed": "⛔",
    "edited": "✏",
    "deleted": "🗑",
    "target_missed": "🚨",
    "target_due": "⏰",
}

outbox = sa.table(
    "outbox",
    sa.column("channel", sa.String()),
    sa.column("text", sa.Text()),
    sa.column("note_kind", sa.String()),
)


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("note_kind", sa.String(length=32), nullable=True))
    for kind, sign in SIGNS.items():
        prefix = f"{sign} "
        op.execute(
            outbox.update()
            .where(
                outbox.c.channel == STAFF_NOTES,
                outbox.c.note_kind.is_(None),
                outbox.c.text.startswith(prefix, autoescape=True),
            )
            # substr counts characters from 1 on SQLite and PostgreSQL alike
            .values(note_kind=kind, text=sa.func.substr(outbox.c.text, len(prefix) + 1))
        )


def downgrade() -> None:
    for kind, sign in SIGNS.items():
        op.execute(
            outbox.update()
            .where(outbox.c.note_kind == kind)
            .values(text=sa.literal(f"{sign} ", sa.Text()) + outbox.c.text)
        )
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("note_kind")
