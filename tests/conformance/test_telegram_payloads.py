"""Every kind of Telegram update a shopper (or a group, or Telegram itself) can cause, end to end.

Why: group chatter, service messages and dice once became empty "[other]" shopper cards, a
venue lost its title and address, a message dated 0 was filed under 1970, and edits and
blocks were never subscribed to. Each row here is one update as the Bot API shapes it
(built by the fake's ``UpdateFactory`` and checked against the published spec), delivered
to the real TelegramChannel by polling or by its webhook, and handled by the real handlers
with the fake Slack. For each row the test checks the answer Telegram got (the webhook's
HTTP status, or polling confirming the update), what was stored (kind, text, attachment,
a sane date), what staff saw (a card, a note under the card, or nothing) and what the
shopper received.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.storage.outbox import STAFF_NOTES
from bot.storage.schema import conversations, messages, outbox
from replies.engine import SuggestionEngine
from tests.e2e.harness import (
    INBOX,
    Desk,
    card_text,
    free_port,
    is_note,
    post_raw,
    running_desk,
    wait_until,
)
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

CHAT = 4242
GROUP = -1001234567890
SECRET = "conformance-secret"
QUESTION = "Where is my order 10389?"
SUBSCRIBED = {"message", "edited_message", "my_chat_member"}
JSON = dict[str, Any]
Build = Callable[[FakeTelegramAPI], JSON]

_ENGINES: list[SuggestionEngine] = []
_LOAD = SuggestionEngine.load


@pytest.fixture(autouse=True)
def _one_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every desk here runs the built-in library and learns nothing: load its engine once."""

    def load_once(*args: Any, **kwargs: Any) -> SuggestionEngine:
        if not _ENGINES:
            _ENGINES.append(_LOAD(*args, **kwargs))
        return _ENGINES[0]

    monkeypatch.setattr(SuggestionEngine, "load", load_once)


@dataclass(frozen=True)
class Row:
    """One update kind: how it is built and delivered, and what must come of it."""

    name: str
    build: Build
    stored: tuple[str, str, str | None] | None  # (kind, text, attachment); None: nothing
    staff: str  # "card", "note" (under the card of ``before``) or "nothing"
    shown: str = ""  # what staff read on that card or note
    via: str = "poll"  # or "hook": our webhook, as Telegram posts it
    before: tuple[Build, ...] = ()  # what the shopper did first (a card to write under)
    groups: str = "ignore"  # BORDERDESK_TELEGRAM_GROUPS
    shopper: str | None = None  # a text the shopper receives; None: nothing at all
    in_spec: bool = True  # False: newer than the published spec (delivered by webhook)


def _text(t: FakeTelegramAPI) -> JSON:
    return t.text_update(CHAT, QUESTION, first_name="Ana", language_code="en")


def _story(t: FakeTelegramAPI) -> JSON:
    story = {"chat": {"id": -1002000000001, "type": "channel", "username": "lampshop"}, "id": 7}
    return t.content_update(CHAT, story=story)


def _game(t: FakeTelegramAPI) -> JSON:
    photo = [t.file_object("photo") | {"width": 640, "height": 360}]
    game = {"title": "Lucky Box", "description": "Open a box", "photo": photo}
    return t.content_update(CHAT, game=game)


def _invoice(t: FakeTelegramAPI) -> JSON:
    invoice: JSON = {"title": "Mug set", "description": "Two mugs", "start_parameter": "mugs"}
    invoice |= {"currency": "EUR", "total_amount": 2400}
    return t.content_update(CHAT, invoice=invoice)


def _future(t: FakeTelegramAPI) -> JSON:
    """A kind of content newer than the Bot API version we know."""
    return t.content_update(CHAT, zz_hologram={"frames": 12})


def _edit(t: FakeTelegramAPI) -> JSON:
    return t.edited_update(CHAT, 1, "Where is my order 10398?")


def _in(seconds: int) -> int:
    return int((datetime.now(UTC) + timedelta(seconds=seconds)).timestamp())


