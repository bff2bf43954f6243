"""Notes for staff are our own objects: a note shown as plain text (its kind's sign in
front) reads back as the same note, and Slack shows each kind as the emoji code staff
have always seen. (How a queued note keeps its kind: tests/bot/test_outbox_notes.py.)"""

from __future__ import annotations

import pytest

from bot.channels.slack_notes import EMOJI, slack_note
from bot.notes import SIGNS, Note, NoteKind


@pytest.mark.parametrize("kind", [*NoteKind, None])
def test_a_note_as_plain_text_reads_back_as_the_same_note(kind: NoteKind | None) -> None:
    note = Note("Not sent to the shopper: the file is too large.\n> <!channel> hi", kind)
    assert Note.parse(note.text) == note


def test_every_kind_has_its_own_sign_and_an_emoji_in_slack() -> None:
    assert set(SIGNS) == set(EMOJI) == set(NoteKind)
    assert len(set(SIGNS.values())) == len(NoteKind)  # else two kinds read back as one


def test_a_note_without_a_sign_is_a_note_of_no_kind() -> None:
    """Plain words, and words that happen to start with a sign but not a sign and a space."""
    assert Note.parse("Escalated to warehouse.") == Note("Escalated to warehouse.")
    assert Note.parse("⚠Threat") == Note("⚠Threat")


def test_slack_shows_the_kind_as_its_emoji_code_and_the_terminal_as_its_sign() -> None:
    late = Note("Order #B77 is late", NoteKind.LATE)
    assert slack_note(late) == ":hourglass: Order #B77 is late"
    assert late.text == "⌛ Order #B77 is late"
    assert slack_note(Note("Escalated.")) == "Escalated."
