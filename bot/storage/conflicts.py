"""Inserting what may already be there: a conflict on a unique key is an outcome, not a crash.

On SQLite every write transaction of the desk starts with ``BEGIN IMMEDIATE``, so a check
followed by an insert never races. PostgreSQL (issue 17: several processes on one
database) runs at READ COMMITTED: two processes can both find a row missing and both
insert it. The unique constraint keeps the second one out; ``insert_new`` makes that an
ordinary answer (``INSERT ... ON CONFLICT (key) DO NOTHING``, the same words on both
databases): the row is not inserted, no error is raised, the transaction goes on, and
the caller reads the row the other process stored.

On PostgreSQL such an insert waits for the other transaction holding the same key to end;
a statement that follows it, at READ COMMITTED, sees that transaction's row::

    row_id = await conn.scalar(
        insert_new(conn, suggestions, suggestions.c.message_id)
        .values(message_id=7, ...)
        .returning(suggestions.c.id)
    )
    if row_id is None:  # already there: another process (or an earlier call) stored it
        row_id = await conn.scalar(select(suggestions.c.id).where(...))
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection


def insert_new(
    conn: AsyncConnection, table: Table, *key: Column[Any]
) -> postgresql.Insert | sqlite.Insert:
    """``INSERT INTO table ... ON CONFLICT (key) DO NOTHING`` in the dialect of ``conn``;
    ``key`` are the columns of one of the table's unique constraints. BorderDesk runs on
    SQLite and PostgreSQL only, so anything not SQLite is the latter."""
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    return dialect.insert(table).on_conflict_do_nothing(index_elements=list(key))
