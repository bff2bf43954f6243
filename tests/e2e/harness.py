"""A BorderDesk runtime wired to the fake Telegram and Slack servers, and ways to click cards."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp

from bot.calendar.hours import BusinessCalendar
from bot.channels.slack_blocks import NOTE_BLOCK
from bot.config import Config
from bot.desk import DEPARTMENTS, Department
from bot.desk import Desk as DeskSettings
from bot.pacing import Pacer
from bot.runtime import Runtime, platform_adapters
from bot.storage import Store
from bot.storage.store import sqlite_url
from tests.fakes import slack_client
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

SIGNING_SECRET = "test-signing-secret-0123"
INBOX = "C0INBOX0001"
WAREHOUSE = "C0WAREHSE01"
STAFF_ID, STAFF_NAME = "U0STAFF0001", "lee"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Desk:
    """A running desk plus what a test needs to play staff in Slack."""

    runtime: Runtime
    telegram: FakeTelegramAPI
    slack: FakeSlackAPI
    events_url: str

    def inbox_cards(self) -> list[dict[str, Any]]:
        """Top-level messages in the inbox channel that carry card buttons or a decision."""
        return [
            m
            for m in self.slack.messages(INBOX)
            if m.get("blocks") and m.get("thread_ts") in (None, m["ts"])
        ]

    def thread_cards(self, thread_ts: str) -> list[dict[str, Any]]:
        """Cards posted in the thread under ``thread_ts``."""
        return [
            m
            for m in self.slack.messages(INBOX, thread_ts=thread_ts)
            if m.get("blocks") and m["ts"] != thread_ts and not is_note(m)
        ]

    async def wait_card(
        self, count: int = 1, thread_ts: str | None = None, timeout: float = 30.0
    ) -> dict[str, Any]:
        """Wait until the inbox (or a card's thread) holds ``count`` cards; return the last."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            cards = self.inbox_cards() if thread_ts is None else self.thread_cards(thread_ts)
            if len(cards) >= count:
                return cards[count - 1]
            if loop.time() > deadline:
                raise AssertionError(f"{len(cards)} card(s) after {timeout}s, wanted {count}")
            await asyncio.sleep(0.02)

    async def settled(self, timeout: float = 30.0) -> None:
        """Wait until the desk has finished what it was given: no staff action being handled,
        every stored message handled (handling ends with its card posted) and no reply
        waiting to be sent (``pending``) or being sent (``sending``): delivered, parked,
        cancelled, or held for staff.

        A test asserting that something did *not* happen waits for this rather than sleeping:
        once settled, the desk has no work left that could still post or send, however slow
        the machine. (Work a test starts itself, a click, ends with the card redrawn: wait
        for that ``chat.update`` first.)"""
        store = self.runtime.ctx.store

        async def nothing_left() -> bool:
            if self.runtime.actions_in_flight:  # a staff action still being handled
                return False
            if await store.unprocessed_inbound():
                return False
            return not {"pending", "sending"} & set(await store.outbox_status())

        await wait_until(nothing_left, "settled: messages handled, the outbox empty", timeout)

    async def wait_confirmation(
        self, card: dict[str, Any], count: int = 1, timeout: float = 30.0
    ) -> dict[str, Any]:
        """Wait for the ``count``-th translation confirmation in a card's thread."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = [
                m
                for m in self.slack.messages(INBOX, thread_ts=card["ts"])
                if any(b.get("block_id", "").startswith("bd_confirm_") for b in m.get("blocks", []))
                or m.get("text", "").startswith(("Sent ", "Cancelled "))
            ]
            if len(found) >= count:
                return found[count - 1]
            if loop.time() > deadline:
                raise AssertionError(f"{len(found)} confirmation(s) after {timeout}s")
            await asyncio.sleep(0.02)

    async def click(
        self,
        card: dict[str, Any],
        action_id: str,
        *,
        user_id: str = STAFF_ID,
        user_name: str = STAFF_NAME,
        bad_signature: bool = False,
    ) -> int:
        value = button_value(card, action_id)
        payload = slack_client.block_action(
            action_id,
            value,
            user_id=user_id,
            user_name=user_name,
            channel=card.get("channel", INBOX),  # an escalation is in its department's
            message_ts=card["ts"],
            message=card,
        )
        status, _ = await slack_client.post_interaction(
            self.events_url, SIGNING_SECRET, payload, bad_signature=bad_signature
        )
        return status

    async def submit(
        self,
        callback_id: str,
        values: dict[str, dict[str, Any]],
        private_metadata: str,
        *,
        user_id: str = STAFF_ID,
        user_name: str = STAFF_NAME,
    ) -> int:
        payload = slack_client.view_submission(
            callback_id, values, private_metadata, user_id=user_id, user_name=user_name
        )
        status, _ = await slack_client.post_interaction(self.events_url, SIGNING_SECRET, payload)
        return status

    async def thread_reply(
        self, card: dict[str, Any], text: str, *, user_id: str = STAFF_ID
    ) -> int:
        event = slack_client.message_event(INBOX, user_id, text, thread_ts=card["ts"])
        status, _ = await slack_client.post_event(self.events_url, SIGNING_SECRET, event)
        return status

    async def command(
        self, text: str, *, user_id: str = STAFF_ID, user_name: str = STAFF_NAME
    ) -> tuple[int, str]:
        """``/borderdesk <text>`` typed in the inbox: (HTTP status, the answer Slack shows)."""
        fields = slack_client.slash_command(
            "/borderdesk", text, user_id, INBOX, user_name=user_name, channel_name="inbox"
        )
        return await slack_client.post_form(self.events_url, SIGNING_SECRET, fields)


class MovableClock:
    """The runtime's clock: the real time plus however far a test has moved it on.

    ``running_desk(..., clock=clock)``, then ``clock.advance(61)`` to let a minute pass for
    the flood window, the reminders and the outbox without sleeping.
    """

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)


def fast_pacer(speed: float = 50.0) -> Pacer:
    """A Pacer whose time runs ``speed`` times faster than the wall clock: the same
    sequence of waits and sends, so tests of many sends stay quick."""
    start = time.monotonic()

    def clock() -> float:
        return start + (time.monotonic() - start) * speed

    async def sleep(seconds: float) -> None:
        await asyncio.sleep(seconds / speed)

    return Pacer(clock=clock, sleep=sleep)


async def post_raw(url: str, body: bytes, headers: dict[str, str]) -> int:
    """POST exact bytes (too big, not JSON, …) and return the HTTP status."""
    async with aiohttp.ClientSession(trust_env=False) as session:
        async with session.post(url, data=body, headers=headers) as response:
            return response.status


async def wait_until(condition: Callable[[], Any], what: str, timeout: float = 30.0) -> None:
    """Poll ``condition`` (sync or async) until it is truthy; fail naming ``what``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = condition()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if loop.time() > deadline:
            raise AssertionError(f"still not {what} after {timeout}s")
        await asyncio.sleep(0.02)


def is_note(message: dict[str, Any]) -> bool:
    """A plain note BorderDesk posted (one verbatim section), as opposed to a card."""
    found = message.get("blocks") or []
    return len(found) == 1 and found[0].get("block_id") == NOTE_BLOCK


def button_value(card: dict[str, Any], action_id: str) -> str:
    for block in card.get("blocks", []):
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return str(element["value"])
    raise AssertionError(f"card has no {action_id} button: {card.get('blocks')}")


def card_text(card: dict[str, Any]) -> str:
    """Everything a person reads on a card, flattened."""
    parts: list[str] = []
    for block in card.get("blocks", []):
        if "text" in block:
            parts.append(block["text"]["text"])
        for element in block.get("elements", []):
            if element.get("type") == "mrkdwn":
                parts.append(element["text"])
    return "\n".join(parts)


def always_open(**departments: dict[str, Any]) -> DeskSettings:
    """Support open around the clock, so tests about other things never hit closed hours."""
    calendar = BusinessCalendar.from_dict({"timezone": "UTC", "hours": {"mon-sun": "00:00-24:00"}})
    return DeskSettings(
        calendar=calendar,
        departments={
            name: Department(name=name, calendar=calendar, **departments.get(name, {}))
            for name in DEPARTMENTS
        },
    )


def desk_config(
    db: Path, telegram: FakeTelegramAPI, slack: FakeSlackAPI, port: int, **overrides: Any
) -> Config:
    config = Config(
        database_url=sqlite_url(db),
        store_name="Test Store",
        telegram_token=telegram.token,
        telegram_api_url=telegram.base_url,
        slack_bot_token=slack.token,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=slack.base_url,
        slack_listen=("127.0.0.1", port),
        slack_inbox_channel=INBOX,
        department_channels={"warehouse": WAREHOUSE},
        translator="none",  # tests never reach the internet; translation tests use a fake
    )
    return replace(config, **overrides)


@asynccontextmanager
async def running_desk(
    db: Path,
    telegram: FakeTelegramAPI,
    slack: FakeSlackAPI,
    *,
    background: bool = True,
    desk: DeskSettings | None = None,
    learned: Sequence[tuple[str, str]] = (),
    jobs: bool = False,
    clock: Callable[[], datetime] | None = None,
    retry_base: float = 0.2,
    pacer: Pacer | None = None,
    **overrides: Any,
) -> AsyncIterator[Desk]:
    """Start a desk on the fakes (Telegram polling unless a webhook URL is given).

    ``learned`` are labelled examples stored before start, as staff decisions would have
    left them, so a test about the flow does not depend on how the classifier scores a
    message it has never seen. ``jobs`` starts the digest and spike scheduler.
    ``retry_base`` is the outbox's first retry delay (short, so fault tests stay quick);
    ``pacer`` is shared by the outbox and the Slack adapter (a fast clock in benchmarks).
    """
    slack.add_user(STAFF_ID, STAFF_NAME, "Lee Staff")
    if learned:
        store = await Store.open(sqlite_url(db))
        for text, intent in learned:
            await store.add_example(text, intent, "staff", datetime.now(UTC))
        await store.close()
    port = free_port()
    config = desk_config(db, telegram, slack, port, **overrides)
    desk = desk or always_open(warehouse={"channel": WAREHOUSE})
    pacer = pacer or Pacer()
    channels, workspace = platform_adapters(config, desk, pacer)
    runtime = Runtime(
        config,
        channels=channels,
        workspace=workspace,
        outbox_idle_seconds=0.05,
        background=background,
        desk=desk,
        jobs=jobs,  # digests and spike alerts have their own tests
        pacer=pacer,
        outbox_retry_base=retry_base,
        **({"clock": clock} if clock else {}),
    )
    async with runtime:
        await asyncio.wait_for(runtime.ready.wait(), 10)  # channels connect in the background
        yield Desk(runtime, telegram, slack, f"http://127.0.0.1:{port}/slack/events")
