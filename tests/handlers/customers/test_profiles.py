"""Profiles: segments staff can rely on, the line on every card, and the full profile
behind `/borderdesk customer`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert

from bot.models import ActionKind
from bot.storage.schema import problems
from handlers.customers import Segment, load_profile, summary_line
from tests.handlers.desk import MONDAY, LocalDesk, add_order, local_desk


async def shopper(desk: LocalDesk, chat: str, name: str, text: str = "hello, a question") -> int:
    await desk.say(text, chat=chat, name=name)
    return (await desk.customer(chat)).id


async def add_problem(desk: LocalDesk, customer_id: int, days_ago: int, intent: str) -> None:
    [conversation] = await desk.store.customer_conversations([customer_id])
    async with desk.store.engine.begin() as conn:
        await conn.execute(
            insert(problems).values(
                conversation_id=conversation,
                source="shopper",
                department="warehouse",
                intent=intent,
                channel="telegram",
                created_at=MONDAY - timedelta(days=days_ago),
            )
        )


async def test_segments_new_repeat_vip_and_at_risk(tmp_path: Path) -> None:
    async with local_desk(tmp_path, vip_spend=300.0, vip_orders=4) as desk:
        new = await shopper(desk, "1", "Nina New")
        await add_order(desk.store, "2001", customer_id=new)
        repeat = await shopper(desk, "2", "Rui Repeat")
        for n in range(3):
            await add_order(desk.store, f"300{n}", customer_id=repeat)
        await add_order(desk.store, "3009", customer_id=repeat, status="cancelled", total=900)
        big = await shopper(desk, "3", "Vera Big")
        await add_order(desk.store, "4001", customer_id=big, total=320.0)
        often = await shopper(desk, "4", "Olga Often")
        for n in range(4):
            await add_order(desk.store, f"500{n}", customer_id=often, total=10.0)
        unhappy = await shopper(desk, "5", "Uwe Unhappy")
        await add_order(desk.store, "6001", customer_id=unhappy, total=400, evaluation="bad")
        await add_order(desk.store, "6002", customer_id=unhappy, evaluation="good")
        troubled = await shopper(desk, "6", "Tom Troubled")
        await add_problem(desk, troubled, 10, "damaged_item")
        await add_problem(desk, troubled, 80, "missing_item")
        long_ago = await shopper(desk, "7", "Lia Longago")
        await add_problem(desk, long_ago, 10, "damaged_item")
        await add_problem(desk, long_ago, 120, "missing_item")

        async def profile(customer_id: int):  # type: ignore[no-untyped-def]
            found = await load_profile(desk.runtime.ctx, customer_id, MONDAY)
            assert found is not None
            return found

        assert (await profile(new)).segment is Segment.NEW
        rui = await profile(repeat)
        assert (rui.segment, rui.repeat_purchases) == (Segment.REPEAT, 2), "cancelled not counted"
        assert (await profile(big)).segment is Segment.VIP  # by spend
        assert (await profile(often)).segment is Segment.VIP  # by number of orders
        uwe = await profile(unhappy)
        assert uwe.segment is Segment.VIP and uwe.at_risk and uwe.evaluations == (1, 1)
        assert uwe.labels == ("VIP", "at risk")
        tom = await profile(troubled)
        assert tom.at_risk and tom.recent_problems == 2 and tom.segment is Segment.NEW
        line = summary_line(tom, MONDAY)
        assert line.startswith("New customer · at risk · no linked orders")
        assert "problems: 2 (2 in 90 days)" in line
        lia = await profile(long_ago)
        assert not lia.at_risk and lia.recent_problems == 1 and len(lia.problems) == 2
        assert not (await profile(new)).at_risk


async def test_card_line_and_the_full_profile_by_name_order_and_id(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say("Hi there", chat="11", name="Ana Lima", hint="pt-br")
        ana = (await desk.customer("11")).id
        await add_order(desk.store, "#1001", customer_id=ana, total=120.0, currency="BRL")
        await add_order(desk.store, "#1002", customer_id=ana, total=80.0, currency="BRL")
        await desk.say("Hello", chat="12", name="Anabel Souza")
        await desk.say("Hello", chat="13", name="Bob Stone")

        await desk.say("Olá, tudo bem?", chat="11", name="Ana Lima", hint="pt-br")
        line = desk.cards()[-1].profile or ""
        assert "Repeat customer" in line and "2 orders (1 repeat), 200.00 BRL" in line
        assert "local time 07:00" in line, "São Paulo time, from the Telegram region"

        full = await desk.command("customer #1001")
        assert full.startswith(f"Customer {ana}: Ana Lima — Repeat customer")
        assert "telegram 11" in full and "America/Sao_Paulo" in full
        assert "#1002 · 2026-11-13 · paid · 1 × Desk lamp · 80.00 BRL" in full
        assert await desk.command(f"customer id:{ana}") == full

        listing = await desk.command("customer ana")
        assert "2 customers match" in listing and "Anabel Souza" in listing
        assert f"id:{ana} Ana Lima" in listing
        assert "No customer matches" in await desk.command("customer Zed")
        await desk.say("The parcel arrived and the cup inside is broken!", chat="11")
        await desk.act(ActionKind.ESCALATE, desk.cards()[-1])
        [escalation] = await desk.store.open_escalations()
        await desk.act(
            ActionKind.RESOLVE_SUBMIT,
            extra={"escalation": str(escalation.id)},
            intent="packing",
            text="sent a new cup",
        )
        full = await desk.command(f"customer id:{ana}")
        assert "Problems: 1 (1 in the last 90 days)" in full
        assert "damaged item → warehouse · resolved (root cause: packing)" in full
        await add_order(desk.store, "#3003")
        assert "not linked to a shopper yet" in await desk.command("customer #3003")
        assert "No customer matches" in await desk.command("customer #7777")


async def test_the_same_email_on_two_accounts_is_two_people(tmp_path: Path) -> None:
    """Was "one person": an e-mail typed at checkout proves nothing about who controls it,
    so sharing it joined an attacker to their victim (issue 14)."""
    async with local_desk(tmp_path) as desk:
        await add_order(desk.store, "#1001", email="ana@example.com")
        await add_order(desk.store, "#1002", email="ana@example.com", ordered_at=MONDAY)
        await desk.say("Order #1001, ana@example.com", chat="21")
        await desk.say("Order #1002, e-mail ANA@example.com", chat="22")
        first, second = await desk.customer("21"), await desk.customer("22")
        for customer, number in ((first, "#1001"), (second, "#1002")):
            profile = await load_profile(desk.runtime.ctx, customer.id, MONDAY)
            assert profile is not None
            assert [c.id for c in profile.identities] == [customer.id]
            assert [o.order_number for o in profile.orders] == [number]
        assert "channel identities" not in (desk.cards()[-1].profile or "")
