"""What shoppers (or anyone posting to our endpoints) send that could cause trouble.

Shopper text and names are shown to staff in Slack, where ``<!channel>`` pings everyone,
``<@U…>`` pings a person and ``<https://…|label>`` is a link behind a harmless label:
none of that may work when a shopper writes it. Template variables are filled by name
only. Bodies over 1 MiB and bodies that are not what they claim are refused, and the
process goes on serving. A shopper who sends many messages at once is answered once and
shown to staff together; long replies reach Telegram whole; unusual messages still
reach staff.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml

from bot.channels.slack_blocks import EDIT_CALLBACK
from bot.channels.slack_escalations import RESOLVE_CALLBACK
from bot.models import Limit
from handlers.inbound import release_floods
from replies.notices import NOTICES_DIR
from tests.e2e.harness import (
    INBOX,
    SIGNING_SECRET,
    WAREHOUSE,
    Desk,
    MovableClock,
    button_value,
    card_text,
    fast_pacer,
    free_port,
    is_note,
    post_raw,
    running_desk,
    wait_until,
)
from tests.fakes import slack_client
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI, Sender

CHAT = 4242
MIB = 1024 * 1024
CUT_NOTE = " … [cut: longer than Slack shows]"

# -- what Slack would turn into a mention or a link ------------------------------------

HOSTILE_TEXT = (
    "URGENT <!here> <!channel> <@U0STAFF0001> my order #B20411 arrived damaged, the cup is "
    "broken. Pay the refund here: <https://evil.example|bank> & <!subteam^S0STAFFGRP1> "
    "<#C0INBOX0001>"
)
HOSTILE_FOLLOW_UP = "<!everyone> where is my order #B20411?? <@U0STAFF0001>"
SHOPPER: Sender = {"first_name": "<!channel>", "last_name": "<@U0STAFF0001>", "language_code": "en"}
LEARNED_DAMAGED = [(HOSTILE_TEXT, "damaged_item")]
CONTROL = re.compile(r"<[!@#]|<(?:https?|mailto|tel|slack):", re.IGNORECASE)
# The one link BorderDesk itself puts on escalation cards: a permalink to the inbox card.
OWN_LINK = re.compile(
    r"<https://slack\.com/archives/" + INBOX + r"/p\d{16}\|Open the conversation in the inbox>"
)
POSTING_METHODS = ("chat.postMessage", "chat.update", "chat.postEphemeral", "views.open")


def strings(value: Any) -> Iterator[str]:
    """Every string anywhere in a request: text, fallback text, blocks, dialogs."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def mrkdwn_objects(blocks: Any) -> Iterator[dict[str, Any]]:
    """Every mrkdwn text object in a list of blocks."""
    if isinstance(blocks, dict):
        if blocks.get("type") == "mrkdwn" and isinstance(blocks.get("text"), str):
            yield blocks
        for item in blocks.values():
            yield from mrkdwn_objects(item)
    elif isinstance(blocks, list):
        for item in blocks:
            yield from mrkdwn_objects(item)


def slack_posts(slack: FakeSlackAPI) -> list[dict[str, Any]]:
    return [params for method, params in slack.calls if method in POSTING_METHODS]


def live_markup(slack: FakeSlackAPI) -> list[str]:
    """Every mention or link sequence in anything BorderDesk posted, except its own link."""
    found: list[str] = []
    for params in slack_posts(slack):
        for text in strings(params):
            found += [m.group() for m in CONTROL.finditer(OWN_LINK.sub("", text))]
    return found


def is_confirmation(params: dict[str, Any]) -> bool:
    return any(str(b.get("block_id", "")).startswith("bd_confirm_") for b in params["blocks"])


def thread_posts(slack: FakeSlackAPI, card: dict[str, Any]) -> list[dict[str, Any]]:
    """Plain messages (no blocks) BorderDesk posted under a card."""
    return [
        m
        for m in slack.messages(INBOX, thread_ts=card["ts"])
        if m["ts"] != card["ts"] and is_note(m)
    ]


async def hostile_card(desk: Desk) -> dict[str, Any]:
    desk.telegram.push_update(desk.telegram.text_update(CHAT, HOSTILE_TEXT, **SHOPPER))
    return await desk.wait_card()


