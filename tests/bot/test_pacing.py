"""Pacing: sends wait for their turn instead of breaking a platform's rate limit.

The pacer runs on virtual time here: its clock moves only when it sleeps (or the test
moves it), and every sleep is recorded, so the exact schedule of sends can be checked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.models import Limit
from bot.pacing import Pacer, backoff_seconds

PER_CHAT = Limit(1, 1.1)  # Telegram: about one message a second to one chat
OVERALL = Limit(25, 1.0)  # Telegram: 30 a second overall, with a margin


class VirtualTime:
    """A clock for ``Pacer`` that jumps forward when the pacer sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def pacer(self) -> Pacer:
        return Pacer(clock=self.clock, sleep=self.sleep)


def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Drive a pacer coroutine to its end: on virtual time nothing ever really waits."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    raise AssertionError("the pacer waited for something other than its own sleep")


def sends(
    time: VirtualTime, pacer: Pacer, rules: list[tuple[str, Limit]], count: int
) -> list[float]:
    """When each of ``count`` back-to-back sends under ``rules`` went out."""
    times = []
    for _ in range(count):
        run(pacer.acquire(rules))
        times.append(time.now)
    return times


def most_in_any_window(times: list[float], window: float) -> int:
    """The most sends in any half-open window [t, t + window)."""
    ordered = sorted(times)
    return max(
        sum(1 for other in ordered if start <= other < start + window - 1e-9) for start in ordered
    )


def test_one_chat_gets_one_message_every_1_1_seconds() -> None:
    time = VirtualTime()
    times = sends(time, time.pacer(), [("telegram:4242", PER_CHAT)], 4)
    assert times == pytest.approx([0.0, 1.1, 2.2, 3.3])
    assert time.sleeps == pytest.approx([1.1, 1.1, 1.1])


def test_many_chats_share_25_sends_a_second_and_wait_no_longer_than_needed() -> None:
    time = VirtualTime()
    pacer = time.pacer()
    times = []
    for chat in range(60):
        run(pacer.acquire([(f"telegram:{chat}", PER_CHAT), ("telegram", OVERALL)]))
        times.append(time.now)
    assert most_in_any_window(times, 1.0) == 25
    assert times == pytest.approx([0.0] * 25 + [1.0] * 25 + [2.0] * 10)


def test_a_slow_chat_does_not_hold_up_the_others() -> None:
    time = VirtualTime()
    pacer = time.pacer()
    run(pacer.acquire([("telegram:1", PER_CHAT), ("telegram", OVERALL)]))
    assert pacer.delay([("telegram:1", PER_CHAT), ("telegram", OVERALL)]) == pytest.approx(1.1)
    assert pacer.delay([("telegram:2", PER_CHAT), ("telegram", OVERALL)]) == 0
    run(pacer.acquire([("telegram:2", PER_CHAT), ("telegram", OVERALL)]))
    assert time.sleeps == []


def test_the_window_slides_rather_than_resetting_each_period() -> None:
    time = VirtualTime()
    pacer = time.pacer()
    rules = [("slack:C0INBOX0001", Limit(2, 1.0))]
    run(pacer.acquire(rules))
    time.now = 0.6
    run(pacer.acquire(rules))
    times = sends(time, pacer, rules, 2)
    assert times == pytest.approx([1.0, 1.6])  # each waits for the oldest send to leave


def test_after_retry_after_the_key_is_held_for_that_long_and_others_are_not() -> None:
    time = VirtualTime()
    pacer = time.pacer()
    pacer.hold("telegram:4242", 3.0)
    assert pacer.delay([("telegram:4242", PER_CHAT)]) == pytest.approx(3.0)
    assert pacer.delay([("telegram:7", PER_CHAT)]) == 0
    pacer.hold("telegram:4242", 1.0)  # a shorter hold never shortens the longer one
    run(pacer.acquire([("telegram:4242", PER_CHAT)]))
    assert time.now == pytest.approx(3.0)
    assert pacer.delay([("telegram:4242", PER_CHAT)]) == pytest.approx(1.1)


def test_asking_does_not_count_as_a_send() -> None:
    time = VirtualTime()
    pacer = time.pacer()
    rules = [("telegram:4242", PER_CHAT)]
    assert [pacer.delay(rules) for _ in range(3)] == [0, 0, 0]
    pacer.note(rules)
    assert pacer.delay(rules) == pytest.approx(1.1)


