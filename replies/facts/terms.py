"""The store's shipping terms: delivery times per destination and who pays customs.

They are the store's own promises, so they come from the desk file (``shipping:``,
read by ``bot.desk``), never from a guess::

    shipping:
      ships_from: DE              # no customs inside the same customs area
      delivery_days:              # business days from order to delivery
        DE: 1-2
        EU: 2-5                   # every EU member state without its own line
        US: 5-8
        default: 7-14             # everywhere else
      customs:
        duties: on_delivery       # or at_checkout (DDP)
        ioss: true                # EU VAT collected at checkout under IOSS
        uk_vat: true              # UK VAT collected at checkout
      returns:
        postage: shopper_unless_faulty   # or store, or shopper
        exchanges: true           # another size or colour instead of a refund
      saturday_delivery: false    # parcels arrive on Saturdays
      payment_methods: [card, paypal, klarna, invoice]   # what shoppers can pay with

Whatever is left out is unknown, and answers never promise it: they say the team tells
or checks it (``replies.facts.returns``).

    terms = parse_shipping({"delivery_days": {"US": "5-8"}})
    terms.delivery.window_for("US")   # DeliveryWindow(min_days=5, max_days=8)

``parse_shipping`` raises ``ShippingError`` naming the dotted key that is wrong
(``delivery_days.US``), which the desk file loader turns into ``desk.yaml:14: ...``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# The 27 member states: one customs union and one VAT area (IOSS) since 2021.
EU_MEMBERS = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)
REGIONS = {"EU": EU_MEMBERS}
# The payment methods a store may list (``shipping.payment_methods``); how shoppers write
# each and how answers name it is in ``replies.facts.payments``.
PAYMENT_METHODS = (
    "card",
    "paypal",
    "klarna",
    "invoice",
    "bank_transfer",
    "cash_on_delivery",
    "apple_pay",
    "google_pay",
    "amazon_pay",
    "blik",
    "ideal",
    "bizum",
    "pix",
    "satispay",
    "alipay",
    "wechat_pay",
    "twint",
    "bancontact",
    "mb_way",
    "przelewy24",
    "sofort",
    "kakao_pay",
    "naver_pay",
    "toss_pay",
    "samsung_pay",
    "payco",
    "paypay",
    "rakuten_pay",
    "line_pay",
    "unionpay",
    "mercado_pago",
    "boleto",
    "oxxo",
    "tabby",
    "tamara",
    "stc_pay",
    "mada",
    "paysafecard",
    "afterpay",
    "konbini",
)
_RANGE = re.compile(r"^\s*(\d{1,3})\s*(?:(?:-|–|\.\.)\s*(\d{1,3}))?\s*$")


class ShippingError(ValueError):
    """A wrong ``shipping:`` entry; ``key`` is its dotted path under ``shipping``."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key


class Duties(StrEnum):
    """Who pays import duties and taxes: the shopper at checkout (DDP) or on delivery (DAP)."""

    AT_CHECKOUT = "at_checkout"
    ON_DELIVERY = "on_delivery"


@dataclass(frozen=True)
class DeliveryWindow:
    """From ``min_days`` to ``max_days`` business days between order and delivery."""

    min_days: int
    max_days: int


@dataclass(frozen=True)
class DeliveryTimes:
    """Windows by country code or region (``EU``), and the one for everywhere else."""

    by_destination: Mapping[str, DeliveryWindow] = field(default_factory=dict)
    default: DeliveryWindow | None = None

    def window_for(self, country: str | None) -> DeliveryWindow | None:
        """The country's own line, else its region's, else the default (None if none)."""
        code = (country or "").upper()
        if code in self.by_destination:
            return self.by_destination[code]
        for region, members in REGIONS.items():
            if code in members and region in self.by_destination:
                return self.by_destination[region]
        return self.default


@dataclass(frozen=True)
class CustomsTerms:
    """How the store handles import duties and VAT for orders crossing a border."""

    duties: Duties = Duties.ON_DELIVERY
    ioss: bool = False  # EU VAT collected at checkout (Import One-Stop Shop)
    uk_vat: bool = False  # UK VAT collected at checkout (orders up to GBP 135)


class ReturnPostage(StrEnum):
    """Who pays the postage of a return."""

    STORE = "store"
    SHOPPER = "shopper"
    SHOPPER_UNLESS_FAULTY = "shopper_unless_faulty"  # the store pays for faulty or wrong items


@dataclass(frozen=True)
class ReturnTerms:
    """Who pays return postage and whether items are exchanged; None: not said."""

    postage: ReturnPostage | None = None
    exchanges: bool | None = None


@dataclass(frozen=True)
class ShippingTerms:
    """Where the store ships from, its delivery times, customs and return terms."""

    ships_from: str | None = None
    delivery: DeliveryTimes = field(default_factory=DeliveryTimes)
    customs: CustomsTerms | None = None  # None: the desk file does not say
    returns: ReturnTerms = field(default_factory=ReturnTerms)
    saturday_delivery: bool | None = None  # None: the desk file does not say
    payment_methods: tuple[str, ...] | None = None  # None: the desk file does not list them

    def crosses_customs(self, country: str) -> bool:
        """False for a domestic order, or inside the EU when the store ships from the EU."""
        home = (self.ships_from or "").upper()
        if not home:
            return True
        return not (country == home or {country, home} <= EU_MEMBERS)