async def resolve(desk: Desk, escalation_message: dict[str, Any]) -> None:
    """The department presses Resolve and submits a root cause and a note."""
    assert await desk.click(escalation_message, "bd_esc_resolve") == 200
    await desk.slack.wait_for("views.open")
    values: dict[str, dict[str, Any]] = {
        "cause": {"value": slack_client.select_option("carrier")},
        "note": {"text": "A new cup is on its way."},
    }
    escalation_id = button_value(escalation_message, "bd_esc_resolve")
    assert await desk.submit(RESOLVE_CALLBACK, values, escalation_id) == 200


async def test_mentions_and_links_written_by_a_shopper_stay_plain_text(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        learned=[*LEARNED_DAMAGED, (HOSTILE_FOLLOW_UP, "track_order")],
        pacer=fast_pacer(),
    ) as desk:
        card = await hostile_card(desk)
        shown = card_text(card)
        assert "*&lt;!channel&gt; &lt;@U0STAFF0001&gt;*" in shown  # the name, visibly
        assert "&lt;!here&gt; &lt;!channel&gt; &lt;@U0STAFF0001&gt;" in shown
        assert "&lt;https://evil.example|bank&gt; &amp; &lt;!subteam^S0STAFFGRP1&gt;" in shown

        # Escalated: the department channel shows the same text and name, inert.
        assert await desk.click(card, "bd_escalate") == 200
        [escalation] = await slack_api.wait_for(
            "chat.postMessage", predicate=lambda p: p.get("channel") == WAREHOUSE
        )
        assert "&lt;!channel&gt; &lt;@U0STAFF0001&gt;" in card_text(escalation)
        assert "&lt;https://evil.example|bank&gt;" in card_text(escalation)

        # A follow-up becomes a thread card whose suggested reply greets the shopper by name.
        telegram_api.push_update(telegram_api.text_update(CHAT, HOSTILE_FOLLOW_UP, **SHOPPER))
        follow_up = await desk.wait_card(thread_ts=card["ts"])
        assert "&lt;!everyone&gt; where is my order" in card_text(follow_up)
        assert "Hi &lt;!channel&gt;, we'd be glad" in card_text(follow_up)

        # The shopper blocked the bot: staff are told in a plain thread post quoting the
        # undelivered reply, name included.
        telegram_api.fail_next("sendMessage", status=403)
        assert await desk.click(follow_up, "bd_send") == 200
        await wait_until(lambda: thread_posts(slack_api, card), "reporting the undelivered reply")
        [warning] = thread_posts(slack_api, card)
        assert "> Hi &lt;!channel>, we'd be glad" in warning["text"]

        # The department resolves it: the update prepared for the shopper quotes the name.
        await resolve(desk, slack_api.messages(WAREHOUSE)[0])
        confirmation = await desk.wait_confirmation(card)
        assert "Hi &lt;!channel&gt;, an update" in card_text(confirmation)

        assert live_markup(slack_api) == []
        # Cards quoting a shopper are verbatim: Slack parses nothing in them either.
        for params in slack_posts(slack_api):
            if params.get("blocks") and not is_confirmation(params):
                for text in mrkdwn_objects(params["blocks"]):
                    if "&lt;" in text["text"]:
                        assert text.get("verbatim") is True, text


async def test_confirming_an_update_for_a_shopper_keeps_their_name_inert(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        learned=LEARNED_DAMAGED,
        pacer=fast_pacer(),
    ) as desk:
        card = await hostile_card(desk)
        assert await desk.click(card, "bd_escalate") == 200
        await slack_api.wait_for("chat.postMessage", predicate=lambda p: p["channel"] == WAREHOUSE)
        await resolve(desk, slack_api.messages(WAREHOUSE)[0])
        confirmation = await desk.wait_confirmation(card)
        assert await desk.click(confirmation, "bd_tr_send") == 200
        # the first message is the answer sent when the card was escalated
        [_, sent] = await telegram_api.wait_for("sendMessage", count=2)
        assert sent["text"].startswith("Hi <!channel>, an update")  # Telegram shows it as is
        await slack_api.wait_for("chat.update", predicate=lambda p: p["ts"] == confirmation["ts"])

        confirmations = [
            p for p in slack_posts(slack_api) if p.get("blocks") and is_confirmation(p)
        ]
        assert confirmations
        for params in confirmations:
            assert all(t.get("verbatim") is True for t in mrkdwn_objects(params["blocks"]))
        assert live_markup(slack_api) == []


# -- template variables ------------------------------------------------------------------

CURLY = "{order_number}{shopper_name.__class__}"
ORDER_QUESTION = "Where is my order #A10293? It has been two weeks."


