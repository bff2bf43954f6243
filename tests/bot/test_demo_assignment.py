"""The demo's assignment (issue 19): Lee in Berlin and Priya in Bangalore; each card goes
to the one on shift who reads the shopper's language, /borderdesk shifts shows the day's
gaps, and Beatriz, writing at 21:40 when nobody reading Portuguese is on, is told when the
next agent comes on; Lee takes her card, recorded with who did it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.bot.test_cli import entries


def _card_owner(said: list[str], shopper: str) -> str:
    card = next(e for e in said if "INBOX" in e and f"· {shopper} ·" in e)
    return next(e for e in said[said.index(card) :] if "owner: " in e).split("owner: ")[1]


def test_cards_go_to_the_agent_on_shift_who_reads_the_language(demo: tuple[str, Path]) -> None:
    said = entries(demo[0])
    assert _card_owner(said, "Yuki Tanaka") == "Priya (on shift)"
    assert _card_owner(said, "Lukas Müller") == "Lee (on shift)"
    shifts = said.index("09:27  STAFF      Priya types /borderdesk shifts")
    answer = [e.split("PRIVATE", 1)[1].strip() for e in said[shifts + 1 : shifts + 17]]
    assert answer[:3] == [
        "On shift now (Tue 09:27 UTC):",
        "• Lee (de, en, es, fr, it, nl, pl, pt, tr) until 17:00 UTC (18:00 Europe/Berlin)",
        "• Priya (en, ja, ko, zh) until 16:00 UTC (21:30 Asia/Kolkata)",
    ]
    assert "• ja: 16:00–07:00 tomorrow UTC (15 h)" in answer
    assert "• pt: 17:00–08:00 tomorrow UTC (15 h)" in answer


def test_nobody_on_for_portuguese_at_night_then_lee_takes_it(demo: tuple[str, Path]) -> None:
    out, database = demo
    said = entries(out)
    assert _card_owner(said, "Beatriz Souza").startswith("nobody yet")
    told = next(e for e in said if "TELEGRAM   -> Beatriz: " in e)
    assert "O próximo atendente começa quarta-feira, 25 de novembro, 09:00" in told
    taken = said.index("21:41  STAFF      Lee clicks Take it")
    assert said[taken + 1].endswith("now owned by Lee (off shift now)")
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "select a.action, a.owner_id, a.by_id from assignments a "
            "join conversations c on c.id = a.conversation_id "
            "join customers u on u.id = c.customer_id where u.name = 'Beatriz Souza'"
        ).fetchall()
        auto = db.execute("select count(*) from assignments where action = 'auto'").fetchone()
    assert rows == [("take", "ULEE000000", "ULEE000000")]
    assert auto[0] >= 20  # every daytime card was given to someone
