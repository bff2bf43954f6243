from __future__ import annotations

import pytest

from replies.render import render


def test_fills_known_variables() -> None:
    text = render(
        "Hi {shopper_name}, order {order_number} ships with {carrier}.",
        "en",
        {"shopper_name": "Ana", "order_number": "#A1", "carrier": "DHL"},
    )
    assert text == "Hi Ana, order #A1 ships with DHL."


@pytest.mark.parametrize(
    ("language", "template", "expected"),
    [
        (
            "en",
            "Hi {shopper_name}, we got order {order_number}. It ships with {carrier}.",
            "Hi, we got order. It ships with the carrier.",
        ),
        (
            "pt",
            "Olá, {shopper_name}! Recebemos o pedido #{order_number}.",
            "Olá! Recebemos o pedido.",
        ),
        (
            "es",
            "Hola, {shopper_name}: hemos recibido tu pedido.",
            "Hola, hemos recibido tu pedido.",
        ),
        (
            "ja",
            "{shopper_name}様、ご注文{order_number}のキャンセルを承りました。",
            "お客様、ご注文のキャンセルを承りました。",
        ),
        ("ko", "{shopper_name}님, 안녕하세요.", "고객님, 안녕하세요."),
        ("zh", "{shopper_name}，您好！订单{order_number}已取消。", "您好！订单已取消。"),
        (
            "fr",
            "Suivi (numéro {tracking_number}) chez {carrier}.",
            "Suivi (numéro) chez le transporteur.",
        ),
        (
            "de",
            "Wir sind {support_hours} erreichbar.",
            "Wir sind während unserer Geschäftszeiten erreichbar.",
        ),
    ],
)
def test_unknown_values_are_dropped_or_neutral(language: str, template: str, expected: str) -> None:
    assert render(template, language, {}) == expected


def test_never_leaves_a_placeholder_and_keeps_literal_braces() -> None:
    text = render("{{literal}} {store_name} {delivery_estimate} {size_advice}", "it", None)
    assert "{literal}" in text and "{store_name}" not in text and "{size_advice}" not in text
    assert "il nostro negozio" in text


def test_empty_value_counts_as_unknown() -> None:
    assert render("Hi {shopper_name}, hello", "en", {"shopper_name": "  "}) == "Hi, hello"


@pytest.mark.parametrize(
    "template",
    [
        "شكرًا على رسالتك يا {shopper_name}! فريقنا غير متاح الآن.",
        "العفو يا {shopper_name}! راسلنا في أي وقت.",
    ],
)
def test_an_arabic_vocative_goes_with_a_missing_name(template: str) -> None:
    """Regression: without a name, "يا {shopper_name}!" left a dangling "يا!"."""
    text = render(template, "ar", {})
    assert "يا" not in text.split() and "{" not in text
    assert render(template, "ar", {"shopper_name": "ليلى"}).count("يا ليلى") == 1
