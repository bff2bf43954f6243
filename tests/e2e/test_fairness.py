"""Fairness: a chat whose messages cannot be stored holds up no other chat, a flood
reaches staff as one summary with a way to see it all, and an oversized text is cut with
a note and kept whole."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.models import Limit
from bot.storage.intake import Arrival
from bot.storage.oversized import MAX_INBOUND_TEXT
from bot.storage.schema import messages
from handlers.inbound import release_floods
from tests.e2e.harness import (
    INBOX,
    Desk,
    MovableClock,
    card_text,
    fast_pacer,
    is_note,
    running_desk,
    wait_until,
)
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

FLOODER, OTHER = 4242, 5151
WHERE = "Where is my order #A10293? I ordered two weeks ago."
FLOOD_SIZE = 60


async def test_a_chat_whose_messages_cannot_be_stored_does_not_hold_up_another_chat(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=[(WHERE, "track_order")]
    ) as desk:
        store = desk.runtime.ctx.store
        record = store.record_arrivals
        failing = {str(FLOODER)}

        async def flaky(arrivals: Sequence[Arrival], **options: Any) -> Any:
            """Storing fails whenever Ana's message is among what is stored (the whole
            batch first, then chat by chat)."""
            if any(arrival.message.chat_id in failing for arrival in arrivals):
                raise OSError("database or disk is full")
            return await record(arrivals, **options)

        store.record_arrivals = flaky  # type: ignore[method-assign]
        telegram_api.push_update(telegram_api.text_update(FLOODER, "hello?? first"))
        telegram_api.push_update(telegram_api.text_update(OTHER, WHERE, first_name="Bea"))

        def cards_of(name: str) -> list[dict[str, Any]]:
            return [c for c in desk.inbox_cards() if name in card_text(c)]

        await wait_until(lambda: cards_of("Bea"), "Bea's card while Ana's chat fails")
        assert not cards_of("hello??"), "Ana's message was not stored, so no card"
        failing.clear()  # space again: Telegram still has Ana's update, and sends it again
        await wait_until(lambda: cards_of("hello??"), "Ana's card once she can be stored")
        await desk.settled()
        assert len(cards_of("Bea")) == 1, "Bea's message, sent again with Ana's, made two cards"
        assert (await store.counts())["messages"].get("in") == 2


async def test_a_long_flood_reaches_staff_as_one_summary_with_a_way_to_see_all(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    clock = MovableClock()
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        clock=clock,
        pacer=fast_pacer(),
        shopper_flood_limit=Limit(2, 60.0),
    ) as desk:
        for n in range(FLOOD_SIZE):
            telegram_api.push_update(telegram_api.text_update(FLOODER, f"hello?? {n:03d}"))
        store = desk.runtime.ctx.store

        async def all_stored() -> bool:
            return (await store.counts())["messages"].get("in") == FLOOD_SIZE

        await wait_until(all_stored, "storing the whole flood", timeout=30)
        # stored in one go, before the first card is made: give a busy machine time for it
        card = await desk.wait_card(timeout=15)

        # Once the shopper pauses, staff get one post under the card, not one per message.
        clock.advance(61)
        await release_floods(desk.runtime.ctx)  # or the resume loop's pass got there first
        await wait_until(lambda: summaries(desk, card["ts"]), "the flood's summary")
        await desk.settled()  # a second post would have been queued with the first
        [summary] = summaries(desk, card["ts"])
        held = FLOOD_SIZE - 2
        assert f"{held} more messages sent in quick succession ({held} text)" in summary
        for shown in ("hello?? 002", "hello?? 004", f"hello?? {FLOOD_SIZE - 1:03d}"):
            assert shown in summary
        assert "hello?? 010" not in summary, "a summary, not every message"
        assert f"… {held - 6} more …" in summary

        command = summary.split("/borderdesk held ")[1].split()[0]
        status, page = await desk.command(f"held {command} 2")
        assert status == 200
        assert f"messages 51-{held} of {held} sent in a flood" in page
        assert f"{held}. hello?? {FLOOD_SIZE - 1:03d}" in page


def summaries(desk: Desk, ts: str) -> list[str]:
    """The flood posts under a card."""
    return [
        m["text"]
        for m in desk.slack.messages(INBOX, thread_ts=ts)
        if is_note(m) and "quick succession" in m["text"]
    ]


async def test_an_oversized_text_is_cut_with_a_note_and_kept_whole(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    huge = ("Where is my order? " * 30_000)[: 512 * 1024]
    async with running_desk(tmp_path / "desk.sqlite3", telegram_api, slack_api) as desk:
        telegram_api.push_update(telegram_api.text_update(FLOODER, huge))
        card = await desk.wait_card(timeout=10)
        note = f"The shopper's message was cut at {MAX_INBOUND_TEXT:,} of {len(huge):,} characters"
        assert note in card_text(card)
        async with desk.runtime.ctx.store.engine.connect() as conn:
            texts = (await conn.execute(select(messages.c.text))).scalars().all()
        assert huge in texts, "the whole text was not kept"
