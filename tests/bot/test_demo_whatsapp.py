"""The demo's WhatsApp shopper (issue 18): Rafael writes from his Brazilian number, which
is the one on his order #10445. The number alone links the order, hints Portuguese and
places him in Brazil, and he gets his tracking in Portuguese, on WhatsApp."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.bot.test_cli import entries


def test_the_whatsapp_shopper_gets_his_orders_tracking_in_portuguese(
    demo: tuple[str, Path],
) -> None:
    said = entries(demo[0])
    asked = next(e for e in said if "SHOPPER    Rafael Oliveira [whatsapp +5511987654321]" in e)
    card = next(e for e in said[said.index(asked) :] if "INBOX" in e and "Rafael Oliveira" in e)
    assert " · language pt · intent track_order " in card
    notes = said[said.index(card) : said.index(card) + 9]
    assert any("note: Linked order #10445: it was placed with +5511987654321" in e for e in notes)
    assert any("note: Free reply until 13:30 UTC tomorrow" in e for e in notes)
    reply = next(e for e in said if "WHATSAPP   -> Rafael: " in e)
    assert "Seu pedido 10445" in reply and "código de rastreio QB482915736BR" in reply
    assert not any("TELEGRAM   -> Rafael" in e for e in said)


def test_the_whatsapp_shopper_is_a_brazilian_customer_with_his_order(
    demo: tuple[str, Path],
) -> None:
    with sqlite3.connect(demo[1]) as db:
        country, phone, order = db.execute(
            "select c.country, c.phone, o.order_number from customers c"
            " join orders o on o.customer_id = c.id"
            " where c.channel = 'whatsapp' and c.platform_user_id = '5511987654321'"
        ).fetchone()
    assert (country, phone, order) == ("BR", "+5511987654321", "#10445")
