"""The store's return window (``shipping.returns.window_days``): read from the desk file with
the file and line of a mistake, and said in every return answer in the shopper's language
with the right plural (sendability set 4 #22: "quanti giorni ho per fare il reso?")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.desk import load_desk
from bot.errors import ConfigError
from replies.facts.country import LANGUAGES
from replies.facts.refund_amount import refund_amount
from replies.facts.return_window import return_window, window_days, window_end
from replies.facts.returns import return_postage
from replies.facts.terms import ReturnPostage, ShippingTerms

WINDOW = """\
shipping:
  returns:
    postage: shopper_unless_faulty
    exchanges: true
    window_days: {days}
"""


def _desk(tmp_path: Path, days: object) -> Path:
    path = tmp_path / "desk.yaml"
    path.write_text(WINDOW.format(days=days), encoding="utf-8")
    return path


def test_the_window_is_read_beside_the_other_return_terms(tmp_path: Path) -> None:
    shipping = load_desk(_desk(tmp_path, 30)).shipping
    assert window_days(shipping) == 30
    assert shipping.returns.postage is ReturnPostage.SHOPPER_UNLESS_FAULTY
    assert shipping.returns.exchanges is True


def test_without_a_window_nothing_is_said(tmp_path: Path) -> None:
    path = tmp_path / "desk.yaml"
    path.write_text("shipping:\n  returns:\n    postage: store\n", encoding="utf-8")
    shipping = load_desk(path).shipping
    assert window_days(shipping) is None
    assert return_window(shipping, "it") == ""
    assert return_postage(shipping, "it") == "Le spese di reso sono a carico nostro."


@pytest.mark.parametrize("days", ["30 days", 0, 400, "true", 14.5])
def test_a_wrong_window_names_the_file_line_and_key(tmp_path: Path, days: object) -> None:
    with pytest.raises(ConfigError, match=r"desk\.yaml:5: shipping\.returns\.window_days"):
        load_desk(_desk(tmp_path, days))


@pytest.mark.parametrize(
    ("language", "days", "sentence"),
    [
        ("it", 30, "Hai 30 giorni dalla consegna per restituire un articolo."),
        ("en", 14, "You can send items back within 14 days of delivery."),
        ("de", 1, "Sie können Artikel innerhalb von 1 Tag nach der Zustellung zurückschicken."),
        ("ru", 30, "На возврат товара у вас есть 30 дней со дня доставки."),
        ("ru", 21, "На возврат товара у вас есть 21 день со дня доставки."),
        ("ru", 14, "На возврат товара у вас есть 14 дней со дня доставки."),
        ("pl", 14, "Na zwrot produktu masz 14 dni od doręczenia."),
        ("ar", 30, "يمكنك إرجاع المنتجات خلال 30 يومًا من تاريخ التسليم."),
        ("ar", 7, "يمكنك إرجاع المنتجات خلال 7 أيام من تاريخ التسليم."),
        ("ja", 30, "商品はお届けから30日以内であれば返品いただけます。"),
    ],
)
def test_the_window_is_said_with_the_numbers_plural(
    tmp_path: Path, language: str, days: int, sentence: str
) -> None:
    shipping = load_desk(_desk(tmp_path, days)).shipping
    assert return_window(shipping, language) == sentence
    # said first in the return answer's terms sentence, before who pays the postage
    assert return_postage(shipping, language).startswith(sentence)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_says_the_window(tmp_path: Path, language: str) -> None:
    shipping = load_desk(_desk(tmp_path, 30)).shipping
    sentence = return_window(shipping, language)
    assert "30" in sentence and "{" not in sentence and "  " not in sentence
    if language != "en":
        assert sentence != return_window(shipping, "en")


TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("language", "delivered", "said"),
    [
        ("it", date(2026, 11, 20), "fino al 20 dicembre"),
        ("it", date(2026, 11, 8), "dell'8 novembre, puoi restituirlo fino all'8 dicembre"),
        ("es", date(2026, 11, 20), "hasta el 20 de diciembre"),
        ("de", date(2026, 11, 20), "bis zum 20. Dezember"),
        ("pl", date(2026, 11, 20), "do 20 grudnia"),
        ("ja", date(2026, 11, 20), "12月20日まで"),
        ("ar", date(2026, 11, 20), "حتى 20 ديسمبر"),
        ("de", date(2026, 10, 1), "am 31. Oktober abgelaufen"),  # passed: the team checks
    ],
)
def test_the_last_day_is_counted_from_the_delivery(
    tmp_path: Path, language: str, delivered: date, said: str
) -> None:
    shipping = load_desk(_desk(tmp_path, 30)).shipping
    assert said in window_end(shipping, language, delivered, TODAY)
    # "how many days do I have?" is answered with it instead of "the team confirms"
    asked = refund_amount("quanti giorni ho per il reso?", language, terms=shipping,
                          delivered_on=delivered, today=TODAY)  # fmt: skip
    assert said in asked


def test_without_the_delivery_date_or_the_window_the_team_confirms_the_last_day(
    tmp_path: Path,
) -> None:
    shipping = load_desk(_desk(tmp_path, 30)).shipping
    assert window_end(shipping, "it", None, TODAY) == ""
    assert window_end(ShippingTerms(), "it", date(2026, 11, 20), TODAY) == ""
    answer = refund_amount("quanti giorni ho per il reso?", "it", terms=ShippingTerms(),
                           delivered_on=date(2026, 11, 20), today=TODAY)  # fmt: skip
    assert "ti confermeremo fino a quando" in answer


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_says_the_last_day(tmp_path: Path, language: str) -> None:
    shipping = load_desk(_desk(tmp_path, 30)).shipping
    for delivered in (date(2026, 11, 20), date(2026, 10, 1)):
        sentence = window_end(shipping, language, delivered, TODAY)
        assert sentence and "{" not in sentence and "  " not in sentence
        if language != "en":
            assert sentence != window_end(shipping, "en", delivered, TODAY)
