"""Notes for staff in Slack: the emoji code of each kind of note, and the text it sends.

The desk's ``Note`` says what to tell staff and what kind of note it is
(``bot/notes.py``); this says how that looks in Slack: the kind's emoji code in front of
the plain words, which Slack shows as the emoji. A note of no kind is its words alone::

    slack_note(Note("Order #B77 is late", NoteKind.LATE))   # ":hourglass: Order #B77 is late"

The text is still plain: the caller defuses it (``slack_blocks.defuse``) as it posts, so a
``<!channel>`` a shopper wrote and a note quotes pings nobody.
"""

from __future__ import annotations

from bot.notes import Note, NoteKind

EMOJI: dict[NoteKind, str] = {
    NoteKind.WARNING: ":warning:",
    NoteKind.QUESTION: ":question:",
    NoteKind.RESOLVED: ":white_check_mark:",
    NoteKind.LATE: ":hourglass:",
    NoteKind.BLOCKED: ":no_entry_sign:",
    NoteKind.UNBLOCKED: ":white_check_mark:",
    NoteKind.NOT_ALLOWED: ":no_entry:",
    NoteKind.EDITED: ":pencil2:",
    NoteKind.DELETED: ":wastebasket:",
    NoteKind.TARGET_MISSED: ":rotating_light:",
    NoteKind.TARGET_DUE: ":alarm_clock:",
}


def slack_note(note: Note) -> str:
    """``note`` as Slack text: its kind's emoji code, a space and its words."""
    return f"{EMOJI[note.kind]} {note.body}" if note.kind is not None else note.body
