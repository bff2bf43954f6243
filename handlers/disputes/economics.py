"""What a dispute costs each way, and the cheapest fair settlement: pure arithmetic on the
desk file's policy (``bot.desk.DisputePolicy``) and one order.

Shipping an item back costs the store the return postage on top of the refund, and what
comes back is at best worth its price again; so when the return costs more than the item,
a refund without return is always cheaper, and below the store's ``keep_it_under`` it is
offered whatever the postage. A damaged, defective or wrong item may also be kept for part
of its price (``partial_refunds``) or replaced (``reship``)::

    case = Case(kind="damaged_item", value=Decimal("12.00"), currency="EUR", country="GB")
    found = settle_options(policy, case)
    found.summary   # "Return costs about 18.00 EUR against an item of 12.00 EUR: offer a
                    #  refund without return, or a replacement."
    found.option("keep_refund").refund, found.option("keep_refund").avoided

Amounts are Decimals rounded to the currency's own digits (two for EUR, none for JPY, as
Babel knows them); staff read them as "18.00 EUR" (``bot.desk.money``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import get_currency_precision

from bot.desk import DisputePolicy, money
from bot.models import DisputeOffer, SettleChoice

# the intents a card offers settlements on, and those where the item is faulty (a
# partial refund to keep it, or a replacement, are fair only for those)
DISPUTES = frozenset({"return_item", "get_refund", "wrong_item", "damaged_item", "product_defect"})
FAULTY = frozenset({"wrong_item", "damaged_item", "product_defect"})
KEEP, PARTIAL, RESHIP, RETURN = "keep_refund", "partial_refund", "reship", "return"


@dataclass(frozen=True)
class Case:
    """One dispute: what it is about (an intent of ``DISPUTES``) and the item's value."""

    kind: str
    value: Decimal  # one item's price, in ``currency``
    currency: str
    country: str | None  # where it would be shipped back from
    units: int = 1  # items on the order, when ``value`` is the order's total shared out


@dataclass(frozen=True)
class Option:
    """One settlement and its money: ``refund`` given back (in the order's currency) and
    the return postage ``avoided`` by not having the item shipped back (in the policy's)."""

    key: str  # "keep_refund", "partial_refund_20", "reship", "return"
    kind: str  # KEEP, PARTIAL, RESHIP or RETURN
    refund: Decimal
    avoided: Decimal
    percent: int | None = None
    recommended: bool = False


@dataclass(frozen=True)
class Settlements:
    """The options for one case, the cheapest fair ones marked, and the card's sentence."""

    case: Case
    return_cost: Decimal | None  # in ``return_currency``; None when the file names none
    return_currency: str | None
    options: tuple[Option, ...]
    summary: str

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options if o.key == key), None)

    def offer(self) -> DisputeOffer:
        """What the card shows: the sentence, and a button per option."""
        return DisputeOffer(
            self.summary,
            tuple(SettleChoice(o.key, _label(o, self.case), o.recommended) for o in self.options),
        )


def settle_options(policy: DisputePolicy, case: Case) -> Settlements:
    """Every settlement the policy allows for ``case``, the cheapest fair ones marked."""
    cost = policy.return_cost(case.country)
    if cost is not None and policy.currency is not None:
        cost = round_money(cost, policy.currency)
    comparable = cost is not None and policy.currency == case.currency
    faulty = case.kind in FAULTY
    # a return costing more than the item, or an item under the store's threshold
    keep = comparable and cost is not None and cost >= case.value
    under = comparable and policy.keep_it_under is not None and case.value < policy.keep_it_under
    avoided = cost if cost is not None else Decimal(0)
    options: list[Option] = []
    if keep or under or not comparable:  # not comparable: staff weigh it themselves
        options.append(Option(KEEP, KEEP, case.value, avoided, recommended=keep or under))
    if faulty:
        for percent in policy.partial_refunds:
            refund = round_money(case.value * percent / 100, case.currency)
            # a faulty item that comes back is worth little, so keeping it for the smallest
            # share of its price costs less than the postage and the whole refund (when the
            # return is dearer than the item, the refund without return is cheaper still)
            cheaper = comparable and not (keep or under) and percent == policy.partial_refunds[0]
            options.append(
                Option(f"{PARTIAL}_{percent}", PARTIAL, refund, avoided, percent, cheaper)
            )
        if policy.reship:
            options.append(Option(RESHIP, RESHIP, Decimal(0), avoided, recommended=keep or under))
    plain_return = comparable and not (keep or under) and not (faulty and policy.partial_refunds)
    options.append(Option(RETURN, RETURN, case.value, Decimal(0), recommended=plain_return))
    summary = _summary(policy, case, cost, comparable, keep, under, options)
    return Settlements(case, cost, policy.currency, tuple(options), summary)


def round_money(amount: Decimal, currency: str) -> Decimal:
    """``amount`` to the currency's own digits: 12.345 EUR -> 12.35, 1234.5 JPY -> 1235."""
    return amount.quantize(Decimal(1).scaleb(-get_currency_precision(currency)), ROUND_HALF_UP)


def _summary(
    policy: DisputePolicy,
    case: Case,
    cost: Decimal | None,
    comparable: bool,
    keep: bool,
    under: bool,
    options: Sequence[Option],
) -> str:
    item = f"an item of {'about ' if case.units > 1 else ''}{money(case.value, case.currency)}"
    if case.units > 1:
        item += f" (the order's total shared by its {case.units} items)"
    if cost is None:
        where = case.country or "an unknown country"
        return (
            f"No return cost in the desk file for {where} (disputes.return_costs): {item}; "
            "choose by hand."
        )
    head = f"Return costs about {money(cost, policy.currency or case.currency)} against {item}"
    if not comparable:
        return f"{head}: different currencies, compare by hand."
    replacement = ", or a replacement" if any(o.kind == RESHIP for o in options) else ""
    if keep:
        return f"{head}: offer a refund without return{replacement}."
    if under and policy.keep_it_under is not None:
        threshold = money(policy.keep_it_under, case.currency)
        return (
            f"{head}; items under {threshold} are refunded without return: offer a refund "
            f"without return{replacement}."
        )
    partial = next((o for o in options if o.kind == PARTIAL and o.recommended), None)
    if partial is not None:
        return (
            f"{head}: offer {partial.percent}% back ({money(partial.refund, case.currency)}) "
            "to keep it, or a normal return."
        )
    return f"{head}: a normal return costs the least."


def _label(option: Option, case: Case) -> str:
    """A button's words: what staff give and what it costs."""
    amount = money(option.refund, case.currency)
    match option.kind:
        case "keep_refund":
            return f"Refund, keep it ({amount})"
        case "partial_refund":
            return f"{option.percent}% back, keep it ({amount})"
        case "reship":
            return "Send a replacement"
        case _:
            return "Normal return"
