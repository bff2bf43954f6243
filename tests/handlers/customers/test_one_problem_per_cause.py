"""One problem per cause: a shopper's reports and the desk's own late-order finding about the
same order (or, without an order, the same conversation within two weeks) are one problem
with several reports, in the profile, the at-risk flag and the department digest.

Driven through the running desk (classification, staff clicks, the proactive pass) on a
real SQLite file; the digest is built from that file as the morning job would.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.models import ActionKind, Card
from bot.storage.problem_causes import SAME_CAUSE_WINDOW
from bot.storage.schema import problem_reports, problems
from handlers.customers import Profile, load_profile, profile_text, summary_line
from handlers.proactive import send_proactive
from scheduler.digest import IntentTrend, build_digest
from scheduler.digest_render import render_digest
from tests.handlers.desk import MONDAY, LocalDesk, add_order, local_desk, shipped

UTC_ZONE = ZoneInfo("UTC")
LATE = "Order 1001 is still not here, it is very late"  # delivery_delay, order 1001
LATE_NO_NUMBER = "My parcel is late, it still hasn't arrived."  # delivery_delay, no order
BROKEN = "The mug in order #B2041 arrived broken."  # damaged_item, order B2041
BROKEN_AGAIN = "The package arrived damaged, the mug is broken. Order B-2041"  # the same order
BROKEN_OTHER = "The mug in order #B2042 arrived broken."
SMASHED = "The cup arrived smashed into pieces."  # damaged_item, no order


async def profile_of(desk: LocalDesk, chat: str = "4242") -> Profile:
    found = await load_profile(desk.runtime.ctx, (await desk.customer(chat)).id, desk.clock.now)
    assert found is not None
    return found


async def late_order(desk: LocalDesk, number: str = "#1001", chat: str = "4242") -> int:
    """A shipped order of the shopper, due five days ago and still not delivered."""
    estimate = (MONDAY - timedelta(days=5)).date()
    customer_id = (await desk.customer(chat)).id
    return await add_order(
        desk.store, number, customer_id=customer_id, **shipped("DHL", "JJD0001", estimate)
    )


async def notice_late_orders(desk: LocalDesk) -> None:
    """The minute's proactive pass: late orders are reported to logistics."""
    await send_proactive(desk.runtime.ctx, desk.clock.now)
    await desk.runtime.outbox.drain()


def later(desk: LocalDesk, **delta: float) -> None:
    desk.clock.now += timedelta(**delta)


async def reports_per_problem(desk: LocalDesk) -> dict[tuple[str, str | None], list[str]]:
    """(intent, order key) -> the sources of its reports, in time order."""
    async with desk.store.engine.connect() as conn:
        rows = await conn.execute(
            select(problems.c.id, problems.c.intent, problems.c.order_key, problem_reports.c.source)
            .join(problem_reports, problem_reports.c.problem_id == problems.c.id)
            .order_by(problems.c.id, problem_reports.c.created_at, problem_reports.c.id)
        )
        found: dict[tuple[str, str | None], list[str]] = {}
        ids: dict[tuple[str, str | None], int] = {}
        for row in rows:
            key = (row.intent, row.order_key)
            assert ids.setdefault(key, row.id) == row.id, f"two open problems for {key}"
            found.setdefault(key, []).append(row.source)
        return found


def card_saying(desk: LocalDesk, text: str) -> Card:
    return next(c for c in reversed(desk.cards()) if c.original_text == text)


@pytest.mark.parametrize(
    ("first", "complaint"),
    [
        ("complaint", LATE),
        ("detection", LATE),
        ("complaint", LATE_NO_NUMBER),
        ("detection", LATE_NO_NUMBER),
    ],
)
async def test_late_order_noticed_by_the_desk_and_the_shoppers_complaint_counted_twice(
    tmp_path: Path, first: str, complaint: str
) -> None:
    """The bug: the desk's late-order finding and the shopper's complaint about it were two
    problems, "at risk" and "Orders: 1001 ×2" in the digest. Whatever came first, one."""
    async with local_desk(tmp_path) as desk:
        await desk.say("hello, a question")
        await late_order(desk)
        if first == "complaint":
            await desk.say(complaint)
            later(desk, hours=1)
            await notice_late_orders(desk)
        else:
            await notice_late_orders(desk)
            later(desk, hours=1)
            await desk.say(complaint)
        assert card_saying(desk, complaint).suggestion.intent == "delivery_delay"

        sources = ["shopper", "order"] if first == "complaint" else ["order", "shopper"]
        assert await reports_per_problem(desk) == {("delivery_delay", "1001"): sources}
        ana = await profile_of(desk)
        assert not ana.at_risk and ana.recent_problems == 1
        assert "problems: 1 (1 in 90 days" in summary_line(ana, desk.clock.now)
        assert "order #1001 · 2 reports · not escalated" in profile_text(ana, desk.clock.now)

        digest = await build_digest(desk.store.engine, "logistics", MONDAY.date(), UTC_ZONE)
        assert digest.problems == (IntentTrend("delivery_delay", 1, 0.0, reports=2),)
        assert digest.recurring["order_number"] == () and digest.recurring["carrier"] == ()
        text = render_digest(digest).text
        assert "Problems reported: 1 (2 reports)" in text
        assert "delivery delay: 1 (2 reports; 7-day average 0.0, new)" in text
        assert "×2" not in text


