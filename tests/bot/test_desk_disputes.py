"""The desk file's ``disputes:`` section (issue 19): return costs per destination and the
store's settlement policy, read with the costs a card compares, and every mistake an
error naming the file, the line and the key, like the rest of the desk file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bot.desk import DisputePolicy, load_desk
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]
GOOD = """\
disputes:
  currency: eur
  return_costs:
    home: {countries: [DE], cost: 6.50}
    europe: {countries: [EU, CH, "NO"], cost: 12}
    overseas: {countries: [GB, US], cost: "18.00"}
    default: 25
  keep_it_under: 30
  partial_refunds: [50, 20]
  reship: true
"""


def _desk(tmp_path: Path, text: str) -> DisputePolicy:
    path = tmp_path / "desk.yaml"
    path.write_text(text, encoding="utf-8")
    return load_desk(path).disputes


def test_each_country_costs_its_own_line_then_its_region_then_the_default(
    tmp_path: Path,
) -> None:
    policy = _desk(tmp_path, GOOD)
    assert policy.currency == "EUR"
    assert policy.return_cost("DE") == Decimal("6.50")  # named, though also in the EU
    assert policy.return_cost("fr") == Decimal("12")  # an EU member
    assert policy.return_cost("NO") == Decimal("12")
    assert policy.return_cost("GB") == Decimal("18.00")
    assert policy.return_cost("JP") == Decimal("25")
    assert policy.return_cost(None) == Decimal("25")  # country unknown: the default
    assert (policy.keep_it_under, policy.partial_refunds, policy.reship) == (
        Decimal("30"),
        (20, 50),
        True,
    )


def test_without_a_section_or_a_default_nothing_is_estimated(tmp_path: Path) -> None:
    assert _desk(tmp_path, "support: {timezone: UTC}\n").return_cost("DE") is None
    policy = _desk(
        tmp_path, "disputes:\n  currency: EUR\n  return_costs:\n    a: {countries: [DE], cost: 5}\n"
    )
    assert policy.return_cost("DE") == Decimal("5")
    assert policy.return_cost("FR") is None


def test_the_example_desk_file_has_a_dispute_policy() -> None:
    policy = load_desk(ROOT / "desk.example.yaml").disputes
    assert policy.return_cost("US") == Decimal("18.00")
    assert policy.keep_it_under == Decimal("30.00") and policy.partial_refunds == (20, 50)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "disputes:\n  currency: euro\n",
            ":2: disputes.currency: expected the three-letter ISO 4217 code",
        ),
        (
            "disputes:\n  currency: EUR\n  return_costs:\n    uk:\n      countries: [UK]\n"
            "      cost: 9\n",
            ":5: disputes.return_costs.uk.countries: 'UK' is not a two-letter ISO 3166 country"
            " code such as ES (the United Kingdom is GB)",
        ),
        (
            "disputes:\n  currency: EUR\n  return_costs:\n    nordic:\n      countries: [SE, NO]\n"
            "      cost: 9\n",
            ":5: disputes.return_costs.nordic.countries: False is not a two-letter ISO 3166"
            ' country code such as ES (YAML reads a bare NO as false: write "NO" in quotes',
        ),
        (
            "disputes:\n  currency: EUR\n  return_costs:\n    a: {countries: [DE], cost: 5}\n"
            "    b:\n      countries: [AT, DE]\n      cost: 7\n",
            ":6: disputes.return_costs.b.countries: DE is in 'a' already",
        ),
        (
            "disputes:\n  currency: EUR\n  return_costs:\n    a:\n      countries: [DE]\n"
            "      cost: -3\n",
            ":6: disputes.return_costs.a.cost: expected an amount such as 18.50, got -3",
        ),
        (
            "disputes:\n  currency: EUR\n  return_costs:\n    default: free\n",
            ":4: disputes.return_costs.default: expected an amount such as 18.50, got 'free'",
        ),
        (
            "disputes:\n  currency: EUR\n  partial_refunds: [20, 150]\n",
            ":3: disputes.partial_refunds: expected percents from 1 to 99",
        ),
        (
            "disputes:\n  currency: EUR\n  reship: sometimes\n",
            ":3: disputes.reship: expected true or false, got 'sometimes'",
        ),
        (
            "disputes:\n  currency: EUR\n  keep_it_below: 20\n",
            ":1: disputes: unknown field(s) ['keep_it_below']",
        ),
    ],
    ids=[
        "currency", "uk-for-gb", "bare-no", "country-twice", "negative-cost", "default-words",
        "percent", "reship", "unknown-field",
    ],
)  # fmt: skip
def test_a_mistake_names_the_file_line_and_key(tmp_path: Path, text: str, said: str) -> None:
    with pytest.raises(ConfigError) as raised:
        _desk(tmp_path, text)
    assert str(raised.value).startswith(f"{tmp_path / 'desk.yaml'}{said}"), str(raised.value)
