"""``BORDERDESK_TEST_TIME_SCALE``: a test-only hook that runs ``borderdesk run``'s pacing on
platform time faster than the wall clock (the failover tests use it); unset, the desk
paces on real time."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import create_async_engine

from bot.models import Limit
from bot.pacing import TEST_TIME_SCALE, desk_pacer, scaled_clock_for_tests
from bot.storage.pace_slots import shared_pacing


def test_unset_the_desk_paces_on_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TEST_TIME_SCALE, raising=False)
    assert scaled_clock_for_tests() is None
    pacer = desk_pacer()
    assert pacer.clock is time.monotonic
    pacer.note([("slack:C1", Limit(1, 1.1))])
    assert 0 < pacer.delay([("slack:C1", Limit(1, 1.1))]) <= 1.1


async def test_scaled_a_second_of_slack_pace_is_a_twentieth_of_a_wall_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(TEST_TIME_SCALE, "20")
    pacer = desk_pacer()
    assert abs(pacer.clock() - time.time() * 20) < 1.0  # one clock for every process
    wall = [1_000_000.0]  # the wall clock, moved only by the pacer's sleeps
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        wall[0] += seconds

    monkeypatch.setattr(time, "time", lambda: wall[0])
    monkeypatch.setattr(asyncio, "sleep", sleep)
    rules = [("slack:C1", Limit(1, 1.1))]
    async with pacer.slot(rules):
        pass
    assert pacer.delay(rules) == pytest.approx(1.1)  # platform seconds
    async with pacer.slot(rules):  # the next card waits for its slot
        pass
    assert sum(slept) == pytest.approx(1.1 / 20)  # wall seconds


async def test_scaled_the_shared_pacing_of_several_processes_counts_on_the_same_clock(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(TEST_TIME_SCALE, "20")
    engine = create_async_engine("postgresql+asyncpg://nobody@127.0.0.1:1/none")  # not used
    try:
        shared = shared_pacing(engine)
        assert shared is not None and abs(shared.clock() - time.time() * 20) < 1.0
        monkeypatch.delenv(TEST_TIME_SCALE)
        shared = shared_pacing(engine)
        assert shared is not None and shared.clock is time.time
    finally:
        await engine.dispose()


@pytest.mark.parametrize("value", ["0", "-3", "fast"])
def test_a_scale_that_is_not_a_positive_number_is_refused(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(TEST_TIME_SCALE, value)
    with pytest.raises(ValueError):
        scaled_clock_for_tests()
