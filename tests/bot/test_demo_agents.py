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


def test_demo_settles_a_dispute_on_cost_and_counts_the_money_kept(
    demo: tuple[str, Path],
) -> None:
    out, database = demo
    said = entries(out)
    card = next(i for i, e in enumerate(said) if "· Jonas Weber ·" in e and "damaged_item" in e)
    shown = said[card : card + 12]
    dispute = next(e for e in shown if "dispute: " in e)
    assert "Return costs about 6.50 EUR against an item of about 17.90 EUR" in dispute
    assert any("[Refund, keep it (17.90 EUR)] (recommended)" in e for e in shown)
    assert any("Lee clicks Refund, keep it (17.90 EUR)" in e for e in shown)
    reply = next(e for e in said[card:] if "TELEGRAM   -> Jonas: " in e)
    assert "17,90 €" in reply and "nicht zurücksenden" in reply
    management = out.split("Management digest, Tue 24 Nov 2026")[1]
    assert (
        "That day: 6.50 EUR of return shipping avoided on 1 dispute (refund without return 1), "
        "17.90 EUR refunded" in management
    )
    with sqlite3.connect(database) as db:
        decided = db.execute("select count(*) from dispute_decisions").fetchone()[0]
    assert decided == 1
