"""Platform faults end to end: real python-telegram-bot and slack-bolt over HTTP, fake servers.

Each fault is one the real platforms produce now and then: a 429 with ``retry_after``,
5xx answers, dropped connections, a request that hangs past the client's timeout, Slack's
``ratelimited``, a shopper who blocked the bot. Once the fault clears, every message must
arrive exactly once; replies to one chat keep their order; nothing goes out faster than
Telegram allows; and what cannot be delivered is parked, shown to staff and sent again
on their command (or ``borderdesk outbox retry``).

Not covered on purpose: a stalled send that Telegram *did* deliver after the client gave
up. No client can tell that apart from a lost request, so a retry sends it twice; that
is the documented at-least-once window of ``bot/outbox.py``.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import os
import shutil
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import AbstractAsyncContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot import cli
from bot.channels.slack_web import CALL_ATTEMPTS
from bot.models import InboundMessage
from bot.pacing import Pacer
from bot.storage import DeadLetter, Store
from bot.storage.schema import outbox
from bot.storage.store import sqlite_url
from handlers.inbound import resume_unprocessed
from replies.library import DEFAULT_LIBRARY_DIR
from tests.e2e.harness import (
    INBOX,
    SIGNING_SECRET,
    STAFF_ID,
    STAFF_NAME,
    Desk,
    button_value,
    running_desk,
)
from tests.fakes import slack_client
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.spec_paths import require_specs
from tests.fakes.telegram_api import FakeTelegramAPI

CHAT = 4242
WHERE = "Where is my order #A10293? I ordered two weeks ago."
LEARNED = [(WHERE, "track_order")]
BLOCKED = "bot was blocked by the user"  # the fake's 403 text, as Telegram words it


# -- helpers ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three intents of the built-in answer library, as a store's own library
    (BORDERDESK_LIBRARY_DIR): enough to answer "where is my order". These tests are about
    delivery, and training on the whole library would add seconds to every start."""
    folder = tmp_path_factory.mktemp("library")
    for intent in ("track_order", "greeting", "thanks"):
        shutil.copy(DEFAULT_LIBRARY_DIR / f"{intent}.yaml", folder)
    return folder


def desk_on(
    db: Path, telegram: FakeTelegramAPI, slack: FakeSlackAPI, library: Path, **options: Any
) -> AbstractAsyncContextManager[Desk]:
    return running_desk(db, telegram, slack, learned=LEARNED, library_dir=library, **options)


class StampedCalls(list[tuple[str, dict[str, Any]]]):
    """A fake's call log that also notes when each call reached the fake (monotonic)."""

    def __init__(self) -> None:
        super().__init__()
        self.arrivals: list[float] = []

    def append(self, call: tuple[str, dict[str, Any]]) -> None:
        self.arrivals.append(time.monotonic())
        super().append(call)

    def times(self, method: str) -> list[float]:
        return [at for (name, _), at in zip(self, self.arrivals, strict=True) if name == method]


def stamp(fake: FakeTelegramAPI | FakeSlackAPI) -> StampedCalls:
    """Timestamp every call the fake records from now on (call before the desk starts)."""
    assert fake.calls == [], "stamp the log before anything talks to the fake"
    fake.calls = log = StampedCalls()
    return log


def quick_backoff() -> Pacer:
    """The real pacer, napping at most 50 ms at a time: pacing and Retry-After holds still
    follow the wall clock (the pacer looks at it again after every nap), but the Slack
    adapter's exponential backoff between attempts (up to 8 s) becomes short."""

    async def nap(seconds: float) -> None:
        await asyncio.sleep(min(seconds, 0.05))

    return Pacer(sleep=nap)


async def eventually(
    probe: Callable[[], bool | Awaitable[bool]], what: str, timeout: float = 15.0
) -> None:
    """Poll ``probe`` (sync or async) until it is true; fail naming ``what`` otherwise."""
    try:
        async with asyncio.timeout(timeout):
            while True:
                result = probe()
                if inspect.isawaitable(result):
                    result = await result
                if result:
                    return
                await asyncio.sleep(0.02)
    except TimeoutError:
        raise AssertionError(f"no {what} within {timeout}s") from None


async def replies_become(desk: Desk, expected: dict[str, int], timeout: float = 15.0) -> None:
    """Wait until the replies queued for shoppers have these statuses (notes for staff
    share the outbox and are left out)."""
    store = desk.runtime.ctx.store
    seen: dict[str, int] = {}

    async def settled() -> bool:
        nonlocal seen
        seen = await reply_statuses(store)
        return seen == expected

    try:
        await eventually(settled, f"replies {expected}", timeout)
    except AssertionError:
        raise AssertionError(f"replies are {seen}, expected {expected}") from None


