"""Alembic environment: runs on the connection BorderDesk hands over (see bot/storage/migrate.py).

``alembic`` on the command line works too when ``sqlalchemy.url`` is set to a sync URL.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from bot.storage.schema import metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


_connection = context.config.attributes.get("connection")
if _connection is not None:
    _run(_connection)
else:
    _engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with _engine.begin() as _conn:
        _run(_conn)
