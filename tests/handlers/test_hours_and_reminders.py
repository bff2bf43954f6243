"""Time-dependent behaviour with fixed clocks: out-of-hours acknowledgements across time
zones and holidays, and response-time reminders that are never repeated, even after a restart."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.calendar.hours import BusinessCalendar
from bot.calendar.hours_text import describe_hours
from bot.channels.local import LocalChannel, LocalWorkspace
from bot.config import Config
from bot.desk import DEPARTMENTS, Department, Desk
from bot.models import ActionKind, InboundMessage, StaffAction
from bot.runtime import Runtime
from bot.storage import sqlite_url
from handlers.reminders import send_reminders
from tests.handlers.desk import add_order

BERLIN = ZoneInfo("Europe/Berlin")
CALENDAR = BusinessCalendar.from_dict(
    {
        "timezone": "Europe/Berlin",
        "hours": {"mon-fri": "09:00-18:00"},
        "holidays": ["2026-12-25"],
    }
)
DESK = Desk(
    calendar=CALENDAR,
    departments={n: Department(name=n, calendar=CALENDAR) for n in DEPARTMENTS},
    first_response=timedelta(hours=4),
    first_response_warn=timedelta(hours=1),
)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@asynccontextmanager
async def desk_at(
    tmp_path: Path, clock: Clock
) -> AsyncIterator[tuple[Runtime, LocalChannel, LocalWorkspace]]:
    config = replace(
        Config(), database_url=sqlite_url(tmp_path / "desk.sqlite3"), translator="none"
    )
    channel, workspace = LocalChannel(), LocalWorkspace()
    runtime = Runtime(
        config, channels=[channel], workspace=workspace, clock=clock, background=False, desk=DESK
    )
    async with runtime:
        yield runtime, channel, workspace


def message(n: int, text: str, hint: str, at: datetime, chat: str = "77") -> InboundMessage:
    return InboundMessage(
        channel="telegram",
        chat_id=chat,
        platform_message_id=f"{chat}:{n}",
        user_id=chat,
        user_name="Yuki Tanaka",
        text=text,
        received_at=at,
        language_hint=hint,
    )


async def deliver(runtime: Runtime, msg: InboundMessage) -> None:
    await runtime.on_message(msg)
    await runtime.outbox.drain()


async def test_a_shopper_whose_order_goes_to_japan_hears_monday_in_tokyo_time(
    tmp_path: Path,
) -> None:
    saturday_night_tokyo = datetime(2025, 11, 29, 23, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    clock = Clock(saturday_night_tokyo.astimezone(UTC))
    async with desk_at(tmp_path, clock) as (runtime, channel, _):
        await add_order(runtime.ctx.store, "#1001", phone="+81 90-1234-5678", country="JP")
        linking = "注文番号 #1001、電話番号 +81 90-1234-5678 です。いつ届きますか？"
        await deliver(runtime, message(1, linking, "ja", clock.now))
        acks = [text for _, text in channel.sent if "までにご返信" in text]
        assert len(acks) == 1
        # Monday 09:00 Berlin, in Tokyo time and named as such
        assert "12月1日(月曜日) 17:00、日本時間" in acks[0]
        clock.now += timedelta(minutes=5)
        await deliver(runtime, message(2, "よろしくお願いします", "ja", clock.now))
        assert len([t for _, t in channel.sent if "までにご返信" in t]) == 1, (
            "once per closed spell"
        )


async def test_the_app_language_region_is_not_where_the_shopper_is(tmp_path: Path) -> None:
    """Issue 15, item 3: the acknowledgement took the zone from Telegram's "ja-jp" while the
    answers did not; a language's region is a preference, not a place. Nothing else known:
    the store's zone, named."""
    saturday_night_tokyo = datetime(2025, 11, 29, 23, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    clock = Clock(saturday_night_tokyo.astimezone(UTC))
    async with desk_at(tmp_path, clock) as (runtime, channel, _):
        await deliver(runtime, message(1, "注文した商品はいつ届きますか？", "ja-jp", clock.now))
        [ack] = [text for _, text in channel.sent if "までにご返信" in text]
        assert "12月1日(月曜日) 09:00、中央ヨーロッパ時間" in ack and "17:00" not in ack


async def test_christmas_is_skipped_and_a_us_shopper_is_not_guessed_eastern(
    tmp_path: Path,
) -> None:
    """A US phone says nothing about which of six zones the shopper lives in: "03:00" for
    New York would be 00:00 in California. The store's zone, named, is true everywhere."""
    christmas_eve = datetime(2026, 12, 24, 19, 0, tzinfo=BERLIN)  # after hours; 25th holiday
    clock = Clock(christmas_eve.astimezone(UTC))
    async with desk_at(tmp_path, clock) as (runtime, channel, _):
        await add_order(runtime.ctx.store, "#1002", phone="+1 212 555 0100", country="US")
        text = "Where is my order #1002? My phone is +1 212 555 0100"
        await deliver(runtime, message(1, text, "en-us", clock.now))
        [ack] = [text for _, text in channel.sent]
        # 09:00 Berlin on the next working day
        assert "Monday 28 December, 09:00, Central European Time" in ack


async def test_no_acknowledgement_during_opening_hours(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 11, 24, 10, 0, tzinfo=BERLIN).astimezone(UTC))
    async with desk_at(tmp_path, clock) as (runtime, channel, workspace):
        await deliver(runtime, message(1, "Where is my order #A10293?", "en-us", clock.now))
        assert channel.sent == [] and len(workspace.cards) == 1