async def reply_statuses(store: Store) -> dict[str, int]:
    async with store.engine.connect() as conn:
        rows = await conn.execute(
            select(outbox.c.status, func.count())
            .where(outbox.c.channel == "telegram")
            .group_by(outbox.c.status)
        )
        return {status: count for status, count in rows.all()}


async def dead_replies(store: Store) -> list[DeadLetter]:
    return [d for d in await store.dead_letters() if d.channel == "telegram"]


async def all_processed(desk: Desk) -> None:
    """Wait until every stored shopper message has its card (or was handled otherwise)."""
    store = desk.runtime.ctx.store

    async def done() -> bool:
        return await store.unprocessed_inbound() == []

    await eventually(done, "processing of every stored message")


def texts_to(telegram: FakeTelegramAPI, chat: int) -> list[str]:
    """What the shopper in ``chat`` received, in order."""
    return [m["text"] for m in telegram.sent_messages(chat)]


async def shopper_card(desk: Desk, chat: int = CHAT) -> dict[str, Any]:
    desk.telegram.push_update(desk.telegram.text_update(chat, WHERE, language_code="en"))
    return await desk.wait_card(timeout=10)


async def click_send(desk: Desk, card: dict[str, Any]) -> str:
    """Staff press Send on the card; the reply the shopper should get."""
    record = await desk.runtime.ctx.store.suggestion(int(button_value(card, "bd_send")))
    assert record is not None and record.suggestion.reply
    assert await desk.click(card, "bd_send") == 200
    return record.suggestion.reply


async def staff_command(desk: Desk, text: str) -> str:
    """``/borderdesk <text>`` typed in the inbox, signed as Slack sends it; the answer."""
    fields = slack_client.slash_command(
        "/borderdesk",
        text,
        STAFF_ID,
        INBOX,
        user_name=STAFF_NAME,
        response_url=desk.slack.response_url,
    )
    status, body = await slack_client.post_form(desk.events_url, SIGNING_SECRET, fields)
    assert status == 200, body
    return body


# -- Telegram ---------------------------------------------------------------------------


async def test_telegram_429_is_waited_out_and_the_reply_arrives_once(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI, library: Path
) -> None:
    calls = stamp(telegram_api)
    async with desk_on(tmp_path / "desk.sqlite3", telegram_api, slack_api, library) as desk:
        card = await shopper_card(desk)
        telegram_api.fail_next("sendMessage", status=429, retry_after=1, times=2)
        reply = await click_send(desk, card)
        await replies_become(desk, {"sent": 1})
        assert texts_to(telegram_api, CHAT) == [reply]
    # Protocol, not performance: each attempt after a 429 came at least retry_after later.
    first, second, third = calls.times("sendMessage")
    assert second - first >= 1.0
    assert third - second >= 1.0


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(lambda t: t.fail_next("sendMessage", status=500, times=3), id="500x3"),
        pytest.param(lambda t: t.reset_next("sendMessage", times=2), id="reset-x2"),
        # The request never reaches Telegram; PTB gives up after its 5 s read timeout.
        pytest.param(
            lambda t: t.stall_next("sendMessage", 6.0, deliver=False), id="lost-past-timeout"
        ),
    ],
)
async def test_telegram_outage_is_retried_and_the_reply_arrives_once(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    library: Path,
    fault: Callable[[FakeTelegramAPI], None],
) -> None:
    async with desk_on(tmp_path / "desk.sqlite3", telegram_api, slack_api, library) as desk:
        card = await shopper_card(desk)
        fault(telegram_api)
        reply = await click_send(desk, card)
        await replies_become(desk, {"sent": 1})
        assert telegram_api.faults.pending("sendMessage") == 0, "the fault was not exercised"
        assert texts_to(telegram_api, CHAT) == [reply]


async def test_many_replies_at_once_stay_within_telegrams_limits_in_order(
    tmp_path: Path, slack_api: FakeSlackAPI, library: Path
) -> None:
    """40 shoppers approved at once, 5 replies queued to one of them and 3 to a group:
    Telegram (enforcing its limits) refuses nothing, everyone gets each reply once, and
    one chat's replies arrive in the order they were queued.

    The replies are queued as a Send click queues them (``Store.enqueue``), straight
    away: clicking 40 cards would first wait 40 s for Slack's own pace of card posts.
    """
    busy, group = 5001, -1001234567890
    wanted: dict[int, list[str]] = {chat: [f"Reply to {chat}"] for chat in range(5001, 5041)}
    wanted[busy] = [f"Update {n} of 5 on order #A10293" for n in range(1, 6)]
    wanted[group] = [f"Group notice {n}" for n in range(1, 4)]
    db = tmp_path / "desk.sqlite3"
    conversations = await shoppers_who_wrote(db, wanted)
    require_specs()
    async with FakeTelegramAPI(enforce_limits=True) as telegram:
        async with desk_on(db, telegram, slack_api, library) as desk:
            ctx = desk.runtime.ctx
            now = datetime.now(UTC)
            for n in range(max(map(len, wanted.values()))):  # interleave chats in the queue
                for chat, texts in wanted.items():
                    if n < len(texts):
                        key = f"test:{chat}:{n}"
                        assert await ctx.store.enqueue(
                            key, conversations[chat], texts[n], STAFF_NAME, now
                        )
            ctx.wake_outbox()
            total = sum(map(len, wanted.values()))
            await replies_become(desk, {"sent": total}, timeout=30)
        # 1/s per private chat, 20/min per group, 30/s overall: every one was kept.
        assert telegram.rate_violations == []
        assert len(telegram.rates.sends) == total, "every send was metered"
        for chat, texts in wanted.items():
            assert texts_to(telegram, chat) == texts, f"chat {chat}"
    assert telegram.violations == []