ROWS = [
    Row("text", _text, ("text", QUESTION, None), "card", QUESTION),
    Row(
        "command /start",
        lambda t: t.command_update(CHAT, "/start", language_code="en"),
        ("command", "/start", None),
        "nothing",
        shopper="Test Store",
    ),
    Row(
        "photo with a caption",
        lambda t: t.photo_update(CHAT, "The mug arrived broken"),
        ("photo", "The mug arrived broken", None),
        "card",
        "[photo] The mug arrived broken",
    ),
    Row(
        "document",
        lambda t: t.document_update(CHAT, "receipt.pdf"),
        ("document", "", "receipt.pdf"),
        "card",
        "[document: receipt.pdf]",
    ),
    Row("voice", lambda t: t.voice_update(CHAT, 7), ("voice", "", "7s"), "card", "[voice: 7s]"),
    Row(
        "sticker", lambda t: t.sticker_update(CHAT), ("sticker", "", "👍"), "card", "[sticker: 👍]"
    ),
    Row(
        "location",
        lambda t: t.location_update(CHAT, 48.2, 16.37),
        ("location", "", "48.20000,16.37000"),
        "card",
        "[location: 48.20000,16.37000]",
    ),
    Row(
        "venue",
        lambda t: t.venue_update(CHAT),
        ("venue", "", "Café Central, Herrengasse 14, 1010 Wien"),
        "card",
        "[venue: Café Central, Herrengasse 14, 1010 Wien]",
    ),
    Row(
        "contact",
        lambda t: t.contact_update(CHAT),
        ("contact", "", "Luis García, +34 600 123 456"),
        "card",
        "[contact: Luis García, +34 600 123 456]",
    ),
    Row(
        "poll",
        lambda t: t.poll_update(CHAT),
        ("poll", "", "Which colour should I order? (Blue / Green)"),
        "card",
        "[poll: Which colour should I order? (Blue / Green)]",
    ),
    Row("dice", lambda t: t.dice_update(CHAT), ("dice", "", "🎲 4"), "card", "[dice: 🎲 4]"),
    Row(
        "audio",
        lambda t: t.audio_update(CHAT),
        ("audio", "", "The Parcels – Song of the Shop, 3:25"),
        "card",
        "[audio: The Parcels – Song of the Shop, 3:25]",
    ),
    Row(
        "video note",
        lambda t: t.video_note_update(CHAT),
        ("video_note", "", "9s"),
        "card",
        "[video_note: 9s]",
    ),
    Row(
        "animation with a caption",
        lambda t: t.animation_update(CHAT, caption="this is me waiting"),
        ("animation", "this is me waiting", "unboxing.gif.mp4, 3s"),
        "card",
        "[animation: unboxing.gif.mp4, 3s] this is me waiting",
    ),
    Row("story", _story, ("other", "", "story: lampshop"), "card", "[other: story: lampshop]"),
    Row("game", _game, ("other", "", "game: Lucky Box"), "card", "[other: game: Lucky Box]"),
    Row(
        "invoice", _invoice, ("other", "", "invoice: Mug set"), "card", "[other: invoice: Mug set]"
    ),
    Row(
        "a kind newer than our Bot API",
        _future,
        ("other", "", "zz_hologram"),
        "card",
        "[other: zz_hologram]",
        via="hook",
        in_spec=False,
    ),
    Row(
        "dated 0",
        lambda t: t.text_update(CHAT, "Is my parcel lost?", date=0),
        ("text", "Is my parcel lost?", None),
        "card",
        "Is my parcel lost?",
    ),
    Row(
        "dated next week",
        lambda t: t.text_update(CHAT, "Is my parcel stuck?", date=_in(7 * 86400)),
        ("text", "Is my parcel stuck?", None),
        "card",
        "Is my parcel stuck?",
        via="hook",
    ),
    Row(
        "group message",
        lambda t: t.group_update(GROUP, "anyone else waiting?", user_id=5151, supergroup=False),
        None,
        "nothing",
    ),
    Row(
        "supergroup message",
        lambda t: t.group_update(GROUP, "anyone else waiting?", user_id=5151),
        None,
        "nothing",
        via="hook",
    ),
    Row(
        "supergroup message, groups allowed",
        lambda t: t.group_update(GROUP, "anyone else waiting?", user_id=5151),
        ("text", "anyone else waiting?", None),
        "card",
        "anyone else waiting?",
        groups="allow",
    ),
    Row(
        "channel post",
        lambda t: t.channel_post_update(-1009876543210, "New mugs in stock"),
        None,
        "nothing",
        via="hook",
    ),
    Row("pinned message", lambda t: t.pinned_update(CHAT, 1), None, "nothing", before=(_text,)),
    Row(
        "group became a supergroup",
        lambda t: t.migrate_update(-4242, GROUP),
        None,
        "nothing",
        groups="allow",
    ),
    Row(
        "new group members",
        lambda t: t.new_members_update(GROUP, (88, 99)),
        None,
        "nothing",
        via="hook",
        groups="allow",
    ),
    Row(
        "edited message",
        _edit,
        ("text", "Where is my order 10398?", None),
        "note",
        "> Where is my order 10398?",
        before=(_text,),
    ),
    Row(
        "edited message, by webhook",
        _edit,
        ("text", "Where is my order 10398?", None),
        "note",
        "> Where is my order 10389?",
        via="hook",
        before=(_text,),
    ),
    Row(
        "blocked the bot",
        lambda t: t.chat_member_update(CHAT, "kicked"),
        ("chat_blocked", "", None),
        "note",
        "blocked the bot on Telegram",
        before=(_text,),
    ),
    Row(
        "unblocked the bot",
        lambda t: t.chat_member_update(CHAT, "member"),
        ("chat_unblocked", "", None),
        "note",
        "unblocked the bot on Telegram",
        before=(_text, lambda t: t.chat_member_update(CHAT, "kicked")),
    ),
    Row(
        "bot added to a group",
        lambda t: t.chat_member_update(GROUP, "member"),
        None,
        "nothing",
        groups="allow",
    ),
    Row(
        "bot removed from a group",
        lambda t: t.chat_member_update(GROUP, "left"),
        None,
        "nothing",
        via="hook",
    ),
]


