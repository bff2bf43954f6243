"""Every kind of Slack message a staff member can produce in a card thread, end to end.

Why: replies with "Also send to channel" or a file were once dropped without a trace (200,
nothing stored, nothing logged) while staff believed the shopper had been answered. Each
row here is one payload kind as Slack sends it (built by ``slack_message_events`` and
checked against the published schemas), posted signed to the real SlackWorkspace, handled
by the real handlers and delivered by the real outbox to the fake Telegram. For each row
the test checks what Slack got back (the HTTP answer), what was stored (the outbox), what
staff saw in the thread (notes) and what the shopper received.

The desk runs without background tasks: the test drains the outbox itself, so "before it
was sent" and "after it was sent" are exact moments, not races.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.storage.outbox import STAFF_NOTES
from bot.storage.schema import attachments, outbox
from tests.e2e.harness import (
    INBOX,
    SIGNING_SECRET,
    STAFF_ID,
    Desk,
    fast_pacer,
    is_note,
    running_desk,
    wait_until,
)
from tests.fakes import slack_client
from tests.fakes import slack_message_events as events
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI, Upload

CHAT = 4242
SHOPPER = "Hola, ¿dónde está mi pedido #A10293?"
ANSWER = "Tu paquete llega mañana."
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 8
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200))
OUTSIDER = "U0OUTSIDER1"
WAIT = 30.0  # seconds at most: a busy machine is slow, never wrong


@dataclass
class Scene:
    """One running desk with a shopper's card, and what a row does to it."""

    desk: Desk
    card: dict[str, Any]
    statuses: list[int] = field(default_factory=list)

    @property
    def slack(self) -> FakeSlackAPI:
        return self.desk.slack

    def reply(self, text: str, **kwargs: Any) -> dict[str, Any]:
        return slack_client.message_event(
            INBOX, STAFF_ID, text, thread_ts=self.card["ts"], **kwargs
        )

    def file(self, name: str, data: bytes, mimetype: str, **kwargs: Any) -> dict[str, Any]:
        return self.slack.add_file(name, data, mimetype, user=STAFF_ID, channel=INBOX, **kwargs)

    async def post(self, event: dict[str, Any], rows: int = 1, **kwargs: Any) -> None:
        """Post ``event`` as Slack does and wait until it queued ``rows`` outbox rows."""
        assert events.validate_event(event) == []
        before = len(await stored(self.desk))
        status, _ = await slack_client.post_event(
            self.desk.events_url, SIGNING_SECRET, event, **kwargs
        )
        self.statuses.append(status)

        async def queued() -> bool:
            return len(await stored(self.desk)) >= before + rows

        await wait_until(
            queued, f"{rows} outbox row(s) queued for {event.get('subtype')}", timeout=WAIT
        )

    async def ignored(self, event: dict[str, Any], **kwargs: Any) -> None:
        """Post ``event``, which must change nothing; a reply posted after it still goes
        out (so the event was handled, not merely not yet)."""
        await self.post(event, rows=0, **kwargs)
        await self.post(self.reply("sentinel"))

    async def deliver(self) -> None:
        """Send everything queued, as the outbox worker would."""

        async def done() -> bool:
            await self.desk.runtime.outbox.drain()
            return not any(row[1] in ("pending", "sending") for row in await stored(self.desk))

        await wait_until(done, "the outbox drained", timeout=WAIT)


async def stored(desk: Desk) -> list[tuple[str, str, str | None]]:
    """The outbox as (for whom, status, attached file name), oldest first."""
    query = (
        select(outbox.c.channel, outbox.c.status, attachments.c.name)
        .select_from(outbox.outerjoin(attachments, outbox.c.attachment_id == attachments.c.id))
        .order_by(outbox.c.id)
    )
    async with desk.runtime.ctx.store.reader.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [("note" if r[0] == STAFF_NOTES else "shopper", r[1], r[2]) for r in rows]


def notes(scene: Scene) -> list[str]:
    return [m["text"] for m in scene.slack.messages(INBOX, scene.card["ts"]) if is_note(m)]


def received(telegram: FakeTelegramAPI) -> list[tuple[Any, ...]]:
    """What the shopper got: texts, and files as (method, file name, size)."""
    got: list[tuple[Any, ...]] = []
    for method, params in telegram.calls:
        if method == "sendMessage":
            got.append((method, params["text"]))
        elif method in ("sendDocument", "sendPhoto"):
            upload = params["document" if method == "sendDocument" else "photo"]
            assert isinstance(upload, Upload)
            got.append((method, upload.filename, upload.size))
    return got


async def plain(scene: Scene) -> None:
    await scene.post(scene.reply(ANSWER))


async def broadcast(scene: Scene) -> None:
    await scene.post(
        events.thread_broadcast_event(INBOX, STAFF_ID, ANSWER, thread_ts=scene.card["ts"])
    )


async def me_message(scene: Scene) -> None:
    await scene.post(events.me_message_event(INBOX, STAFF_ID, ANSWER, thread_ts=scene.card["ts"]))


