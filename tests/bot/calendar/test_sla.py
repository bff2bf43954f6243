"""Response-time targets in business hours, and reminders that are never repeated."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.calendar.hours import BusinessCalendar
from bot.calendar.sla import ItemId, Reminder, SlaItem, Target, reminders_due, sla_state

H = timedelta(hours=1)
M = timedelta(minutes=1)
OFFICE = BusinessCalendar.from_dict(
    {"timezone": "Europe/Berlin", "hours": {"mon-fri": "09:00-17:00"}}
)
FIRST_RESPONSE = Target("first_response", duration=4 * H, warn_before=1 * H)


def tue(hour: int, minute: int = 0) -> datetime:
    """Tuesday 1 December 2026 in Berlin; work starts at 10:00, warns 13:00, is due 14:00."""
    return datetime(2026, 12, 1, hour, minute, tzinfo=ZoneInfo("Europe/Berlin"))


WED_10 = tue(10) + timedelta(days=1)


@pytest.mark.parametrize(
    ("now", "done_at", "state", "remaining"),
    [
        pytest.param(tue(11), None, "ok", 3 * H, id="early"),
        pytest.param(tue(12, 59), None, "ok", 61 * M, id="just-before-warning"),
        pytest.param(tue(13), None, "due_soon", 1 * H, id="warning-starts"),
        pytest.param(tue(13, 30), None, "due_soon", 30 * M, id="in-warning"),
        pytest.param(tue(14), None, "missed", 0 * H, id="due-now"),
        pytest.param(tue(16), None, "missed", -2 * H, id="late"),
        pytest.param(WED_10, None, "missed", -4 * H, id="late-overnight-counts-business-time"),
        pytest.param(tue(16), tue(12), "met", 2 * H, id="met-early"),
        pytest.param(tue(16), tue(14), "met", 0 * H, id="met-at-due-moment"),
        pytest.param(tue(16), tue(15), "met_late", -1 * H, id="met-late"),
    ],
)
def test_sla_state(
    now: datetime, done_at: datetime | None, state: str, remaining: timedelta
) -> None:
    status = sla_state(FIRST_RESPONSE, OFFICE, tue(10), now, done_at)
    assert (status.warn_at, status.due_at) == (tue(13), tue(14))
    assert (status.state, status.remaining) == (state, remaining)


def test_the_weekend_does_not_count_against_the_team() -> None:
    friday_4pm = datetime(2026, 12, 4, 16, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    saturday = friday_4pm + timedelta(days=1)
    status = sla_state(FIRST_RESPONSE, OFFICE, friday_4pm, saturday)
    assert status.warn_at == friday_4pm + timedelta(days=3, hours=-5)  # Monday 11:00
    assert status.due_at == friday_4pm + timedelta(days=3, hours=-4)  # Monday 12:00
    assert (status.state, status.remaining) == ("ok", 3 * H)


def test_a_warning_longer_than_the_target_warns_from_the_start() -> None:
    eager = Target("acknowledge", duration=1 * H, warn_before=2 * H)
    assert sla_state(eager, OFFICE, tue(10), tue(10)).state == "due_soon"


@pytest.mark.parametrize(
    ("duration", "warn_before", "problem"),
    [(0 * H, 0 * H, "duration"), (-H, 0 * H, "duration"), (H, -M, "warn_before")],
)
def test_targets_refuse_nonsense(duration: timedelta, warn_before: timedelta, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Target("resolve", duration, warn_before)


def test_naive_now_is_refused_even_once_done() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        sla_state(FIRST_RESPONSE, OFFICE, tue(10), datetime(2026, 12, 1, 16), tue(12))  # noqa: DTZ001


def item(
    item_id: ItemId = "esc-1",
    started_at: datetime | None = None,
    done_at: datetime | None = None,
    channel: str = "#warehouse",
) -> SlaItem:
    return SlaItem(
        id=item_id,
        target=FIRST_RESPONSE,
        calendar=OFFICE,
        started_at=started_at or tue(10),
        done_at=done_at,
        channel=channel,
    )


def run_ticks(
    items: list[SlaItem], ticks: list[datetime], sent: set[tuple[ItemId, str]]
) -> list[tuple[datetime, Reminder]]:
    """A scheduler loop: ask on every tick, record what was sent as the caller would."""
    log = []
    for now in ticks:
        for reminder in reminders_due(items, now, sent):
            log.append((now, reminder))
            sent.add(reminder.key)
    return log


EVERY_QUARTER_HOUR = [tue(10) + i * 15 * M for i in range(30)]  # Tuesday 10:00 to 17:15


def test_due_soon_then_missed_exactly_once_each_and_never_after_a_restart() -> None:
    sent: set[tuple[ItemId, str]] = set()
    log = run_ticks([item()], EVERY_QUARTER_HOUR, sent)
    assert [(now, r.kind) for now, r in log] == [(tue(13), "due_soon"), (tue(14), "missed")]
    assert log[1][1] == Reminder("esc-1", "missed", "#warehouse", "first_response", tue(14))

    restored = frozenset(sent)  # what the caller persisted, read back after a restart
    assert run_ticks([item()], [*EVERY_QUARTER_HOUR, WED_10], set(restored)) == []


def test_restart_inside_the_warning_window_only_adds_the_miss() -> None:
    sent: set[tuple[ItemId, str]] = {("esc-1", "due_soon")}
    log = run_ticks([item()], [tue(13, 30), tue(14, 5), tue(15)], sent)
    assert [(now, r.kind) for now, r in log] == [(tue(14, 5), "missed")]


def test_coming_back_after_the_due_time_sends_no_stale_warning() -> None:
    log = run_ticks([item()], [tue(15), tue(16)], set())
    assert [r.kind for _, r in log] == ["missed"]


@pytest.mark.parametrize("done_at", [tue(12), tue(15)], ids=["met", "met-late"])
def test_done_work_is_not_reminded(done_at: datetime) -> None:
    assert run_ticks([item(done_at=done_at)], EVERY_QUARTER_HOUR, set()) == []


def test_each_reminder_goes_to_its_item_channel() -> None:
    items = [
        item(1, channel="#warehouse"),
        item(2, started_at=tue(11, 30), channel="#logistics"),
        item(3, done_at=tue(11), channel="#sales"),
    ]
    reminders = reminders_due(items, tue(14, 45), set())
    assert [(r.item_id, r.kind, r.channel) for r in reminders] == [
        (1, "missed", "#warehouse"),
        (2, "due_soon", "#logistics"),
    ]


def test_reminders_due_leaves_the_callers_set_alone() -> None:
    sent: set[tuple[ItemId, str]] = {("other", "missed")}
    reminders_due([item()], tue(15), sent)
    assert sent == {("other", "missed")}
