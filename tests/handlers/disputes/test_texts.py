"""The settlements' replies (``replies/notices/disputes.yaml``): every settlement in the
desk's 14 languages, the refund and the percent written as each language writes them
(Babel), and a file with a mistake refused naming where it is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from babel.numbers import format_currency, format_percent

from bot.config import DEFAULT_LANGUAGES
from handlers.disputes.texts import SETTLEMENTS, TEXTS_FILE, settle_texts
from replies.library import LibraryError


def test_every_settlement_speaks_the_desks_fourteen_languages() -> None:
    data = yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))
    assert tuple(data) == SETTLEMENTS
    for settlement in SETTLEMENTS:
        # and European Portuguese, for shoppers in Portugal
        assert set(data[settlement]) == {*DEFAULT_LANGUAGES, "pt-PT"}


@pytest.mark.parametrize("language", DEFAULT_LANGUAGES)
@pytest.mark.parametrize("settlement", SETTLEMENTS)
def test_each_reply_names_the_order_and_the_money_as_the_language_writes_it(
    settlement: str, language: str
) -> None:
    text, used = settle_texts().render(
        settlement, language, shopper_name="Ana", order_number="A10293",
        amount=Decimal("2.40"), currency="EUR", percent=20,
    )  # fmt: skip
    assert used == language
    assert "A10293" in text and "Ana" in text
    assert "{" not in text and "}" not in text
    if settlement != "reship":  # a replacement gives no money back
        assert format_currency(Decimal("2.40"), "EUR", locale=language) in text
    if settlement == "partial_refund":
        assert format_percent(Decimal("0.2"), locale=language) in text


def test_without_a_name_the_greeting_still_reads() -> None:
    texts = settle_texts()
    ja, _ = texts.render(
        "keep_refund", "ja", shopper_name="", order_number="A1", amount=Decimal(1200),
        currency="JPY",
    )  # fmt: skip
    assert ja.startswith("お客様、ご注文A1について￥1,200を返金いたします。")
    en, _ = texts.render(
        "return", "en", shopper_name="", order_number="A1", amount=Decimal(12), currency="EUR"
    )
    assert en.startswith("Hi, you can return the item from order A1. ")


def test_a_language_the_desk_has_no_reply_in_gets_english() -> None:
    text, used = settle_texts().render(
        "keep_refund", "sv", shopper_name="Ana", order_number="A1", amount=Decimal(12),
        currency="EUR",
    )  # fmt: skip
    assert used == "en" and "€12.00" in text


def test_a_misspelt_variable_is_refused_naming_the_settlement_and_language(
    tmp_path: Path,
) -> None:
    data = yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))
    data["reship"]["de"] = "Hallo {shoper_name}, Ersatz für {order_number} ist unterwegs."
    path = tmp_path / "disputes.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LibraryError, match=r"reship\.de.*'shoper_name'"):
        settle_texts(path)
