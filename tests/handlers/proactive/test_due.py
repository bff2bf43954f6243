"""Deciding which order notices are due, as pure functions of fixed moments."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.storage.proactive import OpenProblem, ProactiveOrder
from handlers.proactive.rules import (
    ProactiveSettings,
    due_notices,
    late_orders,
    quiet_until,
    shopper_language,
    shopper_zone,
)

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
SETTINGS = ProactiveSettings()  # 24 h, 5 days, 1 grace day, quiet 21:00-09:00
ORDERED = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 10:00 in Tokyo
ORDER = ProactiveOrder(
    id=7,
    order_number="#A10293",
    status="created",
    ordered_at=ORDERED,
    customer_id=1,
    customer_name="Yuki Tanaka",
    customer_country="JP",
    conversation_id=3,
)


def tokyo(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=TOKYO)


def kinds(order: ProactiveOrder, now: datetime, settings: ProactiveSettings = SETTINGS) -> list:
    return [due.kind for due in due_notices([order], now, settings)]


def test_quiet_hours_cross_midnight_in_the_shoppers_zone() -> None:
    assert quiet_until(tokyo(2, 23), TOKYO, (21, 9)) == tokyo(3, 9)
    assert quiet_until(tokyo(3, 8, 59), TOKYO, (21, 9)) == tokyo(3, 9)
    assert quiet_until(tokyo(3, 9), TOKYO, (21, 9)) is None
    assert quiet_until(tokyo(3, 20, 59), TOKYO, (21, 9)) is None
    assert quiet_until(tokyo(3, 1), TOKYO, (0, 7)) == tokyo(3, 7)
    assert quiet_until(tokyo(3, 23), TOKYO, (0, 7)) is None
    assert quiet_until(tokyo(3, 3), TOKYO, (0, 0)) is None  # equal hours: never quiet


def test_payment_reminder_after_the_set_hours_and_never_at_night() -> None:
    assert kinds(ORDER, ORDERED + timedelta(hours=23, minutes=59)) == []
    assert kinds(ORDER, ORDERED + timedelta(hours=24)) == ["payment_reminder"]  # 10:00 Tokyo
    night = replace(ORDER, ordered_at=tokyo(2, 22))
    assert kinds(night, tokyo(3, 22)) == []  # due at 22:00, quiet until 09:00
    assert kinds(night, tokyo(4, 9)) == ["payment_reminder"]
    assert kinds(replace(ORDER, status="paid"), ORDERED + timedelta(days=1)) == []


def test_nothing_for_stopped_forgotten_chatless_or_cancelled_or_once_sent() -> None:
    now = ORDERED + timedelta(days=1)
    for changed in (
        replace(ORDER, opted_out=True),
        replace(ORDER, forgotten=True),
        replace(ORDER, conversation_id=None),
        replace(ORDER, status="cancelled"),
        replace(ORDER, sent=frozenset({"payment_reminder"})),
    ):
        assert kinds(changed, now) == [], changed
    assert kinds(ORDER, now, replace(SETTINGS, kinds=frozenset({"shipped"}))) == []


def test_a_notice_that_could_not_go_out_in_time_is_dropped_not_sent_late() -> None:
    assert kinds(ORDER, ORDERED + timedelta(days=2, hours=23)) == ["payment_reminder"]
    assert kinds(ORDER, ORDERED + timedelta(days=3, hours=1)) == []


def test_shipped_needs_a_tracking_number_and_the_shipping_date() -> None:
    shipped = replace(ORDER, status="shipped", shipped_at=tokyo(3, 10), carrier="Yamato")
    assert kinds(shipped, tokyo(3, 11)) == []
    assert kinds(replace(shipped, tracking_number="4455"), tokyo(3, 11)) == ["shipped"]
    undated = replace(shipped, tracking_number="4455", shipped_at=None)
    assert kinds(undated, tokyo(3, 11)) == []  # shipped who knows when: too late to announce


def test_delay_counts_from_the_end_of_the_estimated_day_plus_grace_in_the_shoppers_zone() -> None:
    late = replace(
        ORDER,
        status="shipped",
        shipped_at=tokyo(3, 10),
        estimated_delivery=date(2026, 3, 5),
        sent=frozenset({"shipped"}),
    )
    # grace of one day: late from Saturday 7 March 00:00 local, told at 09:00 local
    assert late_orders([late], tokyo(6, 23, 59), SETTINGS) == []
    assert late_orders([late], tokyo(7, 0), SETTINGS) == [late]
    assert kinds(late, tokyo(7, 8, 59)) == []
    assert kinds(late, tokyo(7, 9)) == ["delay"]
    in_new_york = replace(late, customer_country="US")
    assert late_orders([in_new_york], tokyo(7, 9), SETTINGS) == []  # still the 6th there
    assert kinds(replace(late, status="delivered", delivered_at=tokyo(6, 15)), tokyo(7, 9)) == []
    # the department learns of the delay even when the shopper is not told
    stopped = replace(late, opted_out=True)
    assert late_orders([stopped], tokyo(7, 0), SETTINGS) == [stopped]
    assert late_orders([replace(late, delay_recorded=True)], tokyo(7, 0), SETTINGS) == []


def test_review_request_only_without_an_open_problem_and_never_to_a_flagged_buyer() -> None:
    delivered = replace(ORDER, status="delivered", delivered_at=tokyo(5, 14))
    assert kinds(delivered, tokyo(10, 13, 59)) == []
    assert kinds(delivered, tokyo(10, 14)) == ["review_request"]
    assert kinds(replace(delivered, blocked=True), tokyo(10, 14)) == []
    about_it = (
        OpenProblem(tokyo(6, 9)),  # reported after the order, naming none
        OpenProblem(tokyo(1, 9), order_number="A10293"),
        OpenProblem(tokyo(1, 9), order_id=7),
    )
    for problem in about_it:
        assert kinds(replace(delivered, open_problems=(problem,)), tokyo(10, 14)) == [], problem
    elsewhere = (
        OpenProblem(tokyo(1, 9)),  # before this order was placed
        OpenProblem(tokyo(6, 9), order_number="B555"),
        OpenProblem(tokyo(6, 9), order_id=8),
    )
    assert kinds(replace(delivered, open_problems=elsewhere), tokyo(10, 14)) == ["review_request"]


def test_zone_from_profile_then_customer_country_then_shipping_country_then_utc() -> None:
    assert shopper_zone(replace(ORDER, customer_timezone="America/New_York")) == NEW_YORK
    assert shopper_zone(replace(ORDER, customer_timezone="Mars/Olympus")) == TOKYO
    assert shopper_zone(replace(ORDER, customer_country=None, country="US")) == NEW_YORK
    assert shopper_zone(replace(ORDER, customer_country=None)) == ZoneInfo("UTC")


def test_language_from_the_chat_then_profile_then_order() -> None:
    assert shopper_language(ORDER) == "en"
    assert shopper_language(replace(ORDER, language="de", customer_language="pt-BR")) == "pt"
    assert shopper_language(replace(ORDER, language="de", conversation_language="unknown")) == "de"
    assert shopper_language(replace(ORDER, conversation_language="ja", language="de")) == "ja"


def test_nothing_for_a_shopper_who_blocked_the_bot_or_a_group_chat() -> None:
    now = ORDERED + timedelta(days=1)
    assert kinds(replace(ORDER, chat_type="private"), now) == ["payment_reminder"]
    assert kinds(replace(ORDER, chat_type=None), now) == ["payment_reminder"]  # older rows
    assert kinds(replace(ORDER, channel_blocked=True), now) == []
    assert kinds(replace(ORDER, chat_type="group"), now) == []


def test_a_blocked_shoppers_late_order_still_counts_for_logistics() -> None:
    late = replace(
        ORDER, status="shipped", estimated_delivery=date(2026, 3, 5), channel_blocked=True
    )
    now = tokyo(7, 10)
    assert [o.id for o in late_orders([late], now, SETTINGS)] == [7]
    assert kinds(late, now) == []
