"""A reply answers no question the message did not ask (issue 15, fault 7).

The blind sendability check: a French lost-parcel message ending "vous pouvez faire qqch
svp ?" was read as also asking for an invoice, and the reply ended with a paragraph on
how invoices are sent. A second question whose answer is about one thing (an invoice, an
address) is answered only when the message names that thing; staff still see the reading
on the card.
"""

from __future__ import annotations

import pytest

from replies.also import also_templates, names_topic
from replies.library import load_library
from replies.situations import OrderSituation

LIBRARY = load_library()
WITH = OrderSituation.WITH_TRACKING
# (language, a lost-parcel message naming no invoice, one that asks for the invoice too)
MESSAGES = [
    ("fr", "Indiqué livré hier, rien dans ma boîte. Vous pouvez m'aider ?",
     "Rien reçu. Et pouvez-vous m'envoyer la facture ?"),
    ("en", "It says delivered but nothing's here. Can you do something?",
     "Nothing arrived. Also, can I get an invoice for it?"),
    ("de", "Laut Tracking zugestellt, aber nichts da. Können Sie was tun?",
     "Nichts angekommen. Und bitte schicken Sie mir die Rechnung."),
    ("es", "Pone entregado pero no tengo nada. ¿Podéis hacer algo?",
     "No me llegó nada. ¿Me mandáis también la factura?"),
    ("ja", "配達済みになっていますが届いていません。どうにかなりますか？",
     "届いていません。あと領収書もお願いします。"),
    ("zh", "显示已签收但我没收到，能帮忙处理吗？", "没收到货。另外请给我开发票。"),
    ("ru", "Пишет доставлено, но ничего нет. Можете что-то сделать?",
     "Ничего не пришло. И пришлите, пожалуйста, чек."),
]  # fmt: skip


@pytest.mark.parametrize(("language", "unasked", "asked"), MESSAGES)
def test_an_invoice_paragraph_needs_an_invoice_in_the_message(
    language: str, unasked: str, asked: str
) -> None:
    first, invoice = LIBRARY["lost_package"], LIBRARY["get_invoice"]
    assert also_templates(first, [invoice], language, WITH, unasked) == []
    assert also_templates(first, [invoice], language, WITH, asked) == [invoice.also[language]]


def test_an_address_paragraph_needs_an_address_in_the_message() -> None:
    assert not names_topic("change_shipping_address", "kannst du da was machen?")
    for text in ("new address: 5 Elm St", "mi dirección cambió", "adresimi değiştirin", "住所変更"):
        assert names_topic("change_shipping_address", text), text
    # questions with no topic word to check are answered as read
    assert names_topic("check_payment_methods", "and PayPal?")
