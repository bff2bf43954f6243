"""Proactive notices end to end: a desk on the local channel with a fixed clock and a real
SQLite file. Shoppers and their chats are stored the way intake stores them; orders are
written straight into the orders table, as an import would."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from sqlalchemy import insert, select

from bot.calendar.hours import BusinessCalendar
from bot.channels.local import LocalChannel, LocalWorkspace
from bot.config import Config
from bot.desk import DEPARTMENTS, Department, Desk
from bot.models import CardRef, InboundMessage
from bot.orders.model import OrderEvent
from bot.runtime import Runtime
from bot.storage import Store, sqlite_url
from bot.storage.proactive import DELAY_INTENT
from bot.storage.records import new_id
from bot.storage.schema import (
    conversations,
    escalations,
    problem_reports,
    problems,
    suggestions,
)
from handlers.proactive import send_proactive
from replies.engine import SuggestionEngine
from replies.library import DEFAULT_LIBRARY_DIR
from scheduler.digest import IntentTrend, build_digest
from scheduler.digest_render import render_digest
from tests.scheduler.test_digest import Shop

TOKYO = ZoneInfo("Asia/Tokyo")
BERLIN = ZoneInfo("Europe/Berlin")
ALWAYS_OPEN = BusinessCalendar.from_dict({"timezone": "UTC", "hours": {"mon-sun": "00:00-24:00"}})
DESK = Desk(
    calendar=ALWAYS_OPEN,
    departments={n: Department(name=n, calendar=ALWAYS_OPEN) for n in DEPARTMENTS},
)


_ENGINES: list[SuggestionEngine] = []
_LOAD = SuggestionEngine.load


@pytest.fixture(autouse=True)
def _one_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every desk here runs the same built-in library: load its engine once, not per test."""

    def load_once(*args: Any, **kwargs: Any) -> SuggestionEngine:
        if not _ENGINES:
            _ENGINES.append(_LOAD(*args, **kwargs))
        return _ENGINES[0]

    monkeypatch.setattr(SuggestionEngine, "load", load_once)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Shopfront:
    """A running desk plus what the shopper and staff have seen."""

    def __init__(self, runtime: Runtime, channel: LocalChannel, workspace: LocalWorkspace):
        self.runtime, self.channel, self.workspace = runtime, channel, workspace

    @property
    def store(self) -> Store:
        return self.runtime.ctx.store

    async def run(self, clock: Clock, at: datetime) -> int:
        """One minute's pass at ``at``; what was queued goes out through the outbox."""
        clock.now = at.astimezone(UTC)
        queued = await send_proactive(self.runtime.ctx, clock.now)
        await self.runtime.outbox.drain()
        return queued

    def sent(self, chat: str) -> list[str]:
        return [text for to, text in self.channel.sent if to == chat]

    async def shopper(
        self, chat: str, name: str, *, country: str, language: str, at: datetime
    ) -> tuple[int, int]:
        """A shopper who wrote to us once: (customer id, conversation id)."""
        message = InboundMessage(
            channel="telegram", chat_id=chat, platform_message_id=f"{chat}:1", user_id=chat,
            user_name=name, text="hello", received_at=at,
        )  # fmt: skip
        stored = await self.store.record_inbound(message, country=country)
        await self.store.mark_processed(stored.message_id, at, language)
        await self.store.set_conversation_language(stored.conversation_id, language)
        async with self.store.engine.connect() as conn:
            customer_id = (
                await conn.execute(
                    select(conversations.c.customer_id).where(
                        conversations.c.id == stored.conversation_id
                    )
                )
            ).scalar_one()
        return customer_id, stored.conversation_id

    async def order(self, customer_id: int, number: str, at: datetime, **values: Any) -> int:
        """An order as an import stores it, linked to the customer who proved it theirs."""
        event = OrderEvent(number, ordered_at=at, items=(("Desk lamp", 1),), **values)
        order_id, _ = await self.store.upsert_order(event, "import", at)
        await self.store.link_customer_order(customer_id, order_id)
        return order_id

    async def escalated_problem(self, conversation_id: int, text: str, at: datetime) -> int:
        """A shopper's report, recorded as a warehouse problem and escalated; its id."""
        chat = (await self.store.conversation(conversation_id)).chat_id
        message = InboundMessage(
            channel="telegram", chat_id=chat, platform_message_id=f"{chat}:{at.isoformat()}",
            user_id=chat, user_name="Ana Ruiz", text=text, received_at=at,
        )  # fmt: skip
        message_id = (await self.store.record_inbound(message)).message_id
        await self.store.mark_processed(message_id, at, "fr")
        common = {"conversation_id": conversation_id, "intent": "damaged_item", "created_at": at}
        async with self.store.engine.begin() as conn:
            suggestion = new_id(
                await conn.execute(
                    insert(suggestions).values(
                        message_id=message_id, language="fr", confidence=0.9, display={},
                        top=[["damaged_item", 0.9]], status="escalated", **common,
                    )
                )
            )  # fmt: skip
            problem = await conn.execute(
                insert(problems).values(department="warehouse", channel="telegram", **common)
            )
            await conn.execute(
                insert(problem_reports).values(
                    problem_id=new_id(problem), suggestion_id=suggestion, source="shopper",
                    conversation_id=conversation_id, created_at=at,
                )
            )  # fmt: skip
            escalation = await conn.execute(
                insert(escalations).values(
                    suggestion_id=suggestion, department="warehouse", status="open",
                    opened_by="Mia", **common,
                )
            )  # fmt: skip
        return new_id(escalation)


