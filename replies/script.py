"""A Chinese message written in traditional characters gets its answer in traditional
characters.

The library's Chinese is simplified, as written in mainland China and Singapore; a
shopper in Taiwan, Hong Kong or Macao writes traditional characters and reads "台湾",
"时效" as the wrong script (sendability set 4 #62, issue 15). OpenCC converts the filled
reply: with Taiwan's wording where it differs ("影片", "聯絡", "資訊", its "s2twp"
profile) for Taiwan and a shopper whose region is not known, with Hong Kong's characters
("s2hk") for Hong Kong and Macao. Taiwan writes "台灣", "台北" in daily use, not OpenCC's
formal "臺".

The message's script decides: it is traditional when it has more characters that only
traditional writing uses ("灣", "們", "時") than ones only simplified writing uses ("湾",
"们", "时"). A message with none of either ("你好", pinyin) is answered in traditional
characters only when the shopper is known to be in Taiwan, Hong Kong or Macao, or their
app's language is traditional Chinese ("zh-Hant").

    in_shoppers_script("寄往台湾需要7至14个工作日。", "zh", "請問寄到台灣要多久？", {})
    # "寄往台灣需要7至14個工作日。"
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import cache
from typing import Any

from replies.facts.fill import where_is_shopper

logger = logging.getLogger(__name__)

TRADITIONAL_REGIONS = frozenset({"TW", "HK", "MO"})
# Hong Kong's and Macao's characters; Taiwan's characters and wording everywhere else.
_PROFILE = {"HK": "s2hk", "MO": "s2hk"}
_DEFAULT_PROFILE = "s2twp"
# Taiwan's everyday forms where OpenCC's Taiwan profile writes the formal or the
# mainland's ones.
_TAIWAN_WORDS = (
    ("臺", "台"),
    ("結賬", "結帳"),
    ("賬戶", "帳戶"),
    ("賬號", "帳號"),
    ("賬單", "帳單"),
    ("郵箱", "信箱"),
    ("質量", "品質"),
)


# Where OpenCC reads our simplified words wrong, in Taiwan and Hong Kong alike: a size
# chart is no watch (錶), a card issuer no hair (髮), "并发给我" is "and send us", not
# concurrency (併發); 联系 and 回复 have their traditional forms 聯繫 and 回覆.
_MISREAD = (
    ("尺碼錶", "尺碼表"),
    ("髮卡", "發卡"),
    ("併發", "並發"),
    ("聯系", "聯繫"),
    ("回複", "回覆"),
)

# The locale data's formal names of Hong Kong and Macao, as their people write them.
_PLACE_NAMES = (("中國香港特別行政區", "香港"), ("中國澳門特別行政區", "澳門"))


@cache
def _converter(profile: str) -> Any | None:
    """OpenCC's converter for ``profile``, or None (logged once) when it is not installed."""
    try:
        import opencc
    except ImportError:  # pragma: no cover - a dependency of the project
        logger.warning("opencc is not installed: Chinese replies stay in simplified characters")
        return None
    return opencc.OpenCC(profile)


def script_counts(text: str) -> tuple[int, int]:
    """How many characters of ``text`` only traditional writing uses, and how many only
    simplified writing uses."""
    to_simplified, to_traditional = _converter("t2s"), _converter("s2hk")
    if to_simplified is None or to_traditional is None:
        return 0, 0
    return _changed(text, to_simplified.convert(text)), _changed(text, to_traditional.convert(text))


def writes_traditional(text: str, region: str | None = None) -> bool:
    """Whether a Chinese message is written in traditional characters; a message that
    shows neither script is counted as traditional when the shopper's ``region`` writes it."""
    traditional, simplified = script_counts(text)
    if traditional or simplified:
        return traditional > simplified
    return region in TRADITIONAL_REGIONS


def to_traditional(text: str, region: str | None = None) -> str:
    """Simplified ``text`` in traditional characters, as ``region`` writes them."""
    profile = _PROFILE.get(region or "", _DEFAULT_PROFILE)
    converter = _converter(profile)
    if converter is None:
        return text
    converted = converter.convert(text)
    for formal, everyday in _PLACE_NAMES:
        converted = converted.replace(formal, everyday)
    for wrong, right in _MISREAD:
        converted = converted.replace(wrong, right)
    if profile == _DEFAULT_PROFILE:
        for formal, everyday in _TAIWAN_WORDS:
            converted = converted.replace(formal, everyday)
    return converted


def in_shoppers_script(
    reply: str,
    language: str,
    text: str,
    values: Mapping[str, str],
    *,
    country: str | None = None,
    language_code: str | None = None,
) -> str:
    """A Chinese ``reply`` in traditional characters when the message ``text`` is written
    in them; every other reply as it is."""
    if language != "zh" or not reply:
        return reply
    where = where_is_shopper(text, values, country=country, language_code=language_code)
    region = where.code if where else None
    hant = (language_code or "").lower().replace("_", "-").startswith("zh-hant")
    if not writes_traditional(text, region or ("TW" if hant else None)):
        return reply
    return to_traditional(reply, region)


def _changed(text: str, converted: str) -> int:
    """How many characters a conversion changed, position by position (OpenCC converts
    character for character, phrases included)."""
    return sum(1 for a, b in zip(text, converted, strict=False) if a != b)
