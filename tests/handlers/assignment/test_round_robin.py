"""Assignment in the flow, on the local workspace with a fixed clock (Monday 2026-12-07):
Japanese cards alternate between the two agents on shift who read Japanese; a follow-up
stays with its owner while they are on shift and goes to someone on shift once they are
not; a reminder is a direct message to an owner on shift, and goes to the inbox, naming
the owner, when they are off or the target is missed. A desk without agents shows no
owner at all."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.channels.local import LocalChannel, LocalWorkspace
from bot.config import Config
from bot.desk import load_desk
from bot.runtime import Runtime
from bot.storage import sqlite_url
from handlers.reminders import send_reminders
from tests.bot.calendar.test_shifts import ROSTER
from tests.handlers.desk import DESK, Clock, LocalDesk, local_desk

AIKO, KENJI = "U0AIKO0001", "U0KENJI001"


@asynccontextmanager
async def roster_desk(tmp_path: Path, clock: Clock) -> AsyncIterator[LocalDesk]:
    path = tmp_path / "desk.yaml"
    path.write_text(ROSTER, encoding="utf-8")
    desk = replace(DESK, agents=load_desk(path).agents)
    db = tmp_path / "desk.sqlite3"
    config = replace(Config(), database_url=sqlite_url(db), translator="none")
    channel, workspace = LocalChannel(), LocalWorkspace()
    runtime = Runtime(
        config, channels=[channel], workspace=workspace, clock=clock, background=False, desk=desk
    )
    async with runtime:
        yield LocalDesk(runtime, channel, workspace, clock, db)


async def _owner(desk: LocalDesk, chat: str) -> str | None:
    customer = await desk.customer(chat)
    [conversation_id] = await desk.store.customer_conversations([customer.id])
    ownership = await desk.store.owner_of(conversation_id)
    return ownership.owner_id if ownership else None


async def test_round_robin_follow_ups_and_reminders(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 12, 7, 5, tzinfo=UTC))  # 14:00 in Tokyo: Aiko and Kenji
    async with roster_desk(tmp_path, clock) as desk:
        for chat, name in (("701", "Yuki"), ("702", "Ken"), ("703", "Hana")):
            await desk.say("注文はどこですか", chat=chat, name=name, hint="ja")
            clock.now += timedelta(minutes=1)
        assert [await _owner(desk, c) for c in ("701", "702", "703")] == [AIKO, KENJI, AIKO]
        assert [c.owner.name for c in desk.cards() if c.owner] == ["Aiko", "Kenji", "Aiko"]
        clock.now = datetime(2026, 12, 7, 6, 30, tzinfo=UTC)
        await desk.say("注文はどこですか", chat="704", name="Mei", hint="ja")
        clock.now += timedelta(minutes=1)
        await desk.say("注文はどこですか", chat="705", name="Sora", hint="ja")
        assert [await _owner(desk, c) for c in ("704", "705")] == [KENJI, AIKO]

        # three hours on, Yuki's first-response target is an hour away: Aiko is told alone
        clock.now = datetime(2026, 12, 7, 8, 0, 30, tzinfo=UTC)
        await send_reminders(desk.runtime.ctx, clock.now)
        await desk.runtime.outbox.drain()
        assert [(who, text.split(" (in")[0]) for who, text in desk.workspace.directs] == [
            (AIKO, "First response due at Mon 09:00 UTC")
        ]
        assert "Yuki's card is yours" in desk.workspace.directs[0][1]
        assert not any("First response due" in note for note in desk.notes())

        # 18:31 in Tokyo: Sora's target is an hour away, but Aiko is off: the inbox
        clock.now = datetime(2026, 12, 7, 9, 31, 30, tzinfo=UTC)
        await send_reminders(desk.runtime.ctx, clock.now)
        await desk.runtime.outbox.drain()
        assert "⏰ First response due at Mon 10:31 UTC (in 59 min). Owner: Aiko." in desk.notes()
        assert desk.workspace.directs[-1][0] == KENJI  # Mei's, with Kenji on shift

        # 19:00 in Tokyo: Aiko is off, Kenji still on
        clock.now = datetime(2026, 12, 7, 10, tzinfo=UTC)
        await send_reminders(desk.runtime.ctx, clock.now)
        await desk.runtime.outbox.drain()  # inbox notes go through the outbox
        missed = [n for n in desk.notes() if "target was missed" in n]
        assert any("Owner: Aiko." in n for n in missed)  # missed: the inbox, naming her
        assert any("Owner: Kenji." in n for n in missed)
        await desk.say("まだですか？", chat="701", name="Yuki", hint="ja")
        assert await _owner(desk, "701") == KENJI  # his, as she is off shift
        customer = await desk.customer("701")
        [conversation_id] = await desk.store.customer_conversations([customer.id])
        history = await desk.store.assignment_history(conversation_id)
        assert [(e.action, e.owner_id) for e in history] == [("auto", AIKO), ("auto", KENJI)]


async def test_a_desk_without_agents_shows_no_owner(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say("Where is my order?")
        [card] = desk.cards()
        assert not card.assignable and card.owner is None
        assert (await desk.command("shifts")).startswith("The desk file names no agents")
