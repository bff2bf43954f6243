"""What a shopper says to be kind is said back; the reply is in their script; a receipt is
no invoice; an electrical hazard is answered "stop using it" (issue 15, sendability set 4
#35, #50, #53, #62, #64, #65, #70). The messages were written fresh for this file.
"""

from __future__ import annotations

import pytest

from replies.addressing import addressed
from replies.courtesy import (
    asks_if_anyone_is_there,
    blessing_answer,
    courteous,
    time_greeting,
    wish,
)
from replies.engine import SuggestionEngine
from replies.receipt import asks_for_receipt, receipt_wording
from replies.safety import SAFETY, electrical_hazard, with_safety
from replies.script import to_traditional, writes_traditional
from tests.replies.shopper_figures import runtime_engine

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ja", "ko", "zh", "ar")


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


def _reply(engine: SuggestionEngine, text: str, lang: str, order: dict[str, str] | None = None):
    suggestion = engine.suggest(text, lang_hint=lang, variables=order)
    assert suggestion.reply, (text, suggestion.top)
    return suggestion.reply


# --- greetings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "opening"),
    [
        ("iyi akşamlar", "tr", "İyi akşamlar"),
        ("buenas noches!! una preguntita", "es", "¡Buenas noches"),
        ("Guten Abend zusammen", "de", "Guten Abend"),
        ("Goedenavond", "nl", "Goedenavond"),
        ("dobry wieczór", "pl", "Dobry wieczór"),
        ("Добрый вечер", "ru", "Добрый вечер"),
        ("boa noite", "pt", "Boa noite"),
        ("bonsoir", "fr", "Bonsoir"),
        ("晚上好", "zh", "晚上好"),
        ("مساء الخير", "ar", "مساء النور"),
        ("صباح الخير", "ar", "صباح النور"),
    ],
)
def test_a_time_of_day_greeting_is_said_back(
    engine: SuggestionEngine, text: str, lang: str, opening: str
) -> None:
    reply = _reply(engine, text, lang)
    assert reply.startswith(opening), reply
    # said once, in the place of the reply's own "Hola", "Merhaba", "Hallo", "مرحباً"
    assert not reply[len(opening) :].lstrip(" ,!").startswith(("Hola", "Merhaba", "Hallo", "مرحب"))


def test_kolay_gelsin_is_thanked_for(engine: SuggestionEngine) -> None:
    reply = _reply(engine, "iyi aksamlar kolay gelsin", "tr")
    assert reply.startswith("Sağ olun! İyi akşamlar"), reply


def test_a_greeting_said_in_passing_is_no_opening() -> None:
    assert time_greeting("I'm only home in the evening, can it come then?") is None
    assert time_greeting("Good evening! where is my order") == "evening"
    assert time_greeting("Hola, buenas tardes") == "afternoon"
    assert time_greeting("こんばんは。加湿器が動きません") == "evening"


def test_the_greeting_back_replaces_the_replys_own() -> None:
    text = "Buenas noches, ¿cuándo llega mi pedido?"
    assert courteous("Hola, Ana: tu pedido está en camino.", "es", text) == (
        "Buenas noches, Ana: tu pedido está en camino."
    )
    assert courteous("Sentimos el retraso.", "es", text) == "¡Buenas noches! Sentimos el retraso."
    assert courteous("Merhaba Ayşe, siparişiniz yolda.", "tr", "iyi akşamlar, kargom?") == (
        "İyi akşamlar Ayşe, siparişiniz yolda."
    )
    assert (
        courteous("Ana，您好！订单已发出。", "zh", "晚上好，我的订单呢")
        == "Ana，晚上好！订单已发出。"
    )
    # Korean says "안녕하세요" at any hour: nothing to change
    assert courteous("안녕하세요!", "ko", "좋은 저녁이에요") == "안녕하세요!"


