"""The shop's side of ``borderdesk demo``: its orders, a parcel leaving the warehouse, the
proactive check and the staff commands, printed as the day goes.

The orders are imported before the desk opens; shoppers then link them by writing an
order number with the e-mail on it (the steps in ``bot.demo_script``). The runtime checks
for proactive notices every minute; the demo, which owns its clock, checks after every
step and scene instead::

    tally = OrderTally()
    await import_orders(runtime, transcript, tally)
    await check_proactive(runtime, transcript, tally)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from bot.orders.model import OrderEvent, parse_order
from bot.runtime import Runtime
from handlers.proactive import send_proactive


class Narrator(Protocol):
    """Prints one transcript line: who sees it, and what."""

    def line(self, who: str, text: str) -> None: ...


type Scene = Callable[[Runtime, Narrator, OrderTally], Awaitable[None]]

MANAGER = "Noor"  # approves refunds for flagged buyers (Config.managers in the demo)

# The shop's export, as ``borderdesk orders import`` would read it; times carry their zone.
ORDERS: tuple[Mapping[str, Any], ...] = (
    {
        "order_number": "#10398",
        "name": "Carmen Ruiz",
        "email": "carmen.ruiz@example.es",
        "country": "ES",
        "language": "es",
        "currency": "EUR",
        "total": "64.90",
        "items": "Linen tablecloth x1; Napkin set x2",
        "status": "shipped",
        "ordered_at": "2026-11-12T18:20:00+01:00",
        "paid_at": "2026-11-12T18:21:00+01:00",
        "shipped_at": "2026-11-14T10:05:00+01:00",
        "carrier": "Correos",
        "tracking_number": "PQ4B1C0712345670128043M",
        "estimated_delivery": "2026-11-21",
    },
    {
        "order_number": "#10412",
        "name": "Victor Hale",
        "email": "v.hale@example.com",
        "country": "GB",
        "language": "en",
        "currency": "GBP",
        "total": "129.00",
        "items": "Brass floor lamp x1",
        "status": "delivered",
        "ordered_at": "2026-11-15T21:02:00Z",
        "shipped_at": "2026-11-17T09:30:00Z",
        "delivered_at": "2026-11-20T13:12:00Z",
        "carrier": "Royal Mail",
        "tracking_number": "RM204918377GB",
    },
    {
        "order_number": "#10421",
        "name": "Jonas Weber",
        "email": "jonas.weber@example.de",
        "country": "DE",
        "language": "de",
        "currency": "EUR",
        "total": "89.50",
        "items": "Ceramic teapot x1; Tea cup x4",
        "status": "shipped",
        "ordered_at": "2026-11-18T08:47:00+01:00",
        "shipped_at": "2026-11-20T15:40:00+01:00",
        "carrier": "DHL",
        "tracking_number": "JJD0001490267384512",
        "tracking_url": "https://www.dhl.de/de/privatkunden.html?piececode=JJD0001490267384512",
        "estimated_delivery": "2026-11-26",
    },
    {
        "order_number": "#10437",
        "name": "Élodie Bernard",
        "email": "elodie.bernard@example.fr",
        "country": "FR",
        "language": "fr",
        "currency": "EUR",
        "total": "42.00",
        "items": "Stoneware mug x1",
        "status": "paid",
        "ordered_at": "2026-11-23T20:14:00+01:00",
        "paid_at": "2026-11-23T20:15:00+01:00",
    },
    {
        # his WhatsApp number, as he typed it at checkout (the shop keeps it in national
        # form): he writes from it, and it links this order to him
        "order_number": "#10445",
        "name": "Rafael Oliveira",
        "phone": "(11) 98765-4321",
        "country": "BR",
        "language": "pt",
        "currency": "BRL",
        "total": "249.90",
        "items": "Espresso cup x6",
        "status": "shipped",
        "ordered_at": "2026-11-17T14:05:00-03:00",
        "shipped_at": "2026-11-19T11:30:00-03:00",
        "carrier": "Correios",
        "tracking_number": "QB482915736BR",
        "estimated_delivery": "2026-12-01",
    },
)

# In the afternoon the warehouse hands #10437, now two mugs, to the carrier; the shop sends
# an order event.
SHIPMENT: Mapping[str, Any] = {
    "order_number": "#10437",
    "items": "Stoneware mug x2",
    "total": "84.00",
    "status": "shipped",
    "carrier": "Colissimo",
    "tracking_number": "6A23948571034",
    "tracking_url": "https://www.laposte.fr/outils/suivre-vos-envois?code=6A23948571034",
    "estimated_delivery": "2026-11-27",
    "event_id": "demo-shipment-10437",
}


@dataclass
class OrderTally:
    """What the order scenes did, for the demo's summary."""

    notices: int = 0  # proactive notices queued


def order_line(event: OrderEvent) -> str:
    """One imported order as the shop's export shows it."""
    parts = [event.order_number, f"{event.name} ({event.country})"]
    parts.append(", ".join(f"{quantity} × {title}" for title, quantity in event.items))
    parts.append(f"{event.total:.2f} {event.currency}")
    parts.append(event.status or "created")
    if event.carrier:
        parts.append(f"{event.carrier} {event.tracking_number}")
    if event.estimated_delivery and event.status != "delivered":
        parts.append(f"estimated {event.estimated_delivery:%a %d %b}")
    return " · ".join(parts)


async def import_orders(runtime: Runtime, narrator: Narrator, tally: OrderTally) -> None:
    """The shop's order export, imported before the desk opens."""
    events = [parse_order(row) for row in ORDERS]
    narrator.line("SHOP", f"the overnight order export is imported: {len(events)} orders")
    for event in events:
        await runtime.ctx.store.upsert_order(event, "import", runtime.clock())
        narrator.line("", order_line(event))


async def ship_order(runtime: Runtime, narrator: Narrator, tally: OrderTally) -> None:
    """An order event from the shop: the parcel left with the carrier."""
    event = parse_order(SHIPMENT)
    narrator.line(
        "SHOP",
        f"order event: {event.order_number} handed to {event.carrier}, tracking "
        f"{event.tracking_number}, estimated {event.estimated_delivery:%a %d %b}",
    )
    await runtime.ctx.store.upsert_order(event, "event", runtime.clock())


async def check_proactive(runtime: Runtime, narrator: Narrator, tally: OrderTally) -> None:
    """What the runtime's proactive loop does each minute: late orders, then notices."""
    queued = await send_proactive(runtime.ctx, runtime.clock())
    if queued:
        tally.notices += queued
        narrator.line(
            "BORDERDESK", f"proactive check: {queued} notice(s) queued before anyone asked"
        )
    await runtime.outbox.drain()


async def staff_types(runtime: Runtime, narrator: Narrator, staff: str, command: str) -> None:
    """A ``/borderdesk`` command and its answer, which only the one who typed it sees."""
    narrator.line("STAFF", f"{staff} types /borderdesk {command}")
    answer = await runtime.on_command(command, actor=staff)
    for text in answer.splitlines():
        narrator.line("PRIVATE", text)
    await runtime.outbox.drain()


def command_scene(staff: str, command: str) -> Scene:
    """A scene in which a staff member types a command."""

    async def scene(runtime: Runtime, narrator: Narrator, tally: OrderTally) -> None:
        await staff_types(runtime, narrator, staff, command)

    return scene


# What happens at the shop and the desk between shoppers' messages, by time (UTC); the
# proactive check follows each.
SCENES: tuple[tuple[str, Scene], ...] = (
    ("08:30", import_orders),
    ("14:00", ship_order),
    ("17:10", command_scene("Lee", "customer Carmen")),
)