@asynccontextmanager
async def desk_at(tmp_path: Path, clock: Clock, **settings: Any) -> AsyncIterator[Shopfront]:
    config = replace(
        Config(),
        database_url=sqlite_url(tmp_path / "desk.sqlite3"),
        translator="none",
        **settings,
    )
    channel, workspace = LocalChannel(), LocalWorkspace()
    runtime = Runtime(
        config, channels=[channel], workspace=workspace, clock=clock, background=False, desk=DESK
    )
    async with runtime:
        yield Shopfront(runtime, channel, workspace)


def tokyo(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=TOKYO)


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=BERLIN)


async def test_a_tokyo_shopper_hears_of_the_shipment_at_nine_not_at_night_and_only_once(
    tmp_path: Path,
) -> None:
    clock = Clock(tokyo(2, 10))
    async with desk_at(tmp_path, clock) as desk:
        customer, _ = await desk.shopper(
            "77", "Yuki Tanaka", country="JP", language="ja", at=tokyo(1, 12)
        )
        await desk.order(
            customer, "A10293", status="shipped", at=tokyo(1, 12), shipped_at=tokyo(2, 22, 30),
            carrier="Yamato", tracking_number="4455-6677-8899",
            tracking_url="https://track.example/4455", estimated_delivery=date(2026, 3, 6),
        )  # fmt: skip
        assert await desk.run(clock, tokyo(2, 23)) == 0  # shipped at 22:30: quiet hours
        assert await desk.run(clock, tokyo(3, 8, 59)) == 0
        assert desk.sent("77") == []
        assert await desk.run(clock, tokyo(3, 9)) == 1
        [notice] = desk.sent("77")
        assert notice.startswith(
            "Yuki様、ご注文 #A10293 を発送いたしました。Yamatoにてお届けします。"
        )
        assert "追跡番号：4455-6677-8899" in notice and "https://track.example/4455" in notice
        assert "お届け予定日：3月6日(金曜日)" in notice and notice.endswith("とご返信ください。")
        assert await desk.run(clock, tokyo(3, 9, 1)) == 0, "never twice"
    async with desk_at(tmp_path, clock) as desk:  # a restart
        assert await desk.run(clock, tokyo(3, 10)) == 0, "never twice, even after a restart"
        assert desk.sent("77") == []


async def test_payment_reminder_after_the_set_hours_and_never_after_stop(tmp_path: Path) -> None:
    clock = Clock(berlin(2, 10))
    async with desk_at(tmp_path, clock, payment_reminder_hours=6) as desk:
        ana, _ = await desk.shopper("1", "Ana Ruiz", country="ES", language="es", at=berlin(2, 9))
        ben, _ = await desk.shopper("2", "Ben Vogel", country="DE", language="de", at=berlin(2, 9))
        await desk.order(ana, "#1001", status="created", at=berlin(2, 10), country="ES")
        await desk.order(ben, "B1", status="created", at=berlin(2, 10), country="DE")
        await desk.store.set_opted_out([ben], berlin(2, 11))  # Ben wrote "stop"
        assert await desk.run(clock, berlin(2, 15, 59)) == 0
        assert await desk.run(clock, berlin(2, 16)) == 1
        assert desk.sent("1") == [
            "Hola, Ana: tu pedido #1001 está reservado, pero todavía no se ha pagado. Cuando "
            "quieras, completa el pago y empezaremos a prepararlo enseguida. Si ya lo has pagado, "
            "ignora este mensaje.\nResponde STOP para dejar de recibir estos mensajes."
        ]
        assert desk.sent("2") == [], "a shopper who said stop hears nothing"
        assert await desk.run(clock, berlin(3, 10)) == 0


async def test_a_switched_off_notice_is_never_sent(tmp_path: Path) -> None:
    clock = Clock(berlin(2, 10))
    async with desk_at(tmp_path, clock, proactive=frozenset({"payment_reminder"})) as desk:
        ana, _ = await desk.shopper("1", "Ana Ruiz", country="DE", language="en", at=berlin(2, 9))
        await desk.order(
            ana, "A1", status="shipped", at=berlin(1, 10), shipped_at=berlin(2, 10),
            carrier="DHL", tracking_number="JJD01",
        )  # fmt: skip
        await desk.order(ana, "A2", status="created", at=berlin(1, 10))
        assert await desk.run(clock, berlin(2, 12)) == 1
        [reminder] = desk.sent("1")
        assert "#A2" in reminder and "JJD01" not in reminder


