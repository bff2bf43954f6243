"""Order numbers after the labels shoppers write in Turkish, Korean, Japanese, Chinese and
Arabic (issue 15): "Sipariş numaram: 12345", "주문번호는 12345" (with a particle), "رقم الطلب
12345" were not found, so the answer asked for the number again and the chat was not
linked to its order."""

from __future__ import annotations

import pytest

from bot.orders.matching import order_number, order_number_words


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Sipariş numaram: 12345", "12345"),
        ("sipariş numarası 40213 nerede", "40213"),
        ("주문번호는 12345", "12345"),
        ("주문 번호는 55120 입니다", "55120"),
        ("注文番号は12345です", "12345"),
        ("订单号是 12345", "12345"),
        ("رقم الطلب 12345", "12345"),
        ("الطلب رقم 12345", "12345"),
        ("رقم طلبي: 66301", "66301"),
        ("أريد إلغاء الطلب 12345", "12345"),
    ],
)
def test_the_number_after_these_labels_is_found(text: str, number: str) -> None:
    assert order_number(text) == number


@pytest.mark.parametrize("text", ["주문이 12345", "طلبات 12345", "مطلب 12345", "注文は2個です"])
def test_no_number_is_made_up_from_other_words(text: str) -> None:
    assert order_number(text) is None


def test_the_words_giving_the_number_are_the_label_and_the_number() -> None:
    assert order_number_words("my order number is 55120") == "order number is 55120"
    assert order_number_words("Hallo, Bestellnummer 12345.") == "Bestellnummer 12345"
    assert order_number_words("where is it?") is None
