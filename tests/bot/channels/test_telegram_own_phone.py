"""A Telegram shopper's phone is vouched for only when they share their own contact
(issue 18): Telegram sets a contact's ``user_id`` to the account the number belongs to, so
a contact of the sender's own account is their registered number; anyone else's contact
card, or a number typed in the text, vouches for nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from telegram import Message

from bot.channels.telegram import to_inbound
from bot.channels.telegram_content import describe

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
SHOPPER = 4242


def message(**content: Any) -> Message:
    return Message.de_json(
        {
            "message_id": 7,
            "date": int(NOW.timestamp()),
            "chat": {"id": SHOPPER, "type": "private", "first_name": "Ana"},
            "from": {"id": SHOPPER, "is_bot": False, "first_name": "Ana"},
            **content,
        },
        None,
    )


def phone_of(msg: Message) -> str | None:
    data = msg.to_dict()
    content = describe(data)
    assert content is not None
    return to_inbound(msg, content, NOW).phone


def test_the_shoppers_own_contact_vouches_for_their_number() -> None:
    own = {"phone_number": "5511987654321", "first_name": "Ana", "user_id": SHOPPER}
    assert phone_of(message(contact=own)) == "+5511987654321"
    with_plus = {**own, "phone_number": "+5511987654321"}
    assert phone_of(message(contact=with_plus)) == "+5511987654321"


def test_someone_elses_contact_or_a_typed_number_vouches_for_nothing() -> None:
    other = {"phone_number": "5511987654321", "first_name": "Bia", "user_id": 9999}
    assert phone_of(message(contact=other)) is None
    no_account = {"phone_number": "5511987654321", "first_name": "Bia"}
    assert phone_of(message(contact=no_account)) is None
    assert phone_of(message(text="my phone is +55 11 98765-4321")) is None