async def shoppers_who_wrote(db: Path, chats: Iterable[int]) -> dict[int, int]:
    """Before the desk starts: each chat wrote once and that message was handled (so the
    desk's resume loop leaves it alone); their conversation ids."""
    store = await Store.open(sqlite_url(db))
    conversations = {}
    try:
        for chat in chats:
            now = datetime.now(UTC)
            stored = await store.record_inbound(
                InboundMessage(
                    channel="telegram",
                    chat_id=str(chat),
                    platform_message_id=f"{chat}:1",
                    user_id=str(abs(chat)),
                    user_name=f"Shopper {abs(chat)}",
                    text="Hello",
                    received_at=now,
                )
            )
            await store.mark_processed(stored.message_id, now, "en")
            conversations[chat] = stored.conversation_id
    finally:
        await store.close()
    return conversations


# -- Slack ------------------------------------------------------------------------------


async def test_slack_ratelimited_is_waited_out_and_the_card_appears_once(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI, library: Path
) -> None:
    calls = stamp(slack_api)
    slack_api.fail_next("chat.postMessage", error="ratelimited", retry_after=1, times=2)
    async with desk_on(tmp_path / "desk.sqlite3", telegram_api, slack_api, library) as desk:
        await shopper_card(desk)
        await all_processed(desk)
        assert len(desk.inbox_cards()) == 1
    first, second, third = calls.times("chat.postMessage")
    assert second - first >= 1.0, "Retry-After not honoured"
    assert third - second >= 1.0, "Retry-After not honoured"


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(
            lambda s: s.fail_next(
                "chat.postMessage", error="internal_error", status=500, retry_after=None, times=2
            ),
            id="500x2",
        ),
        # slack_sdk retries a dropped connection once by itself: 3 resets reach the adapter
        # as 2 failed attempts.
        pytest.param(lambda s: s.reset_next("chat.postMessage", times=3), id="reset-x3"),
    ],
)
async def test_slack_outage_is_retried_and_the_card_appears_once(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    library: Path,
    fault: Callable[[FakeSlackAPI], None],
) -> None:
    fault(slack_api)
    async with desk_on(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, library, pacer=quick_backoff()
    ) as desk:
        await shopper_card(desk)
        await all_processed(desk)
        assert slack_api.faults.pending("chat.postMessage") == 0
        assert len(desk.inbox_cards()) == 1


async def test_a_message_kept_through_a_long_slack_outage_gets_one_card_on_resume(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI, library: Path
) -> None:
    slack_api.fail_next(
        "chat.postMessage",
        error="service_unavailable",
        status=503,
        retry_after=None,
        times=CALL_ATTEMPTS,
    )
    async with desk_on(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, library, pacer=quick_backoff()
    ) as desk:
        ctx = desk.runtime.ctx
        telegram_api.push_update(telegram_api.text_update(CHAT, WHERE, language_code="en"))
        await slack_api.wait_for("chat.postMessage", count=CALL_ATTEMPTS, timeout=10)
        await eventually(lambda: not ctx.in_flight, "end of the failed attempt")
        assert desk.inbox_cards() == []
        assert len(await ctx.store.unprocessed_inbound()) == 1, "the message must be kept"

        # Slack is back; the runtime's resume loop (every 30 s) would call this.
        assert await resume_unprocessed(ctx) == 1
        assert len(desk.inbox_cards()) == 1
        assert await resume_unprocessed(ctx) == 0
        assert len(desk.inbox_cards()) == 1


