"""How long a department's daily digest takes on a big database, and how that grows.

    python bench/digest_bench.py [--db PATH]

Fills SQLite databases with 100,000 and then 1,000,000 messages spread over 90 days: a
store's shoppers on several channels and languages, a daily rhythm, ~85% of messages
answered, a suggestion on every shopper message, problems on ~20% of them (with orders,
products, carriers and countries drawn from pools, so some recur), escalations on ~10% of
problems. Then times ``build_digest`` for logistics on the last day (best of 3), and, for
information, the management digest and spike detection. With ``--db PATH`` the 1M
database is kept at PATH (and the 100k one at PATH.100k) and reused when run again.
Prints ``name=value`` lines; the last is ``digest_1m_s=<seconds>``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy.dialects import sqlite  # noqa: E402
from sqlalchemy.types import DateTime  # noqa: E402

from bot.storage.store import Store, sqlite_url  # noqa: E402
from scheduler.digest import build_digest  # noqa: E402
from scheduler.management_report import build_management_digest  # noqa: E402
from scheduler.spikes import detect_spikes  # noqa: E402

DAYS = 90
LAST_DAY = date(2026, 3, 1)  # the day the digest covers, in Berlin
ZONE = ZoneInfo("Europe/Berlin")
END = datetime(2026, 3, 2, tzinfo=ZONE).astimezone(UTC)
START = END - timedelta(days=DAYS)
PROBLEMS = {  # intent: (department, weight among shopper messages)
    "delivery_delay": ("logistics", 6), "lost_package": ("logistics", 2),
    "customs_duties": ("logistics", 2), "damaged_item": ("warehouse", 3),
    "wrong_item": ("warehouse", 2), "missing_item": ("warehouse", 1.5),
    "product_defect": ("purchasing", 2.5), "payment_issue": ("sales", 1),
    "complaint": ("management", 0.5),
}  # fmt: skip
QUESTIONS = {"track_order": 20, "delivery_period": 8, "return_item": 7, "get_refund": 6,
             "product_info": 8, "size_conversion": 5, "change_order": 4, "greeting": 6,
             "thanks": 6, "cancel_order": 4, "check_payment_methods": 3}  # fmt: skip
STATUSES = {"sent": 50, "auto_sent": 15, "edited": 12, "replaced": 6, "ignored": 5,
            "escalated": 2, "answered": 3, "pending": 7}  # fmt: skip
LANGUAGES = {"de": 30, "en": 25, "fr": 12, "es": 10, "it": 8, "pl": 5, "nl": 5, "ja": 5}
COUNTRIES = {"DE": 30, "US": 15, "FR": 12, "ES": 10, "IT": 8, "PL": 5, "NL": 5, "JP": 5}
CHANNELS = {"telegram": 70, "whatsapp": 20, "webchat": 10}
CARRIERS = ["DHL", "UPS", "FedEx", "DPD", "GLS", "Japan Post"]
ROOT_CAUSES = ["supplier_product", "packing", "warehouse_picking", "carrier", "customs",
               "listing", "customer", "other"]  # fmt: skip
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 9, 8, 9, 10, 10, 9, 8, 8, 9, 8, 6, 4, 2]
_stamp = DateTime().dialect_impl(sqlite.dialect()).bind_processor(sqlite.dialect())  # as stored


def stamp(moment: datetime) -> str:
    return _stamp(moment.replace(tzinfo=None))  # type: ignore[misc]


def pick(rng: random.Random, weights: Mapping[str, float], n: int) -> list[str]:
    return rng.choices(list(weights), list(weights.values()), k=n)


def shopper_times(rng: random.Random, n: int) -> Iterator[datetime]:
    """``n`` moments over the 90 days, sorted, busier in the store's afternoon."""
    days = rng.choices(range(DAYS), k=n)
    hours = rng.choices(range(24), HOUR_WEIGHTS, k=n)
    seconds = (d * 86400 + h * 3600 + rng.randrange(3600) for d, h in zip(days, hours, strict=True))
    return (START + timedelta(seconds=s) for s in sorted(seconds))


