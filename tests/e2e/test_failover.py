"""Failover: two ``borderdesk run`` processes on one PostgreSQL database, one polling
Telegram; SIGKILL the poller, and the other polls within seconds (issue 17).

Both processes run the real command against the fake Telegram and Slack (this test's
event loop), each with its own Slack and ``/healthz`` port, and
``BORDERDESK_TELEGRAM_TAKEOVER`` of half a second. ``/healthz`` says which one polls
(``"polling": {"telegram": "leader"}``) and which stands by. Shoppers write before the
kill and between the kill and the takeover; staff answer every card in the survivor's
Slack. What must hold:

- the fake never saw two live getUpdates at once (``poll_conflicts``: Telegram would
  have ended one with 409 Conflict) — the killed poller's last getUpdates, left at the
  fake with nobody behind it, is no conflict;
- the survivor stood by until the kill, and leads after it;
- the killed poller's last messages, stored and carded but not yet confirmed to Telegram
  (its confirming getUpdates is stalled at the fake), come again to the survivor, which
  recognises them: stored once, one card each;
- every message Telegram handed out is stored once, has one card, and its reply reached
  the shopper exactly once (one sendMessage per outbox row, each recorded as sent).

The kill comes once the poller has handled what it got (every message has its card, no
conversation claimed, no reply being sent): a SIGKILL in the middle of handling leaves
the conversation claimed for ``bot.storage.claims``'s lease (30 s) and then to the resume
job (every 30 s), a minute this test would wait; how such leftovers are finished is the
crash test's (``tests/e2e/test_crash.py``, on SQLite) and the claims' own tests.
PostgreSQL tests skip, saying why, without a server (``tests/bot/storage/databases.py``),
and fail under ``CI=true``.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import pytest

from bot.storage import Store
from tests.bot.storage.databases import database_url
from tests.e2e.harness import button_value, free_port, wait_until
from tests.e2e.test_crash import INBOX, SIGNING_SECRET, STAFF_ID, STAFF_NAME, _environment
from tests.fakes import slack_client
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.spec_paths import require_specs
from tests.fakes.telegram_api import FakeTelegramAPI

TAKEOVER = 0.5  # BORDERDESK_TELEGRAM_TAKEOVER: how often the standby asks for the lock
# BORDERDESK_TEST_TIME_SCALE: platform time runs this many times faster than the wall
# clock, in both processes and in the fakes' rate meters (``time.time() * SCALE``, as
# ``bench/load.py --time-scale``): Slack's card a second in the inbox, and the two
# minutes a send left in flight by the killed process counts, pass twenty times faster
SCALE = 20.0
STARTUP = 90.0  # for both processes to import, train and connect on a busy machine

# (chat, language, text, intent taught to the desk beforehand), so each card offers the
# reply to send as it is, whatever the classifier would make of a message it never saw
BEFORE_KILL = [
    (7001, "en", "Where is my order 12345? It has been two weeks.", "track_order"),
    (7002, "es", "¿Hacéis envíos a Canadá?", "delivery_options"),
    (7003, "de", "Muss ich Zollgebühren bezahlen?", "customs_duties"),
]
AFTER_KILL = [
    (7004, "fr", "Mon colis est arrivé abîmé, la tasse est cassée.", "damaged_item"),
    (7001, "en", "Can I change the delivery address?", "change_shipping_address"),
]


@dataclass
class DeskProcess:
    """One ``borderdesk run`` with its own Slack events and ``/healthz`` address."""

    name: str
    proc: asyncio.subprocess.Process
    log: Path
    events_url: str
    health_url: str

    async def health(self) -> dict[str, Any] | None:
        """The /healthz body, or None while the process does not answer it."""
        try:
            async with aiohttp.ClientSession() as session:
                async with session.get(self.health_url) as response:
                    body: dict[str, Any] = await response.json()
                    return body
        except aiohttp.ClientError:
            return None

    async def polling(self) -> str | None:
        """ "leader" or "standby" once connected to Telegram, else None."""
        body = await self.health()
        if body is None or body.get("channels", {}).get("telegram") != "connected":
            return None
        return str(body.get("polling", {}).get("telegram"))

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace").splitlines()[-lines:]
        return f"--- {self.name} ({self.log.name}) ---\n" + "\n".join(text)


def platform_now() -> float:
    return time.time() * SCALE


@pytest.fixture
async def telegram_api() -> AsyncIterator[FakeTelegramAPI]:
    """The fake Telegram of ``tests/conftest.py``, its rates kept in platform time."""
    require_specs()
    async with FakeTelegramAPI(rate_clock=platform_now) as fake:
        yield fake
    assert fake.violations == [], "requests the real Telegram API would refuse"


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlackAPI]:
    """The fake Slack of ``tests/conftest.py``, its rates kept in platform time."""
    require_specs()
    async with FakeSlackAPI(rate_clock=platform_now) as fake:
        yield fake
    assert fake.violations == [], "requests the real Slack API would refuse"


@pytest.fixture
async def postgres(tmp_path: Path) -> AsyncIterator[str]:
    async with database_url("postgresql", tmp_path) as url:
        yield url


async def start_desk(name: str, tmp_path: Path, environment: dict[str, str]) -> DeskProcess:
    """``borderdesk run`` with the test's settings, on ports of its own."""
    slack_port, health_port = free_port(), free_port()
    env = environment | {
        "BORDERDESK_SLACK_LISTEN": f"127.0.0.1:{slack_port}",
        "BORDERDESK_HEALTH_LISTEN": f"127.0.0.1:{health_port}",
    }
    log = tmp_path / f"{name}.log"
    with log.open("wb") as out:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            "run",
            cwd=tmp_path,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=out,
            stderr=asyncio.subprocess.STDOUT,
        )
    return DeskProcess(
        name,
        proc,
        log,
        f"http://127.0.0.1:{slack_port}/slack/events",
        f"http://127.0.0.1:{health_port}/healthz",
    )


