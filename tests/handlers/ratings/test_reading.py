"""Reading a shopper's answer to the rating question: the score leads, in any script's
digits or as stars, and the rest is the comment; anything else is no rating."""

from __future__ import annotations

import pytest

from handlers.ratings.reading import Reading, read_rating


@pytest.mark.parametrize(
    ("text", "score", "comment"),
    [
        ("5", 5, None),
        ("4 great service", 4, "great service"),
        ("⭐⭐⭐", 3, None),
        ("★★★★☆ ok", 4, "ok"),
        ("3 - slow", 3, "slow"),
        ("4 muy bien", 4, "muy bien"),
        ("4/5 nice", 4, "nice"),
        ("4 out of 5, nice", 4, "nice"),
        ("4 sur 5", 4, None),
        ("5⭐ great", 5, "great"),
        ("٤ جيد", 4, "جيد"),  # Arabic-Indic digit
        ("۵", 5, None),  # Persian digit
        ("４", 4, None),  # full-width, as Japanese and Chinese keyboards type it
        ("１ 最悪", 1, "最悪"),
        ("5很好", 5, "很好"),  # no space needed where words have none
        ("4点", 4, None),
        ("五", 5, None),
        ("三つ星", 3, None),
        ("  2: the parcel came late  ", 2, "the parcel came late"),
    ],
)
def test_a_rating_in_any_script(text: str, score: int, comment: str | None) -> None:
    assert read_rating(text) == Reading(score, comment)


@pytest.mark.parametrize(
    "text",
    ["", "10/10", "0", "6", "4.5", "3,5", "5kg", "2nd day", "12", "١٠", "一般", "三月に注文した",
     "where is my order #1234?", "stop", "ok"],
)  # fmt: skip
def test_anything_else_is_no_rating(text: str) -> None:
    assert read_rating(text) is None
