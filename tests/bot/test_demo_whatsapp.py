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


def test_a_reply_after_the_24_hour_window_goes_as_the_update_template(
    demo: tuple[str, Path],
) -> None:
    """Luiza wrote on Monday at 12:10 while the desk was down; Meta delivers it again on
    Tuesday at 13:40, and her card says the free-reply window closed at 12:10."""
    said = entries(demo[0])
    asked = next(e for e in said if "SHOPPER    Luiza Costa [whatsapp +5521998877665" in e)
    assert "written Mon 12:10, delivered again by Meta" in asked
    card = next(e for e in said[said.index(asked) :] if "INBOX" in e and "Luiza Costa" in e)
    assert " · language pt · " in card
    notes = said[said.index(card) : said.index(card) + 9]
    assert any("note: Free-reply window closed at 12:10 UTC today" in e for e in notes)
    reply = next(e for e in said if "WHATSAPP   -> Luiza: " in e)
    assert reply.split("-> Luiza: ")[1].startswith("(template request_update, pt_BR) Olá, Luiza!")
    # Rafael, answered within his window, got free text
    rafael = next(e for e in said if "WHATSAPP   -> Rafael: " in e)
    assert "template" not in rafael
