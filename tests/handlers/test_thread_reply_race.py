"""Regression: a staff reply that Slack delivered before the card's place was recorded
(a card is posted, then recorded) was taken for a reply outside any card and dropped."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.models import ActionKind, CardRef
from tests.handlers.desk import local_desk


async def test_a_reply_arriving_before_its_card_is_recorded_still_reaches_the_shopper(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say("Where is my parcel?")
        [conversation] = await desk.store.customer_conversations([1])
        just_posted = CardRef("CLOCALINBOX", "1999999999.000001")  # not recorded yet

        async def record_a_moment_later() -> None:
            await asyncio.sleep(0.5)
            await desk.store.set_conversation_card(conversation, just_posted)

        await asyncio.gather(
            record_a_moment_later(),
            desk.act(
                ActionKind.THREAD_REPLY,
                None,
                text="It left the warehouse today.",
                card=just_posted,
                extra={"ts": "1999999999.000002"},
            ),
        )
        await desk.runtime.outbox.drain()
        assert "It left the warehouse today." in desk.sent()
