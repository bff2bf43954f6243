"""Ratings on SQLite and PostgreSQL: what deciding whether a conversation is resolved
reads (the reply and who sent it, a card still pending, an open escalation), the question
recorded once per conversation whoever asks second, and the answer recorded once, read
back for the profile and the management digest."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.storage.schema import suggestions
from bot.storage.store import Store
from tests.bot.storage.databases import DATABASES, opened_store
from tests.scheduler.test_digest import Shop

AT = datetime(2026, 3, 2, 10, tzinfo=UTC)


@pytest.fixture(params=DATABASES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    async with opened_store(request.param, tmp_path) as opened:
        yield opened


async def test_candidates_the_question_once_and_the_answer(store: Store) -> None:
    shop = Shop(store.engine)
    answered = await shop.suggest(await shop.message(AT, chat="ana"), "where_is_order", AT)
    async with store.engine.begin() as conn:
        await conn.execute(
            update(suggestions)
            .where(suggestions.c.id == answered)
            .values(decided_at=AT + timedelta(minutes=5), decided_by="U1", decided_by_name="lee")
        )
    await shop.suggest(await shop.message(AT, chat="ben"), "where_is_order", AT, "pending")
    await shop.suggest(await shop.message(AT, chat="cleo"), "where_is_order", AT)
    await store.enqueue("held:1", shop.chats["cleo"], "Hola", "lee", AT, hold=True)
    await shop.escalation(AT)  # open
    await shop.escalation(AT - timedelta(days=9), resolved_at=AT)  # escalated long ago,
    await shop.message(AT, chat=f"chat{shop.count}", direction="out")  # the update sent

    chats = {c.customer_name: c for c in await store.rating_candidates(since=AT - timedelta(1))}
    ana = chats["ana"]
    assert ana.answered is not None and (ana.answered.suggestion_id, ana.answered.by_name) == (
        answered,
        "lee",
    )
    assert ana.last_activity == AT + timedelta(minutes=5)
    assert not ana.pending and not ana.open_escalation
    assert chats["ben"].pending and chats["ben"].answered is None
    assert chats["cleo"].pending, "a reply held for staff to confirm is not done"
    escalated = [c for n, c in sorted(chats.items()) if n not in ("ana", "ben", "cleo")]
    assert [c.open_escalation for c in escalated] == [True, False]
    resolved = escalated[1].answered  # the department's update is the answer
    assert resolved is not None and resolved.at == AT and escalated[1].last_activity == AT

    asked = AT + timedelta(hours=3)
    assert await store.ask_rating(ana.conversation_id, ana.answered, at=asked)
    assert not await store.ask_rating(ana.conversation_id, ana.answered, at=asked)  # once
    left = await store.rating_candidates(since=AT - timedelta(1))
    assert "ana" not in {c.customer_name for c in left}

    answer = await shop.message(asked + timedelta(hours=1), chat="ana", text="4 muy bien")
    rating = await store.open_rating(ana.conversation_id, asked=(AT, asked), message_id=answer)
    assert rating is not None and rating.score is None
    await store.record_rating(rating.id, 4, "muy bien", message_id=answer, at=asked)
    later = answer + 1
    assert await store.open_rating(ana.conversation_id, asked=(AT, asked), message_id=later) is None
    again = await store.open_rating(ana.conversation_id, asked=(AT, asked), message_id=answer)
    assert again is not None and again.score == 4  # the same message handled again
    after = (asked + timedelta(seconds=1), asked + timedelta(days=1))
    assert await store.open_rating(ana.conversation_id, asked=after, message_id=answer) is None
    before = (AT, asked - timedelta(seconds=1))  # written before the question was asked
    assert await store.open_rating(ana.conversation_id, asked=before, message_id=answer) is None

    day = await store.ratings_between(AT, AT + timedelta(days=1))
    assert [(r.score, r.comment, r.agent_name, r.customer_name) for r in day] == [
        (4, "muy bien", "lee", "ana")
    ]
    assert await store.ratings_between(AT + timedelta(days=1), AT + timedelta(days=2)) == []
    customer = ana.customer_id
    assert [r.score for r in await store.customer_ratings([customer])] == [4]
