"""Replies don't ask for what the shopper already said (issue 15).

The demo's Élodie writes "je voudrais modifier ma commande #10437 : deux tasses au lieu
d'une" and the order-change answer told her "Dites-nous précisément ce que vous souhaitez
modifier dans la commande 10437", as if she had not said it. The answer now first says the
change was noted, and asks for it only if her message does not say it yet. Run through the
engine as the runtime builds it, with her order linked (as in the demo) and without.
"""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from replies.facts.asks import ask
from replies.situations import OrderSituation
from tests.replies.shopper_figures import runtime_engine

ELODIE = (
    "Bonjour, je voudrais modifier ma commande #10437 : deux tasses au lieu d'une. "
    "Mon e-mail : elodie.bernard@example.fr"
)
LINKED = {"shopper_name": "Élodie", "order_number": "10437"}


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.mark.parametrize("variables", [LINKED, None], ids=["order linked", "no order linked"])
def test_the_demos_order_change_is_acknowledged_and_not_asked_for_again(
    engine: SuggestionEngine, variables: dict[str, str] | None
) -> None:
    s = engine.suggest(ELODIE, lang_hint="fr", variables=variables)
    assert s.intent == "change_order" and s.language == "fr" and s.reply is not None, s
    reply = s.reply
    assert "ce que vous souhaitez modifier" not in reply
    assert "nous avons bien noté la modification demandée" in reply
    # her message says what changes ("deux tasses au lieu d'une"): nothing asks it again,
    # not even on a condition
    assert "souhaitez changer" not in reply and "Si votre message" not in reply
    if variables:
        assert "10437" in reply


# The answers whose ask is a detail the shopper's message often already gives, and the
# words that make that ask conditional in their English wording, or the ask's variable,
# written only for what the message lacks (``replies.facts.asks``).
ASKS_ONLY_IF_NOT_SAID = {
    "change_order": "{change_ask}",
    "return_item": "{return_ask}",
    "get_refund": "{refund_ask}",
    "wrong_item": "{expected_item_ask}",
    "missing_item": "{missing_item_ask}",
    "product_defect": "if you haven't already",
    "payment_issue": "{payment_details_ask}",
    "get_invoice": "{company_ask}",
    "product_availability": "{availability_ask}",
    "product_info": "if your message doesn't name the product yet",
    "edit_account": "{account_detail_ask}",
    "damaged_item": "if you haven't already",
}


@pytest.mark.parametrize("intent", sorted(ASKS_ONLY_IF_NOT_SAID))
@pytest.mark.parametrize("situation", list(OrderSituation))
def test_every_order_situation_asks_for_the_detail_only_if_the_message_lacks_it(
    engine: SuggestionEngine, intent: str, situation: OrderSituation
) -> None:
    english = engine.intent_info(intent).replies_for(situation)["en"]
    assert ASKS_ONLY_IF_NOT_SAID[intent] in english.lower(), english


# Fresh probes: what the message names is not asked again, and asked when not named.
@pytest.mark.parametrize(
    ("intent", "language", "text", "named"),
    [
        ("change_order", "es", "puedo agregar otra funda de cojín al pedido 10437?", True),
        ("change_order", "de", "Kann ich bei Bestellung 10437 die Decke in 155x220 nehmen?", True),
        ("change_order", "en", "I need to change something in order 10437", False),
        ("product_availability", "it", "il piumone matrimoniale torna disponibile?", True),
        ("product_availability", "en", "when will it be back in stock?", False),
        ("voltage_plug", "tr", "abajurun fisi turkiyede prize uyar mi?", True),
        ("voltage_plug", "ar", "المكواة تشتغل في مصر ولا أحتاج محول؟", True),
        ("voltage_plug", "en", "will it work in Canada?", False),
    ],
)
def test_a_detail_named_is_not_asked_and_one_not_named_is(
    engine: SuggestionEngine, intent: str, language: str, text: str, named: bool
) -> None:
    variable = {
        "change_order": "change_ask",
        "product_availability": "availability_ask",
        "voltage_plug": "product_ask",
    }[intent]
    s = engine.suggest(text, lang_hint=language, variables=LINKED)
    assert s.intent == intent and s.reply, s
    sentence = ask(variable, text, language)
    assert (sentence == "") is named, sentence
    assert sentence in s.reply and "{" not in s.reply
