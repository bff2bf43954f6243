"""A shopper who writes "stop" gets no more proactive messages, is told so once, and no
card waits for an answer; "start" turns them back on."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bot.storage.schema import messages
from tests.handlers.desk import LocalDesk, local_desk


async def unprocessed(desk: LocalDesk) -> int:
    async with desk.store.engine.connect() as conn:
        return int(
            (
                await conn.execute(
                    select(func.count()).where(
                        messages.c.direction == "in", messages.c.processed_at.is_(None)
                    )
                )
            ).scalar_one()
        )


async def test_stop_confirms_once_needs_no_card_and_start_undoes_it(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say("Hi, where is my order #1001?")
        assert len(desk.cards()) == 1

        await desk.say("STOP")
        confirmation, _ = desk.runtime.ctx.notices.render("stopped", "en", {"shopper_name": "Ana"})
        assert desk.sent() == [confirmation]
        assert (await desk.customer()).opted_out_at == desk.clock.now
        assert len(desk.cards()) == 1, "no card waits for an answer to “stop”"
        assert any("no more proactive messages" in note for note in desk.notes())

        await desk.say("Stop.")
        await desk.say("stop")
        assert desk.sent() == [confirmation], "told once"
        assert len(desk.cards()) == 1 and await unprocessed(desk) == 0

        await desk.say("Please stop sending me the wrong size, I ordered an M")
        assert len(desk.cards()) == 2, "a sentence with “stop” in it is a message to answer"

        await desk.say("start")
        assert (await desk.customer()).opted_out_at is None
        assert len(desk.cards()) == 2 and any("on again" in note for note in desk.notes())


async def test_stop_in_the_shoppers_language_is_confirmed_in_it(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say("стоп", chat="31", name="Ivan Petrov", hint="ru")
        expected, used = desk.runtime.ctx.notices.render("stopped", "ru", {"shopper_name": "Ivan"})
        assert used == "ru" and desk.sent("31") == [expected]
        assert (await desk.customer("31")).opted_out_at is not None
        assert desk.cards() == [] and await unprocessed(desk) == 0
