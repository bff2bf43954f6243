"""An order that has not shipped is never told about a carrier (issue 15, fault 4).

The blind sendability check sent a Russian shopper whose order, paid on 20 November, had
no tracking number "we're sorry the parcel did not reach you; we're asking the carrier to
trace it": a shipment and a carrier search nobody could have started. The lost parcel's
and the late order's second-question sentences spoke of the carrier whatever was known,
and the lost parcel's own answer for an order without tracking opened with a parcel that
"has not reached you". Now an order without tracking gets an apology for the wait and the
team checking why it has not shipped, and a message with no order linked an apology that
promises to look once the order is found.
"""

from __future__ import annotations

from functools import cache

import pytest

from replies.also import also_templates
from replies.engine import SuggestionEngine
from replies.facts.country import LANGUAGES
from replies.library import load_library
from replies.order_sentences import NOT_FOUND_YET, NOT_SHIPPED
from replies.render import neutral_phrase
from replies.situations import OrderSituation
from tests.replies.shopper_figures import runtime_engine
from tests.replies.test_rendering_every_case import engine as rendering_engine

LIBRARY = load_library()
# How each language names a carrier in the library's sentences.
CARRIER = {
    "en": "carrier", "es": "transport", "fr": "transporteur", "de": "versand",
    "it": "corriere", "pt": "transportadora", "nl": "vervoerder", "pl": "przewoźnik",
    "ru": "перевозчик", "tr": "kargo", "ja": "配送業者", "ko": "택배사", "zh": "承运商",
    "ar": "شركة الشحن",
}  # fmt: skip
SORRY = {
    "en": "sorry", "es": "sentimos", "fr": "désolés", "de": "leid", "it": "dispiace",
    "pt": "lamentamos", "nl": "vervelend", "pl": "przykro", "ru": "извините", "tr": "üzgünüz",
    "ja": "申し訳", "ko": "죄송", "zh": "抱歉", "ar": "نأسف",
}  # fmt: skip
SORRY_FOR_WAITING = {"en": "sorry", "es": "sentimos", "de": "leid", "ru": "извин"}
# Still waiting for the order (not a parcel that "has not reached you").
WAITING = {
    "en": "waiting", "es": "esperando", "fr": "attendiez", "de": "warten", "it": "aspettando",
    "pt": "esperando", "nl": "wacht", "pl": "czekasz", "ru": "ждать", "tr": "bekle",
    "ja": "お待たせ", "ko": "기다리", "zh": "等", "ar": "تنتظر",
}  # fmt: skip
UNSHIPPED = {"order_status": "paid", "order_number": "90441", "ordered_on": "2026-11-20"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_lost_parcel_without_tracking_is_a_wait_not_a_carrier_search(language: str) -> None:
    text, used = rendering_engine("").render("lost_package", language, UNSHIPPED)
    assert used == language
    assert CARRIER[language] not in text.casefold(), text
    assert neutral_phrase("carrier", language) not in text, text
    assert SORRY[language] in text.casefold(), text
    assert WAITING[language] in text.casefold(), text
    assert "90441" in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("problem", ["delivery_delay", "lost_package"])
def test_a_second_question_about_a_late_or_lost_parcel_names_no_carrier_it_cannot_know(
    problem: str, language: str
) -> None:
    first, other = LIBRARY["track_order"], LIBRARY[problem]
    assert also_templates(first, [other], language, OrderSituation.WITH_TRACKING) == [
        other.also[language]
    ]
    for situation, sentence in (
        (OrderSituation.WITHOUT_TRACKING, NOT_SHIPPED[language]),
        (OrderSituation.WITHOUT_ORDER, NOT_FOUND_YET[language]),
    ):
        said = also_templates(first, [other], language, situation)
        assert said == [sentence]
        assert CARRIER[language] not in sentence.casefold()
    # late and lost both asked: the stand-in is said once
    both = [LIBRARY["delivery_delay"], LIBRARY["lost_package"]]
    assert len(also_templates(first, both, language, OrderSituation.WITHOUT_TRACKING)) == 1


@cache
def engine() -> SuggestionEngine:
    return runtime_engine()


PROBES = [
    ("Я заказала 20 ноября, до сих пор ничего нет. Посылка потерялась?", "ru"),
    ("I ordered on November 20th and nothing has come yet. Where is my order?", "en"),
    ("Pedí el 20 de noviembre y no ha llegado nada. ¿Dónde está mi pedido?", "es"),
    ("Ich habe am 20. November bestellt und bis heute nichts bekommen. Wo bleibt das?", "de"),
]


@pytest.mark.parametrize(("text", "language"), PROBES)
def test_a_shopper_waiting_for_an_unshipped_order_hears_no_carrier(
    text: str, language: str
) -> None:
    s = engine().suggest(text, lang_hint=language, variables=UNSHIPPED)
    assert s.reply is not None, s.top
    for problem in ("delivery_delay", "lost_package"):  # their carrier sentences
        assert LIBRARY[problem].also[language] not in s.reply, s.reply
    assert "получил" not in s.reply and "не дошла" not in s.reply  # no parcel sent
    # 17 days without a tracking number: sorry for the wait, whatever the store's terms
    assert SORRY_FOR_WAITING[language] in s.reply.casefold(), s.reply
