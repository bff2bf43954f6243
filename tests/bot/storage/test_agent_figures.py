"""Agent figures from a real database (SQLite and PostgreSQL): cards handled per agent,
what they did with the suggestions, first-response median and 90th percentile worked out
by hand (``day_of_work``), ratings, assignments and what is still open with them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.calendar.spans import median, percentile, span_text
from bot.storage.store import Store
from scheduler.report_counts import day_window
from tests.bot.storage.databases import DATABASES, opened_store
from tests.bot.storage.day_of_work import AIKO, BERLIN, DAY, LENA, NAMES, at, day_of_work

MIN = timedelta(minutes=1)


@pytest.fixture(params=DATABASES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    async with opened_store(request.param, tmp_path) as opened:
        yield opened


def test_median_and_90th_percentile_by_hand() -> None:
    ten = [n * MIN for n in range(1, 11)]  # 1..10 min
    assert median(ten) == 5.5 * MIN  # (5 + 6) / 2
    assert percentile(ten, 0.9) == 9 * MIN  # ceil(9.0) = 9th
    eleven = [n * MIN for n in range(1, 12)]
    assert median(eleven) == 6 * MIN
    assert percentile(eleven, 0.9) == 10 * MIN  # ceil(9.9) = 10th
    assert median([7 * MIN]) == percentile([7 * MIN], 0.9) == 7 * MIN
    assert median([]) is None and percentile([], 0.9) is None
    assert span_text(timedelta(hours=26, minutes=5)) == "1 d 2 h"
    assert span_text(timedelta(hours=13, minutes=30)) == "13 h 30 min"
    assert span_text(timedelta(seconds=42)) == "42 s"


async def test_each_agents_day(store: Store) -> None:
    shop = await day_of_work(store)
    start, end = day_window(DAY, BERLIN)
    aiko, lena = await store.agents_between(start, end, names=NAMES)

    assert (lena.agent_id, lena.name, lena.handled) == (LENA, "Lena", 6)
    counts = {o: lena.count(o) for o in ("as_is", "edited", "replaced", "escalated", "ignored")}
    assert counts == {"as_is": 1, "edited": 2, "replaced": 1, "escalated": 1, "ignored": 1}
    assert lena.first_responses == (4 * MIN, 10 * MIN, 30 * MIN, 60 * MIN)
    assert lena.first_response_median == 20 * MIN
    assert lena.first_response_p90 == 60 * MIN
    assert [(u.intent, u.rewritten, u.decided) for u in lena.rewritten_templates] == [
        ("return_item", 2, 2),
        ("where_is_order", 1, 2),
    ]
    assert sorted(r.score for r in lena.ratings) == [1, 5]
    assert lena.rating_average == 3.0
    assert [(r.score, r.comment, r.customer_name) for r in lena.low_ratings] == [(1, "slow", "ben")]
    assert lena.assigned == 1

    # Sunday's message answered on Monday counts on Monday; Sunday's work and rating do not
    assert (aiko.agent_id, aiko.handled, aiko.count("as_is")) == (AIKO, 3, 3)
    assert aiko.first_responses == (5 * MIN, 2 * 60 * MIN, (13 * 60 + 30) * MIN)
    assert aiko.first_response_median == 2 * 60 * MIN
    assert aiko.first_response_p90 == (13 * 60 + 30) * MIN
    assert aiko.ratings == () and aiko.rating_average is None

    # one agent only, the day so far: Lena's morning
    (morning,) = await store.agents_between(start, at(11, 30), agent_id=LENA)
    assert morning.handled == 4 and morning.name == "lena.v"  # Slack's, without ``names``

    open_cards = await store.open_with([LENA])
    assert [(c.customer_name, c.intent, c.conversation_id) for c in open_cards] == [
        ("hana", "size_question", shop.chats["hana"])
    ]
    assert await store.open_with([AIKO]) == []


async def test_a_quiet_day_has_no_figures(store: Store) -> None:
    await day_of_work(store)
    start, end = day_window(DAY + timedelta(days=1), BERLIN)
    assert await store.agents_between(start, end) == ()
