"""A text far over the size cap is cut before anything expensive reads it (issue 14: a
4 MB update cost +616 MB and stalled the event loop for seconds, past Slack's 3 s
deadline for a click). The cost itself is measured by ``bench/big_update.py``; this pins
where the cap applies: the suggestion engine (language detection, the classifier) is
never handed more than the cut text (the cap plus its note), on any path: the message itself,
or the conversation's previous message it is read with (the kept whole text is not one).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tests.e2e.harness import running_desk, wait_until
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

SENTENCE = "Where is my order #A10293? I ordered two weeks ago and nothing arrived yet. "
HUGE = SENTENCE * (200_000 // len(SENTENCE))  # 200,000 characters, 24 times the cap


def stored_lengths(db: Path) -> list[int]:
    """Lengths of the shopper's stored texts: the one handled (cut) and the one kept whole."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT length(text) FROM messages WHERE direction = 'in'")
        lengths = sorted(length for (length,) in rows)
    conn.close()
    return lengths


def texts_in(values: tuple[Any, ...]) -> list[str]:
    """The texts among call arguments, and those they carry (a previous turn's ``text``)."""
    found = [v for v in values if isinstance(v, str)]
    return found + [v.text for v in values if isinstance(getattr(v, "text", None), str)]


async def test_a_huge_text_reaches_the_suggestion_engine_cut_to_the_cap(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    async with running_desk(db, telegram_api, slack_api) as desk:
        engine = desk.runtime.ctx.engine
        handed: list[int] = []

        def spied(method: Any) -> Any:
            def call(*args: Any, **kwargs: Any) -> Any:
                handed.extend(len(t) for t in texts_in((*args, *kwargs.values())))
                return method(*args, **kwargs)

            return call

        engine.suggest = spied(engine.suggest)  # type: ignore[method-assign]
        engine.detect_language = spied(engine.detect_language)  # type: ignore[method-assign]
        telegram_api.push_update(telegram_api.text_update(4242, HUGE, language_code="en"))
        await desk.wait_card(timeout=30)
        await wait_until(lambda: not telegram_api.pending_updates, "the update confirmed")
    cut, whole = stored_lengths(db)
    assert whole == len(HUGE) and cut < len(HUGE) / 20, "kept whole, handled cut"
    assert handed and max(handed) <= cut, f"the engine was handed {max(handed):,} characters"