def file_share(*files: tuple[str, bytes, str], text: str = ANSWER, **kwargs: Any) -> Step:
    async def step(scene: Scene) -> None:
        shared = [scene.file(*f, **kwargs) for f in files]
        event = events.file_share_event(INBOX, STAFF_ID, text, shared, thread_ts=scene.card["ts"])
        await scene.post(event, rows=len(files) if text else max(len(files), 1))

    return step


async def without_files_read(scene: Scene) -> None:
    scene.slack.files_readable = False
    await file_share(("invoice.pdf", PDF, "application/pdf"))(scene)


async def file_gone(scene: Scene) -> None:
    shared = scene.file("invoice.pdf", PDF, "application/pdf")
    del scene.slack.files[shared["id"]]  # deleted in Slack before the bot fetched it
    event = events.file_share_event(INBOX, STAFF_ID, "", [shared], thread_ts=scene.card["ts"])
    await scene.post(event)


def edit(*, sent_first: bool) -> Step:
    async def step(scene: Scene) -> None:
        first = scene.reply("Tu paquete llega el lunes.")
        await scene.post(first)
        if sent_first:
            await scene.deliver()
        changed = events.message_changed_event(INBOX, events.edited(first, ANSWER), first)
        await scene.post(changed)

    return step


def delete(*, sent_first: bool) -> Step:
    async def step(scene: Scene) -> None:
        first = scene.reply(ANSWER)
        await scene.post(first)
        if sent_first:
            await scene.deliver()
        await scene.post(events.message_deleted_event(INBOX, first))

    return step


async def unfurl(scene: Scene) -> None:
    first = scene.reply(ANSWER)
    await scene.post(first)
    await scene.deliver()
    await scene.ignored(events.message_changed_event(INBOX, events.unfurled(first), first))


async def card_changed(scene: Scene) -> None:
    """Slack re-sends the card (the bot's own message) when a reply is added under it."""
    await scene.deliver()
    before = {k: v for k, v in scene.card.items() if k != "channel"}
    after = {**before, "reply_count": 1, "latest_reply": "1700000001.000100"}
    await scene.ignored(events.message_changed_event(INBOX, after, before))


async def other_kind(scene: Scene) -> None:
    event = events.other_subtype_event(
        INBOX, STAFF_ID, "", "huddle_thread", thread_ts=scene.card["ts"]
    )
    await scene.post(event)


async def bot_message(scene: Scene) -> None:
    await scene.ignored(events.bot_message_event(INBOX, "Order paid", thread_ts=scene.card["ts"]))


async def join(scene: Scene) -> None:
    await scene.ignored(events.channel_join_event(INBOX, "U0NEWCOMER1"))


async def not_staff(scene: Scene) -> None:
    event = slack_client.message_event(INBOX, OUTSIDER, ANSWER, thread_ts=scene.card["ts"])
    await scene.ignored(event)
    assert [e["user"] for e in scene.slack.ephemerals] == [OUTSIDER]


async def not_a_card(scene: Scene) -> None:
    lunch = scene.slack.seed_message(INBOX, STAFF_ID, "Lunch at noon?")
    event = slack_client.message_event(INBOX, STAFF_ID, "Yes!", thread_ts=lunch["ts"])
    await scene.ignored(event, event_id="Ev0NOTACARD1")


Step = Callable[[Scene], Awaitable[None]]
SHOPPER_ROW = ("shopper", "sent", None)
NOTE = ("note", "sent", None)
SENTINEL = ("sendMessage", "sentinel")


@dataclass(frozen=True)
class Row:
    step: Step
    outbox: list[tuple[str, str, str | None]]
    shopper: list[tuple[Any, ...]]
    notes: list[str] = field(default_factory=list)  # a phrase of each note, in order
    config: dict[str, Any] = field(default_factory=dict)


