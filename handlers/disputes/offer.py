"""Which dispute a card is about, and its settlements: the case read from the card's
suggestion and the shopper's own order (``handlers.disputes.economics`` does the sums).

A card gets an offer when its message is a return, refund, wrong-item, damaged or defect
case (the suggested intent, or the best guess when unsure), the shopper has proved an
order (``handlers.order_links``: the one the message names, else their latest one) that
has been shipped and whose total is known, and the desk file has a ``disputes:`` section.
An order not shipped yet has nothing to send back: its refund is a cancellation. The item
value is the order's total, shared out when it holds several items::

    found = settlements(ctx.desk.disputes, record, facts)   # None: no offer on this card
    card = replace(card, dispute=found[0].offer())
"""

from __future__ import annotations

from decimal import Decimal

from bot.desk import DisputePolicy
from bot.orders.matching import order_key
from bot.storage import SuggestionRecord
from bot.storage.card_reads import CardFacts
from bot.storage.order_records import OrderRecord
from handlers.disputes.economics import DISPUTES, Case, Settlements, round_money, settle_options
from handlers.facts import order_number

SENT = frozenset({"shipped", "delivered"})  # an order whose items may have to come back


def dispute_kind(record: SuggestionRecord) -> str | None:
    """The dispute a card is about: its suggested intent, else the best guess."""
    guess = [record.suggestion.top[0][0]] if record.suggestion.top else []
    return next((i for i in (record.suggestion.intent, *guess) if i in DISPUTES), None)


def disputed_order(facts: CardFacts) -> OrderRecord | None:
    """The shipped order the message is about: the one it names, else the latest one
    shipped; only orders the shopper proved are theirs (``facts.orders``)."""
    sent = [o for o in facts.orders if o.status in SENT or o.shipped_at is not None]
    named = order_number(facts.message.text)
    if named:
        wanted = order_key(named)
        return next((o for o in sent if order_key(o.order_number) == wanted), None)
    return max(sent, key=lambda o: o.ordered_at, default=None)


def settlements(
    policy: DisputePolicy, record: SuggestionRecord, facts: CardFacts
) -> tuple[Settlements, OrderRecord] | None:
    """The settlements for the card's dispute and the order they are about; None when
    the card is no dispute, no order with a total is proved, or the desk has no policy."""
    kind = dispute_kind(record)
    if kind is None or policy.currency is None:
        return None
    order = disputed_order(facts)
    if order is None or order.total is None or not order.currency:
        return None
    units = sum(quantity for _, quantity in order.items) or 1
    value = round_money(Decimal(str(order.total)) / units, order.currency)
    shopper = facts.identities[0].country if facts.identities else None
    case = Case(kind, value, order.currency, order.country or shopper, units)
    return settle_options(policy, case), order