class Cards:
    """The cards posted to the inbox, in its threads too (a shopper's second message is
    a card under the first), by suggestion id: read from a card's buttons
    (``bd_card_<id>``), which its decision removes, so each card is remembered once seen."""

    def __init__(self, slack: FakeSlackAPI) -> None:
        self.slack = slack
        self.seen: dict[str, int] = {}  # Slack ts -> suggestion id

    def undecided(self) -> dict[int, dict[str, Any]]:
        """The cards still showing their buttons, by suggestion id."""
        found = {}
        for message in self.slack.messages(INBOX):
            for block in message.get("blocks") or []:
                block_id = str(block.get("block_id", ""))
                if block_id.startswith("bd_card_"):
                    suggestion = int(block_id.removeprefix("bd_card_"))
                    self.seen[message["ts"]] = suggestion
                    found[suggestion] = message
        return found

    def count(self) -> int:
        """How many cards were posted so far."""
        self.undecided()
        return len(self.seen)


def push(
    telegram: FakeTelegramAPI, shoppers: list[tuple[int, str, str, str]]
) -> list[dict[str, Any]]:
    return [
        telegram.push_update(telegram.text_update(chat, text, language_code=language))
        for chat, language, text, _ in shoppers
    ]


def _asked_to_confirm(telegram: FakeTelegramAPI, last: dict[str, Any]) -> bool:
    """A getUpdates came whose offset confirms ``last`` (whether or not it was answered)."""
    return any(
        method == "getUpdates" and params.get("offset", 0) > last["update_id"]
        for method, params in telegram.calls
    )


