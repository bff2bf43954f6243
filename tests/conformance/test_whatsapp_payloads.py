"""Every WhatsApp webhook Meta documents, read into what the desk stores and staff see.

Why: on Telegram, kinds nobody had tried became empty "[other]" cards and a message dated
0 was filed under 1970. Here each example payload of Meta's spec (and each kind built from
its schemas) goes through the adapter's reading (``read_payload``) and the test says what
a person would see on the card; then junk of every shape goes in, signed, through the
webhook itself, and the answer is always 200 or 400, never a crash, and nothing half-read
is stored.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.whatsapp_content import describe
from bot.channels.whatsapp_inbound import read_payload
from bot.channels.whatsapp_webhook import WEBHOOK_PATH, WhatsAppWebhook
from bot.models import InboundMessage, MessageKind
from tests.fakes.spec_paths import require_specs
from tests.fakes.whatsapp_spec import shared_spec
from tests.fakes.whatsapp_webhooks import APP_SECRET, VERIFY_TOKEN, WebhookFactory, signature

NUMBER = "106540352242922"  # the business number of the spec's examples
NOW = dt.datetime(2025, 6, 20, 12, 0, tzinfo=dt.UTC)  # within days of the examples' dates


def message_of(payload: dict[str, Any]) -> dict[str, Any]:
    message: dict[str, Any] = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    return message


# each example of the spec: (kind stored, what the card shows)
SEEN = {
    "Text Message": (MessageKind.TEXT, "Does it come in another color?"),
    "Text Message with Context (Product Inquiry)": (MessageKind.TEXT, "Is this still available?"),
    "Text Message from Click to WhatsApp Ad": (MessageKind.TEXT, None),
    "Reaction Message": (MessageKind.OTHER, "[other: reaction 👍]"),
    "Image Message": (MessageKind.PHOTO, "[photo] Taj Mahal"),
    "Location Message": (
        MessageKind.VENUE,
        "[venue: Philz Coffee, 101 Forest Ave, Palo Alto, CA 94301]",
    ),
    "Contact Sharing Message": (MessageKind.CONTACT, "[contact: Lucía Gómez, +1 (983) 555-2319]"),
    "Unsupported Message": (MessageKind.OTHER, "[other: unsupported: Message type unknown]"),
    "Button Message": (MessageKind.OTHER, "[other: button reply] Unsubscribe"),
    "Interactive List Reply Message": (
        MessageKind.OTHER,
        "[other: list reply] Priority Mail Express (Next Day to 2 Days)",
    ),
    "Interactive Button Reply Message": (MessageKind.OTHER, "[other: button reply] Cancel"),
    "Order Message": (MessageKind.OTHER, "[other: order: 3 item(s)]"),
}


@pytest.fixture(scope="module")
def examples() -> dict[str, Any]:
    require_specs()
    return shared_spec().webhook_examples()


@pytest.mark.parametrize("title", sorted(SEEN))
def test_each_example_of_the_spec_becomes_what_staff_should_see(
    examples: dict[str, Any], title: str
) -> None:
    [message] = read_payload(examples[title], phone_number_id=NUMBER, now=NOW).messages
    kind, shown = SEEN[title]
    assert message.kind is kind
    if shown is not None:
        assert message.display_text() == shown
    assert message.channel == "whatsapp"
    assert message.chat_id == message.user_id == "16505551234"
    assert message.user_name == "Sheena Nelson"
    assert message.platform_message_id.startswith("wamid.")
    assert NOW - dt.timedelta(days=8) < message.received_at <= NOW


def test_a_system_message_and_group_updates_are_nobody_s_words(examples: dict[str, Any]) -> None:
    for title in ("System Message", "Group Create Message", "Group Settings Update"):
        delivery = read_payload(examples[title], phone_number_id=NUMBER, now=NOW)
        assert delivery.messages == [] and delivery.statuses == [], title


def test_a_message_dated_1970_or_next_year_is_stored_as_received_now() -> None:
    require_specs()
    hooks = WebhookFactory(NUMBER)
    for stamp in ("0", "99999999999", "not a time"):
        payload = hooks.text("5511987654321", "Oi")
        payload["entry"][0]["changes"][0]["value"]["messages"][0]["timestamp"] = stamp
        [message] = read_payload(payload, phone_number_id=NUMBER, now=NOW).messages
        assert message.received_at == NOW, stamp


def test_a_status_is_read_with_its_reason() -> None:
    require_specs()
    error = {"code": 131026, "title": "Message undeliverable", "error_data": {"details": "x"}}
    payload = WebhookFactory(NUMBER).status("wamid.ABC", "failed", "5511987654321", error=error)
    delivery = read_payload(payload, phone_number_id=NUMBER, now=NOW)
    [status] = delivery.statuses
    assert (status.message_id, status.state, status.recipient) == (
        "wamid.ABC",
        "failed",
        "5511987654321",
    )
    assert status.reason == "131026 Message undeliverable (x)"
    assert delivery.messages == []


def test_half_an_emoji_is_stored_as_a_replacement_character() -> None:
    """A client cut an emoji in half: JSON carries the lone surrogate as ``\\ud83d``,
    which no database stores as UTF-8."""
    require_specs()
    payload = WebhookFactory(NUMBER).text("5511987654321", "Oi \ud83d", profile="Ana \ud83d")
    decoded = json.loads(json.dumps(payload))  # as the webhook reads the bytes
    [message] = read_payload(decoded, phone_number_id=NUMBER, now=NOW).messages
    assert (message.text, message.user_name) == ("Oi \ufffd", "Ana \ufffd")


def test_one_unreadable_message_is_skipped_and_its_neighbours_kept() -> None:
    require_specs()
    hooks = WebhookFactory(NUMBER)
    good = hooks.text("5511987654321", "Oi")
    value = good["entry"][0]["changes"][0]["value"]
    first = value["messages"][0]
    value["messages"] = [{"type": "text", "text": {"body": "who am I?"}}, first, "junk", 42]
    [kept] = read_payload(good, phone_number_id=NUMBER, now=NOW).messages
    assert kept.platform_message_id == first["id"]


# --- the webhook itself, under junk ---------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=25,
)
KINDS = ["text", "image", "audio", "contacts", "location", "interactive", "reaction", "order"]
# a message as Meta shapes it, with junk in its fields and its content
MESSAGES = st.fixed_dictionaries(
    {
        "from": st.just("5511987654321") | JSON_VALUES,
        "id": st.text(min_size=1) | JSON_VALUES,
        "timestamp": st.just("1750000000") | JSON_VALUES,
        "type": st.sampled_from([*KINDS, "system"]) | JSON_VALUES,
    },
    optional={kind: JSON_VALUES for kind in [*KINDS, "system", "errors", "context"]},
)
# Meta's envelope around them, this desk's number, so the junk reaches the reading
SHAPED = st.builds(
    lambda messages, contacts, statuses: {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "419561257915477",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {"phone_number_id": NUMBER},
                            "contacts": contacts,
                            "messages": messages,
                            "statuses": statuses,
                        },
                    }
                ],
            }
        ],
    },
    st.lists(MESSAGES | JSON_VALUES, max_size=3) | JSON_VALUES,
    JSON_VALUES,
    JSON_VALUES,
)


# a value of any one shape, scalars as likely as containers (a reader that iterates what
# should be a list meets True and 7 often, not once in thousands of tries)
ANY_SHAPE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.lists(JSON_VALUES, max_size=3),
    st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=3),
)
# the fields each kind's reader looks at, each given junk of any shape
FIELDS = {
    "image": ["caption"],
    "audio": ["voice"],
    "document": ["caption", "filename"],
    "sticker": ["animated"],
    "location": ["name", "address", "latitude", "longitude"],
    "button": ["text", "payload"],
    "interactive": ["type", "button_reply", "list_reply", "nfm_reply"],
    "reaction": ["emoji", "message_id"],
    "order": ["text", "product_items"],
}
CARD = st.fixed_dictionaries({}, optional={"name": ANY_SHAPE, "phones": ANY_SHAPE})
CONTENT = st.one_of(
    *(
        st.tuples(
            st.just(kind), st.fixed_dictionaries({}, optional=dict.fromkeys(fields, ANY_SHAPE))
        )
        for kind, fields in FIELDS.items()
    ),
    st.tuples(st.just("contacts"), st.lists(CARD | ANY_SHAPE, max_size=3) | ANY_SHAPE),
    st.tuples(
        st.just("interactive"),
        st.fixed_dictionaries(
            {"type": st.sampled_from(["button_reply", "list_reply", "nfm_reply"])},
            optional={
                "button_reply": JSON_VALUES,
                "list_reply": JSON_VALUES,
                "nfm_reply": JSON_VALUES,
            },
        ),
    ),
)


@settings(max_examples=300)
@given(content=CONTENT, errors=ANY_SHAPE)
def test_any_content_of_a_known_kind_is_read_or_labelled_never_a_crash(
    content: tuple[str, Any], errors: Any
) -> None:
    kind, body = content
    found = describe({"type": kind, kind: body, "errors": errors})
    assert found is not None and isinstance(found.text, str)
    assert found.kind is not MessageKind.TEXT
    assert found.attachment is None or 0 < len(found.attachment) <= 500


class Stored:
    def __init__(self) -> None:
        self.messages: list[InboundMessage] = []
        self.calls = 0

    async def __call__(self, messages: Sequence[InboundMessage]) -> None:
        self.calls += 1
        self.messages.extend(messages)


@pytest.fixture
async def webhook() -> AsyncIterator[tuple[TestClient[Any, Any], Stored]]:
    stored = Stored()
    intake = WhatsAppWebhook(VERIFY_TOKEN, APP_SECRET, NUMBER, clock=lambda: NOW)
    intake.store = stored
    async with TestClient(TestServer(intake.app())) as client:
        yield client, stored


@settings(max_examples=150)
@given(payload=SHAPED | JSON_VALUES)
async def test_any_signed_body_is_answered_200_or_400_and_only_whole_messages_are_stored(
    payload: Any,
) -> None:
    stored = Stored()
    intake = WhatsAppWebhook(VERIFY_TOKEN, APP_SECRET, NUMBER, clock=lambda: NOW)
    intake.store = stored
    body = json.dumps(payload).encode()
    async with TestClient(TestServer(intake.app())) as client:
        headers = {"X-Hub-Signature-256": signature(APP_SECRET, body)}
        response = await client.post(WEBHOOK_PATH, data=body, headers=headers)
        assert response.status == (200 if isinstance(payload, dict) else 400)
    for message in stored.messages:
        assert message.chat_id and message.platform_message_id and message.user_name
        assert message.received_at.tzinfo is not None
        message.text.encode("utf-8")  # storable: no lone surrogate left


async def test_messages_meta_batches_in_one_delivery_are_stored_in_one_go(
    webhook: tuple[TestClient[Any, Any], Stored],
) -> None:
    """One POST may carry several messages: one call of the batch handler (one
    transaction), in the order they came, answered 200 only after it."""
    require_specs()
    client, stored = webhook
    hooks = WebhookFactory(NUMBER)
    first, second = (message_of(hooks.text("5511987654321", t)) for t in ("Oi", "Cadê?"))
    payload = hooks.payload([first, second], "5511987654321", "Ana Souza")
    body = json.dumps(payload).encode()
    headers = {"X-Hub-Signature-256": signature(APP_SECRET, body)}
    response = await client.post(WEBHOOK_PATH, data=body, headers=headers)
    assert response.status == 200
    assert stored.calls == 1
    assert [m.text for m in stored.messages] == ["Oi", "Cadê?"]


async def test_bodies_that_are_not_json_or_too_big_are_refused_without_storing(
    webhook: tuple[TestClient[Any, Any], Stored],
) -> None:
    client, stored = webhook
    for body, status in [
        (b"{not json", 400),
        (b"[" * 100_000 + b"]" * 100_000, 400),  # deeper than any parser should follow
        (b'"a string"', 400),
        (b"x" * (1024 * 1024 + 1), 413),
    ]:
        headers = {"X-Hub-Signature-256": signature(APP_SECRET, body)}
        response = await client.post(WEBHOOK_PATH, data=body, headers=headers)
        assert response.status == status, body[:20]
    assert stored.messages == []


async def test_a_storage_failure_answers_500_so_meta_sends_it_again() -> None:
    require_specs()
    calls = 0

    async def full_disk(messages: Sequence[InboundMessage]) -> None:
        nonlocal calls
        calls += 1
        raise OSError(28, "No space left on device")

    intake = WhatsAppWebhook(VERIFY_TOKEN, APP_SECRET, NUMBER, clock=lambda: NOW)
    intake.store = full_disk
    body = json.dumps(WebhookFactory(NUMBER).text("5511987654321", "Oi")).encode()
    async with TestClient(TestServer(intake.app())) as failing:
        headers = {"X-Hub-Signature-256": signature(APP_SECRET, body)}
        response = await failing.post(WEBHOOK_PATH, data=body, headers=headers)
    assert (response.status, calls) == (500, 1)
