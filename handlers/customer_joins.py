"""Two chats of one shopper become one customer: on a code only they can read, or by staff.

An order links to the chat that proved it first (``handlers.order_links``). When a second
chat proves the same order, it may be the same shopper on a new phone or app, or someone
who knows their order number and e-mail. So nothing is linked or shown there; instead the
chat holding the order (a verified channel identity: only its owner reads it) gets a
6-digit code, and the asking chat is told a code was sent. Typed in the asking chat within
15 minutes (5 wrong tries lock it; one use), the code joins the two chats into one
customer: from then on both see the same orders. A code message is never a card: staff
read a note in the thread instead::

    where = ProofMessage(conversation_id, message_id, "de")
    note = await offer_join(ctx, asking, order, "e-mail", where)
    if await handle_join_code(ctx, message, conversation_id, message_id, language):
        ...  # a code was typed: answered, no card

Staff join and split chats themselves (``/borderdesk customer join telegram:1 telegram:2``,
``borderdesk customer split telegram:2``): staff are trusted, and each is audited.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from bot.context import Context
from bot.models import ChatType, InboundMessage
from bot.storage import Store
from bot.storage.customer_joins import (
    JoinCode,
    JoinOutcome,
    JoinRequest,
    QueuedText,
    code_key,
)
from bot.storage.customer_records import CustomerOrder, CustomerRecord
from handlers.customer_lookup import find_customers
from handlers.notes import note_for_staff

# A message that is only a code: "042917", "042 917" or "042-917", in any script's digits.
_CODE = re.compile(r"\s*(\d{3})[\s-]?(\d{3})\s*")
HIDDEN_CODE = "••••••"  # what the code message keeps of the code once it is sent


@dataclass(frozen=True)
class ProofMessage:
    """The asking shopper's message that proved an order: where they are answered."""

    conversation_id: int
    message_id: int
    language: str


def typed_code(text: str) -> str | None:
    """The six digits when the whole message is a code, in ASCII digits; else None."""
    found = _CODE.fullmatch(text)
    if found is None:
        return None
    return "".join(str(int(digit)) for digit in found.group(1) + found.group(2))


def chat_label(customer: CustomerRecord) -> str:
    """How staff and export name a chat: ``telegram:123456``."""
    return f"{customer.channel}:{customer.platform_user_id}"


async def offer_join(
    ctx: Context,
    asking: CustomerRecord,
    order: CustomerOrder,
    proof: str,
    where: ProofMessage,
) -> str:
    """``asking`` proved ``order`` (by its ``proof``, "e-mail" or "phone"), which another
    chat holds: send that chat a code, tell the asking one; the note for the asking card.

    A pair of chats gets one code per 15 minutes: proving the order again meanwhile
    repeats what the asking chat was told and sends the other chat nothing more.
    """
    assert order.customer_id is not None
    owner = await ctx.store.customer(order.customer_id)
    owner_conversation = await ctx.store.private_conversation(order.customer_id)
    if owner is None or owner_conversation is None:
        return (
            f"Order {order.shown_number} mentioned with its {proof}, not linked: another chat "
            "proved it first and can no longer be reached (forgotten), so nothing about it is "
            "shown here."
        )
    now = ctx.clock()
    label = chat_label(owner)
    number = {"order_number": order.order_number.lstrip("#")}
    language = where.language if where.language != "unknown" else (asking.language or "en")
    recent = await ctx.store.recent_join_code(asking.id, owner.id, now)
    if recent is not None and recent.status in ("pending", "locked"):
        name = "join_code_sent" if recent.status == "pending" else "join_code_locked"
        text, _ = ctx.notices.render(name, language, number, country=asking.country)
        await _tell(ctx, f"join-asked:{where.message_id}", where.conversation_id, text)
        return (
            f"Order {order.shown_number} proved with its {proof} again, not linked: it belongs "
            f"to {label}, which got a join code at {recent.created_at:%H:%M} UTC "
            f"({'still waiting' if recent.status == 'pending' else 'locked after wrong tries'}"
            "); no second code within 15 minutes. Nothing about the order is shown here."
        )
    conversation = await ctx.store.conversation(owner_conversation)
    owner_language = conversation.language or owner.language or "en"
    code = f"{secrets.randbelow(1_000_000):06d}"
    sent, hidden = {**number, "code": code}, {**number, "code": HIDDEN_CODE}
    code_text, _ = ctx.notices.render("join_code", owner_language, sent, country=owner.country)
    kept_text, _ = ctx.notices.render("join_code", owner_language, hidden, country=owner.country)
    notice, _ = ctx.notices.render("join_code_sent", language, number, country=asking.country)
    created = await ctx.store.create_join_code(
        JoinRequest(asking.id, owner.id, order.id, where.message_id),
        code,
        now,
        [
            QueuedText(code_key(where.message_id), owner_conversation, code_text, kept_text),
            QueuedText(f"join-asked:{where.message_id}", where.conversation_id, notice),
        ],
    )
    ctx.wake_outbox()
    if created is not None:  # None: this message asked before (handled again after a crash)
        await _note(
            ctx,
            owner_conversation,
            f"{chat_label(asking)} proved order {order.shown_number} (held by this chat) with "
            f"its {proof} and asked to join that chat with this one: a one-time code was sent "
            "here. Nothing is shared unless it is typed there.",
            key=f"join-note:{where.message_id}:owner",
        )
    return (
        f"Order {order.shown_number} mentioned with its {proof}, not linked: another chat "
        f"proved it first ({label}), so nothing about it is shown here. A one-time code was "
        "sent to that chat; if this shopper types it here within 15 minutes, the two chats "
        "become one customer."
    )


