"""The store's delivery time counts from the order, as the desk file's ``delivery_days``
say ("business days from order to delivery"), never from the hand-over to the carrier.

Sendability set 3 (#37, #45): "how long does it take to Turkey?" was told the 7-14
business days start "when the order is handed to the carrier", which promised a later
date than the store's terms and than the late-order sentence, which counts from the
order date. Fresh probes, one per language, labelled ``delivery_period`` before they
were run; the answer without a linked order is checked in both environments.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

import pytest

from replies.classifier import IntentClassifier
from replies.engine import SuggestionEngine
from replies.facts.country import LANGUAGES
from replies.facts.terms import parse_shipping
from replies.language import make_detector
from replies.library import DEFAULT_LIBRARY_DIR, load_library
from replies.store import StoreDetails
from replies.variants import REPLY_LOCALE, load_variants

TABLE = parse_shipping({"ships_from": "DE", "delivery_days": {"EU": "2-5", "default": "7-14"}})
NO_TABLE = parse_shipping({})

# How each language says "from the day of the order" and "from dispatch / when it ships";
# the reply must carry the first and never the second.
COUNTED = {
    "en": ("from the day of the order", ("when the order ships", "from dispatch")),
    "es": ("desde el día del pedido", ("cuando se envía", "desde el envío")),
    "fr": ("à partir du jour de la commande", ("à partir de l'expédition",)),
    "de": ("ab dem Tag der Bestellung", ("mit dem Versand", "ab Versand")),
    "it": ("dal giorno dell'ordine", ("dalla spedizione",)),
    "pt": ("a partir do dia do pedido", ("quando o pedido é enviado",)),
    "nl": ("vanaf de dag van je bestelling", ("zodra de bestelling is verzonden",)),
    "pl": ("od dnia złożenia zamówienia", ("od wysyłki",)),
    "ru": ("со дня оформления заказа", ("с момента отправки",)),
    "tr": ("siparişin verildiği günden itibaren", ("kargoya verildiğinde",)),
    "ja": ("ご注文日から", ("発送日から",)),
    "ko": ("주문일부터", ("발송일부터",)),
    "zh": ("从下单当天", ("从发货当天",)),
    "ar": ("من يوم الطلب", ("من يوم الشحن",)),
}


@cache
def engine(with_table: bool) -> SuggestionEngine:
    library = load_library()
    classifier = IntentClassifier([(intent, intent) for intent in library], intents=list(library))
    store = StoreDetails(
        "",
        None,
        lambda: datetime(2026, 12, 7, tzinfo=UTC),
        shipping=TABLE if with_table else NO_TABLE,
    )
    return SuggestionEngine(
        library,
        classifier,
        make_detector("lingua", ["en"]),
        store=store,
        variants=load_variants(DEFAULT_LIBRARY_DIR, library),
    )


@pytest.mark.parametrize("with_table", [True, False], ids=["desk-file", "default"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_delivery_time_counts_from_the_order(language: str, with_table: bool) -> None:
    reply, used = engine(with_table).render("delivery_period", language, {}, country="TR")
    assert used == language
    from_order, from_dispatch = COUNTED[language]
    assert from_order in reply
    assert not any(phrase in reply for phrase in from_dispatch), reply


def test_a_shopper_in_portugal_reads_it_in_european_portuguese() -> None:
    reply, _ = engine(True).render("delivery_period", "pt", {REPLY_LOCALE: "pt-PT"}, country="PT")
    assert "a partir do dia da encomenda" in reply and "é enviada" not in reply
