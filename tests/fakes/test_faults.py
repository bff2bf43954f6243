"""Fault injection and rate limits of the fakes, seen through the real client libraries.

Why: tests elsewhere prove the bot survives dropped connections, late answers and refused
calls, and never sends faster than Telegram or Slack allow. That proof is only as good as
these fakes: python-telegram-bot and slack_sdk must really see each fault, and the meters
must count sends exactly as the platforms' limits are worded.
"""

import asyncio
import datetime as dt
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import AsyncConnectionErrorRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from slack_sdk.web.async_client import AsyncWebClient
from telegram import Bot
from telegram.error import NetworkError, RetryAfter, TimedOut

from .faults import FaultPlan, ManualClock, RateLimit, RateMeter, Reset
from .slack_api import FakeSlackAPI
from .spec_paths import require_specs
from .telegram_api import FakeTelegramAPI

TOKEN = "123456:TEST-token"
CHAT, OTHER_CHAT, GROUP = 4242, 7, -1001234567890
CHANNEL, OTHER_CHANNEL = "C0APPROVAL1", "C0ESCALATE1"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@asynccontextmanager
async def telegram(
    clock: Callable[[], float] = time.monotonic, enforce: bool = False
) -> AsyncIterator[tuple[FakeTelegramAPI, Bot]]:
    require_specs()
    async with FakeTelegramAPI(TOKEN, rate_clock=clock, enforce_limits=enforce) as fake:
        async with Bot(TOKEN, base_url=fake.base_url, base_file_url=fake.base_file_url) as bot:
            yield fake, bot
    assert fake.violations == []


@asynccontextmanager
async def slack(
    clock: Callable[[], float] = time.monotonic, enforce: bool = False, retries: bool = False
) -> AsyncIterator[tuple[FakeSlackAPI, AsyncWebClient]]:
    """``retries``: keep slack_sdk's one retry of a dropped connection, without its pause."""
    require_specs()
    handlers: list[AsyncRetryHandler] = (
        [AsyncConnectionErrorRetryHandler(interval_calculator=NO_PAUSE)] if retries else []
    )
    async with FakeSlackAPI(rate_clock=clock, enforce_limits=enforce) as fake:
        yield fake, AsyncWebClient(fake.token, base_url=fake.base_url, retry_handlers=handlers)
    assert fake.violations == []


NO_PAUSE = FixedValueRetryIntervalCalculator(0)


