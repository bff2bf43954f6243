"""The sums behind a dispute's offer (``handlers.disputes.economics``), with fixed numbers:
which settlements a policy allows, which is the cheapest fair one, what each refunds and
how much return postage it avoids, across regions and currencies."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.desk import DisputePolicy, ReturnRegion, money
from handlers.disputes.economics import Case, Settlements, round_money, settle_options

D = Decimal
EUROPE = DisputePolicy(
    currency="EUR",
    regions=(
        ReturnRegion("home", frozenset({"DE"}), D("6.5")),
        ReturnRegion("europe", frozenset({"CH"}), D("12"), eu=True),
        ReturnRegion("overseas", frozenset({"GB", "US"}), D("18")),
    ),
    default_cost=D("25"),
    keep_it_under=D("30"),
    partial_refunds=(20, 50),
    reship=True,
)
JAPAN = DisputePolicy(
    currency="JPY",
    regions=(ReturnRegion("domestic", frozenset({"JP"}), D("900")),),
    default_cost=D("4500"),
    partial_refunds=(30,),
)


def _keys(found: Settlements) -> list[tuple[str, str, str, bool]]:
    return [(o.key, str(o.refund), str(o.avoided), o.recommended) for o in found.options]


def test_a_return_dearer_than_the_item_is_a_refund_without_return_or_a_replacement() -> None:
    found = settle_options(EUROPE, Case("damaged_item", D("12.00"), "EUR", "GB"))
    assert found.summary == (
        "Return costs about 18.00 EUR against an item of 12.00 EUR: offer a refund without "
        "return, or a replacement."
    )
    assert _keys(found) == [
        ("keep_refund", "12.00", "18.00", True),
        ("partial_refund_20", "2.40", "18.00", False),
        ("partial_refund_50", "6.00", "18.00", False),
        ("reship", "0", "18.00", True),
        ("return", "12.00", "0", False),
    ]


def test_an_eu_country_costs_its_regions_price_and_a_named_one_its_own() -> None:
    france = settle_options(EUROPE, Case("damaged_item", D("80.00"), "EUR", "FR"))
    assert france.return_cost == D("12.00")
    assert france.summary == (
        "Return costs about 12.00 EUR against an item of 80.00 EUR: offer 20% back "
        "(16.00 EUR) to keep it, or a normal return."
    )
    assert [o.key for o in france.options if o.recommended] == ["partial_refund_20"]
    assert "keep_refund" not in [o.key for o in france.options]
    germany = settle_options(EUROPE, Case("damaged_item", D("80.00"), "EUR", "DE"))
    assert germany.return_cost == D("6.50")


def test_a_change_of_mind_on_a_dear_item_is_a_normal_return() -> None:
    found = settle_options(EUROPE, Case("return_item", D("80.00"), "EUR", "DE"))
    assert found.summary == (
        "Return costs about 6.50 EUR against an item of 80.00 EUR: a normal return costs the least."
    )
    assert _keys(found) == [("return", "80.00", "0", True)]  # no partial refund, no reship


def test_below_the_stores_threshold_the_item_is_kept_whatever_the_postage() -> None:
    found = settle_options(EUROPE, Case("return_item", D("25.00"), "EUR", "DE"))
    assert found.summary == (
        "Return costs about 6.50 EUR against an item of 25.00 EUR; items under 30.00 EUR "
        "are refunded without return: offer a refund without return."
    )
    assert _keys(found) == [("keep_refund", "25.00", "6.50", True), ("return", "25.00", "0", False)]


def test_an_order_of_several_items_is_shared_out_and_said_to_be() -> None:
    found = settle_options(EUROPE, Case("get_refund", D("12.00"), "EUR", "JP", units=3))
    assert found.summary == (
        "Return costs about 25.00 EUR against an item of about 12.00 EUR (the order's total "
        "shared by its 3 items): offer a refund without return."
    )


def test_yen_have_no_cents() -> None:
    found = settle_options(JAPAN, Case("product_defect", D("2000"), "JPY", "US"))
    assert found.summary == (
        "Return costs about 4,500 JPY against an item of 2,000 JPY: offer a refund without return."
    )
    assert _keys(found) == [
        ("keep_refund", "2000", "4500", True),
        ("partial_refund_30", "600", "4500", False),
        ("return", "2000", "0", False),
    ]
    assert round_money(D("1234.5"), "JPY") == D("1235") and money(D("1800"), "JPY") == "1,800 JPY"


def test_other_currencies_are_not_compared_and_nothing_is_recommended() -> None:
    found = settle_options(EUROPE, Case("wrong_item", D("12.00"), "USD", "US"))
    assert found.summary == (
        "Return costs about 18.00 EUR against an item of 12.00 USD: different currencies, "
        "compare by hand."
    )
    assert not any(o.recommended for o in found.options)
    assert found.offer().choices[0].label == "Refund, keep it (12.00 USD)"


@pytest.mark.parametrize("country", ["JP", None])
def test_without_a_cost_for_the_country_staff_choose_and_nothing_counts_as_avoided(
    country: str | None,
) -> None:
    policy = DisputePolicy(currency="EUR", regions=EUROPE.regions, reship=True)
    found = settle_options(policy, Case("damaged_item", D("12.00"), "EUR", country))
    where = country or "an unknown country"
    assert found.summary == (
        f"No return cost in the desk file for {where} (disputes.return_costs): an item of "
        "12.00 EUR; choose by hand."
    )
    assert found.return_cost is None
    assert all(o.avoided == 0 and not o.recommended for o in found.options)
