"""A follow-up is read with the conversation; a clear new message is not (issue 15).

``follow_up_pairs.jsonl`` holds 118 pairs (earlier turn, new message) in the 14
languages, written fresh and labelled before the engine ran on them: 59 where the new
message depends on the earlier turn ("and the socks too?", "und jetzt? immer noch nichts
da", "호주는요?") and 59 where it is a clear new topic that must not inherit it, many of
them short or opening with "also", "and", "still" (the traps of a rule by length or by
words alone). Each line: ``{"lang", "earlier_text", "earlier_intent", "text", "intent",
"depends"}``; ``depends`` says which half the pair is in.

Measured on 2026-12-07 with the engine the runtime builds (``runtime_engine``), top-1 of
the new message read with its earlier turn:

======================  ===========  ==========================  ===========
half                    alone        before (linear mix, < 0.5)  now (pool)
======================  ===========  ==========================  ===========
depends (59)            0.475        0.780                       0.983
new topic (59)          1.000        1.000                       1.000
======================  ===========  ==========================  ===========

The floors below are lower than those figures on purpose: 0.90 for the follow-ups (five
of 59 may go wrong before this fails) and 0.95 for the new topics (two), because the
library's examples, and with them the classifier, change with every helper's work and a
follow-up's reading moves with them; the parameters of the pool were chosen on these
pairs (the module docstring of ``replies.reading`` says how), so the figures above are
optimistic for messages nobody has written yet. What must never regress is the order of
the two costs: a new topic taking the earlier turn's intent is held to at most one pair.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

import numpy as np
import pytest

from replies.classifier import IntentClassifier
from replies.engine import SuggestionEngine
from replies.follow_ups import dependence, refers_back, word_count
from replies.reading import EarlierTurn, read_message
from tests.replies.shopper_figures import runtime_engine

PAIRS = Path(__file__).with_name("follow_up_pairs.jsonl")
LANGS = "en es fr de it pt nl pl ru tr ja ko zh ar".split()
MIN_FOLLOW_UP_TOP1 = 0.90
MIN_NEW_TOPIC_TOP1 = 0.95
MAX_NEW_TOPICS_INHERITING = 1


def load_pairs() -> list[dict[str, object]]:
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.fixture(scope="module")
def outcomes(engine: SuggestionEngine) -> list[tuple[dict[str, object], str, str]]:
    """(pair, top-1 read with the earlier turn, top-1 read alone) for every pair."""
    found = []
    for pair in load_pairs():
        text, lang = str(pair["text"]), str(pair["lang"])
        earlier = EarlierTurn(str(pair["earlier_text"]), str(pair["earlier_intent"]))
        with_context = engine.suggest(text, lang_hint=lang, earlier=earlier)
        alone = engine.suggest(text, lang_hint=lang)
        found.append((pair, with_context.top[0][0], alone.top[0][0]))
    return found


def test_the_pairs_cover_every_language_with_both_halves(engine: SuggestionEngine) -> None:
    pairs = load_pairs()
    keys = {"lang", "earlier_text", "earlier_intent", "text", "intent", "depends"}
    assert all(set(pair) == keys for pair in pairs)
    assert len(pairs) >= 60
    for lang in LANGS:
        halves = [pair["depends"] for pair in pairs if pair["lang"] == lang]
        assert True in halves and False in halves, lang
    depends = sum(1 for pair in pairs if pair["depends"])
    assert depends == len(pairs) - depends
    labels = {str(p[k]) for p in pairs for k in ("intent", "earlier_intent")}
    assert labels <= set(engine.classifier.intents)


def test_follow_ups_are_read_with_the_conversation(
    outcomes: list[tuple[dict[str, object], str, str]],
) -> None:
    half = [(pair, top) for pair, top, _ in outcomes if pair["depends"]]
    wrong = [(pair["lang"], pair["text"], top) for pair, top in half if top != pair["intent"]]
    assert 1 - len(wrong) / len(half) >= MIN_FOLLOW_UP_TOP1, wrong


def test_a_clear_new_topic_keeps_its_own_reading(
    outcomes: list[tuple[dict[str, object], str, str]],
) -> None:
    half = [(pair, top, alone) for pair, top, alone in outcomes if not pair["depends"]]
    wrong = [(pair["lang"], pair["text"], top) for pair, top, _ in half if top != pair["intent"]]
    assert 1 - len(wrong) / len(half) >= MIN_NEW_TOPIC_TOP1, wrong
    inheriting = [
        pair["text"] for pair, top, alone in half if top == pair["earlier_intent"] != alone
    ]
    assert len(inheriting) <= MAX_NEW_TOPICS_INHERITING, inheriting


# "I have a problem with my order" (and one "I have a question"): new questions that
# say little, so the classifier is unsure of them, but nothing in them points back.
VAGUE_NEW_QUESTIONS = [
    ("es", "Tengo un problema con mi pedido"),
    ("en", "I have a problem with my order"),
    ("en", "I have a question"),
    ("fr", "J'ai un souci avec ma commande"),
    ("de", "Ich habe ein Problem mit meiner Bestellung"),
    ("it", "Ho un problema con il mio ordine"),
    ("pt", "Tenho um problema com meu pedido"),
    ("nl", "Ik heb een probleem met mijn bestelling"),
    ("pl", "Mam problem z zamówieniem"),
    ("ru", "У меня проблема с заказом"),
    ("tr", "Siparişimle ilgili bir sorun var"),
    ("ja", "注文について問題があります"),
    ("zh", "我的订单有问题"),
    ("ko", "주문에 문제가 있어요"),
    ("ar", "عندي مشكلة في طلبي"),
]


def test_a_vague_new_question_after_an_invoice_question_is_not_read_as_an_invoice(
    engine: SuggestionEngine,
) -> None:
    """The issue's example: "Tengo un problema con mi pedido" after an invoice question
    came out get_invoice at 59 %. Written after that report, these were the check of the
    pool's parameters (``replies.reading``): none inherits the invoice today; the
    ``fr``, ``ru``, ``ko`` and ``ar`` ones did when a long message without words that
    refer back still took 0.3 of the conversation. One may go wrong as the library
    changes before this fails."""
    earlier = EarlierTurn("Can I get an invoice for my last order?", "get_invoice")
    inheriting = [
        text
        for lang, text in VAGUE_NEW_QUESTIONS
        if engine.suggest(text, lang_hint=lang, earlier=earlier).top[0][0] == "get_invoice"
    ]
    assert len(inheriting) <= 1, inheriting


# The rule, on a stand-in classifier whose readings are set by hand.

INTENTS = [
    "track_order",
    "track_refund",
    "delivery_period",
    "check_payment_methods",
    "get_invoice",
    "change_order",
    "thanks",
    "greeting",
] + [f"other_{i}" for i in range(33)]  # 41 intents, as many as the library has


class HandReadClassifier:
    """Reads each text as told: ``readings[text]`` is {intent: confidence}, the rest of
    the mass spread evenly over the other intents (all of it for a text not told: the
    sentences of a message are read one by one too)."""

    def __init__(self, readings: dict[str, dict[str, float]]) -> None:
        self.intents = INTENTS
        self.readings = readings

    def probabilities(self, text: str, language: str | None = None) -> np.ndarray:
        told = self.readings.get(text, {})
        rest = (1.0 - sum(told.values())) / (len(self.intents) - len(told))
        return np.array([told.get(intent, rest) for intent in self.intents])

    def ranked(self, probabilities: np.ndarray) -> list[tuple[str, float]]:
        order = np.argsort(-probabilities, kind="stable")
        return [(self.intents[i], float(probabilities[i])) for i in order]


def read(readings: dict[str, dict[str, float]], text: str, earlier: EarlierTurn) -> dict:
    classifier = cast(IntentClassifier, HandReadClassifier(readings))
    return dict(read_message(classifier, text, "en", earlier=earlier).ranked)


WHERE = EarlierTurn("where is my parcel?", "track_order")
WHERE_READ = {"where is my parcel?": {"track_order": 0.95}}


def test_a_short_message_clear_on_its_own_outvotes_the_conversation() -> None:
    """The real classifier reads "paypal ok?" at 0.98, the rest spread far thinner."""
    readings = {**WHERE_READ, "paypal ok?": {"check_payment_methods": 0.9999}}
    reading = read(readings, "paypal ok?", WHERE)
    assert max(reading, key=reading.__getitem__) == "check_payment_methods"


def test_an_elliptical_message_sure_of_a_topic_it_does_not_name_takes_the_conversations() -> None:
    """ "e agora? alguma novidade?" read alone was a refund question at 0.82."""
    readings = {**WHERE_READ, "and now? any news": {"track_refund": 0.82}}
    reading = read(readings, "and now? any news", WHERE)
    assert max(reading, key=reading.__getitem__) == "track_order"


def test_the_same_confidence_in_a_long_self_contained_message_is_kept() -> None:
    text = "I returned the boots last month and want to know when my money comes back"
    reading = read({**WHERE_READ, text: {"track_refund": 0.82}}, text, WHERE)
    assert max(reading, key=reading.__getitem__) == "track_refund"


def test_small_talk_keeps_its_share_of_the_message() -> None:
    reading = read({**WHERE_READ, "ok": {"thanks": 0.95}}, "ok", WHERE)
    assert reading["thanks"] == pytest.approx(0.95)


def test_dependence_grows_as_the_message_gets_shorter_and_refers_back() -> None:
    assert dependence("and the other one?", "en") == 1.0
    assert dependence("I forgot my password and the reset mail never comes", "en") == 0.0
    plain = dependence("could you do the invoice for my order from March", "en")
    referring = dependence("could you do the same for my order from March", "en")
    assert plain == 0.0 and referring == 0.5  # ten words, measured as five


def test_words_are_counted_without_numbers_and_cjk_by_two_characters() -> None:
    assert word_count("same for 7721") == 2
    assert word_count("还是没收到") == 3
    assert word_count("주문에 문제가 있어요") == 6  # "there is a problem with my order"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "what about in white?"),
        ("es", "lo mismo con el otro"),
        ("fr", "et pour la Suisse ?"),
        ("de", "immer noch nichts da"),
        ("it", "e per la borsa?"),
        ("pt", "e agora?"),
        ("nl", "nog steeds niks"),
        ("pl", "a za kurtkę też?"),
        ("ru", "до сих пор ничего"),
        ("tr", "peki Hollanda'ya?"),
        ("ja", "バッグの方もお願い"),
        ("zh", "那寄到马来西亚呢？"),
        ("ko", "호주는요?"),
        ("ar", "وكمان الحزام"),
    ],
)
def test_words_that_refer_back_in_every_language(lang: str, text: str) -> None:
    assert refers_back(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I forgot my password"),
        ("es", "Quiero borrar mi cuenta"),
        ("ar", "وصلني منتج غير الذي طلبته"),  # a word beginning with و, not "and"
        ("zh", "你们支持支付宝付款吗？"),
    ],
)
def test_a_self_contained_message_has_no_word_that_refers_back(lang: str, text: str) -> None:
    assert not refers_back(text, lang)
