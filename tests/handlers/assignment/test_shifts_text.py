"""``/borderdesk shifts`` on a fixed clock: who is on now and until when (in UTC and in
their own zone), who is off (on leave, or when they come on), and each language's gaps in
the next 24 hours, a gap running past them marked so."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.desk import load_desk
from handlers.assignment.shifts_text import NO_AGENTS, shifts_text
from tests.bot.calendar.test_shifts import ROSTER


def test_who_is_on_who_is_off_and_the_gaps(tmp_path: Path) -> None:
    path = tmp_path / "desk.yaml"
    path.write_text(ROSTER, encoding="utf-8")
    agents = load_desk(path).agents
    # Wednesday 2026-12-09 10:00 UTC: Lena's day of leave, 19:00 in Tokyo, 04:00 in Mexico
    assert shifts_text(agents, datetime(2026, 12, 9, 10, tzinfo=UTC)) == "\n".join(
        [
            "On shift now (Wed 10:00 UTC):",
            "• Kenji (ja) until 13:00 UTC (22:00 Asia/Tokyo)",
            "Off shift:",
            "• Lena (de, en) (on leave today), on at 08:00 tomorrow UTC",
            "• Aiko (en, ja), on at 00:00 tomorrow UTC",
            "• Mateo (en, es), on at 14:00 UTC",
            "Gaps in the next 24 hours (nobody reading the language on shift):",
            "• de: now–08:00 tomorrow UTC (22 h)",
            "• en: now–14:00 UTC (4 h), 22:00–00:00 tomorrow UTC (2 h)",
            "• es: now–14:00 UTC (4 h), 22:00–10:00 tomorrow UTC (12 h or more)",
            "• ja: 13:00–00:00 tomorrow UTC (11 h)",
        ]
    )


def test_without_agents_it_says_how_to_name_them() -> None:
    assert shifts_text((), datetime(2026, 12, 9, 10, tzinfo=UTC)) == NO_AGENTS
