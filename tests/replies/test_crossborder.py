from __future__ import annotations

import pytest

from replies.crossborder import MAINS, plug_advice, size_advice


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Do you have these sneakers in EU 42?", ["EU 42 ≈", "US 9 (men)", "UK 8", "JP 27 cm"]),
        ("I wear US 9 shoes", ["US 9 (men) ≈", "EU 42", "UK 8"]),
        ("US women's 8 in boots please", ["US 8 (women)", "EU 39"]),
        ("普段は26.5cmの靴です", ["JP 26.5 cm ≈", "EU 41"]),
        ("what size M is in Europe?", ["M (women) ≈", "EU 40-42", "UK 12-14"]),
        ("men size L", ["L (men) ≈", "EU 52-54"]),
        ("UK 12 dress", ["M (women)"]),
    ],
)
def test_states_converted_sizes(text: str, expected: list[str]) -> None:
    advice = size_advice(text, "en")
    assert advice is not None
    for part in expected:
        assert part in advice


def test_no_size_no_advice() -> None:
    assert size_advice("where is my order 12345?", "en") is None


def test_size_labels_follow_the_language() -> None:
    assert "(mujer)" in (size_advice("talla US W8 zapatos", "es") or "")


def test_plug_advice_for_known_countries() -> None:
    assert plug_advice("jp", "en") == "🇯🇵 JP: 100 V, 50/60 Hz, plug type A/B"
    assert plug_advice("UK", "de") == "🇬🇧 GB: 230 V, 50 Hz, Steckertyp G"
    assert plug_advice("ZZ", "en") is None and plug_advice(None, "en") is None


def test_country_table_is_broad_and_well_formed() -> None:
    assert len(MAINS) >= 60
    for code, (volts, hertz, plugs) in MAINS.items():
        assert len(code) == 2 and code.isupper()
        assert volts[0].isdigit() and hertz[0].isdigit()
        assert all(p in "ABCDEFGHIJKLMNO" for p in plugs.split("/"))