async def handle_join_code(
    ctx: Context, message: InboundMessage, conversation_id: int, message_id: int, language: str
) -> bool:
    """A code typed in a private chat: join, or say why not. True when the message needs
    nothing more (no card: the code is not something to suggest an answer to); staff read
    a note in the thread."""
    typed = typed_code(message.text)
    if typed is None or message.chat_type is not ChatType.PRIVATE:
        return False
    customer = await ctx.store.customer_of_conversation(conversation_id)
    shown = language if language != "unknown" else (customer.language or "en")
    now = ctx.clock()
    tried = await ctx.store.tried_with(message_id)  # handled before a crash: same answer
    if tried is None:
        pending = await ctx.store.pending_join_code(customer.id)
        if pending is None:
            if not await ctx.store.code_sent_here(customer.id, typed, now):
                return False  # six digits, and no code: an order number, perhaps
            text, _ = ctx.notices.render("join_code_elsewhere", shown, {}, country=customer.country)
            await _tell(ctx, f"join-elsewhere:{message_id}", conversation_id, text)
            await _note(
                ctx,
                conversation_id,
                "The shopper typed the join code sent to this chat here, not in the chat that "
                "asked for it: nothing joined. They were told it only works there.",
                key=f"join-note:{message_id}",
            )
            return True
        tried = await ctx.store.try_join_code(pending.id, typed, message_id, now)
    code, outcome = tried
    await _answer(ctx, code, outcome, conversation_id, message_id, shown, customer.country, now)
    return True


async def _answer(
    ctx: Context,
    code: JoinCode,
    outcome: JoinOutcome,
    conversation_id: int,
    message_id: int,
    language: str,
    country: str | None,
    now: datetime,
) -> None:
    """Tell the asking chat (and, when joined or locked, the other one) how the code went,
    in the asking shopper's ``language`` as read in their ``country``."""
    owner = await ctx.store.customer(code.owner_customer_id)
    label = chat_label(owner) if owner else f"customer {code.owner_customer_id}"
    owner_conversation = await ctx.store.private_conversation(code.owner_customer_id)
    key = f"join-answer:{message_id}"
    if outcome is JoinOutcome.JOINED:
        person = await ctx.store.same_person(code.asking_customer_id)
        chats = ", ".join(chat_label(c) for c in person)
        text, _ = ctx.notices.render("joined", language, {}, country=country)
        await _tell(ctx, key, conversation_id, text)
        note = (
            f"The shopper typed the join code sent to {label}: the chats are one customer now "
            f"({chats}) and see the same orders."
        )
        if owner_conversation is not None:
            owner_language = (await ctx.store.conversation(owner_conversation)).language
            owner_country = owner.country if owner else None
            text, _ = ctx.notices.render(
                "joined", owner_language or "en", {}, country=owner_country
            )
            await _tell(ctx, f"{key}:owner", owner_conversation, text)
            await _note(ctx, owner_conversation, note, key=f"join-note:{message_id}:owner")
    elif outcome is JoinOutcome.WRONG:
        text, _ = ctx.notices.render(
            "join_code_wrong", language, {"tries_left": str(code.tries_left)}, country=country
        )
        await _tell(ctx, key, conversation_id, text)
        note = (
            f"The shopper typed a wrong join code for {label} ({code.tries_left} tries "
            "left); nothing is shared."
        )
    elif outcome is JoinOutcome.LOCKED:
        text, _ = ctx.notices.render("join_code_locked", language, {}, country=country)
        await _tell(ctx, key, conversation_id, text)
        note = (
            f"The join code sent to {label} was typed wrongly {code.wrong_tries} times and "
            "is locked: nothing was shared. A new code needs the order proved again, after "
            "15 minutes."
        )
        if owner_conversation is not None:
            await _note(
                ctx,
                owner_conversation,
                f"The join code sent to this chat was typed wrongly {code.wrong_tries} times "
                "in the chat that asked for it, and is locked: nothing was shared.",
                key=f"join-note:{message_id}:owner",
            )
    else:
        text, _ = ctx.notices.render("join_code_expired", language, {}, country=country)
        await _tell(ctx, key, conversation_id, text)
        note = (
            f"The shopper typed a join code for {label} after it expired (at "
            f"{code.expires_at:%H:%M} UTC): nothing joined. Proving the order again sends a "
            "new one."
        )
    await _note(ctx, conversation_id, note, key=f"join-note:{message_id}")


