"""The demo reads in the staff language (issue 13): offline, a clearly named stand-in
translator shows every scripted card in English, and the German shopper's update carries
the warehouse's note in German, not in English."""

from __future__ import annotations

from pathlib import Path

from tests.bot.test_cli import entries


def test_the_demo_says_its_translator_is_a_stand_in(demo: tuple[str, Path]) -> None:
    assert "Translation: an offline stand-in" in demo[0]


def test_every_card_not_in_english_reads_translated(demo: tuple[str, Path]) -> None:
    said = entries(demo[0])
    cards = [i for i, e in enumerate(said) if "INBOX" in e and " · language " in e]
    foreign = [i for i in cards if " · language en · " not in said[i] and "(0%)" not in said[i]]
    assert len(foreign) >= 15
    for i in foreign:
        following = said[i + 1 : i + 4]
        assert any("reads, translated: " in e for e in following), said[i]
    japanese = next(e for e in said if "reads, translated: A question about sneaker" in e)
    assert "US 9" in japanese


def test_the_update_to_a_german_shopper_is_all_german(demo: tuple[str, Path]) -> None:
    # Lukas first got the answer sent when his card was escalated; this is the resolution's
    update = next(e for e in entries(demo[0]) if "TELEGRAM   -> Lukas: Hallo Lukas, ein" in e)
    assert "Eine neue Tasse wurde heute mit zusätzlicher Polsterung verschickt" in update
    assert "A new mug was sent" not in update