@dataclass
class Scene:
    row: Row
    desk: Desk
    hook: str | None

    @property
    def telegram(self) -> FakeTelegramAPI:
        return self.desk.telegram

    async def deliver(self, update: JSON, in_spec: bool = True) -> int:
        """Deliver as Telegram does; 200 for polling once the offset moved past it."""
        if self.hook is None:
            update = self.telegram.push_update(update)
            await self.telegram.wait_for(
                "getUpdates", predicate=lambda p: p.get("offset", 0) > update["update_id"]
            )
            return 200
        if in_spec:
            self.telegram.violations += self.telegram.validate_update(update)
        headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}
        return await post_raw(self.hook, json.dumps(update).encode(), headers)

    async def settled(self) -> list[Any]:
        """Every stored shopper message handled; returns them, oldest first."""

        async def inbound() -> list[Any]:
            return [r for r in await table(self.desk, messages) if r.direction == "in"]

        async def handled() -> bool:
            return all(r.processed_at for r in await inbound())

        await wait_until(handled, "every stored message handled")
        return await inbound()


async def table(desk: Desk, which: Any) -> list[Any]:
    async with desk.runtime.ctx.store.reader.connect() as conn:
        return list(await conn.execute(select(which).order_by(which.c.id)))


@pytest.fixture
async def scene(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
) -> AsyncIterator[Scene]:
    row: Row = request.param
    settings: dict[str, Any] = {"telegram_groups": row.groups}
    hook = None
    if row.via == "hook":
        port = free_port()
        settings |= {
            "telegram_webhook_url": "https://shop.example.com/telegram/hook",
            "telegram_webhook_secret": SECRET,
            "telegram_webhook_listen": ("127.0.0.1", port),
        }
        hook = f"http://127.0.0.1:{port}/telegram/hook"
    async with running_desk(tmp_path / "desk.sqlite3", telegram_api, slack_api, **settings) as d:
        yield Scene(row, d, hook)


@pytest.mark.parametrize("scene", ROWS, ids=[r.name for r in ROWS], indirect=True)
async def test_each_update_kind_is_stored_shown_and_answered_as_it_should(scene: Scene) -> None:
    row, desk, telegram = scene.row, scene.desk, scene.telegram
    for build in row.before:
        assert await scene.deliver(build(telegram)) == 200
    earlier = await scene.settled()
    cards_before = len(desk.slack.messages(INBOX))
    notes_before = [r.id for r in await table(desk, outbox) if r.channel == STAFF_NOTES]
    sent_before = len(telegram.sent_messages())

    assert await scene.deliver(row.build(telegram), row.in_spec) == 200  # Telegram's answer
    assert set(telegram.allowed_updates) == SUBSCRIBED  # by getUpdates or by setWebhook
    stored = (await scene.settled())[len(earlier) :]

    # what was stored: its content, and a date we can trust
    assert [(r.kind, r.text, r.attachment) for r in stored] == ([row.stored] if row.stored else [])
    now = datetime.now(UTC)
    assert all(abs(r.created_at - now) < timedelta(hours=1) for r in stored)
    if row.stored and row.groups == "allow":
        assert {c.chat_type for c in await table(desk, conversations)} >= {"group"}

    # what staff saw
    new_notes = [
        r
        for r in await table(desk, outbox)
        if r.channel == STAFF_NOTES and r.id not in notes_before
    ]
    if row.staff == "card":
        card = await desk.wait_card()
        assert row.shown in card_text(card)
    elif row.staff == "note":
        [first] = desk.inbox_cards()
        await wait_until(
            lambda: any(
                row.shown in m["text"]
                for m in desk.slack.messages(INBOX, thread_ts=first["ts"])
                if is_note(m)
            ),
            f"a note with {row.shown!r}",
        )
        assert len(desk.inbox_cards()) == 1
    else:
        assert len(desk.slack.messages(INBOX)) == cards_before and new_notes == []

    # what the shopper received
    if row.shopper is None:
        assert [r for r in await table(desk, outbox) if r.channel != STAFF_NOTES] == []
        assert len(telegram.sent_messages()) == sent_before
    else:
        [greeting] = await telegram.wait_for("sendMessage")
        assert row.shopper in greeting["text"]
