"""What ``bench/load.py`` measured: outcomes per message, duplicates and latencies.

Everything is read after the run from the desk's database and from what the fake
servers recorded; ``Pushed`` is what the bench itself sent and when.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from _load_db import Rows
from _load_probe import Timings

from tests.e2e.harness import INBOX
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

TOKEN = re.compile(r"\b[A-Z]\d{5}\b")


@dataclass(frozen=True)
class Pushed:
    """One shopper message the bench pushed into the fake Telegram."""

    key: str  # "chat:message_id", the desk's platform_message_id
    chat_id: int
    token: str  # the order number only this message mentions
    at: float  # wall clock (time.time()) when pushed


@dataclass
class Outcome:
    pushed: int = 0
    accepted: int = 0
    answered: int = 0
    parked: int = 0
    lost: int = 0
    not_stored: int = 0
    stored_twice: int = 0
    cards_missing: int = 0
    cards_twice: int = 0
    replies_twice: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    cards_top_level: int = 0
    cards_in_threads: int = 0
    intake_ms: list[float] = field(default_factory=list)  # push -> stored
    row_ms: list[float] = field(default_factory=list)  # push -> suggestions.created_at
    own_ms: list[float] = field(default_factory=list)  # push -> card ready, minus Slack waits
    approval_s: list[float] = field(default_factory=list)
    # sustained intake-to-card throughput: messages whose card was posted, over the wall
    # time from the first push to the last card posted
    msgs_per_s: float = 0.0
    examples: list[str] = field(default_factory=list)

    def note(self, example: str) -> None:
        """Keep the first few examples of messages that went wrong, to print."""
        if len(self.examples) < 10:
            self.examples.append(example)

    @property
    def duplicated(self) -> int:
        return self.stored_twice + self.cards_twice + self.replies_twice


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(max(math.ceil(share * len(ordered)), 1), len(ordered)) - 1]


def _stamp(value: str | datetime) -> float:
    """A UTC timestamp as SQLAlchemy stores it in SQLite ('2026-03-01 10:02:03.123456'),
    or as asyncpg reads it from PostgreSQL (a datetime, naive in UTC or aware)."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


async def measure(
    rows: Rows,
    pushed: list[Pushed],
    telegram: FakeTelegramAPI,
    slack: FakeSlackAPI,
    timings: Timings,
    approved_at: dict[int, float],
) -> Outcome:
    out = Outcome(pushed=len(pushed))
    by_key = {p.key: p for p in pushed}
    inbound = await rows(
        "SELECT id, conversation_id, platform_message_id, text FROM messages"
        " WHERE direction = 'in' ORDER BY id",
    )
    suggestion_of = {
        message_id: (sid, status, created)
        for sid, message_id, status, created in await rows(
            "SELECT id, message_id, status, created_at FROM suggestions"
        )
    }
    replies = {
        key: (chat, text, status, platform_id)
        for key, chat, text, status, platform_id in await rows(
            "SELECT idempotency_key, chat_id, text, status, platform_message_id FROM outbox"
        )
    }
    out.accepted = len(inbound)
    out.stored_twice = sum(n - 1 for n in Counter(row[3] for row in inbound).values())

    # What the fake Telegram delivered, and when (platform time, from its rate meter).
    sent = telegram.sent_messages()
    sends = [s for s in telegram.rates.sends if s.method == "sendMessage"]
    delivered_at: dict[tuple[str, str], float] = {}
    delivered_text: dict[tuple[str, str], str] = {}
    for i, message in enumerate(sent):
        where = (str(message["chat_id"]), str(message["message_id"]))
        delivered_text[where] = message["text"]
        if len(sends) == len(sent):
            delivered_at[where] = sends[i].at
    deliveries = Counter((str(m["chat_id"]), m["text"]) for m in sent)
    queued = Counter((chat, text) for chat, text, _, _ in replies.values())
    out.replies_twice = sum(max(0, n - queued[pair]) for pair, n in deliveries.items())

    cards = _cards_per_token(slack, out)
    tokens = set()
    previous: dict[int, tuple[float, float]] = {}  # conversation -> last card (ready, posted)
    for message_id, conversation_id, platform_id, _ in inbound:
        push = by_key.get(platform_id)
        if push is None:
            out.note(f"stored message {platform_id} was never pushed")
            continue
        tokens.add(push.token)
        if cards[push.token] == 0:
            out.cards_missing += 1
        sid, status, created = suggestion_of.get(message_id, (None, "no suggestion", None))
        out.statuses[status] += 1
        if sid is None:
            out.note(f"message {platform_id} has no suggestion")
            continue
        out.row_ms.append((_stamp(created) - push.at) * 1000)
        stored = timings.stored.get(platform_id)
        ready = timings.card_ready.get(sid)
        if stored is not None and ready is not None:
            out.intake_ms.append((stored - push.at) * 1000)
            out.own_ms.append(
                (ready - push.at - _slack_wait(previous, conversation_id, stored)) * 1000
            )
            if sid in timings.card_posted:
                previous[conversation_id] = (ready, timings.card_posted[sid])
        chat, text, reply_status, reply_id = replies.get(f"suggestion:{sid}", (None,) * 4)
        where = (str(chat), str(reply_id))
        if reply_status == "sent" and delivered_text.get(where) == text:
            out.answered += 1
            if sid in approved_at and where in delivered_at:
                out.approval_s.append(delivered_at[where] - approved_at[sid])
        elif reply_status == "dead":
            out.parked += 1
        else:
            out.note(f"message {platform_id}: suggestion {sid} {status}, reply {reply_status}")
    out.not_stored = len(by_key.keys() - {row[2] for row in inbound})
    out.cards_twice = sum(max(0, cards[t] - 1) for t in tokens)
    if pushed and timings.card_posted:
        span = max(timings.card_posted.values()) - min(p.at for p in pushed)
        out.msgs_per_s = len(timings.card_posted) / span if span > 0 else 0.0
    out.lost = out.pushed - out.answered - out.parked
    return out


def _slack_wait(
    previous: dict[int, tuple[float, float]], conversation_id: int, stored: float
) -> float:
    """How long a stored message waited for Slack to take its conversation's previous card:
    the desk handles a conversation's messages one at a time, so a message stored while
    the card before it was queued at Slack's rate limit waits until that card is posted."""
    if conversation_id not in previous:
        return 0.0
    ready, posted = previous[conversation_id]
    return max(0.0, posted - max(stored, ready))


def _cards_per_token(slack: FakeSlackAPI, out: Outcome) -> Counter[str]:
    """How many cards in the inbox (top level and in threads) are for each message."""
    cards: Counter[str] = Counter()
    for message in slack.messages(INBOX):
        if not message.get("blocks"):
            continue  # plain thread notes, not cards
        if message.get("thread_ts") in (None, message["ts"]):
            out.cards_top_level += 1
        else:
            out.cards_in_threads += 1
        # the card's text is the shopper's message it is for; its blocks also show context
        # (an earlier message of the conversation, the linked order), which names other
        # messages' order tokens and is not a second card for them
        shown: Any = message.get("text") or message["blocks"]
        found = set(TOKEN.findall(json.dumps(shown, ensure_ascii=False)))
        cards.update(found)
    return cards