async def test_a_failing_card_update_does_not_cost_the_shopper_their_one_reply(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI, library: Path
) -> None:
    async with desk_on(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, library, pacer=quick_backoff()
    ) as desk:
        card = await shopper_card(desk)
        slack_api.fail_next(
            "chat.update", error="internal_error", status=500, retry_after=None, times=CALL_ATTEMPTS
        )
        reply = await click_send(desk, card)
        await replies_become(desk, {"sent": 1})
        await slack_api.wait_for("chat.update", count=CALL_ATTEMPTS)
        # The card never changed, so it still shows Send; a second press sends nothing.
        [shown] = desk.inbox_cards()
        assert button_value(shown, "bd_send")
        assert await desk.click(shown, "bd_send") == 200
        # handled once the card is redrawn (Slack has its answer before that)
        await slack_api.wait_for("chat.update", count=CALL_ATTEMPTS + 1)
        await desk.settled()
        assert await reply_statuses(desk.runtime.ctx.store) == {"sent": 1}
        assert texts_to(telegram_api, CHAT) == [reply]


# -- dead letters -----------------------------------------------------------------------


async def test_a_blocked_reply_is_parked_shown_to_staff_and_retried_by_command(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI, library: Path
) -> None:
    async with desk_on(tmp_path / "desk.sqlite3", telegram_api, slack_api, library) as desk:
        store = desk.runtime.ctx.store
        card = await shopper_card(desk)
        telegram_api.fail_next("sendMessage", status=403)
        reply = await click_send(desk, card)
        await replies_become(desk, {"dead": 1})
        [dead] = await dead_replies(store)
        assert BLOCKED in dead.error and dead.text == reply

        [notice] = await slack_api.wait_for(
            "chat.postMessage", predicate=lambda p: p.get("thread_ts") == card["ts"]
        )
        assert "could not be delivered" in notice["text"]
        assert f"/borderdesk retry {dead.id}" in notice["text"]
        listing = await staff_command(desk, "dead")
        assert f"#{dead.id}" in listing and BLOCKED in listing
        assert telegram_api.sent_messages(CHAT) == []

        # The shopper unblocked the bot (the fault is used up); staff send it again.
        assert f"#{dead.id}" in await staff_command(desk, f"retry {dead.id}")
        await replies_become(desk, {"sent": 1})
        assert texts_to(telegram_api, CHAT) == [reply]
        assert "No undelivered messages" in await staff_command(desk, "dead")


@contextmanager
def logging_kept() -> Iterator[None]:
    """``cli.main`` configures logging for a terminal; give pytest its handlers back."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


Borderdesk = Callable[..., Awaitable[tuple[int, str]]]


@pytest.fixture
def borderdesk(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Borderdesk:
    """``borderdesk …`` run in-process (in a thread: it runs its own event loop) with no
    settings from the environment or a ``.env``; each call gives (exit code, output)."""
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith("BORDERDESK_")]:
        monkeypatch.delenv(name)

    async def run(*argv: str) -> tuple[int, str]:
        capsys.readouterr()
        with logging_kept():
            code = await asyncio.to_thread(cli.main, list(argv))
        return code, capsys.readouterr().out

    return run


async def test_outbox_cli_lists_parked_replies_and_queues_them_for_the_next_start(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    library: Path,
    borderdesk: Borderdesk,
) -> None:
    db = tmp_path / "desk.sqlite3"
    async with desk_on(db, telegram_api, slack_api, library) as desk:
        card = await shopper_card(desk)
        telegram_api.fail_next("sendMessage", status=403, times=2)
        first = await click_send(desk, card)
        await replies_become(desk, {"dead": 1})
        second = "It left our warehouse this morning."
        assert await desk.thread_reply(card, second) == 200
        await replies_become(desk, {"dead": 2})
        one, two = await dead_replies(desk.runtime.ctx.store)
        await slack_api.wait_for(  # staff were told of both before the desk stopped
            "chat.postMessage", count=2, predicate=lambda p: p.get("thread_ts") == card["ts"]
        )
    assert (one.text, two.text) == (first, second)

    code, out = await borderdesk("outbox", "list", "--db", str(db))
    assert code == 0
    counts = out.splitlines()[0]  # "outbox: 2 dead, …" (notes to staff share the outbox)
    assert counts.startswith("outbox: ") and "2 dead" in counts
    assert f"#{one.id} " in out and f"#{two.id} " in out and BLOCKED in out

    code, out = await borderdesk("outbox", "retry", str(one.id), "--db", str(db))
    assert code == 0 and f"queued again: #{one.id}" in out
    code, out = await borderdesk("outbox", "retry", str(one.id), "--db", str(db))
    assert code == 1 and f"not waiting or parked (nothing done): #{one.id}" in out
    code, out = await borderdesk("outbox", "retry", "--all", "--db", str(db))
    assert code == 0 and f"queued again: #{two.id}" in out
    code, out = await borderdesk("outbox", "list", "--db", str(db))
    assert code == 0 and "2 pending" in out and "dead" not in out

    assert telegram_api.sent_messages(CHAT) == []
    async with desk_on(db, telegram_api, slack_api, library) as desk:
        await replies_become(desk, {"sent": 2})
    assert texts_to(telegram_api, CHAT) == [first, second]