ROWS = {
    "plain reply": Row(plain, [SHOPPER_ROW], [("sendMessage", ANSWER)]),
    "thread_broadcast": Row(broadcast, [SHOPPER_ROW], [("sendMessage", ANSWER)]),
    "me_message": Row(me_message, [SHOPPER_ROW], [("sendMessage", ANSWER)]),
    "file_share: a pdf and text": Row(
        file_share(("invoice.pdf", PDF, "application/pdf")),
        [("shopper", "sent", "invoice.pdf")],
        [("sendDocument", "invoice.pdf", len(PDF)), ("sendMessage", ANSWER)],
    ),
    "file_share: a picture alone": Row(
        file_share(("label.png", PNG, "image/png"), text=""),
        [("shopper", "sent", "label.png")],
        [("sendPhoto", "label.png", len(PNG))],
    ),
    "file_share: two files and text": Row(
        file_share(("invoice.pdf", PDF, "application/pdf"), ("label.png", PNG, "image/png")),
        [("shopper", "sent", "invoice.pdf"), ("shopper", "sent", "label.png")],
        [
            ("sendDocument", "invoice.pdf", len(PDF)),
            ("sendMessage", ANSWER),
            ("sendPhoto", "label.png", len(PNG)),
        ],
    ),
    "file_share: the app lacks files:read": Row(
        without_files_read,
        [SHOPPER_ROW, NOTE],
        [("sendMessage", ANSWER)],
        [
            "Not sent to the shopper: invoice.pdf (it could not be fetched from Slack: Slack "
            "answered with its sign-in page instead of the file: the app needs the files:read"
        ],
    ),
    "file_share: over Telegram's 50 MB": Row(
        file_share(("video.mp4", PDF, "video/mp4"), size=60 * 1024 * 1024),
        [SHOPPER_ROW, NOTE],
        [("sendMessage", ANSWER)],
        ["Not sent to the shopper: video.mp4 (60 MB; telegram takes up to 50 MB)"],
    ),
    "file_share: a file alone, deleted in Slack": Row(
        file_gone,
        [NOTE],
        [],
        [
            "Nothing was sent to the shopper: invoice.pdf (it could not be fetched from Slack: "
            "Slack refused the file (404))."
        ],
    ),
    "message_changed before sending": Row(
        edit(sent_first=False),
        [SHOPPER_ROW, NOTE],
        [("sendMessage", ANSWER)],
        ["Edited before it was sent: the shopper will get the new version."],
    ),
    "message_changed after sending": Row(
        edit(sent_first=True),
        [SHOPPER_ROW, NOTE],
        [("sendMessage", "Tu paquete llega el lunes.")],
        ["Already sent: the shopper still sees the first version."],
    ),
    "message_changed by a link preview": Row(
        unfurl, [SHOPPER_ROW, SHOPPER_ROW], [("sendMessage", ANSWER), SENTINEL]
    ),
    "message_changed of the card itself": Row(card_changed, [SHOPPER_ROW], [SENTINEL]),
    "message_deleted before sending": Row(
        delete(sent_first=False),
        [("shopper", "cancelled", None), NOTE],
        [],
        ["Deleted before it was sent: cancelled, the shopper gets nothing."],
    ),
    "message_deleted after sending": Row(
        delete(sent_first=True),
        [SHOPPER_ROW, NOTE],
        [("sendMessage", ANSWER)],
        ["Deleting in Slack does not unsend it"],
    ),
    "another subtype (huddle_thread)": Row(
        other_kind, [NOTE], [], ["a Slack message of kind 'huddle_thread' cannot be forwarded"]
    ),
    "bot_message": Row(bot_message, [SHOPPER_ROW], [SENTINEL]),
    "channel_join": Row(join, [SHOPPER_ROW], [SENTINEL]),
    "a reply by someone not on the staff list": Row(
        not_staff, [SHOPPER_ROW], [SENTINEL], config={"staff_users": frozenset({STAFF_ID})}
    ),
    "a reply in a thread that is not a card": Row(not_a_card, [SHOPPER_ROW], [SENTINEL]),
}


@pytest.fixture
async def scene_for(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> AsyncIterator[Callable[[Row], Awaitable[Scene]]]:
    desks = []

    async def start(row: Row) -> Scene:
        context = running_desk(
            tmp_path / "desk.sqlite3",
            telegram_api,
            slack_api,
            background=False,
            pacer=fast_pacer(),
            learned=[(SHOPPER, "track_order")],
            **row.config,
        )
        desk = await context.__aenter__()
        desks.append(context)
        telegram_api.push_update(telegram_api.text_update(CHAT, SHOPPER, language_code="es"))
        return Scene(desk, await desk.wait_card(timeout=WAIT))

    yield start
    for context in desks:
        await context.__aexit__(None, None, None)


@pytest.mark.parametrize("row", ROWS.values(), ids=ROWS.keys())
async def test_every_thread_payload_reaches_the_shopper_or_says_why_not(
    row: Row,
    scene_for: Callable[[Row], Awaitable[Scene]],
    telegram_api: FakeTelegramAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    scene = await scene_for(row)
    await row.step(scene)
    await scene.deliver()

    assert set(scene.statuses) == {200}
    assert await stored(scene.desk) == row.outbox
    assert received(telegram_api) == row.shopper
    shown = notes(scene)
    assert len(shown) == len(row.notes), shown
    for text, phrase in zip(shown, row.notes, strict=True):
        assert phrase in text


async def test_a_reply_outside_a_card_is_logged_once_with_its_event_id(
    scene_for: Callable[[Row], Awaitable[Scene]], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    scene = await scene_for(ROWS["a reply in a thread that is not a card"])
    await not_a_card(scene)

    def logged() -> list[str]:
        return [r.getMessage() for r in caplog.records if "Ev0NOTACARD1" in r.getMessage()]

    # a card may be recorded just after it is posted: the reply waits a moment for that
    await wait_until(logged, "the reply outside a card logged", timeout=WAIT)
    # and once every staff action posted is handled (no sleep: a second line would be in)
    await wait_until(
        lambda: scene.desk.runtime.actions_in_flight == 0, "staff actions handled", timeout=WAIT
    )
    assert logged() == [
        "thread_reply in a thread that is not a BorderDesk card ignored (event Ev0NOTACARD1)"
    ]
