"""Regression: a staff reply written in Slack reached the shopper in Slack's markup
("Q&amp;A", "<https://…|our returns page>", "<@U0…>")."""

from __future__ import annotations

import pytest

from bot.channels.slack_text import plain_text


async def name_of(user_id: str) -> str:
    return {"U0MEI00001": "Mei"}.get(user_id, user_id)


@pytest.mark.parametrize(
    ("slack", "shopper_reads"),
    [
        ("Q&amp;A: 5 &lt; 7 &gt; 3", "Q&A: 5 < 7 > 3"),
        ("typed &amp;lt; literally", "typed &lt; literally"),
        (
            "See <https://shop.example/returns|our returns page> please",
            "See our returns page (https://shop.example/returns) please",
        ),
        ("Track it at <https://t.example/?a=1&amp;b=2>", "Track it at https://t.example/?a=1&b=2"),
        ("<https://shop.example|shop.example>", "https://shop.example"),
        ("Write to <mailto:help@shop.example|help@shop.example>", "Write to help@shop.example"),
        ("<@U0MEI00001> will call you", "@Mei will call you"),
        ("<@U0LEE00001|lee> too", "@lee too"),
        ("<#C0INBOX0001|support> <!here>", "#support @here"),
        ("<!date^1392734382^{date}|Feb 18, 2014>", "Feb 18, 2014"),
        ("Plain *bold* _it_ 😀", "Plain *bold* _it_ 😀"),
    ],
)
async def test_slack_markup_becomes_what_a_person_reads(slack: str, shopper_reads: str) -> None:
    assert await plain_text(slack, name_of) == shopper_reads