async def _tell(ctx: Context, key: str, conversation_id: int, text: str) -> None:
    """Queue ``text`` for the shopper, once per ``key``."""
    if await ctx.store.enqueue(key, conversation_id, text, "BorderDesk", ctx.clock()):
        ctx.wake_outbox()


async def _note(ctx: Context, conversation_id: int, text: str, *, key: str) -> None:
    """A note in the conversation's thread, once per ``key``; none before its first card."""
    conversation = await ctx.store.conversation(conversation_id)
    if conversation.card is not None:
        await note_for_staff(ctx, conversation_id, conversation.card, text, key=key)


async def find_chat(store: Store, text: str) -> tuple[CustomerRecord | None, str | None]:
    """The one chat ``text`` names: ``telegram:123456`` (as profiles and exports show
    it), or anything ``find_customers`` takes (id:N, #order, e-mail, name); (chat, None)
    or (None, why not)."""
    channel, colon, user_id = text.strip().partition(":")
    if colon and channel.isidentifier() and channel != "id" and user_id:
        found = await store.customer_by_identity(channel, user_id)
        if found is None:
            return None, f"No chat {text.strip()} is known (write it as channel:user id)."
        return found, None
    matches, problem = await find_customers(store, text)
    if problem:
        return None, problem
    if len(matches) != 1:
        if not matches:
            return None, f"No chat matches {text.strip()!r}: give channel:user id or id:N."
        listed = ", ".join(f"id:{c.id} ({chat_label(c)})" for c in matches)
        return None, f"{text.strip()!r} names {len(matches)} chats: {listed}. Give one."
    return matches[0], None


async def join_chats(
    store: Store, first: str, second: str, *, actor: str, at: datetime
) -> tuple[bool, str]:
    """Staff join two chats into one customer (audited): (False, why) when a chat is
    unknown or ambiguous, else (True, what is so now)."""
    one, problem = await find_chat(store, first)
    if one is None:
        return False, problem or ""
    other, problem = await find_chat(store, second)
    if other is None:
        return False, problem or ""
    if one.id == other.id:
        return False, f"{first} and {second} are the same chat ({chat_label(one)}): give two."
    if other.id in await store.person_ids(one.id):
        return True, f"{chat_label(one)} and {chat_label(other)} are one customer already."
    await store.join_customers(one.id, other.id, actor=actor, kind="staff", at=at)
    chats = ", ".join(chat_label(c) for c in await store.same_person(one.id))
    return True, f"Joined: {chats} are one customer now, and see the same orders."


async def split_chat(store: Store, who: str, *, actor: str, at: datetime) -> tuple[bool, str]:
    """Staff make a chat a customer of its own again (audited): (False, why) when the chat
    is unknown or ambiguous, else (True, what is so now)."""
    chat, problem = await find_chat(store, who)
    if chat is None:
        return False, problem or ""
    others = await store.split_customer(chat.id, actor=actor, at=at)
    if not others:
        return True, f"{chat_label(chat)} is not joined with another chat."
    left = [c for c in [await store.customer(i) for i in others] if c is not None]
    return True, (
        f"Split: {chat_label(chat)} is a customer of its own again; it no longer sees the "
        f"orders of {', '.join(chat_label(c) for c in left)}."
    )
