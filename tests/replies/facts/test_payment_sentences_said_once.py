"""Payment answers name each method as the shopper's language does and say a sentence once.

Sendability set 3: "Klarna: our team will let you know ... iDEAL: our team will let you
know ..." printed the same sentence twice (#28), with the brand spelt "IDEAL"; a Chinese
shopper read the same sentence twice too, and "Alipay" in English for 支付宝 (#52).
Fresh probes, written for this test in several languages.
"""

from __future__ import annotations

import pytest

from replies.facts.country import LANGUAGES
from replies.facts.payments import method_name, payment_answer
from replies.facts.terms import ShippingTerms, parse_shipping

UNLISTED = parse_shipping({})
LISTED = parse_shipping({"payment_methods": ["card", "paypal"]})


@pytest.mark.parametrize("terms", [UNLISTED, LISTED], ids=["unlisted", "listed"])
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kan ik bij jullie betalen met Klarna of met iDEAL?", "nl"),
        ("我在香港，可以用支付宝或者微信支付付款吗？", "zh"),
        ("Czy mogę zapłacić BLIKIEM albo przez Przelewy24?", "pl"),
        ("Do you take Apple Pay or Google Pay?", "en"),
        ("¿Aceptáis Bizum o transferencia bancaria?", "es"),
    ],
)
def test_methods_with_the_same_answer_share_one_sentence(
    text: str, language: str, terms: ShippingTerms
) -> None:
    answer = payment_answer(text, language, terms)
    sentences = [s for s in answer.replace("。", ".").split(".") if s.strip()]
    assert len(sentences) == len(set(sentences)), answer
    assert answer.count(":") + answer.count("：") <= 2, answer


def test_brands_keep_their_spelling_at_the_start_of_a_sentence() -> None:
    answer = payment_answer("kan ik met iDEAL betalen?", "nl", UNLISTED)
    assert answer.startswith("iDEAL") and "IDEAL" not in answer


@pytest.mark.parametrize(
    ("method", "language", "name"),
    [
        ("alipay", "zh", "支付宝"),
        ("wechat_pay", "zh", "微信支付"),
        ("alipay", "ko", "알리페이"),
        ("alipay", "en", "Alipay"),
        ("ideal", "nl", "iDEAL"),
    ],
)
def test_a_brand_is_written_as_the_language_writes_it(
    method: str, language: str, name: str
) -> None:
    assert method_name(method, language) == name


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_latin_alipay_in_a_chinese_reply_and_every_language_answers(language: str) -> None:
    answer = payment_answer("alipay? 支付宝?", language, UNLISTED)
    assert answer
    if language == "zh":
        assert "Alipay" not in answer and "支付宝" in answer
