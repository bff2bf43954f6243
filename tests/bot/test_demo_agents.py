"""What ``borderdesk demo`` shows of the agents' side of issue 19: a shopper's rating
answered and put to the agent who helped her, a line per agent in the management digest,
and Lee's work log the next morning, counted from the day's own decisions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.bot.test_cli import entries


def test_demo_shows_a_rating_answered_and_an_agents_work_log(demo: tuple[str, Path]) -> None:
    out, database = demo
    said = entries(out)
    asked = next(i for i, e in enumerate(said) if "TELEGRAM   -> Ana: " in e and "1 (mal)" in e)
    answer = next(i for i, e in enumerate(said) if "Ana García [es]: 5 ¡muy rápido" in e)
    assert asked < answer
    assert "rated the help 5/5: “¡muy rápido, gracias!”" in said[answer + 1]
    agents = out.split("Management digest, Tue 24 Nov 2026")[1].split("\nAgents\n")[1]
    lee = next(line for line in agents.splitlines() if line.startswith("• Lee: "))
    assert "rated 5.0/5 by 1" in lee
    log = out.split("Lee's work log, a direct message from the app the same morning")[1]
    assert log.lstrip().startswith("Your day, Tue 24 Nov 2026 (Europe/Berlin): Lee")
    with sqlite3.connect(database) as db:
        decided = db.execute(
            "select count(*) from suggestions where decided_by = 'ULEE000000'"
        ).fetchone()[0]
        others = db.execute(
            "select count(*) from suggestions where decided_by like 'ULEE%'"
            " and decided_by != 'ULEE000000'"
        ).fetchone()[0]
    assert f"• {decided} cards: " in log and others == 0  # one Lee, every card of his counted
    assert "• Ratings: 1, average 5.0/5" in log
    assert "Still open with you: " in log