async def answer_every_card(cards: Cards, desk: DeskProcess, count: int) -> None:
    """Staff click "Send" once on each of ``count`` cards, in the survivor's Slack."""
    clicked: set[int] = set()

    async def all_clicked() -> bool:
        for suggestion, card in cards.undecided().items():
            if suggestion in clicked:
                continue
            payload = slack_client.block_action(
                "bd_send",
                button_value(card, "bd_send"),
                user_id=STAFF_ID,
                user_name=STAFF_NAME,
                channel=INBOX,
                message_ts=card["ts"],
                message=card,
            )
            status, _ = await slack_client.post_interaction(
                desk.events_url, SIGNING_SECRET, payload
            )
            assert status == 200, f"click on card {suggestion}: {status}"
            clicked.add(suggestion)
        return len(clicked) >= count

    await wait_until(all_clicked, f"{count} cards answered")


async def test_sigkill_the_telegram_poller_and_the_other_process_polls(
    tmp_path: Path,
    postgres: str,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
) -> None:
    slack_api.add_user(STAFF_ID, STAFF_NAME, "Noor Staff")
    cards = Cards(slack_api)
    store = await Store.open(postgres)  # migrated; the examples staff taught earlier
    for _, _, text, intent in BEFORE_KILL + AFTER_KILL:
        await store.add_example(text, intent, "staff", datetime.now(UTC))
    await store.close()

    # the crash test's desk (open around the clock, no translation, a part of the answer
    # library), on PostgreSQL, asking for the poller lock twice a second
    environment = _environment(tmp_path, telegram_api, slack_api, 0) | {
        "BORDERDESK_DATABASE_URL": postgres,
        "BORDERDESK_TELEGRAM_TAKEOVER": str(TAKEOVER),
        "BORDERDESK_TEST_TIME_SCALE": str(SCALE),
    }
    began = time.monotonic()
    desks = [await start_desk(name, tmp_path, environment) for name in ("first", "second")]
    try:
        states: list[str | None] = []

        async def one_leads() -> bool:
            for desk in desks:
                assert desk.proc.returncode is None, desk.tail()
            states[:] = [await desk.polling() for desk in desks]
            return sorted(map(str, states)) == ["leader", "standby"]

        await wait_until(one_leads, "one process polling, the other standing by", STARTUP)
        leader, survivor = desks if states[0] == "leader" else desks[::-1]
        started = time.monotonic() - began

        # The leader's long poll gets the first messages; the getUpdates after it, which
        # would confirm them, never reaches Telegram (stalled, then dropped unanswered):
        # so they come again to the survivor, which must know them already. (Both in one
        # step with the push: the waiting poll is the one that gets the messages.)
        await wait_until(lambda: telegram_api.poller_waiting, "the leader polling")
        pushed = push(telegram_api, BEFORE_KILL)
        telegram_api.stall_next("getUpdates", 600.0, deliver=False)
        await wait_until(lambda: cards.count() == len(BEFORE_KILL), "the first cards", 60)
        assert await survivor.polling() == "standby"
        # idle now: its conversations let go, and its confirming getUpdates sent
        await wait_until(lambda: _idle(postgres), "the leader done with the messages")
        await wait_until(
            lambda: _asked_to_confirm(telegram_api, pushed[-1]), "the leader confirming"
        )
        assert telegram_api.pending_updates == pushed, "stored, not confirmed"

        leader.proc.send_signal(signal.SIGKILL)
        await leader.proc.wait()
        killed_at = time.monotonic()
        push(telegram_api, AFTER_KILL)  # while nobody polls: Telegram keeps them
        await wait_until(lambda: _is_leader(survivor), "the survivor taking over", 60)
        took_over = time.monotonic() - killed_at
        total = len(BEFORE_KILL) + len(AFTER_KILL)
        await wait_until(lambda: cards.count() == total, "cards after the takeover", 60)
        await answer_every_card(cards, survivor, total)
        await wait_until(lambda: len(telegram_api.sent_messages()) >= total, "every reply sent", 60)
        await wait_until(lambda: _settled(postgres), "outbox empty", 60)
        answered = time.monotonic() - killed_at

        survivor.proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(survivor.proc.wait(), 30) == 0, survivor.tail()
    except BaseException:
        for desk in desks:
            sys.stderr.write(desk.tail() + "\n")
        sys.stderr.write(await _state(postgres))
        raise
    finally:
        for desk in desks:
            if desk.proc.returncode is None:
                desk.proc.send_signal(signal.SIGKILL)
                await desk.proc.wait()

    sys.stdout.write(
        f"\nfailover: both processes up in {started:.1f}s; the survivor polled "
        f"{took_over:.2f}s after the SIGKILL, and every card was answered {answered:.1f}s "
        "after it\n"
    )
    assert telegram_api.poll_conflicts == [], "two processes polled Telegram at once"
    assert telegram_api.pending_updates == [], "every update confirmed"
    assert telegram_api.rate_violations == slack_api.rate_violations == [], "over a limit"
    await _check_exactly_once(postgres, telegram_api, cards, total)


