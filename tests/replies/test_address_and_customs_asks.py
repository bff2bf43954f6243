"""An address change, a customs question before buying and a customs ID, answered as a
store would (issue 15, sendability set 4 #16, #23, #17, #39, #47, #56, #61).

- A shopper who gives the change (one digit of the postcode, a street number, a locker's
  number) reads that it was noted, not a request for a whole new address; one who wants a
  Packstation is asked its number and the DHL Postnummer; a shipped parcel's answer says
  the carrier may let them redirect it themselves.
- "Will I pay customs if I order?" gets no request for a customs notice nobody has yet; a
  bill in hand still does.
- The Korean personal customs code and China's real-name check are explained, with what
  to do, and the Chinese answer never asks for an ID photo in the chat.

Run through the engine as the runtime builds it, on fresh probes.
"""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from replies.facts import ask_sentences as sentences
from replies.facts import customs_ids
from tests.replies.shopper_figures import runtime_engine

NOT_SHIPPED = {"shopper_name": "Sam", "order_number": "55120", "order_status": "processing"}
SHIPPED = {**NOT_SHIPPED, "order_status": "in_transit", "carrier": "DHL"}
SHIPPED["tracking_number"] = "00340434161094000001"


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "ho scritto male il CAP nell'ordine 55120: è 40128 non 40182"),
        ("en", "typo in my zip code, it's 94110 not 94101, can you fix it?"),
        ("fr", "erreur dans l'adresse de livraison : c'est 8 rue Victor Hugo et pas 18"),
        ("es", "me equivoqué en el código postal, es 28013 y no 28031"),
    ],
)
def test_a_correction_given_is_noted_not_asked_again(
    engine: SuggestionEngine, language: str, text: str
) -> None:
    s = engine.suggest(text, lang_hint=language, variables=NOT_SHIPPED)
    assert s.intent == "change_shipping_address" and s.reply, s
    whole, _, _, noted = sentences.ADDRESS[language]
    assert noted in s.reply and whole not in s.reply, s.reply


def test_a_packstation_asks_its_number_and_the_postnummer(engine: SuggestionEngine) -> None:
    text = "Kann ich die Lieferung noch an eine Packstation umleiten lassen?"
    s = engine.suggest(text, lang_hint="de", variables=SHIPPED)
    assert s.intent == "change_shipping_address" and s.reply, s
    assert sentences.ADDRESS["de"][2] in s.reply and "Postnummer" in s.reply
    assert "Straße und Hausnummer" not in s.reply
    assert "selbst über ihre Sendungsverfolgung umzuleiten" in s.reply  # shipped: DIY redirect


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "ik wil het adres van mijn bestelling wijzigen"),
        ("ja", "注文の住所を変更したいです"),
    ],
)
def test_nothing_given_asks_the_whole_address_plainly(
    engine: SuggestionEngine, language: str, text: str
) -> None:
    s = engine.suggest(text, lang_hint=language, variables=NOT_SHIPPED)
    assert s.intent == "change_shipping_address" and s.reply, s
    assert sentences.ADDRESS[language][0] in s.reply, s.reply


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "si pido una lámpara, tengo que pagar aduana en Chile?"),
        ("fr", "est-ce que je vais payer des frais de douane pour la Suisse ?"),
        ("tr", "50 dolarlik bir yorgan almak istiyorum, gumruk vergisi cikar mi"),
        ("ru", "надо ли будет платить пошлину, если закажу в Казахстан?"),
    ],
)
def test_a_question_before_buying_asks_for_no_customs_notice(
    engine: SuggestionEngine, language: str, text: str
) -> None:
    s = engine.suggest(text, lang_hint=language)
    assert s.intent == "customs_duties" and s.reply, s
    for notice in sentences.CUSTOMS_NOTICE[language]:
        assert notice not in s.reply, s.reply


def test_a_bill_in_hand_still_asks_for_the_notice(engine: SuggestionEngine) -> None:
    text = "the courier wants 32 USD in duties before they hand over my parcel"
    s = engine.suggest(text, lang_hint="en")
    assert s.intent == "customs_duties" and s.reply, s
    assert sentences.CUSTOMS_NOTICE["en"][0] in s.reply


@pytest.mark.parametrize(
    ("language", "text", "table"),
    [
        ("zh", "快递说清关需要实名认证，要上传身份证，靠谱吗", customs_ids.REAL_NAME),
        (
            "en",
            "DHL texted me that customs need a personal customs code PCCC for my parcel to Korea",
            customs_ids.KOREAN_CODE,
        ),
    ],
)
def test_a_customs_id_is_explained_with_what_to_do(
    engine: SuggestionEngine, language: str, text: str, table: dict[str, str]
) -> None:
    s = engine.suggest(text, lang_hint=language, variables=SHIPPED)
    assert s.intent == "customs_duties" and s.reply, s
    assert table[language] in s.reply
    for notice in sentences.CUSTOMS_NOTICE[language]:
        assert notice not in s.reply, s.reply
