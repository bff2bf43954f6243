"""The reads behind the digests, the chart and the spike alerts, on SQLite and PostgreSQL:
each reads exactly the window it is given, and the digests built from them are the same
on both databases."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert

from bot.storage.report_records import Inbound, IntentCount, Turn, WaitingEscalation
from bot.storage.schema import problem_reports
from bot.storage.store import Store
from scheduler.chart import problem_series
from scheduler.digest import build_digest
from scheduler.management_report import build_management_digest
from tests.bot.storage.databases import DATABASES, opened_store
from tests.scheduler.test_digest import DAY, TOKYO, Shop, fill_logistics_week

START = datetime(2026, 3, 2, tzinfo=UTC)  # the day read: [START, END)
END = START + timedelta(days=1)
WEEK = START - timedelta(days=7)
M = timedelta(minutes=1)
H = timedelta(hours=1)


@pytest.fixture(params=DATABASES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    async with opened_store(request.param, tmp_path) as opened:
        yield opened


async def test_a_department_day_holds_what_happened_in_its_window_and_nothing_else(
    store: Store,
) -> None:
    shop = Shop(store.engine)
    earlier = await shop.problem(START - 2 * H, "lost_package", order="A0")  # the day before
    await shop.problem(START - 3 * 24 * H, "delivery_delay")  # in the week compared
    await shop.problem(WEEK - M, "delivery_delay")  # before the week: not counted
    await shop.problem(START, "delivery_delay", order="A1", carrier="DHL", country="DE")
    await shop.problem(END - M, "delivery_delay", order="A1", product="Lamp")
    await shop.problem(START + H, "damaged_item", department="warehouse")  # not logistics
    await shop.problem(END, "delivery_delay")  # the next day
    async with store.engine.begin() as conn:  # the shopper writes again about A0
        await conn.execute(
            insert(problem_reports).values(
                problem_id=earlier, conversation_id=shop.chats["chat1"], source="shopper",
                created_at=START + 2 * H,
            )
        )  # fmt: skip
    await shop.escalation(START + H, resolved_at=START + 3 * H, root_cause="carrier")
    await shop.escalation(START + 2 * H, resolved_at=START + 4 * H)  # no root cause given
    waiting = await shop.escalation(START - 24 * H, acknowledged_at=START - 20 * H)
    await shop.escalation(START - 24 * H, resolved_at=START - H)  # resolved before the day
    await shop.escalation(START + H, department="warehouse")

    day = await store.department_day("logistics", since=WEEK, start=START, end=END)

    assert [(r.intent, r.problem_at) for r in day.reports] == [
        ("delivery_delay", START),
        ("lost_package", START - 2 * H),  # a report on the day about an earlier problem
        ("delivery_delay", END - M),
    ]
    assert sorted(day.counts, key=lambda c: c.intent) == [
        IntentCount("delivery_delay", on_day=2, before=1),
        IntentCount("lost_package", on_day=0, before=1),
    ]
    assert [(p.order_number, p.carrier, p.product) for p in day.problems] == [
        ("A1", "DHL", None),
        ("A1", None, "Lamp"),
    ]
    assert day.opened == 2
    assert sorted(day.resolved, key=str) == [("carrier", 1), (None, 1)]
    assert day.waiting == (
        WaitingEscalation(waiting, "lost_package", START - 24 * H, START - 20 * H),
    )


async def test_quoted_messages_are_the_shoppers_words_as_written(store: Store) -> None:
    shop = Shop(store.engine)
    message = await shop.message(START, text="Wo ist mein Paket?", language="de")
    suggestion = await shop.suggest(message, "delivery_delay", START)
    other = await shop.suggest(await shop.message(START, language=None), "greeting", START)

    quoted = await store.quoted_messages([suggestion, other])

    assert (quoted[suggestion].text, quoted[suggestion].language) == ("Wo ist mein Paket?", "de")
    assert quoted[other].language is None
    assert await store.quoted_messages([]) == {}


async def test_problem_times_are_of_one_department_or_of_all(store: Store) -> None:
    shop = Shop(store.engine)
    await shop.problem(START, "delivery_delay")
    await shop.problem(START + H, "damaged_item", department="warehouse")
    await shop.problem(END, "delivery_delay")  # after the window

    assert await store.problem_times(START, END, department="logistics") == [
        ("delivery_delay", START)
    ]
    every = await store.problem_times(START, END, department=None)
    assert sorted(every) == [("damaged_item", START + H), ("delivery_delay", START)]


async def test_a_store_day_holds_the_days_messages_answers_problems_and_backlog(
    store: Store,
) -> None:
    shop = Shop(store.engine)
    asked = await shop.message(START + H, chat="ana", country="FR", channel="telegram")
    await shop.suggest(asked, "track_order", START + H, status="edited")
    await shop.message(START + 2 * H, chat="ana", direction="out")
    await shop.message(START - 2 * H, chat="ben", channel="whatsapp")  # the evening before
    await shop.message(END + 3 * H, chat="ben", direction="out")  # answered the next morning
    await shop.message(END + 3 * 24 * H, chat="ben")  # outside the timeline asked for
    for n in range(3):
        await shop.problem(START + n * H, "delivery_delay")
    await shop.problem(START + H, "damaged_item", department="warehouse")
    await shop.escalation(START - 48 * H)  # still open
    await shop.escalation(START - 48 * H, resolved_at=START + H)  # resolved on the day

    day = await store.store_day(START, END, timeline=(START - 24 * H, END + 48 * H), top=1)

    ana, ben = shop.chats["ana"], shop.chats["ben"]
    assert Inbound("telegram", "de", "FR") in day.inbound
    assert len(day.inbound) == 1 + 4  # ana's and the problems' (the escalations' are older)
    assert [turn for turn in day.timeline if turn.conversation_id in (ana, ben)] == [
        Turn(ana, "in", START + H),
        Turn(ana, "out", START + 2 * H),
        Turn(ben, "in", START - 2 * H),
        Turn(ben, "out", END + 3 * H),
    ]
    assert ("track_order", "edited", 1) in day.suggestions
    assert day.top_problems == (("logistics", "delivery_delay", 3),)
    assert day.open_since == (START - 48 * H,)


async def test_problem_history_reads_only_the_compared_windows(store: Store) -> None:
    shop = Shop(store.engine)
    windows = [(START - 24 * H - 3 * H, START - 24 * H), (START - 48 * H - 3 * H, START - 48 * H)]
    inside = [START - 24 * H - 3 * H, START - 48 * H - H]  # a window's start is in it
    for at in inside:
        await shop.problem(at, "delivery_delay", carrier="UPS")
    await shop.problem(START - 24 * H, "delivery_delay")  # a window's end is not
    await shop.problem(START - 36 * H, "delivery_delay")  # between the windows
    await shop.problem(START - 24 * H - H, "lost_package")  # another intent
    await shop.problem(START - 24 * H - H, "delivery_delay", department="warehouse")

    found = await store.problem_history(
        [("logistics", "delivery_delay"), ("logistics", "customs_duties")], windows
    )

    assert [p.created_at for p in found[("logistics", "delivery_delay")]] == sorted(inside)
    assert {p.carrier for p in found[("logistics", "delivery_delay")]} == {"UPS"}
    assert found[("logistics", "customs_duties")] == []


async def test_an_alert_key_is_recorded_once_whichever_process_tries(store: Store) -> None:
    other = Store(store.engine)  # a second process on the same database

    first, second = await asyncio.gather(
        store.record_alert("logistics:late:all:1", "logistics", START, previous="none"),
        other.record_alert("logistics:late:all:1", "logistics", START, previous="none"),
    )
    following = await store.record_alert(
        "logistics:late:all:2", "logistics", START + 3 * H, previous="logistics:late:all:1"
    )

    assert sorted([first, second]) == [(False, True), (True, False)]
    assert following == (True, True)  # inserted, and the alert of the bucket before goes on


async def test_the_reports_read_the_same_on_postgresql_as_on_sqlite(tmp_path: Path) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    built = []
    for kind in DATABASES:
        async with opened_store(kind, tmp_path) as store:
            await fill_logistics_week(Shop(store.engine))
            built.append(
                (
                    await build_digest(store.engine, "logistics", DAY, TOKYO),
                    await build_management_digest(store.engine, DAY, berlin),
                    await problem_series(store.engine, None, DAY, TOKYO),
                )
            )
    on_sqlite, on_postgresql = built
    assert on_sqlite[0].total > 0 and on_sqlite[1].inbound > 0  # there was something to read
    assert on_postgresql == on_sqlite