async def test_braces_in_a_shopper_name_are_shown_literally_never_evaluated(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    shopper: Sender = {"first_name": CURLY, "last_name": "{store_name}", "language_code": "en"}
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        learned=[(ORDER_QUESTION, "track_order")],
        shopper_flood_limit=Limit(2, 60.0),
        pacer=fast_pacer(),
    ) as desk:
        telegram_api.push_update(telegram_api.command_update(CHAT, "/start", **shopper))
        [greeting] = await telegram_api.wait_for("sendMessage")
        assert greeting["text"].startswith(f"Hi {CURLY}, welcome to Test Store!")

        telegram_api.push_update(telegram_api.text_update(CHAT, ORDER_QUESTION, **shopper))
        card = await desk.wait_card()
        assert f"*{CURLY} {{store_name}}*" in card_text(card)
        # the typed number links no order: the answer asks for what links it (issue 15)
        assert f"Hi {CURLY}, we'd be glad to check where your order is." in card_text(card)

        # A third message goes over the flood limit: the notice names them literally too.
        telegram_api.push_update(telegram_api.text_update(CHAT, "Hello??", **shopper))
        notice = (await telegram_api.wait_for("sendMessage", count=2))[1]
        assert notice["text"].startswith(f"Thanks {CURLY}, we have all of your messages.")

        assert await desk.click(card, "bd_send") == 200
        reply = (await telegram_api.wait_for("sendMessage", count=3))[2]
        assert reply["text"].startswith(f"Hi {CURLY}, we'd be glad to check where your order is.")
        assert not any("<class" in m["text"] for m in telegram_api.sent_messages(CHAT))


# -- bodies on the two HTTP endpoints ---------------------------------------------------


async def post_slack(desk: Desk, body: bytes, content_type: str) -> int:
    """A correctly signed request to the Slack endpoint carrying ``body`` as it is."""
    timestamp = int(time.time())
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": slack_client.sign(SIGNING_SECRET, body, timestamp),
    }
    return await post_raw(desk.events_url, body, headers)


async def test_bad_and_oversized_bodies_are_refused_and_both_endpoints_keep_serving(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    port = free_port()
    secret = "s3cret-token"
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        learned=[(ORDER_QUESTION, "track_order")],
        telegram_webhook_url="https://shop.example.com/telegram/hook",
        telegram_webhook_secret=secret,
        telegram_webhook_listen=("127.0.0.1", port),
    ) as desk:
        hook = f"http://127.0.0.1:{port}/telegram/hook"
        json_headers = {"Content-Type": "application/json"}
        signed = json_headers | {"X-Telegram-Bot-Api-Secret-Token": secret}
        update = telegram_api.text_update(CHAT, ORDER_QUESTION, language_code="en")
        valid = json.dumps(update).encode()

        assert await post_raw(hook, valid, json_headers) == 403  # no secret
        assert await telegram_api.post_webhook(hook, update, "wrong-secret") == 403
        huge = telegram_api.text_update(CHAT, "x" * (MIB + 1), language_code="en")
        assert await post_raw(hook, json.dumps(huge).encode(), signed) == 413
        assert await post_raw(hook, b'{"update_id": 1, "message": {', signed) == 400
        assert await post_raw(hook, b"[1, 2, 3]", signed) == 400
        assert await post_raw(hook, b'{"hello": "world"}', signed) == 400
        pinned = telegram_api.pinned_update(CHAT, 1)  # a service message: nobody wrote it
        assert await telegram_api.post_webhook(hook, pinned, secret) == 200  # skipped
        assert (await desk.runtime.ctx.store.counts())["messages"] == {}

        # The real update: 200 only once it is stored.
        assert await telegram_api.post_webhook(hook, update, secret) == 200
        assert (await desk.runtime.ctx.store.counts())["messages"] == {"in": 1}
        card = await desk.wait_card()
        assert "changed my mind" not in card_text(card)

        # The Slack endpoint: too big, not JSON, not a form payload, not an object.
        padding = json.dumps({"type": "event_callback", "pad": "y" * MIB}).encode()
        assert await post_slack(desk, padding, "application/json") == 413
        assert await post_slack(desk, b'{"type": "event_callback", ', "application/json") == 400
        form = "application/x-www-form-urlencoded"
        assert await post_slack(desk, b"payload=%7Bnot-json", form) == 400
        assert await post_slack(desk, b"[1, 2]", "application/json") == 400

        # Both endpoints still serve: a click sends, a second shopper gets a card.
        assert await desk.click(card, "bd_send") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["chat_id"] == CHAT
        other = telegram_api.text_update(CHAT + 1, "Do you ship to Norway?", language_code="en")
        assert await telegram_api.post_webhook(hook, other, secret) == 200
        assert "Norway" in card_text(await desk.wait_card(count=2))


