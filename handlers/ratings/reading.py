"""Reading a shopper's answer to the rating question: a score 1-5 and what they wrote
beside it, or None when the message is not a rating. Pure, no I/O.

The score leads the message, as a digit in any script (ASCII, Arabic-Indic "٤", Persian
"۴", full-width "４", Devanagari...: Unicode's decimal digits), as a Chinese or Japanese
numeral ("五", "4点", "三つ星"), or as stars ("⭐⭐⭐", "★★★★☆"). What follows is the
comment, after any "/5", "out of 5"-style denominator and separator::

    read_rating("4 muy bien")      # Reading(4, "muy bien")
    read_rating("3 - slow")        # Reading(3, "slow")
    read_rating("٥")               # Reading(5, None)
    read_rating("10/10")           # None: not 1-5
    read_rating("where is #1234?") # None: a normal message

A digit glued to a word ("5kg", "2nd") or part of a bigger number ("12", "4.5") is no
score: the message goes to staff as usual.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LOWEST, HIGHEST = 1, 5
_STARS = frozenset("⭐★🌟")
_EMPTY_STARS = frozenset("☆✩")
_CJK_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
# "/5", "/ 5", "out of 5" and what CJK writers put after the number ("4点", "五つ星", "5분")
_DENOMINATOR = re.compile(r"\s*(?:/|out of|de|sur|von|su|z|из|üzerinden)\s*5\b", re.I)
_CJK_UNIT = re.compile(r"(?:つ星|颗星|顆星|点|分|星|점)")
_SEPARATORS = " \t\n-–—:,.;!)/|~*"


@dataclass(frozen=True)
class Reading:
    score: int
    comment: str | None


def read_rating(text: str) -> Reading | None:
    """The rating ``text`` gives, or None when it gives none (see the module's docstring)."""
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        return None
    stars = _stars(text)
    if stars is not None:
        score, rest = stars
    else:
        number = _leading_number(text)
        if number is None:
            return None
        score, rest = number
        rest = _DENOMINATOR.sub("", rest, count=1) if _DENOMINATOR.match(rest) else rest
        if (unit := _CJK_UNIT.match(rest)) is not None:
            rest = rest[unit.end() :]
        elif rest and _glued(rest[0]):
            return None  # "5kg", "2nd", "12", "4.5" (a digit after the dot)
        rest = _after_stars(rest)
    if not LOWEST <= score <= HIGHEST:
        return None
    comment = rest.lstrip(_SEPARATORS).strip()
    return Reading(score, comment or None)


def _stars(text: str) -> tuple[int, str] | None:
    """A run of stars at the start (empty stars after it do not count)."""
    count = 0
    for char in text:
        if char in _STARS:
            count += 1
        elif char != "\ufe0f":  # the emoji variation selector after "⭐"
            break
    if not count:
        return None
    rest = text.lstrip("".join(_STARS) + "\ufe0f")
    return count, rest.lstrip("".join(_EMPTY_STARS))


def _after_stars(rest: str) -> str:
    """ "5⭐ great", "4 ★ ok": stars after the number only repeat it."""
    return rest.lstrip(" ").lstrip("".join(_STARS | _EMPTY_STARS) + "\ufe0f")


def _leading_number(text: str) -> tuple[int, str] | None:
    """The leading run of decimal digits (any script) or one CJK numeral, and the rest."""
    end = 0
    while end < len(text) and unicodedata.decimal(text[end], None) is not None:
        end += 1
    if end:
        if end > 1:
            return 0, text[end:]  # "12", "١٠": never 1-5
        rest = text[end:]
        if rest[:1] in ".,":  # "4.5", "3,5": a decimal number, not a score
            if rest[1:2] and unicodedata.decimal(rest[1], None) is not None:
                return None
        return unicodedata.decimal(text[0]), rest
    if text[0] in _CJK_NUMERALS:
        rest = text[1:]
        # "一般" (average), "三月" (March): only alone, before a unit or a separator
        if rest and not _CJK_UNIT.match(rest) and rest[0] not in _SEPARATORS + "，。、！":
            return None
        return _CJK_NUMERALS[text[0]], rest
    return None


def _glued(char: str) -> bool:
    """A letter or digit right after the score makes it part of a word or a number, in
    the scripts that separate words with spaces; Chinese, Japanese and Korean do not, so
    "5很好" is a 5 with a comment."""
    if not char.isalnum():
        return False
    name = unicodedata.name(char, "")
    return not name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))
