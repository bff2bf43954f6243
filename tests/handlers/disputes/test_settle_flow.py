"""A dispute that costs less than a return, end to end on the local desk (issue 19's
"must show"): the return costs more than the item, so the card offers the refund without
return; staff click it; the shopper gets the reply in their language; the decision and its
cost are recorded; and the management digest's money line shows the return shipping kept.
A flagged buyer's settlement still needs a manager."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.desk import DisputePolicy, ReturnRegion
from bot.models import ActionKind, Card
from bot.storage.disputes import Settled
from scheduler.digest_render import render_management
from scheduler.management_report import build_management_digest
from tests.handlers.desk import (
    DESK,
    MANAGER,
    MANAGER_NAME,
    MONDAY,
    LocalDesk,
    add_order,
    local_desk,
)

POLICY = DisputePolicy(
    currency="EUR",
    regions=(
        ReturnRegion("home", frozenset({"DE"}), Decimal("6.50")),
        ReturnRegion("overseas", frozenset({"GB", "US"}), Decimal("18.00")),
    ),
    default_cost=Decimal("25.00"),
    partial_refunds=(20, 50),
    reship=True,
)
BROKEN_MUG = "La taza del pedido #A10293 llegó rota. Mi correo es ana@example.com"


async def _dispute(
    desk: LocalDesk, *, total: float = 12.0, country: str = "GB", status: str = "delivered"
) -> Card:
    desk.runtime.ctx.desk = replace(DESK, disputes=POLICY)
    await add_order(
        desk.store, "#A10293", email="ana@example.com", total=total, country=country,
        items=(("Taza de cerámica", 1),), status=status,
    )  # fmt: skip
    await desk.say(BROKEN_MUG, hint="es")
    [card] = desk.cards()
    return card


def _card(desk: LocalDesk, suggestion_id: int) -> Card:
    return next(c for c in desk.cards() if c.suggestion_id == suggestion_id)


async def test_a_return_dearer_than_the_item_is_settled_by_a_refund_without_return(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        card = await _dispute(desk)
        assert card.dispute is not None
        assert card.dispute.summary == (
            "Return costs about 18.00 EUR against an item of 12.00 EUR: offer a refund "
            "without return, or a replacement."
        )
        recommended = [c.key for c in card.dispute.choices if c.recommended]
        assert recommended == ["keep_refund", "reship"]
        assert [c.label for c in card.dispute.choices][:2] == [
            "Refund, keep it (12.00 EUR)",
            "20% back, keep it (2.40 EUR)",
        ]

        await desk.act(ActionKind.SETTLE, card, extra={"option": "keep_refund"})

        [reply] = desk.sent()
        assert reply == (
            "Hola, Ana: ya lo hemos resuelto. Te reembolsamos 12,00\xa0€ del pedido A10293 y "
            "no hace falta que devuelvas el artículo: puedes quedártelo."
        )
        decided = _card(desk, card.suggestion_id)
        assert decided.decision == (
            "Settled (refund without return) by lee at 2026-11-23 10:00 UTC"
        )
        assert await desk.store.settlement(card.suggestion_id) == Settled(
            option="keep_refund", currency="EUR", item_value=12.0, refund=12.0,
            return_cost=18.0, return_currency="EUR", return_avoided=18.0, order_id=1,
        )  # fmt: skip

        # a second click (or a colleague's at the same moment) sends nothing more
        await desk.act(ActionKind.SETTLE, card, extra={"option": "return"})
        assert len(desk.sent()) == 1

        digest = await build_management_digest(desk.store.engine, MONDAY.date(), ZoneInfo("UTC"))
        report = render_management(digest)
        [money] = [part for part in report.parts if part.heading.startswith("Money kept")]
        assert money.heading == "Money kept by not shipping items back"
        assert money.lines == (
            "That day: 18.00 EUR of return shipping avoided on 1 dispute (refund without "
            "return 1), 12.00 EUR refunded",
            "Last 30 days: 18.00 EUR of return shipping avoided on 1 dispute (refund without "
            "return 1), 12.00 EUR refunded",
        )
        outcome = next(o for o in digest.outcomes if o.intent == "damaged_item")
        assert outcome.other == 1  # counted among the day's decisions


async def test_a_cheap_return_of_a_dear_item_offers_part_of_the_price_or_a_return(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        card = await _dispute(desk, total=80.0, country="DE")
        assert card.dispute is not None
        assert card.dispute.summary == (
            "Return costs about 6.50 EUR against an item of 80.00 EUR: offer 20% back "
            "(16.00 EUR) to keep it, or a normal return."
        )
        assert "keep_refund" not in [c.key for c in card.dispute.choices]

        await desk.act(ActionKind.SETTLE, card, extra={"option": "partial_refund_20"})

        [reply] = desk.sent()
        assert "el 20\xa0% de su precio (16,00\xa0€) del pedido A10293" in reply
        assert _card(desk, card.suggestion_id).decision == (
            "Settled (20% refund, item kept) by lee at 2026-11-23 10:00 UTC"
        )
        settled = await desk.store.settlement(card.suggestion_id)
        assert settled is not None and (settled.refund, settled.return_avoided) == (16.0, 6.5)


async def test_a_settlement_no_longer_offered_sends_nothing_and_says_why(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        card = await _dispute(desk, total=80.0, country="DE")
        await desk.act(ActionKind.SETTLE, card, extra={"option": "keep_refund"})
        assert desk.sent() == []
        assert any("keep_refund is no longer offered on this card" in n for n in desk.notes())
        assert _card(desk, card.suggestion_id).decision is None
        assert await desk.store.settlement(card.suggestion_id) is None


async def test_a_flagged_buyers_settlement_needs_a_manager(tmp_path: Path) -> None:
    async with local_desk(tmp_path, managers=frozenset({MANAGER})) as desk:
        card = await _dispute(desk)
        ana = await desk.customer()
        assert "Flagged customer" in await desk.command(f"block {ana.id} fraud", "lee")

        await desk.act(ActionKind.SETTLE, card, extra={"option": "keep_refund"})
        assert desk.sent() == []
        assert any("flagged" in n and "a manager" in n for n in desk.notes())
        assert await desk.store.settlement(card.suggestion_id) is None

        await desk.act(
            ActionKind.SETTLE, card, user=(MANAGER, MANAGER_NAME), extra={"option": "keep_refund"}
        )
        assert len(desk.sent()) == 1 and "12,00\xa0€" in desk.sent()[0]
        assert _card(desk, card.suggestion_id).decision == (
            "Settled (refund without return) by mira at 2026-11-23 10:00 UTC"
        )
        assert [(actor, action) for actor, action, _, _ in await desk.audit_rows()] == [
            ("lee", "block"),
            ("mira", "approve_refund"),
        ]


async def test_an_order_not_shipped_has_nothing_to_send_back_and_no_offer(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        card = await _dispute(desk, status="paid")
        assert card.dispute is None
        assert "Linked order #A10293 (e-mail matches)." in card.notes
