"""Countries named the way shoppers write them: two-character names in Chinese, Japanese
and Korean, special regions by their short names, inflected and unaccented forms.

Sendability check (2026-12-07): "寄到香港要多久？" named no country the reader knew (CLDR
calls it "中国香港特别行政区"), and every two-character name ("美国", "미국") was skipped.
"""

from __future__ import annotations

import pytest

from replies.facts.country import country_in_text, shopper_country


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("寄到美国要多久？", "US"),
        ("寄到台湾要几天", "TW"),
        ("寄到香港要多久？", "HK"),
        ("澳門可以寄嗎", "MO"),
        ("香港に送れますか", "HK"),
        ("미국으로 배송 되나요?", "US"),
        ("독일에서도 쓸 수 있어요?", "DE"),
        ("홍콩 배송 얼마나 걸려요", "HK"),
        ("ship to Hong Kong?", "HK"),
        ("доставка в Гонконг", "HK"),
        ("Доставляете в США?", "US"),
        ("а в Польшу сколько идёт?", "PL"),
        ("wysyłacie do Austrii?", "AT"),
        ("ile idzie paczka do Kanady", "CA"),
        ("Hoe lang duurt verzending naar Belgie?", "BE"),
        ("cuanto tarda el envio a espana", "ES"),
        ("kurier chce 23 zł cła, mieszkam w Warszawie", "PL"),
        ("я живу в Москве", "RU"),
        ("Czy ta suszarka zadziała w Wielkiej Brytanii?", "GB"),
        ("mieszkam we Włoszech", "IT"),
        ("Будет ли работать фен в Великобритании?", "GB"),
        ("а во Франции?", "FR"),
        # the Canary Islands are outside the EU's VAT area: their own code, not Spain's
        ("¿hacéis envíos a Tenerife?", "IC"),
        ("envío a Canarias", "IC"),
        ("vivo en Madrid", "ES"),
    ],
)
def test_names_as_shoppers_write_them(text: str, code: str) -> None:
    assert country_in_text(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "沿海地区的配送要多久",  # holds "海地" (Haiti)
        "内蒙古能送吗",  # a Chinese region, not Mongolia
        "수단과 방법을 가리지 않고",  # "수단" = a means, not Sudan
        "가봉 후에 수선 가능한가요",  # a tailor's fitting, not Gabon
        "チリソースは辛いですか",  # chili sauce, not Chile
        "send us the photo",
    ],
)
def test_words_that_hold_a_short_name_name_no_country(text: str) -> None:
    assert country_in_text(text) is None


def test_a_longer_name_wins_over_the_short_one_inside_it() -> None:
    assert country_in_text("中国香港特别行政区") == "HK"
    assert country_in_text("印度尼西亚能寄吗") == "ID"


def test_the_message_is_the_last_source() -> None:
    found = shopper_country(order_country="JP", text="寄到美国要多久？")
    assert found is not None and (found.code, found.source) == ("JP", "order")
