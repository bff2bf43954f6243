"""A flood of thousands holds up nobody else (issue 14, "Fairness": one shopper's 10,000
messages held up every other shopper's intake, one update at a time, for minutes).

The real python-telegram-bot polls the fake Telegram, which hands updates out in order,
100 at a time, and forgets them only once a getUpdates offset moves past them. The desk
stores each batch in one transaction and starts on what is not held right away, so
another shopper's card reaches staff while the flood is still coming in.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.models import Limit
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
BEFORE, AFTER = 2000, 2000  # the flood's messages queued before and after Bea's
LIMIT = Limit(3, 60.0)
HELD = BEFORE + AFTER - LIMIT.count


def summaries(desk: Desk) -> list[str]:
    """Staff posts about held messages, anywhere in the inbox."""
    return [
        m["text"]
        for m in desk.slack.messages(INBOX)
        if is_note(m) and "quick succession" in m["text"]
    ]


async def flood_waiting_when_card_posted(
    slack: FakeSlackAPI, telegram: FakeTelegramAPI, name: str
) -> int:
    """How many updates Telegram still held when ``name``'s card reached Slack. Looked at
    every few milliseconds: the queue only shrinks, so the count seen is at most what it
    was at the very moment of posting."""
    seen = 0
    while True:
        calls = slack.calls[seen:]
        seen += len(calls)
        if any(m == "chat.postMessage" and name in str(p) for m, p in calls):
            return len(telegram.pending_updates)
        await asyncio.sleep(0.005)


async def test_another_shoppers_card_comes_while_a_flood_of_thousands_is_still_stored(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    clock = MovableClock()
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        clock=clock,
        pacer=fast_pacer(),
        shopper_flood_limit=LIMIT,
        learned=[(WHERE, "track_order")],
    ) as desk:
        for n in range(BEFORE):
            telegram_api.push_update(telegram_api.text_update(FLOODER, f"hello?? {n:04d}"))
        telegram_api.push_update(telegram_api.text_update(OTHER, WHERE, first_name="Bea"))
        for n in range(BEFORE, BEFORE + AFTER):
            telegram_api.push_update(telegram_api.text_update(FLOODER, f"hello?? {n:04d}"))

        waiting = await asyncio.wait_for(
            flood_waiting_when_card_posted(slack_api, telegram_api, "Bea"), timeout=120
        )
        assert waiting > 0, "Bea's card waited until the whole flood was stored"
        assert not summaries(desk), "the flood reached staff before Bea's card"

        # Nothing of the flood is lost: every update confirmed to Telegram is stored.
        store = desk.runtime.ctx.store
        await wait_until(lambda: not telegram_api.pending_updates, "the flood confirmed", 120)
        assert (await store.counts())["messages"]["in"] == BEFORE + 1 + AFTER
        flooder_cards = [c for c in desk.inbox_cards() if "hello??" in card_text(c)]
        assert len(flooder_cards) == 1, "the flooder's cards beyond one conversation card"
        [bea] = [c for c in desk.inbox_cards() if "Bea" in card_text(c)]
        assert "A10293" in card_text(bea)

        # Once the flooder pauses, staff get one summary for all held messages.
        clock.advance(LIMIT.seconds + 1)
        await release_floods(desk.runtime.ctx)  # or the resume loop's pass got there first
        await wait_until(lambda: summaries(desk), "the flood's summary", 10)
        assert await release_floods(desk.runtime.ctx) == 0, "held messages left unreleased"
        [summary] = summaries(desk)
        assert f"{HELD} more messages sent in quick succession ({HELD} text)" in summary
        assert f"hello?? {BEFORE + AFTER - 1:04d}" in summary, "the last message not shown"
        thread = slack_api.messages(INBOX, thread_ts=flooder_cards[0]["ts"])
        assert len(thread) <= LIMIT.count + 1, "staff got a post per held message"

        command = summary.split("/borderdesk held ")[1].split()[0]
        status, page = await desk.command(f"held {command}")
        assert status == 200 and f"of {HELD} sent in a flood" in page
