"""A day of two agents' work, written through the Store (``decide``, ``set_owner``) on
a real database, with every figure it must give worked out by hand below.

Monday 7 December 2026, Europe/Berlin (UTC+1). Lena (U0LENA0001):

- ana writes 09:00 and 09:02 (one wait); Lena sends the 09:02 card as is at 09:10 (a
  first response of 10 min) and edits the 09:00 card at 09:12 (the same wait: no second
  response);
- ben writes 10:00, Lena replaces it at 10:30 (30 min); a reply goes out 10:31; ben
  writes again 11:00, Lena edits it at 11:04 (4 min);
- chi writes 12:00, Lena escalates it at 13:00 (60 min: the shopper is told who has it);
- dan writes 12:30, Lena ignores it at 12:31 (no reply, no response);
- hana writes 15:00: given to Lena by the round robin, still pending (open with her);
- rated 5 by ana and 1 ("slow") by ben that day.

Lena's first responses: 4, 10, 30, 60 min: median (10 + 30) / 2 = 20 min, 90th
percentile the ceil(0.9 * 4) = 4th = 60 min. Six cards: 1 as is, 2 edited, 1 replaced,
1 escalated, 1 ignored; return_item rewritten 2 of 2, where_is_order 1 of 2.

Aiko (U0AIKO0001): ivy wrote Sunday 20:00 and Aiko sends it Monday 09:30 (13 h 30 min);
eri writes 08:00, sent 08:05 (5 min); fay writes 14:00, sent 16:00 (2 h). Her responses
5 min, 2 h, 13 h 30 min: median 2 h, 90th percentile the 3rd = 13 h 30 min. A rating
of hers answered on Sunday is not Monday's. gus's card, sent automatically, is nobody's;
an edit of Aiko's on Sunday is not Monday's either.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from bot.storage.assignments import AUTO
from bot.storage.schema import ratings
from bot.storage.store import Store
from tests.scheduler.test_digest import Shop

BERLIN = ZoneInfo("Europe/Berlin")
DAY = date(2026, 12, 7)
LENA, AIKO = "U0LENA0001", "U0AIKO0001"
NAMES = {LENA: "Lena", AIKO: "Aiko"}  # as the desk file names them
SLACK_NAMES = {LENA: "lena.v", AIKO: "aiko"}  # as Slack gives them with each click


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    """A Berlin wall-clock time on ``day``, as UTC."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


async def card(
    store: Store, shop: Shop, chat: str, written: datetime, intent: str, language: str = "de"
) -> int:
    message_id = await shop.message(written, chat=chat, language=language)
    return await shop.suggest(message_id, intent, written, status="pending")


async def decide(store: Store, suggestion_id: int, status: str, who: str, when: datetime) -> None:
    reply = None if status in ("ignored", "escalated") else "reply"
    assert await store.decide(
        suggestion_id, status=status, user_id=who, user_name=SLACK_NAMES.get(who, who), at=when,
        final_text=reply,
    )  # fmt: skip


async def rate(
    store: Store, chat_id: int, who: str, score: int, when: datetime, comment: str | None = None
) -> None:
    async with store.engine.begin() as conn:
        await conn.execute(
            insert(ratings).values(
                conversation_id=chat_id, asked_at=when - timedelta(hours=1), agent_id=who,
                agent_name=SLACK_NAMES[who], score=score, comment=comment, answered_at=when,
            )
        )  # fmt: skip


async def day_of_work(store: Store) -> Shop:
    """Writes the day described above; returns the shop (its ``chats`` by name)."""
    shop = Shop(store.engine)
    ana_first = await card(store, shop, "ana", at(9), "where_is_order")
    ana_second = await card(store, shop, "ana", at(9, 2), "where_is_order")
    await decide(store, ana_second, "sent", LENA, at(9, 10))
    await decide(store, ana_first, "edited", LENA, at(9, 12))
    ben = await card(store, shop, "ben", at(10), "return_item")
    await decide(store, ben, "replaced", LENA, at(10, 30))
    await shop.message(at(10, 31), chat="ben", direction="out")
    ben_again = await card(store, shop, "ben", at(11), "return_item")
    await decide(store, ben_again, "edited", LENA, at(11, 4))
    chi = await card(store, shop, "chi", at(12), "damaged_item")
    await decide(store, chi, "escalated", LENA, at(13))
    dan = await card(store, shop, "dan", at(12, 30), "greeting")
    await decide(store, dan, "ignored", LENA, at(12, 31))
    await card(store, shop, "hana", at(15), "size_question")
    await store.set_owner(shop.chats["hana"], LENA, AUTO, by="borderdesk", at=at(15))
    await rate(store, shop.chats["ana"], LENA, 5, at(18))
    await rate(store, shop.chats["ben"], LENA, 1, at(19), "slow")

    sunday = DAY - timedelta(days=1)
    ivy = await card(store, shop, "ivy", at(20, day=sunday), "where_is_order", "ja")
    await decide(store, ivy, "sent", AIKO, at(9, 30))
    eri = await card(store, shop, "eri", at(8), "where_is_order", "ja")
    await decide(store, eri, "sent", AIKO, at(8, 5))
    fay = await card(store, shop, "fay", at(14), "payment_methods", "ja")
    await decide(store, fay, "sent", AIKO, at(16))
    gus = await card(store, shop, "gus", at(11), "greeting")
    await decide(store, gus, "auto_sent", "borderdesk", at(11))
    old = await card(store, shop, "old", at(10, day=sunday), "greeting", "ja")
    await decide(store, old, "edited", AIKO, at(10, 5, day=sunday))
    await rate(store, shop.chats["old"], AIKO, 4, at(12, day=sunday))
    return shop
