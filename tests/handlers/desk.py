"""A desk on the local channel and workspace with a fixed clock, and shop orders written
straight into its database (as the order import would leave them)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from bot.calendar.hours import BusinessCalendar
from bot.channels.local import LocalChannel, LocalWorkspace
from bot.config import Config
from bot.desk import DEPARTMENTS, Department, Desk
from bot.models import ActionKind, Card, CardRef, InboundMessage, StaffAction
from bot.runtime import Runtime
from bot.storage import Store, sqlite_url
from bot.storage.customer_records import CustomerRecord
from bot.storage.records import new_id
from bot.storage.schema import audit, orders

MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
MANAGER, MANAGER_NAME = "U0MANAGER01", "mira"
AGENT, AGENT_NAME = "U0AGENT0001", "lee"
_OPEN = BusinessCalendar.from_dict({"timezone": "UTC", "hours": {"mon-sun": "00:00-24:00"}})
DESK = Desk(
    calendar=_OPEN,
    departments={name: Department(name=name, calendar=_OPEN) for name in DEPARTMENTS},
)


class Clock:
    def __init__(self, now: datetime = MONDAY) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class LocalDesk:
    runtime: Runtime
    channel: LocalChannel
    workspace: LocalWorkspace
    clock: Clock
    db: Path
    _n: int = 0

    @property
    def store(self) -> Store:
        return self.runtime.ctx.store

    async def say(
        self, text: str, *, chat: str = "4242", name: str = "Ana Lima", hint: str = "en"
    ) -> None:
        """A shopper writes; everything it causes (cards, replies, notes) is done after."""
        self._n += 1
        await self.runtime.on_message(
            InboundMessage(
                channel="telegram",
                chat_id=chat,
                platform_message_id=f"{chat}:{self._n}",
                user_id=chat,
                user_name=name,
                text=text,
                received_at=self.clock.now,
                language_hint=hint,
            )
        )
        await self.runtime.outbox.drain()

    async def act(
        self,
        kind: ActionKind,
        on: Card | None = None,
        *,
        user: tuple[str, str] = (AGENT, AGENT_NAME),
        **fields: Any,
    ) -> None:
        await self.runtime.on_action(
            StaffAction(
                kind=kind,
                user_id=user[0],
                user_name=user[1],
                at=self.clock.now,
                suggestion_id=on.suggestion_id if on else None,
                handle="trigger",
                **fields,
            )
        )
        await self.runtime.outbox.drain()

    async def command(self, text: str, actor: str = "lee") -> str:
        from handlers.commands import staff_command

        answer = await staff_command(self.runtime.ctx, text, actor=actor)
        await self.runtime.outbox.drain()
        return answer

    def cards(self) -> list[Card]:
        """Cards in the order they were posted (as redrawn since)."""
        return [c.card for c in self.workspace.cards.values()]

    def first_card(self) -> CardRef:
        """Where the conversation's thread hangs (its first card)."""
        return next(iter(self.workspace.cards.values())).ref

    def notes(self) -> list[str]:
        return [text for thread in self.workspace.threads.values() for text in thread]

    def sent(self, chat: str = "4242") -> list[str]:
        return [text for to, text in self.channel.sent if to == chat]

    async def customer(self, chat: str = "4242") -> CustomerRecord:
        found = await self.store.customer_by_identity("telegram", chat)
        assert found is not None
        return found

    async def audit_rows(self) -> list[tuple[str, str, int | None, dict[str, Any]]]:
        async with self.store.engine.connect() as conn:
            rows = await conn.execute(select(audit).order_by(audit.c.id))
            return [(r.actor, r.action, r.customer_id, dict(r.detail)) for r in rows]


@asynccontextmanager
async def local_desk(
    tmp_path: Path, clock: Clock | None = None, **settings: Any
) -> AsyncIterator[LocalDesk]:
    clock = clock or Clock()
    db = tmp_path / "desk.sqlite3"
    config = replace(Config(), database_url=sqlite_url(db), translator="none", **settings)
    channel, workspace = LocalChannel(), LocalWorkspace()
    runtime = Runtime(
        config, channels=[channel], workspace=workspace, clock=clock, background=False, desk=DESK
    )
    async with runtime:
        yield LocalDesk(runtime, channel, workspace, clock, db)


async def add_order(
    store: Store,
    number: str,
    *,
    email: str | None = None,
    phone: str | None = None,
    customer_id: int | None = None,
    status: str = "paid",
    total: float = 59.90,
    currency: str = "EUR",
    ordered_at: datetime = MONDAY - timedelta(days=10),
    items: tuple[tuple[str, int], ...] = (("Desk lamp", 1),),
    **fields: Any,
) -> int:
    """An order as the shop sent it (what the order import stores)."""
    values: dict[str, Any] = {
        "order_number": number,
        "source": "import",
        "customer_id": customer_id,
        "name": fields.pop("name", "Ana Lima"),
        "email": email,
        "phone": phone,
        "currency": currency,
        "total": total,
        "items": [{"title": title, "quantity": quantity} for title, quantity in items],
        "status": status,
        "ordered_at": ordered_at,
        "updated_at": ordered_at,
        **fields,
    }
    async with store.engine.begin() as conn:
        result = await conn.execute(insert(orders).values(**values))
    return new_id(result)


def shipped(carrier: str, tracking: str, estimate: date, **fields: Any) -> dict[str, Any]:
    return {
        "status": "shipped",
        "carrier": carrier,
        "tracking_number": tracking,
        "tracking_url": f"https://track.example.com/{tracking}",
        "estimated_delivery": estimate,
        "shipped_at": MONDAY - timedelta(days=3),
        **fields,
    }
