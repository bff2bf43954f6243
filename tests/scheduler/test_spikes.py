"""Spike alerts on a real SQLite file: a normal day raises nothing, a spike exactly one alert."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.escalations import ProblemFacts
from bot.storage.schema import alerts
from bot.storage.store import Store, sqlite_url
from scheduler.spikes import detect_spikes, is_spike, new_spikes, poisson_tail
from tests.scheduler.test_digest import Shop

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
H = timedelta(hours=1)


@pytest.fixture
async def shop(tmp_path: Path) -> AsyncIterator[Shop]:
    async with Shop.opened(tmp_path / "x.sqlite3") as opened:
        yield opened


async def steady(shop: Shop, per_window: int, *, intent: str = "delivery_delay") -> None:
    """``per_window`` reports in every 3-hour window of the last 29 days, carried by UPS."""
    async with shop.batch():
        for k in range(8 * 29):
            for n in range(per_window):
                at = NOW - k * 3 * H - (n + 1) * 3 * H / (per_window + 1)
                await shop.problem(at, intent, carrier="UPS", product=f"P{n}")


async def burst(shop: Shop, end: datetime, n: int, **facts: str) -> None:
    """``n`` more reports in the three hours before ``end``, with orders O1..On."""
    async with shop.batch():
        for i in range(n):
            at = end - 3 * H + (i + 1) * 3 * H / (n + 1)
            await shop.problem(at, "delivery_delay", order=f"O{i + 1}", **facts)  # type: ignore[arg-type]


async def alert_keys(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as conn:
        return list((await conn.scalars(select(alerts.c.key).order_by(alerts.c.id))).all())


async def test_a_normal_day_raises_nothing(shop: Shop) -> None:
    await steady(shop, 1)
    assert await detect_spikes(shop.engine, NOW) == []
    assert await new_spikes(shop.engine, NOW) == []
    assert await alert_keys(shop.engine) == []


async def test_a_spike_raises_exactly_one_alert_with_its_evidence(shop: Shop) -> None:
    await steady(shop, 1)
    await burst(shop, NOW, 7, carrier="DHL")
    detected = await detect_spikes(shop.engine, NOW)
    assert [(s.scope, s.value, s.count, s.expected) for s in detected] == [
        ("all", None, 8, 1.0),
        ("carrier", "DHL", 7, 0.0),
    ]
    [spike] = await new_spikes(shop.engine, NOW)
    assert (spike.department, spike.intent, spike.scope, spike.count) == (
        "logistics", "delivery_delay", "all", 8,
    )  # fmt: skip
    assert spike.p_value == pytest.approx(poisson_tail(8, 1.0)) and spike.p_value < 1e-3
    assert spike.orders == ("O3", "O4", "O5", "O6", "O7")
    assert ("carrier", "DHL", 7) in spike.breakdown
    assert (spike.window_start, spike.window_end) == (NOW - 3 * H, NOW)
    assert spike.key == "logistics:delivery_delay:all:20260302T0900Z"
    assert await new_spikes(shop.engine, NOW + 10 * timedelta(minutes=1)) == []  # next tick
    await burst(shop, NOW + 3 * H, 8, carrier="DHL")  # it goes on into the next bucket
    assert len(await detect_spikes(shop.engine, NOW + 3 * H)) == 2
    assert await new_spikes(shop.engine, NOW + 3 * H) == []
    await burst(shop, NOW + 9 * H, 8)  # calm from 12:00 to 18:00, then a new run
    assert [s.count for s in await new_spikes(shop.engine, NOW + 9 * H)] == [8]
    assert len(await alert_keys(shop.engine)) == 5  # all + carrier at 09:00, 12:00; all at 18:00


async def test_two_processes_raise_one_alert(shop: Shop, tmp_path: Path) -> None:
    await steady(shop, 1)
    await burst(shop, NOW, 7)
    other = await Store.open(sqlite_url(tmp_path / "x.sqlite3"))
    try:
        first, second = await asyncio.gather(
            new_spikes(shop.engine, NOW), new_spikes(other.engine, NOW)
        )
    finally:
        await other.close()
    assert len(first) + len(second) == 1


async def test_a_product_spike_inside_a_busy_intent(shop: Shop) -> None:
    await steady(shop, 4)
    await burst(shop, NOW, 6, product="Lamp")  # 10 where 4 are usual: p = 0.008, no alarm
    [spike] = await new_spikes(shop.engine, NOW)
    assert (spike.scope, spike.value, spike.count, spike.expected) == ("product", "Lamp", 6, 0.0)
    assert spike.key == "logistics:delivery_delay:product=Lamp:20260302T0900Z"


async def test_the_daily_rush_is_compared_with_earlier_rushes(shop: Shop) -> None:
    async with shop.batch():
        for day in range(1, 29):  # six reports every morning 09:00-12:00 UTC, none otherwise
            for n in range(6):
                await shop.problem(NOW - day * 24 * H - (n + 1) * 25 * timedelta(minutes=1),
                                   "delivery_delay")  # fmt: skip
    await burst(shop, NOW, 6)
    assert await detect_spikes(shop.engine, NOW) == []  # a normal morning
    await burst(shop, NOW + 12 * H, 6)
    [night] = await detect_spikes(shop.engine, NOW + 12 * H)  # the same six at night
    assert (night.count, night.expected) == (6, 0.0)


async def test_a_handful_of_reports_of_a_new_problem(shop: Shop) -> None:
    await burst(shop, NOW, 4)
    assert await detect_spikes(shop.engine, NOW) == []
    await burst(shop, NOW, 1)
    assert [s.count for s in await detect_spikes(shop.engine, NOW)] == [5]


def test_poisson_tail_matches_the_textbook_sum() -> None:
    def exact(k: int, mean: float) -> float:
        return 1 - sum(math.exp(-mean) * mean**i / math.factorial(i) for i in range(k))

    for k, mean in [(1, 1.0), (5, 0.5), (8, 1.0), (3, 7.0), (14, 10.0), (130, 100.0)]:
        assert poisson_tail(k, mean) == pytest.approx(exact(k, mean), rel=1e-9)
    assert poisson_tail(0, 3.0) == 1.0 and poisson_tail(1, 0.0) == 0.0
    assert 0 < poisson_tail(60, 1.0) < 1e-80  # where 1 - lower sum would give 0


@pytest.mark.parametrize(
    ("count", "expected", "spike"),
    [
        pytest.param(4, 0.0, False, id="below-the-minimum-count"),
        pytest.param(5, 0.0, True, id="five-of-something-never-seen"),
        pytest.param(9, 3.0, False, id="three-times-but-p-0.004"),
        pytest.param(12, 3.0, True, id="four-times-and-p-0.0001"),
        pytest.param(150, 100.0, False, id="significant-but-only-1.5-times"),
    ],
)
def test_is_spike(count: int, expected: float, spike: bool) -> None:
    assert is_spike(count, expected) is spike


async def test_the_window_must_fit_in_a_day(shop: Shop) -> None:
    with pytest.raises(ValueError, match="at most one day"):
        await detect_spikes(shop.engine, NOW, window=timedelta(days=2))


async def test_one_shopper_writing_seven_times_about_one_parcel_raised_a_spike(
    tmp_path: Path,
) -> None:
    """The bug: each report counted as a problem, so one upset shopper looked like a run.
    Spikes count problems (causes); seven different orders are still a spike."""
    store = await Store.open(sqlite_url(tmp_path / "x.sqlite3"))
    try:
        shop = Shop(store.engine)

        async def report(at: datetime, chat: str, order: str) -> None:
            suggestion = await shop.suggest(await shop.message(at, chat=chat), "lost_package", at)
            await store.record_problem(
                suggestion, department="logistics", intent="lost_package", language="de",
                facts=ProblemFacts(order_number=order), at=at,
            )  # fmt: skip

        for i in range(7):
            await report(NOW - 2 * H + i * timedelta(minutes=10), "upset", "#A-1001")
        assert await detect_spikes(store.engine, NOW) == []
        for i in range(7):
            await report(NOW - H + i * timedelta(minutes=5), f"chat-{i}", f"#B{i}")
        [spike] = await detect_spikes(store.engine, NOW)
        assert (spike.intent, spike.count) == ("lost_package", 8)
    finally:
        await store.close()
