"""A message that only points back at something said before ("ok and the other one?",
"das mit dem Ding von letzter Woche") names no topic: alone, with no conversation before
it, the engine abstains instead of answering a guess; with the conversation, it is read
as a follow-up; and a message that names its topic beside such words keeps its reading
(issue 15, sendability set 4's fault kind "unclear messages answered")."""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from replies.follow_ups import only_refers_back
from replies.reading import EarlierTurn

LANGS = "en es fr de it pt nl pl ru tr ja ko zh ar".split()

# Written for this test, one or more a language: a pointer at an earlier, unnamed matter.
VAGUE = [
    ("en", "hey so what happened with that thing i told you about"),
    ("en", "and the other one?"),
    ("es", "hola, y lo otro que les dije?"),
    ("es", "lo de la semana pasada ya esta?"),
    ("fr", "re, et pour l'autre truc alors ?"),
    ("de", "und die andere sache, gibts da was neues?"),
    ("it", "ciao, quella cosa di cui vi ho scritto è stata risolta?"),
    ("pt", "e aquele assunto que eu falei semana passada?"),
    ("nl", "hoi, hoe staat het met dat verhaal van vorige week?"),
    ("pl", "czesc, i co z ta sprawa o ktorej pisalam?"),
    ("ru", "здравствуйте, ну что там по поводу того, о чем я писала?"),
    ("tr", "merhaba, gecen haftaki konu ne oldu?"),
    ("ja", "先日の件、その後どうなりましたか？"),
    ("zh", "你好，上次那个事情怎么样了？"),
    ("ko", "지난번에 말씀드린 그거 처리됐나요?"),
    ("ar", "مرحبا، الموضوع اللي قلتلكم عليه الأسبوع الماضي شو صار فيه؟"),
]

# The same kind of words beside a topic, an order number or a product: not vague.
NAMED = [
    ("en", "and the other order, where is it?"),
    ("en", "can I get the other one in blue"),
    ("en", "ok and the other one? #55120"),
    ("es", "lo de mi reembolso, ya esta?"),
    ("fr", "et l'autre colis, il arrive quand ?"),
    ("de", "das mit der Rückerstattung von letzter Woche, ist das erledigt?"),
    ("it", "quella cosa del reso, l'avete ricevuto?"),
    ("pt", "aquele assunto da troca de tamanho, resolveram?"),
    ("nl", "dat ding van vorige week is kapot aangekomen"),
    ("pl", "ta sprawa ze zwrotem pieniedzy, cos wiadomo?"),
    ("ru", "а другой заказ когда придёт?"),
    ("tr", "o konu, iade ne oldu?"),
    ("ja", "例の件、返金はどうなりましたか？"),
    ("zh", "上次说的退款怎么样了"),
    ("ko", "지난번에 말씀드린 환불 처리됐나요?"),
    ("ar", "الموضوع اللي قلتلكم عليه، الاسترجاع شو صار فيه؟"),
]


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return SuggestionEngine.load(None, languages=LANGS)


@pytest.mark.parametrize(("lang", "text"), VAGUE)
def test_a_message_that_only_points_back_is_told(lang: str, text: str) -> None:
    assert only_refers_back(text, lang)


@pytest.mark.parametrize(("lang", "text"), NAMED)
def test_a_message_that_names_its_topic_is_not(lang: str, text: str) -> None:
    assert not only_refers_back(text, lang)


def test_every_language_has_a_vague_message() -> None:
    assert {lang for lang, _ in VAGUE} == set(LANGS)
    assert {lang for lang, _ in NAMED} == set(LANGS)


@pytest.mark.parametrize(("lang", "text"), VAGUE)
def test_alone_it_gets_no_suggestion(engine: SuggestionEngine, lang: str, text: str) -> None:
    suggestion = engine.suggest(text, lang_hint=lang)
    assert suggestion.reply is None, (suggestion.intent, suggestion.confidence)
    assert suggestion.confidence < engine.threshold
    assert len(suggestion.top) == 3  # staff still see the readings, in order


def test_after_a_question_it_is_the_follow_up_it_seems(engine: SuggestionEngine) -> None:
    """The conversation's topic decides, not what "the other one" resembles alone."""
    earlier = EarlierTurn(text="where is my order?", intent="track_order")
    suggestion = engine.suggest("ok and the other one?", lang_hint="en", earlier=earlier)
    assert suggestion.intent == "track_order"
    assert suggestion.reply is not None
    earlier = EarlierTurn(text="Quiero cancelar mi pedido 40212", intent="cancel_order")
    suggestion = engine.suggest("y lo otro?", lang_hint="es", earlier=earlier)
    assert suggestion.intent == "cancel_order"