def test_a_greeting_only_message_gets_no_write_in_your_language_line(
    engine: SuggestionEngine,
) -> None:
    lines = {
        "tr": ("selamlar", "kendi dilinizde"),
        "zh": ("你好呀", "自己的语言"),
        "es": ("holaa", "tu idioma"),
        "de": ("Hallo zusammen", "eigenen Sprache"),
        "ja": ("こんにちは！", "ご自身の言語"),
        "ar": ("مرحبا", "بلغتك"),
    }
    for lang, (text, line) in lines.items():
        assert line not in _reply(engine, text, lang), lang
    # an English writer may still prefer their own language
    assert "your own language" in _reply(engine, "hey there", "en")


# --- are you there? --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "start"),
    [
        ("在吗？", "zh", "在的"),
        ("亲，在不在", "zh", "在的"),
        ("hola?? hay alguien", "es", "¡Sí, aquí estamos!"),
        ("merhabalar kimse var mı", "tr", "Evet, buradayız!"),
        ("hello? anyone there", "en", "Yes, we're here!"),
        ("halo, jest ktoś?", "pl", "Tak, jesteśmy!"),
    ],
)
def test_are_you_there_is_answered_first(
    engine: SuggestionEngine, text: str, lang: str, start: str
) -> None:
    assert _reply(engine, text, lang).startswith(start)


def test_a_question_that_is_not_are_you_there_gets_no_here_line() -> None:
    assert not asks_if_anyone_is_there("is there a store in Lisbon?")
    assert not asks_if_anyone_is_there("现在发货吗")
    assert asks_if_anyone_is_there("في أحد يرد؟")


# --- Arabic blessings --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("الله يعطيكم العافية", "الله يعافيك"),
        ("يعطيك العافيه على السرعة", "الله يعافيك"),
        ("جزاكم الله خيرا", "وإياك"),
        ("بارك الله فيكم", "وفيك بارك الله"),
    ],
)
def test_an_arabic_blessing_has_its_answer(text: str, answer: str) -> None:
    assert blessing_answer(text) == answer


def test_the_blessings_answer_opens_the_arabic_reply(engine: SuggestionEngine) -> None:
    reply = _reply(engine, "شكرا جزيلا، الله يعطيكم العافية", "ar")
    assert reply.startswith("الله يعافيك"), reply
    # after the returned salaam, in the place of "مرحباً"
    text = "السلام عليكم، الله يعطيك العافية"
    assert courteous("وعليكم السلام يا سارة، طلبك في الطريق.", "ar", text) == (
        "وعليكم السلام يا سارة، الله يعافيك، طلبك في الطريق."
    )
    assert courteous("مرحباً سارة، طلبك في الطريق.", "ar", "مساء الخير، وين طلبي") == (
        "مساء النور يا سارة، طلبك في الطريق."
    )


# --- wishes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "back"),
    [
        ("Bedankt voor de snelle hulp! Fijne feestdagen alvast", "nl", "Jij ook fijne feestdagen!"),
        ("thx a lot, merry xmas!!", "en", "Merry Christmas to you too!"),
        ("Danke! Frohe Weihnachten und guten Rutsch", "de", "Ihnen auch frohe Weihnachten und"),
        ("merci, bonnes fêtes à toute l'équipe", "fr", "Joyeuses fêtes à vous aussi !"),
        ("谢谢啦 新年快乐", "zh", "也祝您新年快乐！"),
        ("شكراً، رمضان كريم", "ar", "الله أكرم"),
        ("thank you, eid mubarak", "en", "Eid Mubarak to you too!"),
        ("спасибо, с наступающим!", "ru", "И вас с Новым годом!"),
        ("dzięki, wesołych świąt", "pl", "Wzajemnie, wesołych świąt!"),
        ("grazie, buon weekend", "it", "Buon fine settimana anche a te!"),
        ("teşekkürler, iyi bayramlar", "tr", "Size de iyi bayramlar!"),
    ],
)
def test_a_wish_is_wished_back_at_the_end(
    engine: SuggestionEngine, text: str, lang: str, back: str
) -> None:
    reply = _reply(engine, text, lang)
    assert back in reply, reply
    assert reply.count(back) == 1


