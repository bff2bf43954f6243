"""A shopper proves an order is theirs, and replies are filled from it.

An order links to the chat whose message names it together with the e-mail or phone on
it; from then on "where is my order?" in that chat (and in the chats joined with it, see
``handlers.customer_joins``) gets the order's real items, parcels and delivery estimate.
Nothing about an order reaches a chat that did not prove it.

A phone the platform verified is a proof of its own: a WhatsApp id is the shopper's number
(``ChannelCapabilities.phone_ids``), and Meta sent its registration code to that number,
so an order placed with it is theirs without a number or an e-mail typed
(``link_by_vouched_phone``). It proves no more than a typed proof, though: an order
another chat proved first stays that chat's, since its proof may be as good (the buyer's
own Telegram) or an attacker's (a cheap order placed with someone else's number, proved
with it). The WhatsApp chat naming that order gets the one-time code offer instead
(``offer_join``); staff read on the card that the number has an order held elsewhere. A
phone typed in a message still proves an order only beside its number::

    where = ProofMessage(conversation_id, message_id, "de")
    note = await link_from_message(ctx, customer, "#10421, jonas.weber@example.de", where)
    phone = vouched_phone(ctx, customer)  # "+5511987654321" on WhatsApp, None on Telegram
    notes = await link_by_vouched_phone(ctx, customer, phone) if phone else []
    variables = await order_variables(ctx, customer, "where is it?", "de")
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from bot.calendar.countries import format_local
from bot.context import Context
from bot.orders.matching import bare_number, emails_in, order_key, phones_in, same_email, same_phone
from bot.storage.customer_records import CustomerRecord
from handlers.customer_joins import ProofMessage, chat_label, offer_join
from handlers.customers.text import items_text
from handlers.facts import order_number
from handlers.shipments import parcel_variables
from replies.facts.delivery import estimate_text
from replies.situations import LINKED_ORDER_MARKER

OPEN_STATUSES = frozenset({"created", "paid", "shipped"})


def vouched_phone(ctx: Context, customer: CustomerRecord) -> str | None:
    """The identity's own phone in E.164 when its channel's user ids are numbers the
    platform verified (WhatsApp); None elsewhere. It is the phone the intake keeps on the
    record from each message (the id as dialled, ``InboundMessage.phone``), which nothing
    else sets there (an order proved with a typed phone does not keep it; a forget erases it)."""
    channel = ctx.channels.get(customer.channel)
    if channel is None or not channel.capabilities.phone_ids:
        return None
    return customer.phone


async def link_by_vouched_phone(ctx: Context, customer: CustomerRecord, phone: str) -> list[str]:
    """Link to this identity the orders placed with ``phone``, its own verified number
    (``vouched_phone``), that no chat has proved yet; notes for the card, also naming the
    orders placed with it that another chat holds (never moved: see the module docstring)."""
    mine = set(await ctx.store.person_ids(customer.id))
    notes = []
    for order in await ctx.store.orders_with_phone(phone):
        if order.customer_id in mine:
            continue
        if order.customer_id is None and await ctx.store.link_customer_order(
            customer.id, order.id, phone=phone, country=order.country
        ):
            notes.append(
                f"Linked order {order.shown_number}: it was placed with {phone}, the number "
                f"this shopper writes from on {customer.channel}, verified by the platform."
            )
            continue
        holder = await ctx.store.customer(order.customer_id) if order.customer_id else None
        held_by = chat_label(holder) if holder else "another chat"
        notes.append(
            f"Order {order.shown_number} was placed with this shopper's {customer.channel} "
            f"number but {held_by} proved it first: nothing about it is shown here. The same "
            "shopper? Naming the order here sends that chat a code to join the two, or staff "
            "join them (borderdesk customer join)."
        )
    return notes


async def link_from_message(
    ctx: Context,
    customer: CustomerRecord,
    text: str,
    where: ProofMessage,
    *,
    vouched: str | None = None,
) -> str | None:
    """Link the order a message (``where``) names to this identity when the message also
    gives the e-mail or phone on that order; returns the note for the card, or None when
    no known order is named or it is theirs already.

    An order number alone links nothing and reveals nothing: anyone can type a number. An
    order another chat proved first stays theirs, whatever this message gives: the first
    proof wins, and nothing about the order is shown here. That chat is sent a one-time
    code instead (``offer_join``): typed here, it joins the two chats into one customer.
    The identity's ``vouched`` phone (``vouched_phone``) counts as a phone the message gives.
    """
    number = order_number(text)
    if number is None:
        return None
    order = await ctx.store.order_by_number(number)
    if order is None:
        return None
    if order.customer_id in await ctx.store.person_ids(customer.id):
        return None  # theirs already (this chat's, or a chat joined with it)
    rest = text.replace(number, " ")
    emails = [e for e in emails_in(rest) if same_email(e, order.email)]
    phones = [
        number
        for given in phones_in(rest)
        if (number := same_phone(given, order.phone, order.country))
    ]
    if vouched and (number := same_phone(vouched, order.phone, order.country)):
        phones.append(number)
    if order.email and emails:
        proof, email, phone = "e-mail", emails[0], None
    elif order.phone and phones:
        proof, email, phone = "phone", None, phones[0]
    else:
        return (
            f"Order {order.shown_number} mentioned, not linked: the message gives no e-mail or "
            "phone matching the order, so nothing about it is shown to the shopper."
        )
    if order.customer_id is not None:
        return await offer_join(ctx, customer, order, proof, where)
    if not await ctx.store.link_customer_order(
        customer.id,
        order.id,
        email=email,
        phone=None if vouched else phone,  # the verified one stays the identity's
        country=order.country,
    ):
        return (
            f"Order {order.shown_number} mentioned with its {proof}, not linked: another chat "
            "proved it a moment before, so nothing about it is shown here. Proving it again "
            "sends that chat a code to join the two."
        )
    return f"Linked order {order.shown_number} ({proof} matches)."


async def order_variables(
    ctx: Context, customer: CustomerRecord, text: str, language: str
) -> dict[str, str]:
    """Reply variables from the shopper's order: the one linked to this identity (or one
    joined with it) that the message names, else (when it names none) their latest open
    linked order; nothing for an order that is not theirs, whoever else it is linked to."""
    linked = await ctx.store.customer_orders(await ctx.store.person_ids(customer.id))
    mentioned = order_number(text)
    if mentioned:
        wanted = order_key(mentioned)
        order = next((o for o in linked if order_key(o.order_number) == wanted), None)
    else:
        still_open = [o for o in linked if o.status in OPEN_STATUSES]
        order = max(still_open, key=lambda o: o.ordered_at, default=None)
    if order is None:
        return {}
    values = {
        "order_number": bare_number(order.order_number),
        LINKED_ORDER_MARKER: order.status,  # answers may now speak of this order
        "items": items_text(order),
        **parcel_variables(order.parcels),  # every parcel of a split shipment
        # facts the answer works with but never shows (replies.facts.fill): where the
        # order goes, for voltage, delivery times and customs, and when it was placed,
        # for how late it is
        "order_country": order.country or "",
        "ordered_on": order.ordered_at.date().isoformat(),
    }
    if order.estimated_delivery is not None:
        values["delivery_estimate"] = values["estimated_delivery"] = format_day(
            order.estimated_delivery, language, today=ctx.engine.store.today()
        )
        # never shown: how late the order is, by the carrier's date (replies.facts.delivery)
        values["estimated_on"] = order.estimated_delivery.isoformat()
    return {k: v for k, v in values.items() if v}


def format_day(day: date, language: str, *, today: date | None = None) -> str:
    """A date as the shopper reads it ("Friday 20 November", "11月20日(金曜日)").

    Given ``today``, a day already passed reads as passed ("Thursday 3 December (that date
    has passed)"): an order's delivery estimate is shown as the day still to come, and a
    late order's estimate must not promise a day that is gone
    (``replies.facts.delivery.estimate_text``).
    """
    noon = datetime.combine(day, time(12), tzinfo=UTC)
    shown = format_local(noon, UTC, language)
    shown = re.sub(r"[,،]?\s*\d{2}:\d{2}(?:\s*Uhr)?\s*$", "", shown)
    return shown if today is None else estimate_text(shown, day, today, language)