# Under load: shoppers (chats 7101-7108) write three messages each, in two waves, the
# texts taught above; the poller is killed while it is still carding the first wave.
LOAD_CHATS = range(7101, 7109)
LOAD_TEXTS = [(language, text, intent) for _, language, text, intent in BEFORE_KILL + AFTER_KILL]


def load_wave(rounds: range) -> list[tuple[int, str, str, str]]:
    return [
        (chat, *LOAD_TEXTS[(chat + n) % len(LOAD_TEXTS)]) for n in rounds for chat in LOAD_CHATS
    ]


async def test_sigkill_the_poller_while_it_cards_a_wave_and_nothing_is_lost_or_doubled(
    tmp_path: Path,
    postgres: str,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
) -> None:
    """Messages keep coming while the poller is killed in the middle of its work: it has
    conversations claimed, messages stored but not carded, and a card on its way to Slack
    (held there, never delivered). The survivor takes over polling, gets what was not
    confirmed again (recognised), finishes the dead one's conversations once their claims
    lapse (``BORDERDESK_CLAIM_LEASE`` of 2 s, then its resume job, every second here), and cards
    the wave sent meanwhile: every message one card, every card one reply."""
    slack_api.add_user(STAFF_ID, STAFF_NAME, "Noor Staff")
    cards = Cards(slack_api)
    store = await Store.open(postgres)
    for _, text, intent in LOAD_TEXTS:
        await store.add_example(text, intent, "staff", datetime.now(UTC))
    await store.close()
    environment = _environment(tmp_path, telegram_api, slack_api, 0) | {
        "BORDERDESK_DATABASE_URL": postgres,
        "BORDERDESK_TELEGRAM_TAKEOVER": str(TAKEOVER),
        "BORDERDESK_CLAIM_LEASE": "2",
        "BORDERDESK_RESUME_INTERVAL": "1",
        "BORDERDESK_TEST_TIME_SCALE": str(SCALE),
    }
    desks = [await start_desk(name, tmp_path, environment) for name in ("first", "second")]
    first_wave, second_wave = load_wave(range(2)), load_wave(range(2, 3))
    total = len(first_wave) + len(second_wave)
    try:
        states: list[str | None] = []

        async def one_leads() -> bool:
            for desk in desks:
                assert desk.proc.returncode is None, desk.tail()
            states[:] = [await desk.polling() for desk in desks]
            return sorted(map(str, states)) == ["leader", "standby"]

        await wait_until(one_leads, "one process polling, the other standing by", STARTUP)
        leader, survivor = desks if states[0] == "leader" else desks[::-1]
        await wait_until(lambda: telegram_api.poller_waiting, "the leader polling")
        # Slack's pace (a card a platform second in the inbox) keeps the leader busy with
        # the wave: the first three cards go through (a stall of no time), the fourth is
        # held at Slack, and the kill comes while the leader waits for it
        slack_api.stall_next("chat.postMessage", 0.0, times=3)
        slack_api.stall_next("chat.postMessage", 600.0, deliver=False)
        push(telegram_api, first_wave)
        await wait_until(
            lambda: slack_api.faults.pending("chat.postMessage") == 0, "a card held at Slack", 60
        )
        assert cards.count() < len(first_wave), "the leader was still carding the wave"
        leader.proc.send_signal(signal.SIGKILL)
        await leader.proc.wait()
        push(telegram_api, second_wave)
        await wait_until(lambda: _is_leader(survivor), "the survivor taking over", 60)
        await wait_until(lambda: cards.count() >= total, "a card for every message", 180)
        await answer_every_card(cards, survivor, total)
        await wait_until(lambda: len(telegram_api.sent_messages()) >= total, "every reply", 120)
        await wait_until(lambda: _settled(postgres), "outbox empty", 60)
        survivor.proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(survivor.proc.wait(), 30) == 0, survivor.tail()
    except BaseException:
        for desk in desks:
            sys.stderr.write(desk.tail() + "\n")
        sys.stderr.write(await _state(postgres))
        raise
    finally:
        for desk in desks:
            if desk.proc.returncode is None:
                desk.proc.send_signal(signal.SIGKILL)
                await desk.proc.wait()
    assert telegram_api.poll_conflicts == [], "two processes polled Telegram at once"
    assert telegram_api.pending_updates == [], "every update confirmed"
    assert telegram_api.rate_violations == slack_api.rate_violations == [], "over a limit"
    await _check_exactly_once(postgres, telegram_api, cards, total)