def test_every_language_has_every_wish_back() -> None:
    for kind in ("christmas", "new_year", "christmas_new_year", "holidays", "ramadan", "eid"):
        for lang in LANGUAGES:
            line = courteous(
                "x.",
                lang,
                {
                    "christmas": "merry christmas",
                    "new_year": "happy new year",
                    "christmas_new_year": "merry christmas and happy new year",
                    "holidays": "happy holidays",
                    "ramadan": "ramadan kareem",
                    "eid": "eid mubarak",
                }[kind],
            )
            assert line != "x.", (kind, lang)
    assert wish("happy to help, see you next year") is None
    assert wish("Wesołych Świąt i szczęśliwego Nowego Roku!") == "christmas_new_year"
    assert wish("Fijne feestdagen en een gelukkig nieuwjaar") == "christmas_new_year"


def test_the_formal_wish_uses_the_formal_you() -> None:
    assert courteous("Graag gedaan.", "nl", "fijne feestdagen", formal=True).endswith(
        "U ook fijne feestdagen!"
    )


# --- traditional Chinese -----------------------------------------------------------------


def test_traditional_writing_is_told_from_simplified() -> None:
    assert writes_traditional("請問寄到台灣大概要多久？")
    assert writes_traditional("我的訂單什麼時候會到")
    assert not writes_traditional("请问寄到台湾大概要多久？")
    assert not writes_traditional("我的订单什么时候到")
    # neither script shows: the shopper's region decides
    assert not writes_traditional("你好")
    assert writes_traditional("你好", "TW")


def test_a_taiwanese_shopper_reads_traditional_characters_and_taiwans_words(
    engine: SuggestionEngine,
) -> None:
    reply = _reply(engine, "請問寄到台灣大概要多久？會被課稅嗎", "zh")
    assert writes_traditional(reply)
    assert "台灣" in reply and "台湾" not in reply and "臺灣" not in reply
    assert "时" not in reply and "为" not in reply
    assert to_traditional("请发送短视频") == "請傳送短影片"
    assert to_traditional("请发送短视频", "HK") == "請發送短視頻"


def test_a_hong_kong_shopper_reads_hong_kongs_characters_and_name(
    engine: SuggestionEngine,
) -> None:
    reply = _reply(engine, "你好，請問寄到香港要幾多日？", "zh")
    assert writes_traditional(reply)
    assert "特別行政區" not in reply and "特别行政区" not in reply


def test_a_simplified_message_stays_simplified(engine: SuggestionEngine) -> None:
    reply = _reply(engine, "寄到上海要几天？", "zh")
    assert not writes_traditional(reply)


# --- receipt or invoice ------------------------------------------------------------------


def test_a_japanese_receipt_is_no_invoice_and_needs_no_company_details(
    engine: SuggestionEngine,
) -> None:
    text = "先週購入した分の領収書をお願いできますか？宛名は山田商店でお願いします"
    reply = _reply(engine, text, "ja", {"order_number": "J771", "order_status": "delivered"})
    assert "領収書" in reply and "請求書" not in reply
    assert "税番号" not in reply and "住所" not in reply
    assert "宛名は「山田商店」にて承りました" in reply  # the name it is made out to, confirmed
    # without a name to make it out to, only that is asked
    reply = _reply(engine, "領収書って出してもらえますか", "ja")
    assert "宛名" in reply and "税番号" not in reply


def test_an_invoice_asked_for_is_still_an_invoice() -> None:
    assert not asks_for_receipt("請求書を送ってください")
    assert not asks_for_receipt("can I get an invoice or a receipt?")
    assert asks_for_receipt("kann ich eine Quittung bekommen")
    assert receipt_wording("Gern schicken wir Ihnen die Rechnung.", "de", "Quittung bitte") == (
        "Gern schicken wir Ihnen die Quittung."
    )
    # French shops send a facture as the receipt: its word is kept
    assert receipt_wording("Votre facture.", "fr", "un reçu svp") == "Votre facture."