async def eventually(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def seconds(retry_after: int | dt.timedelta) -> float:
    """PTB gives RetryAfter.retry_after as int or timedelta depending on its settings."""
    return retry_after.total_seconds() if isinstance(retry_after, dt.timedelta) else retry_after


# Telegram ---------------------------------------------------------------------------------
async def test_reset_gives_ptb_a_network_error_and_delivers_nothing() -> None:
    async with telegram() as (fake, bot):
        fake.reset_next("sendMessage")
        with pytest.raises(NetworkError) as raised:
            await bot.send_message(CHAT, "hola")
        assert not isinstance(raised.value, TimedOut)
        assert fake.sent_messages() == []
        await bot.send_message(CHAT, "hola")
        assert [m["text"] for m in fake.sent_messages()] == ["hola"]
        assert len(await fake.wait_for("sendMessage", count=2)) == 2


async def test_fail_next_times_three_fails_exactly_three_calls() -> None:
    async with telegram() as (fake, bot):
        fake.fail_next("sendMessage", retry_after=5, times=3)
        for _ in range(3):
            with pytest.raises(RetryAfter) as raised:
                await bot.send_message(CHAT, "hola")
            assert seconds(raised.value.retry_after) == 5
        await bot.send_message(CHAT, "hola")
        assert len(fake.sent_messages()) == 1
        assert fake.faults.pending("sendMessage") == 0


async def test_stall_delays_the_answer_and_then_delivers() -> None:
    async with telegram() as (fake, bot):
        fake.stall_next("sendMessage", 0.2)
        began = time.monotonic()
        sent = await bot.send_message(CHAT, "hola")
        assert time.monotonic() - began >= 0.19
        assert fake.sent_messages() == [{"chat_id": CHAT, "text": "hola", "message_id": 1}]
        assert sent.message_id == 1


async def test_stalled_send_the_client_abandons_is_still_delivered_like_telegram() -> None:
    async with telegram() as (fake, bot):
        fake.stall_next("sendMessage", 0.25)
        with pytest.raises(TimedOut):
            await bot.send_message(CHAT, "hola", read_timeout=0.05)
        assert fake.sent_messages() == [], "nothing is delivered before the stall ends"
        await eventually(lambda: len(fake.sent_messages()) == 1)


async def test_stall_without_delivery_drops_the_call() -> None:
    async with telegram() as (fake, bot):
        fake.stall_next("sendMessage", 0.1, deliver=False)
        began = time.monotonic()
        with pytest.raises(NetworkError):
            await bot.send_message(CHAT, "hola")
        assert time.monotonic() - began >= 0.09
        assert fake.sent_messages() == []


async def test_stopping_the_fake_ends_a_long_stall_without_delivering() -> None:
    async with telegram() as (fake, bot):
        fake.stall_next("sendMessage", 60)  # ended by the stop, well before (bounds: 30 s)
        send = asyncio.create_task(bot.send_message(CHAT, "hola"))
        await fake.wait_for("sendMessage")
        await asyncio.wait_for(fake.stop(), 30)
        with pytest.raises(NetworkError):
            await asyncio.wait_for(send, 30)
        assert fake.sent_messages() == []


async def test_telegram_meters_count_sends_per_chat_and_overall(clock: ManualClock) -> None:
    async with telegram(clock) as (fake, bot):
        await bot.send_message(CHAT, "a")
        clock.now = 0.5
        await bot.send_message(CHAT, "b")  # 2 in one second to a private chat: too fast
        await bot.send_message(OTHER_CHAT, "c")
        clock.now = 1.5
        await bot.send_message(CHAT, "d")
        await bot.send_chat_action(CHAT, "typing")  # not a message
        assert len(fake.sent_messages()) == 4
        assert (fake.max_chat_rate(), fake.max_chat_rate(2.0)) == (2, 3)
        assert (fake.max_overall_rate(), fake.max_overall_rate(0.5)) == (3, 2)
        [violation] = fake.rate_violations
        assert "sendMessage to 4242 at t=0.500s" in violation
        assert "private chat" in violation and "delivered anyway" in violation


async def test_enforced_private_chat_limit_refuses_then_accepts(clock: ManualClock) -> None:
    async with telegram(clock, enforce=True) as (fake, bot):
        await bot.send_message(CHAT, "a")
        clock.now = 0.25
        with pytest.raises(RetryAfter) as raised:
            await bot.send_message(CHAT, "b")
        assert seconds(raised.value.retry_after) == 1
        await bot.send_message(OTHER_CHAT, "another chat is fine")
        clock.advance(0.75)
        await bot.send_message(CHAT, "b")
        assert [m["text"] for m in fake.sent_messages(CHAT)] == ["a", "b"]
        assert fake.max_chat_rate() == 1
        [violation] = fake.rate_violations
        assert "t=0.250s" in violation and "refused" in violation


async def test_enforced_refusal_is_the_real_429_envelope(clock: ManualClock) -> None:
    async with telegram(clock, enforce=True) as (fake, bot):
        await bot.send_message(CHAT, "a")
        url = f"{fake.base_url}{TOKEN}/sendMessage"
        async with aiohttp.ClientSession() as session:
            async with session.post(url, data={"chat_id": str(CHAT), "text": "b"}) as resp:
                assert (resp.status, await resp.json()) == (
                    429,
                    {
                        "ok": False,
                        "error_code": 429,
                        "description": "Too Many Requests: retry after 1",
                        "parameters": {"retry_after": 1},
                    },
                )


async def test_enforced_group_limit_is_twenty_a_minute(clock: ManualClock) -> None:
    async with telegram(clock, enforce=True) as (fake, bot):
        for i in range(20):
            clock.now = float(i)
            await bot.send_message(GROUP, f"m{i}")
        clock.now = 20.0
        with pytest.raises(RetryAfter) as raised:
            await bot.send_message(GROUP, "too soon")
        assert seconds(raised.value.retry_after) == 40  # when the send at t=0 leaves the window
        clock.now = 60.0
        await bot.send_message(GROUP, "now")
        assert fake.max_chat_rate(60.0) == 20 and len(fake.rate_violations) == 1


async def test_enforced_overall_limit_is_thirty_a_second(clock: ManualClock) -> None:
    async with telegram(clock, enforce=True) as (fake, bot):
        for chat in range(1, 31):
            await bot.send_message(chat, "news")
        with pytest.raises(RetryAfter):
            await bot.send_message(31, "news")
        assert fake.max_overall_rate() == 30 and fake.max_chat_rate() == 1
        assert "30 messages per second overall" in fake.rate_violations[0]


# Slack ------------------------------------------------------------------------------------
async def test_reset_gives_slack_sdk_a_connection_error() -> None:
    async with slack() as (fake, client):
        fake.reset_next("chat.postMessage")
        with pytest.raises(aiohttp.ClientError):
            await client.chat_postMessage(channel=CHANNEL, text="hi")
        assert fake.messages() == []
        assert (await client.chat_postMessage(channel=CHANNEL, text="hi"))["ok"]


async def test_slack_sdk_retries_one_reset_by_default_but_not_two() -> None:
    async with slack(retries=True) as (fake, client):
        fake.reset_next("chat.postMessage")
        assert (await client.chat_postMessage(channel=CHANNEL, text="hi"))["ok"]
        assert len(await fake.wait_for("chat.postMessage", count=2)) == 2
        fake.reset_next("chat.postMessage", times=2)
        with pytest.raises(aiohttp.ClientError):
            await client.chat_postMessage(channel=CHANNEL, text="again")
        assert [m["text"] for m in fake.messages()] == ["hi"]


async def test_slack_fail_next_times_three_with_retry_after() -> None:
    async with slack() as (fake, client):
        fake.fail_next("chat.postMessage", retry_after=30, times=3)
        for _ in range(3):
            with pytest.raises(SlackApiError) as raised:
                await client.chat_postMessage(channel=CHANNEL, text="hi")
            assert raised.value.response.status_code == 429
            assert raised.value.response["error"] == "ratelimited"
            assert raised.value.response.headers["Retry-After"] == "30"
        assert (await client.chat_postMessage(channel=CHANNEL, text="hi"))["ok"]
        with pytest.raises(ValueError, match="Retry-After"):
            fake.fail_next("chat.update", retry_after=None)


async def test_slack_stall_times_out_the_client_and_delivers_later() -> None:
    async with slack() as (fake, client):
        client.timeout = 0.05  # type: ignore[assignment]  # slack_sdk annotates it int
        fake.stall_next("chat.postMessage", 0.25)
        with pytest.raises(TimeoutError):
            await client.chat_postMessage(channel=CHANNEL, text="hi")
        assert fake.messages() == []
        await eventually(lambda: len(fake.messages()) == 1)


async def test_slack_stall_without_delivery_drops_the_call() -> None:
    async with slack() as (fake, client):
        fake.stall_next("chat.postMessage", 0.1, deliver=False)
        with pytest.raises(aiohttp.ClientError):
            await client.chat_postMessage(channel=CHANNEL, text="hi")
        assert fake.messages() == []


async def test_slack_meters_count_posts_per_channel_and_updates(clock: ManualClock) -> None:
    async with slack(clock) as (fake, client):
        first = await client.chat_postMessage(channel=CHANNEL, text="a")
        clock.now = 0.5
        await client.chat_postMessage(channel=CHANNEL, text="b")  # too fast for one channel
        await client.chat_postMessage(channel=OTHER_CHANNEL, text="c")
        for i in range(3):
            await client.chat_update(channel=CHANNEL, ts=first["ts"], text=f"a{i}")
        await client.chat_postEphemeral(channel=CHANNEL, user="U0AGENT0001", text="psst")
        assert fake.max_chat_rate() == 2 and fake.max_chat_rate(0.5) == 1
        assert fake.max_method_rate("chat.update") == 3
        assert fake.max_method_rate("chat.postMessage", 1.0) == 3
        [violation] = fake.rate_violations
        assert f"chat.postMessage to {CHANNEL} at t=0.500s" in violation


async def test_enforced_post_message_limit_refuses_then_accepts(clock: ManualClock) -> None:
    async with slack(clock, enforce=True) as (fake, client):
        await client.chat_postMessage(channel=CHANNEL, text="a")
        clock.now = 0.5
        with pytest.raises(SlackApiError) as raised:
            await client.chat_postMessage(channel=CHANNEL, text="b")
        assert raised.value.response.status_code == 429
        assert raised.value.response.data == {"ok": False, "error": "ratelimited"}
        assert raised.value.response.headers["Retry-After"] == "1"
        clock.now = 1.0
        await client.chat_postMessage(channel=CHANNEL, text="b")
        assert [m["text"] for m in fake.messages(CHANNEL)] == ["a", "b"]
        assert len(fake.rate_violations) == 1 and "refused" in fake.rate_violations[0]


async def test_enforced_update_limit_is_fifty_a_minute(clock: ManualClock) -> None:
    async with slack(clock, enforce=True) as (fake, client):
        ts = (await client.chat_postMessage(channel=CHANNEL, text="draft"))["ts"]
        for i in range(50):
            await client.chat_update(channel=CHANNEL, ts=ts, text=f"v{i}")
        clock.now = 59.0
        with pytest.raises(SlackApiError) as raised:
            await client.chat_update(channel=CHANNEL, ts=ts, text="v50")
        assert raised.value.response.headers["Retry-After"] == "1"
        clock.now = 60.0
        await client.chat_update(channel=CHANNEL, ts=ts, text="v50")
        assert fake.messages(CHANNEL)[0]["text"] == "v50"
        assert fake.max_method_rate("chat.update") == 50


# The shared pieces on their own -----------------------------------------------------------
def test_windows_include_their_start_and_exclude_their_end() -> None:
    clock = ManualClock()
    meter = RateMeter([RateLimit("1 per second", 1, 1.0, lambda s: True)], clock)
    for at in (0.0, 1.0, 1.999, 3.0):
        clock.now = at
        meter.admit("send", "x")
    assert meter.max_rate(1.0) == 2  # 1.0 and 1.999; 0.0 and 1.0 never share a window
    assert meter.max_rate(2.0) == 3 and meter.max_rate(0.5) == 1
    assert [v.split(" broke")[0] for v in meter.violations] == ["send to x at t=1.999s"]


def test_retry_after_waits_for_the_tightest_of_several_limits() -> None:
    clock = ManualClock()
    limits = [
        RateLimit("2 per second", 2, 1.0, lambda s: True),
        RateLimit("3 per 10 seconds", 3, 10.0, lambda s: True),
    ]
    meter = RateMeter(limits, clock, enforce=True)
    for at in (0.0, 0.5, 2.0):
        clock.now = at
        assert meter.admit("send", "x") is None
    clock.now = 2.2
    assert meter.admit("send", "x") == 8  # t=0.0 leaves the 10 s window at t=10
    assert "3 per 10 seconds" in meter.violations[0] and len(meter.sends) == 3


def test_fault_plan_rejects_zero_times() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        FaultPlan().add("sendMessage", Reset(), times=0)
