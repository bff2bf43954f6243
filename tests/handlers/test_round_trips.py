"""How many database transactions a message and a decision cost (issue 17): each one is a
round trip to the database, and every write waits its turn for SQLite's one writer, so a
desk's throughput falls with their number. The bounds are today's counts; a change that
adds a transaction to the path every message takes fails here and says which.

Measured on the local desk (issue 17's "before": a message 5 writes and 18 reads, a
decision 4 writes and 15 reads; card_for alone 6 to 8 reads; since the conversation
claim, a message takes two writes more than the 3-4 it took without it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from bot.models import ActionKind
from bot.storage.sqlite import READ_ONLY
from handlers.cards import card_for
from tests.handlers.desk import LocalDesk, local_desk


@contextmanager
def transactions(desk: LocalDesk) -> Iterator[Counter[str]]:
    """Counts the transactions begun meanwhile: {"read": n, "write": m}."""
    counted: Counter[str] = Counter()

    def begun(connection: Any) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        counted["read" if read_only else "write"] += 1

    engine = desk.store.engine.sync_engine
    event.listen(engine, "begin", begun)
    try:
        yield counted
    finally:
        event.remove(engine, "begin", begun)


async def test_a_message_and_a_decision_take_no_more_transactions_than_today(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        with transactions(desk) as first:
            await desk.say("Hello, where is my order?")
        with transactions(desk) as second:
            await desk.say("Do you ship to Mexico?")
        assert len(desk.cards()) == 2
        # stored, its conversation claimed (with the waiting messages read in the claim's
        # transaction), read, suggested, its card posted and saved with the message
        # processed, the claim released (looking once more for messages in the release's
        # transaction); a new shopper's first message also stores the conversation's
        # language. The claim and its release are the two writes that let several
        # processes share one database without posting a card twice (handlers.claims).
        assert first == {"write": 6, "read": 12}
        assert second == {"write": 5, "read": 12}

        with transactions(desk) as decision:
            await desk.act(ActionKind.SEND, desk.cards()[-1])
        assert desk.sent()[-1].startswith("Hi Ana, the delivery options")
        assert desk.cards()[-1].decision == "Sent by lee at 2026-11-23 10:00 UTC"
        # the decision with its reply and learned example, then the outbox claiming and
        # recording the reply it sends
        assert decision == {"write": 3, "read": 6}


async def test_a_card_is_read_in_one_transaction(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say("Hello, where is my order?")
        [record] = await desk.store.pending_suggestions()
        with transactions(desk) as redraw:
            card = await card_for(desk.runtime.ctx, record)
        assert card.original_text == "Hello, where is my order?"
        assert card.profile is not None
        assert redraw == {"read": 1}


@pytest.mark.sqlite_only  # about the SQLite file itself
async def test_commits_wait_for_the_disk_only_at_checkpoints(tmp_path: Path) -> None:
    """WAL with synchronous=NORMAL (1), not FULL (2): see bot.storage.sqlite."""
    async with local_desk(tmp_path) as desk, desk.store.engine.connect() as conn:
        assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        assert (await conn.execute(text("PRAGMA synchronous"))).scalar() == 1
