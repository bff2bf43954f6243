"""A return or refund answer does not ask which item and why when the message says why.

Sendability set 3 (#7, #21, #26, #46): shoppers who wrote which item goes back and why
("too small", "the colour is different", "단순 변심") read "if your message does not say it
yet, tell us which item(s) you'd like to send back and why". When the message gives a
reason, that sentence is taken out (``replies.facts.asked``) in every language, from the
return answer in every situation and its second-question sentence, and from the refund
answer about a linked order; with no reason given it stays. Fresh probes, written for
this test.
"""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from replies.facts.asked import _RETURN_ASKS, drop_known_asks, gives_return_reason
from replies.library import load_library
from replies.render import render
from tests.replies.shopper_figures import runtime_engine

LIBRARY = load_library()
VALUES = {
    "shopper_name": "Sam",
    "order_number": "40517",
    "link_request": "LINK.",
    "return_postage": "POSTAGE.",
    "exchange_terms": "EXCHANGE.",
    "refund_apology": "",
}
REASON = "the jacket is too small"


def _texts() -> list[tuple[str, str]]:
    ret, refund = LIBRARY["return_item"], LIBRARY["get_refund"]
    fields = (ret.replies, ret.replies_without_order or {}, ret.also or {}, refund.replies)
    return [(language, texts[language]) for texts in fields for language in texts]


@pytest.mark.parametrize(("language", "template"), _texts())
def test_the_which_item_and_why_sentence_goes_when_a_reason_is_given(
    language: str, template: str
) -> None:
    reply = render(template, language, VALUES)
    asks = [s for s in _RETURN_ASKS[language] if s in reply]
    assert len(asks) == 1, reply  # each answer asks it in one of the listed sentences
    assert drop_known_asks(reply, language, "I'd like to send something back") == reply
    shorter = drop_known_asks(reply, language, REASON)
    assert asks[0] not in shorter and shorter and shorter[-1] in ".。", shorter
    assert "POSTAGE." in shorter or "POSTAGE." not in reply


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Quiero devolver las zapatillas, me quedan pequeñas", True),
        ("Die Jacke passt nicht, ich möchte sie zurückschicken", True),
        ("이 가방 색상이 사진이랑 달라서 반품하고 싶어요", True),
        ("Хочу вернуть чайник, он не работает", True),
        ("Ik wil de lamp terugsturen, hij is kapot aangekomen", True),
        ("退货可以吗？这件外套尺码不合适", True),
        ("comprei a sandália 37 mas ficou apertada, posso trocar?", True),
        ("Can I return something from order 40517?", False),
        ("Quero devolver o pedido 40517, como faço?", False),
        ("返品したいのですが、どうすればいいですか", False),
    ],
)
def test_a_reason_is_read_in_the_shoppers_language(text: str, given: bool) -> None:
    assert gives_return_reason(text) is given


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Hola, quiero devolver las botas del pedido 40517, me quedan pequeñas."),
        ("de", "Hallo, die Jacke aus Bestellung 40517 passt nicht, ich möchte sie zurückschicken."),
        ("pl", "Dzień dobry, chcę zwrócić buty z zamówienia 40517, są za małe."),
        ("en", "Hi, I'd like to return the blue scarf from order 40517, the colour is off."),
    ],
)
def test_a_return_with_its_reason_is_not_asked_why(
    engine: SuggestionEngine, language: str, text: str
) -> None:
    s = engine.suggest(text, lang_hint=language, variables={"order_number": "40517"})
    assert s.intent == "return_item" and s.reply_language == language and s.reply, s
    assert not any(ask in s.reply for ask in _RETURN_ASKS[language]), s.reply


def test_a_return_without_a_reason_is_still_asked_which_item_and_why(
    engine: SuggestionEngine,
) -> None:
    text = "Hola, ¿puedo devolver algo del pedido 40517?"
    s = engine.suggest(text, lang_hint="es", variables={"order_number": "40517"})
    assert s.intent == "return_item" and s.reply, s
    assert any(ask in s.reply for ask in _RETURN_ASKS["es"]), s.reply