async def test_the_support_hours_are_in_tokyo_time_for_a_shopper_with_a_japanese_phone(
    tmp_path: Path,
) -> None:
    """Issue 15: the desk never told the engine where the shopper is, so the hours in an
    answer were always Berlin's, even for a shopper whose linked order says Japan. A
    shopper nothing is known about still reads them in Berlin time, named as such."""
    monday = datetime(2026, 12, 7, 10, 0, tzinfo=BERLIN)
    clock = Clock(monday.astimezone(UTC))
    question = "How can I contact customer service? What are your hours?"
    async with desk_at(tmp_path, clock) as (runtime, _, workspace):
        await add_order(runtime.ctx.store, "#1001", phone="+81 90-1234-5678", country="JP")
        await deliver(runtime, message(1, "Order #1001, phone +81 90-1234-5678", "en", clock.now))
        await deliver(runtime, message(2, question, "en", clock.now))
        await deliver(runtime, message(3, question, "en", clock.now, chat="78"))
        replies = [c.card.suggestion.reply or "" for c in workspace.cards.values()]
        tokyo = describe_hours(CALENDAR, "en", week_of=date(2026, 12, 7), shopper_zone="Asia/Tokyo")
        berlin = describe_hours(CALENDAR, "en", week_of=date(2026, 12, 7))
        assert tokyo in replies[1] and "Japan" in tokyo and "17:00" in tokyo
        assert berlin in replies[2] and berlin.endswith("Central European Time")


def notes(workspace: LocalWorkspace) -> list[str]:
    return [text for thread in workspace.threads.values() for text in thread]


async def test_first_response_reminders_come_once_each_even_after_a_restart(
    tmp_path: Path,
) -> None:
    monday_9 = datetime(2026, 11, 23, 9, 0, tzinfo=BERLIN).astimezone(UTC)
    clock = Clock(monday_9)
    async with desk_at(tmp_path, clock) as (runtime, _, workspace):
        await deliver(runtime, message(1, "Where is my order #A10293?", "en", clock.now))
        for minutes, expected in ((170, 0), (185, 1), (200, 0), (241, 1), (300, 0)):
            clock.now = monday_9 + timedelta(minutes=minutes)
            assert await send_reminders(runtime.ctx, clock.now) == expected, minutes
            await runtime.outbox.drain()  # notes for staff go out through the outbox
        first_notes = notes(workspace)
    assert any("due at" in n for n in first_notes)
    assert any("target was missed" in n for n in first_notes)

    clock.now = monday_9 + timedelta(hours=6)
    async with desk_at(tmp_path, clock) as (runtime, _, workspace):
        assert await send_reminders(runtime.ctx, clock.now) == 0, "nothing repeated after restart"


async def test_reminders_stop_once_the_card_is_answered_and_wait_over_the_weekend(
    tmp_path: Path,
) -> None:
    friday_16 = datetime(2026, 11, 27, 16, 0, tzinfo=BERLIN).astimezone(UTC)
    clock = Clock(friday_16)
    async with desk_at(tmp_path, clock) as (runtime, _, _):
        await deliver(runtime, message(1, "Where is my order #A10293?", "en", clock.now))
        # 4 business hours from Friday 16:00 end Monday 11:00; the warning is at 10:00.
        clock.now = datetime(2026, 11, 28, 12, 0, tzinfo=BERLIN).astimezone(UTC)  # Saturday
        assert await send_reminders(runtime.ctx, clock.now) == 0
        clock.now = datetime(2026, 11, 30, 10, 5, tzinfo=BERLIN).astimezone(UTC)  # Monday
        assert await send_reminders(runtime.ctx, clock.now) == 1


async def test_escalation_acknowledge_reminder_goes_to_the_department_card(
    tmp_path: Path,
) -> None:
    monday_9 = datetime(2026, 11, 23, 9, 0, tzinfo=BERLIN).astimezone(UTC)
    clock = Clock(monday_9)
    async with desk_at(tmp_path, clock) as (runtime, _, workspace):
        await deliver(
            runtime, message(1, "The parcel arrived and the cup inside is broken!", "en", clock.now)
        )
        [card] = [c.card for c in workspace.cards.values()]
        await runtime.on_action(
            StaffAction(
                kind=ActionKind.ESCALATE,
                user_id="U1",
                user_name="lee",
                at=clock.now,
                suggestion_id=card.suggestion_id,
            )
        )
        assert len(workspace.escalations) == 1
        clock.now = monday_9 + timedelta(hours=3, minutes=5)  # acknowledge due 13:00, warn 12:00
        await send_reminders(runtime.ctx, clock.now)
        await runtime.outbox.drain()
        escalation_ref = next(iter(workspace.escalations))
        assert any("Acknowledge due at" in n for n in workspace.threads[escalation_ref])