async def test_a_late_order_the_shopper_calls_lost_is_one_problem(tmp_path: Path) -> None:
    """The desk noticed order 1001 late; the shopper, seeing tracking stuck for days,
    calls it lost. One parcel not arriving: one problem, filed as the delay it began as."""
    lost = "Order 1001 never arrived, the tracking has not moved in two weeks, it is lost."
    async with local_desk(tmp_path) as desk:
        await desk.say("hello, a question")
        await late_order(desk)
        await notice_late_orders(desk)
        later(desk, hours=1)
        await desk.say(lost)
        # a parcel still on its way and past its date is answered as late, whatever the
        # shopper calls it (``replies.order_state``): the carrier is asked either way
        assert card_saying(desk, lost).suggestion.intent == "delivery_delay"

        assert await reports_per_problem(desk) == {("delivery_delay", "1001"): ["order", "shopper"]}
        ana = await profile_of(desk)
        assert not ana.at_risk and ana.recent_problems == 1


async def test_two_messages_about_the_same_damaged_order_are_one_problem(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say(BROKEN)
        later(desk, hours=2)
        await desk.say(BROKEN_AGAIN)  # "B-2041" is "#B2041" written another way

        assert await reports_per_problem(desk) == {("damaged_item", "B2041"): ["shopper"] * 2}
        ana = await profile_of(desk)
        assert not ana.at_risk and [p.reports for p in ana.problems] == [2]
        digest = await build_digest(desk.store.engine, "warehouse", MONDAY.date(), UTC_ZONE)
        assert digest.problems == (IntentTrend("damaged_item", 1, 0.0, reports=2),)
        assert [q.text for q in digest.quotes] == [BROKEN_AGAIN], "the latest words"


async def test_two_different_orders_are_two_problems(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say(BROKEN)
        later(desk, hours=2)
        await desk.say(BROKEN_OTHER)

        assert await reports_per_problem(desk) == {
            ("damaged_item", "B2041"): ["shopper"],
            ("damaged_item", "B2042"): ["shopper"],
        }
        ana = await profile_of(desk)
        assert ana.at_risk and ana.recent_problems == 2
        digest = await build_digest(desk.store.engine, "warehouse", MONDAY.date(), UTC_ZONE)
        assert digest.problems == (IntentTrend("damaged_item", 2, 0.0, reports=2),)
        assert "damaged item: 2 (7-day average" in render_digest(digest).text


async def test_a_report_after_the_problem_was_resolved_is_a_new_problem(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say(BROKEN)
        await desk.act(ActionKind.ESCALATE, card_saying(desk, BROKEN))
        [escalation] = await desk.store.open_escalations("warehouse")
        later(desk, hours=3)
        assert await desk.store.resolve(escalation.id, "Mia", desk.clock.now, "packing", "Sent.")
        later(desk, days=2)
        await desk.say(BROKEN_AGAIN)  # the replacement arrived broken too

        ana = await profile_of(desk)
        assert [(p.escalation_status, p.reports) for p in ana.problems] == [
            ("resolved", 1),
            (None, 1),
        ]
        assert ana.at_risk


async def test_a_report_without_an_order_joins_within_two_weeks_and_not_after(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say(SMASHED)
        later(desk, days=3)
        await desk.say(SMASHED)
        assert [p.reports for p in (await profile_of(desk)).problems] == [2]
        later(desk, days=SAME_CAUSE_WINDOW.days + 1)
        await desk.say(SMASHED)
        assert [p.reports for p in (await profile_of(desk)).problems] == [2, 1]
        await desk.say(SMASHED, chat="5151", name="Other Shopper")
        assert [p.reports for p in (await profile_of(desk, "5151")).problems] == [1]


async def test_staff_correcting_one_reports_intent_moves_only_that_report(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say(BROKEN)
        later(desk, minutes=10)
        await desk.say(BROKEN_AGAIN)
        later(desk, minutes=10)
        await desk.act(
            ActionKind.OTHER_SUBMIT, card_saying(desk, BROKEN_AGAIN), intent="wrong_item"
        )
        assert await reports_per_problem(desk) == {
            ("damaged_item", "B2041"): ["shopper"],
            ("wrong_item", "B2041"): ["shopper"],
        }
        await desk.act(ActionKind.OTHER_SUBMIT, card_saying(desk, BROKEN), intent="track_order")
        assert await reports_per_problem(desk) == {("wrong_item", "B2041"): ["shopper"]}
        async with desk.store.engine.connect() as conn:
            assert await conn.scalar(select(func.count()).select_from(problems)) == 1


async def test_a_report_about_an_earlier_problem_is_in_the_days_digest(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say(BROKEN)
        later(desk, days=1)
        await desk.say(BROKEN_AGAIN)

        tuesday = (MONDAY + timedelta(days=1)).date()
        digest = await build_digest(desk.store.engine, "warehouse", tuesday, UTC_ZONE)
        assert digest.problems == (IntentTrend("damaged_item", 0, 1 / 7, reports=1, earlier=1),)
        assert not digest.quiet and [q.text for q in digest.quotes] == [BROKEN_AGAIN]
        text = render_digest(digest).text
        assert "Problems reported: 0 (1 report)" in text
        assert "damaged item: 0 (1 report, 1 about an earlier problem; 7-day average 0.1" in text


async def test_the_escalated_card_keeps_its_escalation_and_shows_its_problems_facts(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say("hello, a question")
        await late_order(desk)
        await notice_late_orders(desk)
        later(desk, hours=1)
        await desk.say(LATE)
        await desk.act(ActionKind.ESCALATE, card_saying(desk, LATE))
        [escalation] = await desk.store.open_escalations("logistics")
        assert escalation.suggestion_id == card_saying(desk, LATE).suggestion_id
        assert (escalation.facts.order_number, escalation.facts.carrier) == ("1001", "DHL")
        assert (escalation.facts.tracking_number, escalation.facts.product) == (
            "JJD0001",
            "Desk lamp",
        )
        ana = await profile_of(desk)
        assert [(p.escalation_status, p.reports) for p in ana.problems] == [("open", 2)]
        assert ana.problems[0].created_at == MONDAY  # dated by the desk's finding, its first
