"""With the store's return window set, "how many days do I have?" is not answered twice
over: once "you have 30 days" (the return postage sentence opens with it) and once "the
team will confirm the last day" (found by the native review of 2026-12-07)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.desk import load_desk
from replies.facts.country import LANGUAGES
from replies.facts.fill import fact_variables
from replies.facts.return_questions import _SENTENCES, DAYS

DESK = "shipping:\n  returns:\n    postage: shopper_unless_faulty\n    window_days: 30\n"
ASKED = {
    "en": "how many days do i have to return it?",
    "es": "cuantos dias tengo para devolverlo?",
    "de": "wie lange habe ich Zeit für die Rückgabe?",
    "it": "quanti giorni ho per il reso?",
    "pl": "ile mam dni na zwrot?",
}


@pytest.mark.parametrize("language", sorted(ASKED))
def test_the_window_is_said_once(tmp_path: Path, language: str) -> None:
    (tmp_path / "desk.yaml").write_text(DESK, encoding="utf-8")
    terms = load_desk(tmp_path / "desk.yaml").shipping
    template = "{refund_amount} {return_postage}"
    facts = fact_variables(
        ASKED[language], template, language, {}, terms=terms, today=date(2026, 12, 7)
    )
    assert "30" in facts["return_postage"], facts
    assert _SENTENCES[language][DAYS] not in facts["refund_amount"], facts
    # an answer that does not state the window still answers the question
    alone = fact_variables(
        ASKED[language], "{refund_amount}", language, {}, terms=terms, today=date(2026, 12, 7)
    )
    assert alone["refund_amount"], alone


def test_every_language_has_the_period_sentence() -> None:
    assert all(_SENTENCES[language][DAYS] for language in LANGUAGES)