def generate(db: Path, total: int, seed: int = 7) -> None:
    """Write about ``total`` messages and everything that hangs off them into ``db``."""
    rng = random.Random(seed)
    inbound = int(total / 1.85)  # ~85% of shopper messages get an answer
    n_conversations = max(inbound // 6, 1)
    intents = {**{k: w for k, (_, w) in PROBLEMS.items()}, **QUESTIONS}
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous=OFF")
    first = stamp(START)
    countries = [rng.choice([*pick(rng, COUNTRIES, 4), None]) for _ in range(n_conversations)]
    languages = pick(rng, LANGUAGES, n_conversations)
    channels = pick(rng, CHANNELS, n_conversations)
    with conn:
        conn.executemany(
            "INSERT INTO customers (id, channel, platform_user_id, name, language, country,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((i, channels[i - 1], f"u{i}", f"Shopper {i}", languages[i - 1], countries[i - 1],
              first) for i in range(1, n_conversations + 1)),
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO conversations (id, customer_id, channel, chat_id, language, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((i, i, channels[i - 1], f"c{i}", languages[i - 1], first, first)
             for i in range(1, n_conversations + 1)),
        )  # fmt: skip
    events: list[tuple[datetime, str, int, str]] = []  # (time, direction, conversation, intent)
    for at, intent in zip(shopper_times(rng, inbound), pick(rng, intents, inbound), strict=True):
        conversation = rng.randint(1, n_conversations)
        events.append((at, "in", conversation, intent))
        if rng.random() < 0.85:
            delay = timedelta(seconds=min(rng.expovariate(1 / 1500), 3 * 86400))
            events.append((at + delay, "out", conversation, ""))
    events.sort(key=lambda e: e[0])
    message_rows: list[tuple[Any, ...]] = []
    suggestion_rows: list[tuple[Any, ...]] = []
    problem_rows: list[tuple[Any, ...]] = []
    escalation_rows: list[tuple[Any, ...]] = []
    for message_id, (at, direction, conversation, intent) in enumerate(events, start=1):
        language, channel = languages[conversation - 1], channels[conversation - 1]
        order = f"A{rng.randint(10000, 60000)}"
        text = f"{intent.replace('_', ' ')} about order {order}" if intent else "Thank you!"
        message_rows.append((message_id, conversation, direction, channel, f"m{message_id}",
                             "text", text, language, stamp(at)))  # fmt: skip
        if direction == "out":
            continue
        status = pick(rng, STATUSES, 1)[0]
        department = PROBLEMS[intent][0] if intent in PROBLEMS else None
        suggestion_rows.append((message_id, message_id, conversation, language, intent, 0.8,
                                json.dumps([[intent, 0.8]]), department, department is not None,
                                "{}", status, stamp(at)))  # fmt: skip
        if department is None:
            continue
        product = f"SKU-{int(rng.paretovariate(1.2)) % 400:03d}"
        carrier = rng.choice(CARRIERS) if department == "logistics" else None
        problem_rows.append((len(problem_rows) + 1, message_id, conversation, department,
                             intent, channel, language, countries[conversation - 1], order,
                             product, carrier, stamp(at)))  # fmt: skip
        if rng.random() < 0.1:
            escalation_rows.append(
                escalation(rng, message_id, conversation, department, intent, at)
            )
    with conn:
        conn.executemany(
            "INSERT INTO messages (id, conversation_id, direction, channel, platform_message_id,"
            " kind, text, language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            message_rows,
        )
        conn.executemany(
            "INSERT INTO suggestions (id, message_id, conversation_id, language, intent,"
            " confidence, top, department, is_problem, display, status, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            suggestion_rows,
        )
        conn.executemany(
            "INSERT INTO problems (id, conversation_id, department, intent,"
            " channel, language, country, order_number, product, carrier, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row[:1] + row[2:] for row in problem_rows),
        )
        conn.executemany(  # one report each: every shopper writes about a cause of their own
            "INSERT INTO problem_reports (problem_id, suggestion_id, conversation_id, source,"
            " created_at) VALUES (?, ?, ?, 'shopper', ?)",
            ((row[0], row[1], row[2], row[-1]) for row in problem_rows),
        )
        conn.executemany(
            "INSERT INTO escalations (suggestion_id, conversation_id, department, intent, status,"
            " opened_by, created_at, acknowledged_at, resolved_at, root_cause)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            escalation_rows,
        )
    conn.close()


def escalation(
    rng: random.Random, suggestion: int, conversation: int, department: str, intent: str,
    at: datetime,
) -> tuple[Any, ...]:  # fmt: skip
    """An escalation acknowledged within hours and resolved within days; a few get stuck."""
    opened = at + timedelta(minutes=rng.randint(2, 90))
    acknowledged = opened + timedelta(hours=rng.expovariate(1 / 3))
    resolved = acknowledged + timedelta(hours=rng.expovariate(1 / 30))
    stuck = rng.random() < 0.02
    status = "open" if stuck or acknowledged >= END else "acknowledged"
    if status == "acknowledged" and resolved < END:
        status = "resolved"
    return (suggestion, conversation, department, intent, status, "Staff", stamp(opened),
            stamp(acknowledged) if status != "open" else None,
            stamp(resolved) if status == "resolved" else None,
            rng.choice(ROOT_CAUSES) if status == "resolved" else None)  # fmt: skip


async def best_of(runs: int, job: Callable[[], Awaitable[object]]) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        await job()
        best = min(best, time.perf_counter() - began)
    return best


async def measure(db: Path, total: int, label: str) -> float:
    """Fill ``db`` unless it already holds ``total``-ish messages; print and return timings."""
    store = await Store.open(sqlite_url(db))
    async with store.engine.connect() as conn:
        held = (await conn.exec_driver_sql("SELECT count(*) FROM messages")).scalar_one()
    if held == 0:
        await store.close()
        began = time.perf_counter()
        generate(db, total)
        print(f"generate_{label}_s={time.perf_counter() - began:.1f}")
        store = await Store.open(sqlite_url(db))
    engine = store.engine
    async with engine.connect() as conn:
        for table in ("messages", "problems", "escalations"):
            count = (await conn.exec_driver_sql(f"SELECT count(*) FROM {table}")).scalar_one()
            print(f"rows_{label}_{table}={count}")
    digest = await build_digest(engine, "logistics", LAST_DAY, ZONE)
    print(f"digest_{label}_problems={digest.total}")
    management = await best_of(3, lambda: build_management_digest(engine, LAST_DAY, ZONE))
    spikes = await best_of(3, lambda: detect_spikes(engine, END))
    seconds = await best_of(3, lambda: build_digest(engine, "logistics", LAST_DAY, ZONE))
    print(f"management_{label}_s={management:.3f}")
    print(f"spikes_{label}_s={spikes:.3f}")
    await store.close()
    return seconds


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="keep the 1M database here (reused if filled)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digest-bench-") as scratch:
        big = args.db or Path(scratch) / "bench-1m.sqlite3"
        small = big.with_name(big.name + ".100k")
        small_s = await measure(small, 100_000, "100k")
        print(f"digest_100k_s={small_s:.3f}")
        big_s = await measure(big, 1_000_000, "1m")
        print(f"digest_growth_100k_to_1m={big_s / small_s:.2f}")
        print(f"digest_1m_s={big_s:.3f}")


if __name__ == "__main__":
    asyncio.run(main())
