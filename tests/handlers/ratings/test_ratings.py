"""Shopper ratings end to end on a local desk with a fixed clock and a real SQLite file:
asked once after a conversation is resolved, never to a flagged buyer nor after "stop",
the answer recorded instead of becoming a card, a low one becoming a follow-up card, and
the ratings on the customer profile and in the management digest."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import update

from bot.models import ActionKind
from bot.storage.schema import customers
from handlers.proactive import send_proactive
from handlers.proactive.rating import ASK_AFTER
from scheduler.digest_render import render_management
from scheduler.management_report import build_management_digest
from tests.handlers.desk import AGENT, AGENT_NAME, MONDAY, LocalDesk, local_desk

AGENT_USER = (AGENT, AGENT_NAME)


async def _answered(desk: LocalDesk, text: str, *, chat: str = "4242", hint: str = "en") -> None:
    """The shopper asks, an agent sends the suggested answer."""
    await desk.say(text, chat=chat, hint=hint)
    await desk.act(ActionKind.SEND, desk.cards()[-1], user=AGENT_USER)


async def _proactive(desk: LocalDesk) -> int:
    queued = await send_proactive(desk.runtime.ctx, desk.clock.now)
    await desk.runtime.outbox.drain()
    return queued


def _question(desk: LocalDesk, language: str) -> str:
    text, used = desk.runtime.ctx.notices.render("rating", language, {"shopper_name": "Ana"})
    assert used == language
    return text


async def test_asked_once_after_resolution_and_the_answer_is_recorded_not_a_card(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        await _answered(desk, "¿Dónde está mi pedido? Lo pedí hace dos semanas", hint="es")
        assert desk.cards()[-1].suggestion.language == "es"
        replies = len(desk.sent())

        desk.clock.now += ASK_AFTER - timedelta(minutes=1)
        await _proactive(desk)
        assert len(desk.sent()) == replies, "not before the conversation has been quiet"

        desk.clock.now += timedelta(minutes=1)
        await _proactive(desk)
        assert desk.sent()[-1] == _question(desk, "es")
        desk.clock.now += timedelta(hours=1)
        await _proactive(desk)
        assert desk.sent().count(_question(desk, "es")) == 1, "asked once"

        cards = len(desk.cards())
        await desk.say("4 muy bien", hint="es")
        assert len(desk.cards()) == cards, "the answer is no new card"
        assert any("rated the help 4/5: “muy bien”" in note for note in desk.notes())

        # answered: a later resolution of the same conversation asks nothing
        await _answered(desk, "¿Puedo cambiar la dirección de envío?", hint="es")
        desk.clock.now += ASK_AFTER
        await _proactive(desk)
        assert desk.sent().count(_question(desk, "es")) == 1
        # and a later "5" is a normal message again
        await desk.say("5", hint="es")
        assert len(desk.cards()) == cards + 2

        customer = await desk.customer()
        profile = await desk.command(f"customer id:{customer.id}")
        assert "Ratings: 1, average 4.0/5" in profile
        assert "4/5 · “muy bien” · reply by lee" in profile


async def test_a_low_rating_opens_a_follow_up_card_and_shows_in_the_digest(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        await _answered(desk, "Where is my order? I ordered two weeks ago", chat="1")
        await _answered(desk, "Where is my order? I ordered two weeks ago", chat="2")
        desk.clock.now += ASK_AFTER
        assert await _proactive(desk) == 2
        cards = len(desk.cards())

        await desk.say("5", chat="1")
        assert len(desk.cards()) == cards
        await desk.say("1 - slow, nobody told me anything", chat="2")
        assert len(desk.cards()) == cards + 1, "a low rating is a card for staff to act on"
        follow_up = desk.cards()[-1]
        assert follow_up.original_text == "1 - slow, nobody told me anything"
        assert any("rated the help 1/5" in note and "follow up" in note for note in follow_up.notes)

        digest = await build_management_digest(desk.store.engine, MONDAY.date(), ZoneInfo("UTC"))
        assert (len(digest.ratings), digest.rating_average) == (2, 3.0)
        assert digest.unanswered == 1, "the “1” waits for staff, the “5” needed no reply"
        text = render_management(digest).text
        assert "Shopper ratings: 2, average 3.0/5" in text
        assert "1/5 from Ana Lima: “slow, nobody told me anything” (reply by lee)" in text
        assert "5/5" not in text, "only the low ones are listed"


async def test_never_asked_to_a_flagged_buyer_nor_after_stop(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await _answered(desk, "Where is my order? I ordered two weeks ago", chat="1")
        await _answered(desk, "Where is my order? I ordered two weeks ago", chat="2")
        await _answered(desk, "Where is my order? I ordered two weeks ago", chat="3")
        flagged = await desk.customer("1")
        assert "Flagged customer" in await desk.command(f"block {flagged.id} extortion")
        await desk.say("stop", chat="2")

        desk.clock.now += ASK_AFTER
        assert await _proactive(desk) == 1
        question = _question(desk, "en")
        assert [chat for chat in ("1", "2", "3") if question in desk.sent(chat)] == ["3"]
        cards = len(desk.cards())
        await desk.say("5", chat="1")
        assert len(desk.cards()) == cards + 1, "never asked: a number is a normal message"


async def test_not_asked_in_the_shoppers_night_but_the_next_morning(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await _answered(desk, "Where is my order? I ordered two weeks ago")
        customer = await desk.customer()
        async with desk.store.engine.begin() as conn:  # as a Telegram chat's zone is kept
            await conn.execute(
                update(customers).where(customers.c.id == customer.id).values(timezone="Asia/Tokyo")
            )
        desk.clock.now = MONDAY.replace(hour=13)  # 22:00 in Tokyo: quiet hours
        assert await _proactive(desk) == 0
        desk.clock.now = MONDAY.replace(hour=23, minute=59)  # 08:59 in Tokyo
        assert await _proactive(desk) == 0
        desk.clock.now = MONDAY.replace(hour=23) + timedelta(hours=1)  # 09:00 in Tokyo
        assert await _proactive(desk) == 1
