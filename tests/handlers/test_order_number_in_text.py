"""The order number a shopper types, found where shoppers put it (``handlers.facts``):
after the word for "order" in their language, after "#", or, in Chinese, Japanese and
Korean, right after the word with no space at all."""

from __future__ import annotations

import pytest

from handlers.facts import order_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("where is #A10293?", "A10293"),
        ("order 55120 still not here", "55120"),
        ("pedido nº A-10293", "A-10293"),
        ("注文番号 10293 の件です", "10293"),
        ("注文A20481の関税はいくらですか", "A20481"),
        ("订单A20481什么时候到", "A20481"),
        ("주문 A20481 취소하고 싶어요", "A20481"),
        # the words shoppers inflect or shorten: "Bestellnr", "по заказу", "zamówienia"
        ("Bestellnr 30981, die Jacke ist zu klein", "30981"),
        ("по заказу 71055 ничего нет", "71055"),
        ("zamówienia 55120 dalej nie ma", "55120"),
        ("siparişim 12345 nerede", "12345"),
        # typed without accents, in the plural, number first, in Latin letters
        ("zamowienie nr 73290 jeszcze nie doszlo", "73290"),
        ("mijn ordernummers 41002 en 41003, waar blijven ze", "41002"),
        ("66098 nolu siparişim hala gelmedi", "66098"),
        ("66098 numaralı sipariş kargoda mı", "66098"),
        ("siparis no 40117 nerde", "40117"),
        ("dingdan hao 20998 shenme shihou dao", "20998"),
        ("chuumon bangou 100234 desu", "100234"),
    ],
)
def test_the_number_is_found_where_shoppers_write_it(text: str, number: str) -> None:
    assert order_number(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "我的订单怎么还没到",
        "주문했는데 언제 와요",
        "order 12345678901234567",
        "call me at 5521",
        "I ordered 2 items",
        "заказал 3 штуки",
        "kargo 3 gündür aynı yerde",
        "1234567 numaralı telefondan aradım ama",  # a phone too short for one, not an order
    ],
)
def test_no_number_is_made_up(text: str) -> None:
    assert order_number(text) is None
