"""Sizes: a weight is no size, slippers are shoes, and the women's EU column is the one EU
shops print (blind set 5 #68, #52, #48; probes written for this file).

- "163에 55kg이고 평소 66 입어요" was answered as a Korean size 55 (S): 55 kg is her weight,
  66 the size she wears (M).
- "тапочки, 39 российский" got a women's clothing chart: slippers are shoes, RU 39 = EU 40.
- A woman's M was given as "EU 40-42", the French numbering; German and most EU shops
  print 38-40 for it (US 8 = UK 12 = EU 38 = FR 40).
"""

from __future__ import annotations

import pytest

from replies.facts.sizes import size_advice


@pytest.mark.parametrize(
    ("text", "language", "says", "not_says"),
    [
        ("저 160에 66kg인데 평소 77 입어요, 코트 뭐 사야돼요?", "ko", "KR 77", "KR 66"),
        ("니트 추천해주세요 48kg 평소 44 입어요", "ko", "KR 44", "KR 48"),
        ("тапочки какой размер брать, у меня 38 российский", "ru", "EU 39", "IT "),
        ("pantoufles en 39, ça fait quoi en taille US ?", "fr", "EU 39", "FR/ES"),
    ],
)
def test_weights_are_not_sizes_and_slippers_are_shoes(
    text: str, language: str, says: str, not_says: str
) -> None:
    advice = size_advice(text, language, None)
    assert says in advice and not_says not in advice, advice


def test_a_womans_m_is_eu_38_to_40() -> None:
    advice = size_advice("what is a womens M in european sizes?", "en", None)
    assert "EU 38-40" in advice and "UK 12-14" in advice, advice