# --- faulty products -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("the kettle leaks at the bottom and the light blinks orange, is it under warranty?", "en"),
        ("Die Steckdosenleiste sprüht Funken wenn ich was einstecke", "de"),
        ("czajnik iskrzy przy włączaniu", "pl"),
    ],
)
def test_an_electrical_hazard_is_answered_stop_using_it_first(
    engine: SuggestionEngine, text: str, lang: str
) -> None:
    assert electrical_hazard(text)
    reply = _reply(engine, text, lang, {"order_number": "5530", "order_status": "delivered"})
    sentence = SAFETY[lang]
    assert sentence in reply, reply
    assert reply.index(sentence) < 120


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("il bollitore nuovo perde acqua dal fondo", "it"),
        ("届いた加湿器から水が漏れてきます", "ja"),
        ("电水壶底部漏水", "zh"),
        ("الغلاية تسرب ماء من تحت", "ar"),
        ("чайник протекает снизу", "ru"),
    ],
)
def test_the_faulty_product_answer_says_stop_using_a_leaking_appliance(
    engine: SuggestionEngine, text: str, lang: str
) -> None:
    # read as a faulty product (the reading itself is the classifier's business)
    reply, used = engine.render("product_defect", lang, {"order_number": "5530"})
    reply = addressed(reply, used, text)
    assert reply.split(SAFETY[lang])[0].count(".") + reply.split(SAFETY[lang])[0].count("。") <= 1


def test_no_hazard_no_safety_line() -> None:
    assert not electrical_hazard("the bottle leaks a bit")
    assert not electrical_hazard("the lamp doesn't turn on")
    assert with_safety("Sorry. Send a photo.", "en", "the lamp doesn't turn on") == (
        "Sorry. Send a photo."
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # blind set 5 #24 read "brauch" as "Rauch" (smoke) and told a shopper cancelling
        # a wool beanie to unplug it
        ("bitte bestellung 81733 stornieren, brauch ich nicht mehr. danke", "de"),
        ("nach kurzem Gebrauch flackert die Lampe", "de"),
        ("la crema idratante ha un buon profumo ma è finita", "it"),
        ("bonjour, le parfum est arrivé, merci", "fr"),
    ],
)
def test_words_that_only_contain_a_hazard_are_no_hazard(text: str, lang: str) -> None:
    assert not electrical_hazard(text)


def test_a_sparking_socket_is_not_a_good_question() -> None:
    reply = with_safety(
        "Good question! Tell us the country.", "en", "the plug sparks", intent="voltage_plug"
    )
    assert reply == f"{SAFETY['en']} Tell us the country."


def test_only_an_answer_about_a_faulty_item_says_unplug_it(engine: SuggestionEngine) -> None:
    text = "el hervidor echa humo, quiero cancelar el otro pedido"
    assert electrical_hazard(text)
    assert with_safety("Hola. Cancelamos.", "es", text, intent="cancel_order") == (
        "Hola. Cancelamos."
    )
    assert SAFETY["es"] in with_safety(
        "Hola. Envíanos una foto.", "es", text, intent="product_defect"
    )
    s = engine.suggest(
        "bitte bestellung 81733 stornieren, brauch ich nicht mehr. danke",
        lang_hint="de",
        variables={"order_number": "81733", "order_status": "processing"},
    )
    assert s.reply is not None and SAFETY["de"] not in s.reply, s.reply


@pytest.mark.parametrize(
    ("text", "lang", "offer"),
    [
        ("the blender stopped working after 2 days", "en", "replacement or a refund"),
        ("开关按了没反应，坏了", "zh", "换货或退款"),
        ("la lampe ne s'allume plus", "fr", "remplacement ou un remboursement"),
        ("Der Föhn geht nicht mehr an", "de", "Ersatz oder eine Erstattung"),
        ("ラジオの電源が入りません", "ja", "交換または返金"),
    ],
)
def test_a_faulty_product_is_offered_a_replacement_or_a_refund(
    engine: SuggestionEngine, text: str, lang: str, offer: str
) -> None:
    reply = _reply(engine, text, lang, {"order_number": "7001", "order_status": "delivered"})
    assert offer in reply, reply
    # the message describes the fault: it is not asked for again
    for asked in (
        "doesn't describe",
        "还没描述",
        "ne décrit pas",
        "noch nicht beschreibt",
        "お書きでない",
    ):
        assert asked not in reply