async def _state(url: str) -> str:
    """What the database holds of work under way, for a failure's report."""
    lines = []
    for table, query in (
        (
            "unprocessed",
            "select id, conversation_id from messages "
            "where direction = 'in' and processed_at is null",
        ),
        ("claims", "select * from conversation_claims"),
        ("pace_sends", "select * from pace_sends"),
    ):
        lines += [f"{table}:", *(f"  {dict(row)}" for row in await _query(url, query))]
    return "\n".join(lines) + "\n"


async def _is_leader(desk: DeskProcess) -> bool:
    return await desk.polling() == "leader"


async def _idle(url: str) -> bool:
    """Every stored message handled, and no conversation claimed by a process."""
    rows = await _query(
        url,
        """select
             (select count(*) from messages where direction = 'in' and processed_at is null),
             (select count(*) from conversation_claims)""",
    )
    return tuple(rows[0].values()) == (0, 0)


async def _settled(url: str) -> bool:
    rows = await _query(
        url,
        """select
             (select count(*) from messages where direction = 'in' and processed_at is null),
             (select count(*) from suggestions where status = 'pending'),
             (select count(*) from outbox where status not in ('sent', 'dead'))""",
    )
    return tuple(rows[0].values()) == (0, 0, 0)


async def _query(url: str, sql: str) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        return list(await connection.fetch(sql))
    finally:
        await connection.close()


async def _check_exactly_once(
    url: str, telegram: FakeTelegramAPI, cards: Cards, total: int
) -> None:
    """Each message stored once with one card; each reply sent once and recorded."""
    stored = await _query(
        url,
        "select platform_message_id, count(*) as n from messages where direction = 'in' "
        "group by platform_message_id",
    )
    assert len(stored) == total and all(row["n"] == 1 for row in stored), stored
    assert sorted(cards.seen.values()) == sorted(set(cards.seen.values())), "a card twice"
    assert len(cards.seen) == total
    outbox = await _query(
        url, "select chat_id, platform_message_id, status from outbox where channel = 'telegram'"
    )
    assert len(outbox) == total and {row["status"] for row in outbox} == {"sent"}, outbox
    delivered = sorted((m["chat_id"], m["message_id"]) for m in telegram.sent_messages())
    recorded = sorted((int(row["chat_id"]), int(row["platform_message_id"])) for row in outbox)
    assert delivered == recorded, "a reply reached a shopper twice, or unrecorded"
