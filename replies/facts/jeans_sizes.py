"""Jeans sizes: a waist in inches (W) and an inside leg length (L), as shoppers write
them ("W28 L32", "W 30 / L 34", "28/32", "28x30", "jeansy w rozmiarze 28", "taille 28 en
jean", "청바지 28", "牛仔裤28码", "waist 32"), converted to the EU size and the letter.

- Men's jeans: the EU size is the waist in inches plus 16 (W32 = EU 48, an M; an odd
  waist lies between two: W31 = EU 46-48), the rule of the usual men's charts; the
  letter is the one the general chart (``sizes``) gives that EU size.
- Women's jeans: a waist size is a US misses size (W25 = US 0, W26 = 2, W27 = 4, W28 = 6,
  W29 = 8, W30 = 10 ..., as Levi's and the usual women's jeans charts number them, with
  their letters: W27-28 S, W29-30 M), and the US size is converted with the women's dress
  chart (``clothing_sizes``: US 6 = UK 10 = EU 36).
- L is the inside leg in inches: L32 is 81 cm.

    jeans_advice("jaki to rozmiar europejski W28 L32? jeansy damskie", "pl", women=True)
    # "W28 L32 (damskie) ≈ EU 36 · US 6 · UK 10 · S. L32 to długość nogawki po
    #  wewnętrznej stronie: 81 cm."
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replies.facts.clothing_sizes import dress_row
from replies.facts.names import sentences
from replies.facts.shoe_sizes import LABELS, stop

_JEANS = re.compile(
    r"jean|denim|vaquero|tejano|dżins|dzins|джинс|kot pantolon|kot\b|ジーンズ|デニム|청바지|"
    r"牛仔裤|جينز|spijkerbroek",
    re.IGNORECASE,
)
# "W28 L32", "w 30/l 34", "W28xL30", "W32"
# (a small "w" only right before the number: the Polish "w 30 dni" is "in 30 days")
_WAIST_LENGTH = re.compile(
    r"(?<![A-Za-z])(?:W\s*|w)(2[3-9]|3\d|4[0-6])(?:\s*[/x×,-]?\s*[Ll]\s*(2[6-9]|3[0-8]))?(?!\d)"
)
# "28/32", "30x34", "28 / 30" (with a jeans word in the message)
_PAIR = re.compile(r"(?<![\d.,/])(2[3-9]|3\d|4[0-4])\s*[/x×]\s*(2[6-9]|3[0-8])(?![\d/]|[.,]\d)")
# "waist 32", "cintura 30", "tour de taille 30 pouces", "Bundweite 32", "허리 28", "腰围28"
_WAIST_WORD = re.compile(
    r"(?:waist|cintura|tour de taille|bundweite|(?<![a-zäöü])weite|vita|talia|талия|bel|"
    r"ウエスト|허리|腰围|الخصر|خصر)\s*[:：]?\s*(2[3-9]|3\d|4[0-4])(?![\d.,]?\d)",
    re.IGNORECASE,
)
_BARE = re.compile(r"(?<![\d.,/A-Za-z])(2[3-9]|3\d|40)(?![\d.,]?\d|\s*(?:cm|mm|см|/))")
_IN_CM_OR_SYSTEM = re.compile(r"(?:EU|EUR|FR|IT|DE|UK|US)\s*$|(?:cm|см)", re.IGNORECASE)

# Women's waist sizes as US misses sizes, with their letters
_WOMEN = {25: (0, "XS"), 26: (2, "XS"), 27: (4, "S"), 28: (6, "S"), 29: (8, "M"),
          30: (10, "M"), 31: (12, "L"), 32: (14, "L"), 33: (16, "XL"), 34: (18, "XL")}  # fmt: skip
# Men's EU sizes (waist + 16) and their letters, from the general men's chart
_MEN_LETTERS = ((45, "XS"), (47, "S"), (51, "M"), (55, "L"), (57, "XL"), (60, "XXL"))

_LEG = {
    "en": "L{length} is the inside leg length: {cm} cm.",
    "es": "L{length} es el largo de entrepierna: {cm} cm.",
    "fr": "L{length} correspond à la longueur d'entrejambe : {cm} cm.",
    "de": "L{length} ist die Schrittlänge (Innenbeinlänge): {cm} cm.",
    "it": "L{length} indica la lunghezza interna della gamba: {cm} cm.",
    "pt": "L{length} é o comprimento interno da perna: {cm} cm.",
    "nl": "L{length} is de binnenbeenlengte: {cm} cm.",
    "pl": "L{length} to długość nogawki po wewnętrznej stronie: {cm} cm.",
    "ru": "L{length} — это длина по внутреннему шву брючины: {cm} см.",
    "tr": "L{length} iç bacak boyudur: {cm} cm.",
    "ja": "L{length}は股下の長さで、{cm}cmです。",
    "ko": "L{length}(인심, 안쪽 다리 길이)는 {cm}cm입니다.",
    "zh": "L{length}指裤子内长（裆底到裤脚），约{cm}厘米。",
    "ar": "أما L{length} فهو طول الساق من الداخل: {cm} سم.",
}


@dataclass(frozen=True)
class Jeans:
    """A jeans size: the waist in inches and the length (0 when not given)."""

    waist: int
    length: int


# A waist in Chinese feet and inches ("腰围2尺2", "两尺三"): the jeans charts of Chinese
# shops give 2尺1 = W28, 2尺2 = W29, 2尺3 = W30 ... (the cun, tenths of a chi, plus 7)
_CHI = re.compile(r"([12两二])\s*尺\s*([0-9一二三四五六七八九])?")
_CHINESE_DIGITS = {"两": 2, "二": 2, "一": 1, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                   "八": 8, "九": 9}  # fmt: skip


def _digit(text: str | None) -> int:
    if not text:
        return 0
    return int(text) if text.isdigit() else _CHINESE_DIGITS[text]


def jeans_size(text: str, women: bool | None) -> Jeans | None:
    """The jeans size written in ``text``: W/L, or a waist number with a jeans word."""
    if match := _WAIST_LENGTH.search(text):
        return Jeans(int(match.group(1)), int(match.group(2) or 0))
    if (match := _CHI.search(text)) and re.search(r"腰|裤", text):
        waist = _digit(match.group(1)) * 10 + _digit(match.group(2)) + 7
        if 24 <= waist <= 40:
            return Jeans(waist, 0)
    if match := _WAIST_WORD.search(text):
        if not re.match(r"\s*(?:cm|см)", text[match.end() :], re.IGNORECASE):
            return Jeans(int(match.group(1)), 0)
    if not _JEANS.search(text):
        return None
    if match := _PAIR.search(text):
        return Jeans(int(match.group(1)), int(match.group(2)))
    # a bare number: a waist in inches up to 31 (a women's EU jeans size starts at 32),
    # up to 40 for men (a men's EU size starts at 44)
    highest = 40 if women is False else 31
    for match in _BARE.finditer(text):
        if _IN_CM_OR_SYSTEM.search(text[max(0, match.start() - 4) : match.start()]):
            continue
        if re.match(r"\s*(?:cm|см|mm)", text[match.end() :], re.IGNORECASE):
            continue
        if int(match.group(1)) <= highest:
            return Jeans(int(match.group(1)), 0)
    return None


def _line(jeans: Jeans, language: str, women: bool) -> str | None:
    label = LABELS.get(language, LABELS["en"])[1 if women else 0]
    written = f"W{jeans.waist}" + (f" L{jeans.length}" if jeans.length else "")
    if women:
        if jeans.waist not in _WOMEN:
            return None
        us, letter = _WOMEN[jeans.waist]
        row = dress_row("US", us)
        if row is None:
            return None
        sizes = f"EU {row['EU']} · US {us} · UK {row['UK']} · {letter}"
    else:
        # an odd waist falls between two (even) EU sizes: W31 = EU 46-48
        eu = jeans.waist + 16
        letter = next((name for top, name in _MEN_LETTERS if eu <= top), None)
        if letter is None or jeans.waist < 27:
            return None
        sizes = f"EU {eu} · {letter}" if eu % 2 == 0 else f"EU {eu - 1}-{eu + 1} · {letter}"
    return f"{written} ({label}) ≈ {sizes}{stop(language)}"


def jeans_advice(jeans: Jeans, language: str, women: bool | None) -> str | None:
    """The jeans size in EU numbers and letters (men's or women's as said, else both)
    and what L is; None when the waist is off the charts."""
    lang = language if language in _LEG else "en"
    lines = [_line(jeans, lang, w) for w in ((False, True) if women is None else (women,))]
    found = [line for line in lines if line]
    if not found:
        return None
    if jeans.length:
        found.append(_LEG[lang].format(length=jeans.length, cm=round(jeans.length * 2.54)))
    return sentences(lang, *found)
