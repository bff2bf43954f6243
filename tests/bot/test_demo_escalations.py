"""The demo's escalated shoppers are answered (issue 13: the shoppers whose cards were
escalated never got a reply, although their suggested answers said what they should hear).
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.bot.test_cli import entries

ESCALATION = re.compile(r"^\d\d:\d\d  [A-Z]+ +escalation #\d+: .+? from (?P<name>.+?) \(\w+\) — ")


def escalated(transcript: list[str]) -> list[tuple[int, str]]:
    """(entry index, shopper's first name) of every escalation the demo posted."""
    found = []
    for number, entry in enumerate(transcript):
        matched = ESCALATION.match(entry)
        if matched:
            found.append((number, matched["name"].split()[0]))
    return found


def test_every_escalated_shopper_gets_an_answer_and_the_transcript_shows_it(
    demo: tuple[str, Path],
) -> None:
    transcript = entries(demo[0])
    posted = escalated(transcript)
    assert len(posted) >= 4, "the demo escalates several problems"
    for number, name in posted:
        following = transcript[number + 1 : number + 6]
        told = next(e for e in following if re.match(r"^\d\d:\d\d +Shopper ", e))
        assert "not answered" not in told, told
        assert any(f"TELEGRAM   -> {name}: " in e for e in following), (name, following)
        assert any("now shows: Escalated to" in e and "Shopper " in e for e in following), (
            following
        )  # the inbox card says which happened too


def test_a_late_parcel_escalated_to_logistics_tells_the_shopper_its_carrier_and_number(
    demo: tuple[str, Path],
) -> None:
    """Correos says Carmen's parcel was delivered but nothing came: the card suggests the
    lost-parcel answer, staff escalate it to logistics, and she hears, in Spanish,
    what happens next with her own carrier and tracking number (her order is linked)."""
    transcript = entries(demo[0])
    [escalation] = [e for e in transcript if "escalation #" in e and "from Carmen Ruiz" in e]
    assert "LOGISTICS" in escalation
    after = transcript[transcript.index(escalation) :]
    told = next(e for e in after if "TELEGRAM   -> Carmen: " in e)
    assert "Correos" in told and "PQ4B1C0712345670128043M" in told
    assert "logística" in told
