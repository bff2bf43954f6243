from __future__ import annotations

import pytest

from replies.language import has_words, make_detector, normalize_code, strip_noise

LANGS = "en es fr de it pt nl pl ru tr ja ko zh ar".split()


@pytest.fixture(scope="module", params=["lingua", "langdetect"])
def detector(request: pytest.FixtureRequest):
    return make_detector(request.param, LANGS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wo ist mein Paket? Es sollte gestern ankommen.", "de"),
        ("¿Dónde está mi pedido? Lo compré hace una semana.", "es"),
        ("Где моя посылка? Жду уже две недели.", "ru"),
        ("我的包裹什么时候到？", "zh"),
        ("注文した商品がまだ届きません。", "ja"),
        ("주문한 상품이 아직 안 왔어요", "ko"),
        ("أين طلبي؟ لم يصل بعد", "ar"),
    ],
)
def test_detects_sentences(detector, text: str, expected: str) -> None:
    assert detector.detect(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😀👍",
        "https://shop.example/p/123",
        "#A10293",
        "LX123456789CN",
        "12.05.2024 !!!",
        "??",
    ],
)
def test_unknown_without_language(detector, text: str) -> None:
    assert detector.detect(text, hint="de", history="fr") == "unknown"


def test_short_text_follows_hint_then_history() -> None:
    detector = make_detector("lingua", LANGS)
    assert detector.detect("ok", hint="pt-BR") == "pt"
    assert detector.detect("ok", hint="sv", history="fr") == "fr"  # sv not configured
    assert detector.detect("hola", hint="pt-br") == "pt"  # plausible in the hint language
    assert detector.detect("where is my order", hint="de") == "en"  # clearly not German
    assert detector.detect("Danke", hint="en") == "de"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("Hallo", "de"),
        ("Hallo!", "nl"),
        ("Hallo", "de-AT"),
        ("Dank je wel", "nl"),
        ("Bom dia!", "pt-BR"),
        ("Grüß Gott", "de"),
        ("Dzień dobry", "pl"),
        ("Merhaba", "tr"),
    ],
)
def test_one_word_greeting_in_the_hint_language_keeps_the_hint(text: str, hint: str) -> None:
    """Native review: "Hallo" from a German user got the English greeting (lingua scores
    it 0.31 English, 0.05 German)."""
    detector = make_detector("lingua", ["en", "es", "fr", "de", "it", "pt", "nl", "pl", "tr"])
    assert detector.detect(text, hint=hint) == normalize_code(hint)


def test_a_short_word_not_of_the_hint_language_is_still_detected() -> None:
    detector = make_detector("lingua", ["en", "es", "fr", "de", "it", "pt", "nl", "pl", "tr"])
    assert detector.detect("Danke", hint="en") == "de"
    assert detector.detect("Gracias", hint="en") == "es"
    assert detector.detect("Thanks", hint="es") == "en"
    assert detector.detect("Hallo, wo ist mein Paket?", hint="nl") == "de"


def test_restricted_to_configured_languages() -> None:
    detector = make_detector("lingua", ["en", "de"])
    assert detector.detect("Dónde está mi pedido, por favor") in {"en", "de"}
    assert make_detector("lingua", ["fr"]).detect("hello") == "fr"


def test_hint_codes_are_normalised() -> None:
    assert [normalize_code(c) for c in ("pt-br", "zh-hans", "en_US", "iw", "", None)] == [
        "pt",
        "zh",
        "en",
        "he",
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("name", "languages", "bad"),
    [
        ("fasttext", LANGS, "'fasttext'"),
        ("lingua", ["en", "xx"], "'xx'"),
        ("lingua", ["english"], "'english'"),
        ("langdetect", ["en", "eo"], "'eo'"),
    ],
)
def test_bad_settings_are_named(name: str, languages: list[str], bad: str) -> None:
    with pytest.raises(ValueError, match=bad):
        make_detector(name, languages)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("注文番号52017の荷物がまだ届きません。メールはyuki.t@example.jpです", "荷物が"),
        ("我的邮箱是li.wei@example.cn谢谢", "我的邮箱是"),
        ("메일은mina.k@example.kr입니다 배송 언제 와요", "배송 언제 와요"),
    ],
)
def test_an_email_written_inside_cjk_text_does_not_swallow_the_message(
    text: str, kept: str
) -> None:
    """The bug: the e-mail pattern ran from the message's first character to its last when
    the address was written without spaces inside Japanese, so the whole message was
    "noise", nothing was read and no suggestion was made."""
    assert has_words(text)
    assert kept in strip_noise(text)
    assert "example" not in strip_noise(text)