# -- a flood of messages -------------------------------------------------------------------

FLOOD = [f"Mensaje {n:02d}: ¿dónde está mi pedido #A10293? Necesito ayuda" for n in range(1, 26)]
FLOOD[19] = "Mensaje 20: <!channel> ¿hay alguien?"


async def flood(desk: Desk, clock: MovableClock) -> dict[str, Any]:
    """Ana writes once (so her language is known), then 24 more times at once; return her
    card once everything is stored, shown or held, and the notice sent."""
    telegram = desk.telegram

    def push(text: str) -> None:
        telegram.push_update(telegram.text_update(CHAT, text, first_name="Ana", language_code="es"))

    push(FLOOD[0])
    card = await desk.wait_card()
    for text in FLOOD[1:]:
        push(text)
    store = desk.runtime.ctx.store

    async def all_stored() -> bool:
        return (await store.counts())["messages"].get("in") == 25

    await wait_until(all_stored, "storing all 25 messages", timeout=15)
    await desk.wait_card(count=9, thread_ts=card["ts"], timeout=15)
    await telegram.wait_for("sendMessage", timeout=15)
    await wait_until(lambda: nothing_queued(desk, clock), "sending the notice", timeout=15)
    return card


async def test_a_flood_is_stored_and_answered_once_in_the_shoppers_language(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    clock = MovableClock()
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, clock=clock, pacer=fast_pacer()
    ) as desk:
        card = await flood(desk, clock)
        [notice] = telegram_api.sent_messages()
        versions = yaml.safe_load((NOTICES_DIR / "flood.yaml").read_text(encoding="utf-8"))
        assert notice["chat_id"] == CHAT
        assert notice["text"] == versions["es"].replace("{shopper_name}", "Ana")

        # Ten messages became cards (the limit); the other fifteen wait, stored.
        shown = [card_text(c) for c in [card, *desk.thread_cards(card["ts"])]]
        assert len(shown) == 10 and len(desk.inbox_cards()) == 1
        assert all(any(text in s for s in shown) for text in FLOOD[:10])
        assert not any(text in s for s in shown for text in FLOOD[10:])
        assert (await desk.runtime.ctx.store.counts())["messages"] == {"in": 25, "out": 1}

        # Still in the window nothing is released; after a pause all fifteen are, once.
        assert await release_floods(desk.runtime.ctx) == 0
        clock.advance(61)
        assert await release_floods(desk.runtime.ctx) == 15
        assert await release_floods(desk.runtime.ctx) == 0
        assert len(telegram_api.sent_messages()) == 1


async def test_messages_held_in_a_flood_are_shown_to_staff_in_one_thread_post(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    clock = MovableClock()
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, clock=clock, pacer=fast_pacer()
    ) as desk:
        card = await flood(desk, clock)
        clock.advance(61)
        assert await release_floods(desk.runtime.ctx) == 15
        await wait_until(lambda: nothing_queued(desk, clock), "posting the held messages")
        await wait_until(lambda: thread_posts(slack_api, card), "showing them", timeout=1.0)
        [together] = thread_posts(slack_api, card)
        quoted = [line[2:] for line in together["text"].splitlines() if line.startswith("> ")]
        assert quoted == [text.replace("<", "&lt;") for text in FLOOD[10:]]


# -- long texts ----------------------------------------------------------------------------


def long_reply(length: int) -> str:
    """Numbered sentences in paragraphs, exactly ``length`` characters."""
    sentences = (f"Sentence {n:04d} of the long answer about your order." for n in range(10_000))
    text = ""
    for n, sentence in enumerate(sentences):
        text += sentence + ("\n\n" if n % 12 == 11 else " ")
        if len(text) >= length:
            break
    return text[: length - 1] + "."


async def nothing_queued(desk: Desk, clock: MovableClock) -> bool:
    """The outbox has delivered everything (nothing pending, nothing half sent)."""
    return await desk.runtime.ctx.store.due_outbox(clock() + timedelta(days=1)) == []