def parse_shipping(data: Mapping[str, Any] | None) -> ShippingTerms:
    """The ``shipping:`` section of the desk file; ShippingError names a wrong key."""
    data = data or {}
    _known(
        data,
        "",
        {
            "ships_from",
            "delivery_days",
            "customs",
            "returns",
            "saturday_delivery",
            "payment_methods",
        },
    )
    ships_from = data.get("ships_from")
    if ships_from is not None and not _is_country(ships_from):
        raise ShippingError("ships_from", f"expected a country code like DE, got {ships_from!r}")
    return ShippingTerms(
        ships_from=ships_from.upper() if ships_from else None,
        delivery=_delivery(data.get("delivery_days")),
        customs=_customs(data.get("customs")),
        returns=_returns(data.get("returns")),
        saturday_delivery=_flag(data.get("saturday_delivery"), "saturday_delivery"),
        payment_methods=_payment_methods(data.get("payment_methods")),
    )


def _payment_methods(data: Any) -> tuple[str, ...] | None:
    if data is None:
        return None
    if not isinstance(data, list) or not data:
        raise ShippingError("payment_methods", "expected a list like [card, paypal, klarna]")
    methods = [str(m).strip().lower() for m in data]
    for method in methods:
        if method not in PAYMENT_METHODS:
            raise ShippingError(
                "payment_methods", f"{method!r}: write some of {', '.join(PAYMENT_METHODS)}"
            )
    return tuple(dict.fromkeys(methods))


def _returns(data: Any) -> ReturnTerms:
    if data is None:
        return ReturnTerms()
    if not isinstance(data, dict):
        raise ShippingError("returns", "expected a mapping with postage, exchanges")
    _known(data, "returns.", {"postage", "exchanges"})
    postage = data.get("postage")
    choices = {p.value: p for p in ReturnPostage}
    if postage is not None and str(postage).lower() not in choices:
        raise ShippingError(
            "returns.postage", f"{postage!r}: write {', '.join(choices)} (who pays it)"
        )
    return ReturnTerms(
        postage=choices[str(postage).lower()] if postage is not None else None,
        exchanges=_flag(data.get("exchanges"), "returns.exchanges"),
    )


def _flag(value: Any, key: str) -> bool | None:
    """A true/false term, or None when the desk file leaves it out."""
    if value is None or isinstance(value, bool):
        return value
    raise ShippingError(key, f"write true or false, not {value!r}")


def _delivery(data: Any) -> DeliveryTimes:
    if data is None:
        return DeliveryTimes()
    if not isinstance(data, dict):
        raise ShippingError("delivery_days", "expected a mapping like {US: 5-8, default: 7-14}")
    windows: dict[str, DeliveryWindow] = {}
    default = None
    for key, value in data.items():
        # YAML 1.1 reads an unquoted NO (Norway) as false
        name = "NO" if key is False else str(key)
        window = _window(value, f"delivery_days.{name}")
        if name == "default":
            default = window
        elif name.upper() in REGIONS or _is_country(name):
            windows[name.upper()] = window
        else:
            raise ShippingError(
                f"delivery_days.{name}",
                "not a destination: write a country code (US, JP), a region "
                f"({', '.join(REGIONS)}) or default",
            )
    return DeliveryTimes(windows, default)


def _window(value: Any, key: str) -> DeliveryWindow:
    match = _RANGE.match(str(value))
    if not match:
        raise ShippingError(key, f"write business days like 3-5 or 2, not {value!r}")
    low = int(match.group(1))
    high = int(match.group(2) or low)
    if not 0 < low <= high:
        raise ShippingError(key, f"{value!r}: the days must be above 0, the shorter first")
    return DeliveryWindow(low, high)


def _customs(data: Any) -> CustomsTerms | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ShippingError("customs", "expected a mapping with duties, ioss, uk_vat")
    _known(data, "customs.", {"duties", "ioss", "uk_vat"})
    duties = data.get("duties", Duties.ON_DELIVERY.value)
    choices = {d.value: d for d in Duties} | {"ddp": Duties.AT_CHECKOUT, "dap": Duties.ON_DELIVERY}
    if str(duties).lower() not in choices:
        raise ShippingError(
            "customs.duties", f"{duties!r}: write at_checkout (DDP) or on_delivery (DAP)"
        )
    flags = {}
    for name in ("ioss", "uk_vat"):
        flag = data.get(name, False)
        if not isinstance(flag, bool):
            raise ShippingError(f"customs.{name}", f"write true or false, not {flag!r}")
        flags[name] = flag
    return CustomsTerms(choices[str(duties).lower()], **flags)


def _known(data: Mapping[str, Any], prefix: str, allowed: set[str]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise ShippingError(
            f"{prefix}{sorted(unknown)[0]}",
            f"unknown field; use {', '.join(sorted(allowed))}",
        )


def _is_country(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 2 and value.isascii() and value.isalpha()