def test_a_send_is_dated_by_when_its_request_finished() -> None:
    time = VirtualTime()
    pacer = time.pacer()
    rules = [("telegram:4242", PER_CHAT)]

    async def slow_send() -> None:
        async with pacer.slot(rules):
            assert pacer.delay(rules) == pytest.approx(1.1)  # in flight counts as now
            time.now += 0.5  # the request took half a second

    run(slow_send())
    assert pacer.delay(rules) == pytest.approx(1.1)  # from 0.5, not from 0
    run(pacer.acquire(rules))
    assert time.now == pytest.approx(1.6)


@given(
    gaps=st.lists(st.floats(min_value=0, max_value=3, allow_nan=False), min_size=1, max_size=40),
    count=st.integers(min_value=1, max_value=5),
    seconds=st.floats(min_value=0.1, max_value=5, allow_nan=False),
)
def test_sends_follow_the_earliest_schedule_the_limit_allows(
    gaps: list[float], count: int, seconds: float
) -> None:
    """Each send goes when it is asked for, or the moment the window has room: never
    sooner (the limit holds) and never later (no needless waiting)."""
    time = VirtualTime()
    pacer = time.pacer()
    rules = [("chat", Limit(count, seconds))]
    times: list[float] = []
    for gap in gaps:
        time.now += gap
        asked = time.now
        run(pacer.acquire(rules))
        earliest = times[-count] + seconds if len(times) >= count else asked
        assert time.now == pytest.approx(max(asked, earliest), abs=1e-6)
        times.append(time.now)
    assert most_in_any_window(times, seconds) <= count


@given(
    attempts=st.integers(min_value=-2, max_value=200),
    base=st.floats(min_value=0.01, max_value=30, allow_nan=False),
    cap=st.floats(min_value=0.01, max_value=3600, allow_nan=False),
)
def test_backoff_grows_exponentially_within_its_cap(attempts: int, base: float, cap: float) -> None:
    wait = backoff_seconds(attempts, base=base, cap=cap)
    ceiling = min(cap, base * 2 ** max(0, attempts - 1))
    assert wait <= ceiling * (1 + 1e-12)
    assert wait >= min(base / 2, cap) * (1 - 1e-12)


def test_backoff_is_jittered_and_doubles_per_attempt() -> None:
    first = [backoff_seconds(1, base=2.0) for _ in range(200)]
    fifth = [backoff_seconds(5, base=2.0) for _ in range(200)]
    capped = [backoff_seconds(30, base=2.0, cap=600.0) for _ in range(200)]
    assert all(1.0 <= w <= 2.0 for w in first)
    assert all(1.0 <= w <= 32.0 for w in fifth) and max(fifth) > 2.0
    assert all(1.0 <= w <= 600.0 for w in capped) and max(capped) > 32.0
    assert len(set(fifth)) > 100  # spread out, so retries do not arrive together


class YieldingTime(VirtualTime):
    """Virtual time whose sleeps let other tasks run, as real sleeps do."""

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


async def _posts_in_order(turns: Sequence[str | None]) -> list[tuple[str | None, float]]:
    """Queue one inbox post per entry of ``turns`` (in that order); when each went out."""
    time = YieldingTime()
    pacer = time.pacer()
    inbox = [("slack:C0INBOX0001", Limit(1, 1.1))]
    went: list[tuple[str | None, float]] = []

    async def post(turn: str | None) -> None:
        async with pacer.slot(inbox, turn=turn):
            went.append((turn, time.now))
            await asyncio.sleep(0)

    # all queued before any runs (virtual time jumps at each sleep, so a post queued later
    # would find most of the earlier ones already gone)
    tasks = [asyncio.create_task(post(turn)) for turn in turns]
    await asyncio.gather(*tasks)
    return went


async def test_a_flooding_shopper_delays_another_shoppers_card_by_one_slot_not_ten() -> None:
    went = await _posts_in_order(["conversation:1"] * 10 + ["conversation:2"])
    order = [turn for turn, _ in went]
    assert order.index("conversation:2") == 1  # right after the flood's first card
    times = [at for _, at in went]
    assert all(b - a >= 1.1 - 1e-9 for a, b in zip(times, times[1:], strict=False))


async def test_waiting_shoppers_take_turns_for_the_inbox() -> None:
    went = await _posts_in_order(["conversation:1"] * 3 + ["conversation:2"] * 2)
    assert [turn for turn, _ in went] == [
        "conversation:1",
        "conversation:2",
        "conversation:1",
        "conversation:2",
        "conversation:1",
    ]