def assert_pieces_make(pieces: list[str], text: str) -> None:
    """The pieces, in order, are the text with only whitespace dropped at the cuts."""
    position = 0
    for piece in pieces:
        found = text.index(piece, position)
        assert text[position:found].strip() == "", "something between two pieces was lost"
        position = found + len(piece)
    assert text[position:].strip() == ""


async def test_a_9000_character_reply_reaches_telegram_in_three_ordered_pieces(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    clock = MovableClock()
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        learned=[(ORDER_QUESTION, "track_order")],
        clock=clock,
        pacer=fast_pacer(),
    ) as desk:
        telegram_api.push_update(telegram_api.text_update(CHAT, ORDER_QUESTION, language_code="en"))
        card = await desk.wait_card()
        edited = long_reply(9000)
        assert len(edited) == 9000
        suggestion_id = button_value(card, "bd_edit")
        values = {"reply": {"text": edited}}
        assert await desk.submit(EDIT_CALLBACK, values, suggestion_id) == 200
        await telegram_api.wait_for("sendMessage", count=3)
        await wait_until(lambda: nothing_queued(desk, clock), "delivering the whole reply")
        pieces = [m["text"] for m in telegram_api.sent_messages(CHAT)]
        assert len(pieces) == 3 and all(len(p) <= 4096 for p in pieces)
        assert_pieces_make(pieces, edited)

        # Slack shows the sent text on the card, cut visibly where Slack would refuse it.
        await slack_api.wait_for("chat.update")
        updated = next(m for m in slack_api.messages(INBOX) if m["ts"] == card["ts"])
        assert "Edited and sent by lee" in card_text(updated)
        assert CUT_NOTE in card_text(updated)

        # The same from a reply in the card thread (Slack's own dialog stops at 3000).
        threaded = long_reply(9000).replace("answer", "reply!")
        assert await desk.thread_reply(card, threaded) == 200
        await telegram_api.wait_for("sendMessage", count=6)
        await wait_until(lambda: nothing_queued(desk, clock), "delivering the thread reply")
        later = [m["text"] for m in telegram_api.sent_messages(CHAT)][3:]
        assert len(later) == 3 and all(len(p) <= 4096 for p in later)
        assert_pieces_make(later, threaded)


# -- unusual messages ----------------------------------------------------------------------

ARABIC = "مرحبا، أين طلبي رقم A10293؟ لم يصل بعد"
MIXED = "Hello! Привет 你好 مرحبا שלום — order #A10293 ✅ ok?"
EMOJI = "😀🎉👍🔥"


async def test_unusual_messages_each_get_a_card_and_service_messages_are_skipped(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    longest = ("Ünïcödé and plain words, " * 200)[:4096]
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, pacer=fast_pacer()
    ) as desk:
        telegram_api.push_update(telegram_api.photo_update(1001, first_name="Photo"))
        telegram_api.push_update(telegram_api.text_update(1002, EMOJI, first_name="Emoji"))
        telegram_api.push_update(telegram_api.text_update(1003, ARABIC, first_name="Layla"))
        telegram_api.push_update(telegram_api.text_update(1004, MIXED, first_name="Mixed"))
        telegram_api.push_update(telegram_api.text_update(1005, longest, first_name="Long"))
        # Ed pins a message in his chat with the bot: Telegram's service message, no card
        skipped = telegram_api.push_update(telegram_api.pinned_update(1006, 1, "PINNED"))
        telegram_api.push_update(telegram_api.text_update(1006, "Still there?", first_name="Ed"))

        await desk.wait_card(count=6)
        cards = {card_text(c).split("*")[1]: card_text(c) for c in desk.inbox_cards()}
        assert sorted(cards) == ["Ed", "Emoji", "Layla", "Long", "Mixed", "Photo"]
        assert "[photo]" in cards["Photo"]
        assert EMOJI in cards["Emoji"]
        assert ARABIC in cards["Layla"]
        assert MIXED in cards["Mixed"]
        assert longest[:200] in cards["Long"] and CUT_NOTE in cards["Long"]
        assert "Still there?" in cards["Ed"]
        assert not any("PINNED" in text for text in cards.values())

        # The service message was acknowledged (polling moved past it) and never stored.
        await telegram_api.wait_for(
            "getUpdates", predicate=lambda p: p.get("offset", 0) > skipped["update_id"]
        )
        assert (await desk.runtime.ctx.store.counts())["messages"]["in"] == 6