async def test_review_request_waits_while_a_problem_is_open_and_skips_a_flagged_buyer(
    tmp_path: Path,
) -> None:
    clock = Clock(berlin(2, 10))
    async with desk_at(tmp_path, clock, review_request_days=5) as desk:
        ana, chat = await desk.shopper(
            "1", "Ana Ruiz", country="FR", language="fr", at=berlin(1, 9)
        )
        eve, _ = await desk.shopper("2", "Eve Roe", country="DE", language="en", at=berlin(1, 9))
        await desk.order(
            ana, "A1", status="delivered", at=berlin(1, 10), delivered_at=berlin(3, 11)
        )
        await desk.order(
            eve, "E1", status="delivered", at=berlin(1, 10), delivered_at=berlin(3, 11)
        )
        await desk.store.set_customer_block(
            [eve], reason="extortion", note=None, by="Mia", at=berlin(2, 9)
        )
        # after delivery Ana reports a broken lamp; staff escalate it to the warehouse
        escalation = await desk.escalated_problem(chat, "La lampe est cassée", berlin(4, 9))

        assert await desk.run(clock, berlin(8, 11)) == 0
        assert desk.sent("1") == [] and desk.sent("2") == []
        assert await desk.store.resolve(escalation, "Mia", berlin(9, 10), "packing", "Replaced.")
        assert await desk.run(clock, berlin(9, 11)) == 1
        [request] = desk.sent("1")
        assert request.startswith("Bonjour Ana, nous espérons que votre commande #A1 vous plaît")
        assert desk.sent("2") == [], "a flagged buyer is never asked for a review"


async def test_a_late_order_is_noted_for_staff_counted_in_the_logistics_digest_and_the_shopper_told(
    tmp_path: Path,
) -> None:
    clock = Clock(berlin(2, 10))
    card = CardRef("CLOCALINBOX", "1700000000.000042")
    async with desk_at(tmp_path, clock) as desk:
        ben, chat = await desk.shopper(
            "2", "Ben Vogel", country="DE", language="de", at=berlin(1, 9)
        )
        await desk.store.set_conversation_card(chat, card)
        order = await desk.order(
            ben, "#B77", status="shipped", at=berlin(1, 10), shipped_at=berlin(2, 10),
            carrier="DHL", tracking_number="JJD0099", estimated_delivery=date(2026, 3, 5),
            country="DE",
        )  # fmt: skip
        assert await desk.run(clock, berlin(2, 10, 1)) == 1  # the shipped notice
        await Shop(desk.store.engine).problem(
            berlin(7, 7), "delivery_delay", text="Wo bleibt mein Paket?", carrier="DHL"
        )
        assert await desk.run(clock, berlin(6, 23, 59)) == 0  # estimate 5th + 1 grace day
        assert await desk.run(clock, berlin(7, 8)) == 0  # late now, but quiet until 09:00
        assert desk.workspace.threads[card.ts] == [
            "⌛ Order #B77 is late: estimated for 2026-03-05, still not delivered "
            "(DHL JJD0099). Counted as a logistics problem. The shopper gets a delay notice."
        ]
        assert await desk.run(clock, berlin(7, 9)) == 1
        delay = desk.sent("2")[-1]
        assert delay.startswith("Hallo Ben, es tut uns leid: Ihre Bestellung #B77 braucht länger")
        assert "mit DHL (JJD0099) unterwegs" in delay
        delivered = OrderEvent("B77", status="delivered", delivered_at=berlin(8, 12))
        await desk.store.upsert_order(delivered, "shopify", berlin(8, 12))
        assert await desk.run(clock, berlin(8, 13)) == 0
        assert len(desk.workspace.threads[card.ts]) == 1 and len(desk.sent("2")) == 2

        digest = await build_digest(desk.store.engine, "logistics", date(2026, 3, 7), BERLIN)
        assert digest.problems == (IntentTrend("delivery_delay", 2, 0.0, reports=2),)
        assert digest.recurring["carrier"] == (("DHL", 2),)
        assert [q.text for q in digest.quotes] == ["Wo bleibt mein Paket?"]
        assert "Problems reported: 2" in render_digest(digest).text
        async with desk.store.engine.connect() as conn:
            row = (await conn.execute(select(problems).where(problems.c.order_id == order))).one()
            [report] = (
                await conn.execute(
                    select(problem_reports).where(problem_reports.c.problem_id == row.id)
                )
            ).all()
        assert (row.source, row.order_number, row.product) == ("order", "B77", "Desk lamp")
        assert (report.source, report.suggestion_id, report.order_id) == ("order", None, order)


def test_the_delay_problem_uses_the_librarys_logistics_intent() -> None:
    data = yaml.safe_load(
        (DEFAULT_LIBRARY_DIR / f"{DELAY_INTENT}.yaml").read_text(encoding="utf-8")
    )
    assert data["department"] == "logistics" and data["problem"] is True
