"""The rating question is a free message: on a channel whose free-reply window has closed
since the shopper last wrote (WhatsApp's 24 hours) it is not asked at all, rather than
going out inside the store's "we have an update" template, which it is not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.storage.ratings import Answered, RatingCandidate
from handlers.proactive.rating import ASK_AFTER, due_questions
from handlers.proactive.rules import ProactiveSettings

NOON = datetime(2026, 3, 2, 12, tzinfo=UTC)
DAY = timedelta(hours=24)


def _chat(channel: str, heard: datetime) -> RatingCandidate:
    """A conversation answered and quiet since, ready to be asked, on ``channel``; its
    shopper (in UTC, so noon is not quiet hours) last wrote at ``heard``."""
    answered_at = NOON - ASK_AFTER - timedelta(minutes=5)
    return RatingCandidate(
        conversation_id=1,
        customer_id=1,
        customer_name="Luiza Costa",
        chat_type="private",
        conversation_language="pt",
        customer_language="pt",
        customer_country="BR",
        customer_timezone="UTC",
        opted_out=False,
        forgotten=False,
        channel_blocked=False,
        last_activity=answered_at,
        answered=Answered(7, answered_at, "U0LEE", "Lee"),
        pending=False,
        open_escalation=False,
        channel=channel,
        last_heard=heard,
    )


WINDOWS = {"whatsapp": DAY, "telegram": None}


def test_asked_on_whatsapp_while_the_shopper_wrote_less_than_a_day_ago() -> None:
    chat = _chat("whatsapp", NOON - DAY + timedelta(minutes=1))
    assert due_questions([chat], NOON, ProactiveSettings(), WINDOWS) == [chat]


def test_not_asked_on_whatsapp_once_a_day_has_passed_since_the_shopper_wrote() -> None:
    chat = _chat("whatsapp", NOON - DAY)
    assert due_questions([chat], NOON, ProactiveSettings(), WINDOWS) == []


def test_a_channel_without_a_window_is_asked_however_long_ago_the_shopper_wrote() -> None:
    chat = _chat("telegram", NOON - 3 * DAY)
    assert due_questions([chat], NOON, ProactiveSettings(), WINDOWS) == [chat]
