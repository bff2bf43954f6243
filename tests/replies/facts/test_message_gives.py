"""What a shopper's message already tells us is read in their language.

An answer must not ask for what the message says (issue 15: sendability set 3 asked for
the company's VAT number it was given, which item was missing when it was named, which
payment method was used when it was said). ``replies.facts.mentions`` reads each detail
in every language at once; these probes are fresh, written for this test, positives and
the near misses that must not count.
"""

from __future__ import annotations

import pytest

from replies.facts.mentions import (
    ACCOUNT_DETAIL,
    COMPANY_ADDRESS,
    COMPANY_NAME,
    EXCHANGE_WANTED,
    EXPECTED_ITEM,
    MISSING_ITEM,
    NEIGHBOURS,
    NO_ORDER_MADE,
    PAYMENT_METHOD,
    RETURN_REASON,
    TAX_ID,
    message_gives,
)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a company by its legal form, a tax number, a street address
        ("Factura a nombre de Reformas Lago S.L., por favor", COMPANY_NAME),
        ("Poproszę fakturę na firmę Kowalski Sp. z o.o.", COMPANY_NAME),
        ("請求書は株式会社ミドリ宛でお願いします", COMPANY_NAME),
        ("Can I get an invoice? My VAT is GB123456789", TAX_ID),
        ("Счёт, пожалуйста, ИНН 7701234567", TAX_ID),
        ("Rechnungsadresse: Lindenweg 14, 80331 München", COMPANY_ADDRESS),
        ("siège social : 8 rue des Tanneurs, 67000 Strasbourg", COMPANY_ADDRESS),
        ("sede in Via Roma 22, 20121 Milano", COMPANY_ADDRESS),
        # why an item goes back
        ("Quiero devolver las zapatillas, me quedan pequeñas", RETURN_REASON),
        ("Die Jacke passt nicht, ich möchte sie zurückschicken", RETURN_REASON),
        ("이 가방 색상이 사진이랑 달라서 반품하고 싶어요", RETURN_REASON),
        ("de lamp knippert de hele tijd, ik wil hem terugsturen", RETURN_REASON),
        # which item is missing
        ("the charger is missing from the box", MISSING_ITEM),
        ("llegó el paquete pero falta la funda del sofá", MISSING_ITEM),
        ("il manque le couvercle de la casserole", MISSING_ITEM),
        ("Das Netzteil fehlt im Paket", MISSING_ITEM),
        ("w paczce brakuje ładowarki", MISSING_ITEM),
        ("в коробке не хватает крышки", MISSING_ITEM),
        ("充電器が入っていませんでした", MISSING_ITEM),
        ("박스에 충전기가 없어요", MISSING_ITEM),
        ("包裹里少了充电器", MISSING_ITEM),
        # what should have come
        ("I got a grey throw instead of the blue one", EXPECTED_ITEM),
        ("me mandaron una taza en vez de la tetera", EXPECTED_ITEM),
        ("zamiast lampy przyszedł wazon", EXPECTED_ITEM),
        ("mavi yerine siyah kazak geldi", EXPECTED_ITEM),
        ("주문한 건 머그컵인데 접시가 왔어요", EXPECTED_ITEM),
        # which account detail is to change
        ("how do I change the email on my account?", ACCOUNT_DETAIL),
        ("quiero cambiar el teléfono de mi cuenta", ACCOUNT_DETAIL),
        ("アカウントの名前を変えたいです", ACCOUNT_DETAIL),
        # the payment method
        ("zapłaciłem BLIKIEM i nic się nie stało", PAYMENT_METHOD),
        ("payé par virement il y a trois jours, toujours rien", PAYMENT_METHOD),
        ("用微信支付付了款但订单没显示", PAYMENT_METHOD),
        # what an item is to be exchanged for
        ("can I swap it for a medium?", EXCHANGE_WANTED),
        ("¿puedo cambiarla por una talla más?", EXCHANGE_WANTED),
        ("kann ich die Schuhe gegen eine Nummer größer umtauschen?", EXCHANGE_WANTED),
        ("можно обменять на размер побольше?", EXCHANGE_WANTED),
        ("Mサイズに交換できますか", EXCHANGE_WANTED),
        ("能换成大一码的吗", EXCHANGE_WANTED),
        # a payment that created no order
        ("paid by card but no order showed up in my account", NO_ORDER_MADE),
        ("pagué con tarjeta y no se generó ningún pedido", NO_ORDER_MADE),
        ("Geld ist weg, aber es gibt keine Bestellung in meinem Konto", NO_ORDER_MADE),
        ("支払いは完了したのに注文が作成されていません", NO_ORDER_MADE),
        ("결제는 됐는데 주문 내역이 없어요", NO_ORDER_MADE),
        # the neighbours
        ("already checked with the neighbours, nobody has it", NEIGHBOURS),
        ("bei den Nachbarn habe ich schon gefragt", NEIGHBOURS),
        ("ya pregunté a los vecinos y nada", NEIGHBOURS),
        ("옆집에도 물어봤는데 없대요", NEIGHBOURS),
    ],
)
def test_a_detail_the_message_gives_is_read(text: str, detail: str) -> None:
    assert detail in message_gives(text)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("I need an invoice for order 55123, my e-mail is li@example.com", COMPANY_NAME),
        ("I need an invoice for order 55123", TAX_ID),
        ("the invoice for order 40517 please", COMPANY_ADDRESS),
        ("Can I return something from order 40517?", RETURN_REASON),
        ("返品したいのですが、どうすればいいですか", RETURN_REASON),
        ("something is missing from my order", MISSING_ITEM),
        ("falta algo en mi pedido", MISSING_ITEM),
        ("es fehlt etwas in meiner Bestellung", MISSING_ITEM),
        ("I received the wrong item", EXPECTED_ITEM),
        ("i want to update my account details", ACCOUNT_DETAIL),
        ("my payment failed, what now?", PAYMENT_METHOD),
        ("I paid for order 55123 twice", NO_ORDER_MADE),
        ("can I return the shoes for a refund?", EXCHANGE_WANTED),
        ("tracking says delivered but I have nothing", NEIGHBOURS),
    ],
)
def test_a_detail_the_message_does_not_give_is_not_read(text: str, detail: str) -> None:
    assert detail not in message_gives(text)
