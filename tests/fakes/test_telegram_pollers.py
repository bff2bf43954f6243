"""The Telegram fake allows one getUpdates poller at a time, as Telegram does: a second
live poller ends the waiting one with 409 Conflict, and the fake counts it in
``poll_conflicts`` (the failover test asserts it stays empty); a poller whose client has
gone (a killed process) is replaced without a conflict."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from tests.e2e.harness import wait_until

from .spec_paths import require_specs
from .telegram_api import FakeTelegramAPI
from .test_telegram_fake import CHAT, TOKEN, build_app, raw_post


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeTelegramAPI]:
    require_specs()
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    async with FakeTelegramAPI(TOKEN) as api:
        yield api
    assert api.violations == [], "a test left spec violations behind"


async def test_a_second_live_poller_ends_the_first_with_a_conflict(fake: FakeTelegramAPI) -> None:
    """Two processes polling one bot: Telegram ends the waiting getUpdates with 409, and
    the fake counts the conflict."""
    first = asyncio.create_task(raw_post(fake, "getUpdates", timeout="60"))
    await fake.wait_for("getUpdates")
    assert fake.poller_waiting and fake.poll_conflicts == []
    second = asyncio.create_task(raw_post(fake, "getUpdates", timeout="60"))
    status, body = await asyncio.wait_for(first, 30)
    assert status == 409 and body["description"].startswith(
        "Conflict: terminated by other getUpdates request"
    )
    assert len(fake.poll_conflicts) == 1
    update = fake.push_update(fake.text_update(CHAT, "hola"))
    assert await asyncio.wait_for(second, 30) == (200, {"ok": True, "result": [update]})


async def test_a_poller_that_went_away_is_no_conflict(fake: FakeTelegramAPI) -> None:
    """A killed process leaves its getUpdates waiting at Telegram with nobody to answer:
    the next poller takes its place without a conflict."""
    gone = asyncio.create_task(raw_post(fake, "getUpdates", timeout="60"))
    await fake.wait_for("getUpdates")
    gone.cancel()  # the client closes its connection
    with pytest.raises(asyncio.CancelledError):
        await gone
    await wait_until(lambda: not fake.poller_waiting, "the fake seeing the poller gone")
    assert await raw_post(fake, "getUpdates", timeout="0") == (200, {"ok": True, "result": []})
    assert fake.poll_conflicts == []


async def test_ptb_polling_once_at_a_time_has_no_conflict(fake: FakeTelegramAPI) -> None:
    """One PTB poller after another (a desk process handing over): no conflict."""
    for text in ("uno", "dos"):
        async with build_app(fake) as app:
            fake.push_update(fake.text_update(CHAT, text))
            [update] = await app.bot.get_updates(timeout=5)
            await app.bot.get_updates(offset=update.update_id + 1, timeout=0)
            assert update.message is not None and update.message.text == text
    assert fake.poll_conflicts == []
