"""Notes for staff, as our own objects: what a note says, and what kind of note it is.

A flow writes a note in plain words and says what kind it is (a warning, a question, a
missed target…); a staff workspace decides how each kind looks on its platform. Slack puts
its emoji code in front (``:warning:``, ``bot/channels/slack_notes.py``); the terminal,
the demo transcript and the CLI show the Unicode sign of the kind (``⚠``). Nothing here
knows Slack's emoji codes or markup, so a note reads the same on any workspace::

    note = Note("Not sent to the shopper: the file is too large.", NoteKind.WARNING)
    note.text                                  # "⚠ Not sent to the shopper: …"
    Note.parse(note.text) == note              # True

A queued note waits in the outbox as its ``body`` and its ``kind`` (a column of its own,
``outbox.note_kind``), and the outbox worker hands the workspace the same ``Note`` when
it posts it: no sign is written into storage or read back from it. ``Note.parse`` reads
a note from plain text where only text travels: a ``/borderdesk`` answer, written as
``Note.text``, is read back by the Slack adapter to put the kind's emoji code in front.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class NoteKind(StrEnum):
    """What a note tells staff, so a workspace can give each kind its own sign."""

    WARNING = "warning"  # something was not done, or not as staff would expect
    QUESTION = "question"  # a department asks the inbox for information
    RESOLVED = "resolved"  # a department resolved an escalation
    LATE = "late"  # an order is past its estimated delivery
    BLOCKED = "blocked"  # the shopper blocked the bot: nothing reaches them
    UNBLOCKED = "unblocked"  # the shopper unblocked the bot: replies reach them again
    NOT_ALLOWED = "not_allowed"  # refused by a rule (a flagged buyer needs a manager)
    EDITED = "edited"  # a shopper edited their message, or staff their reply
    DELETED = "deleted"  # a staff reply was deleted before it went
    TARGET_MISSED = "target_missed"  # a response target (SLA) was missed
    TARGET_DUE = "target_due"  # a response target is due soon


# The plain-text sign of each kind: one per kind, so ``Note.parse`` can tell them apart.
SIGNS: dict[NoteKind, str] = {
    NoteKind.WARNING: "⚠",
    NoteKind.QUESTION: "❓",
    NoteKind.RESOLVED: "✅",
    NoteKind.LATE: "⌛",
    NoteKind.BLOCKED: "🚫",
    NoteKind.UNBLOCKED: "🔓",
    NoteKind.NOT_ALLOWED: "⛔",
    NoteKind.EDITED: "✏",
    NoteKind.DELETED: "🗑",
    NoteKind.TARGET_MISSED: "🚨",
    NoteKind.TARGET_DUE: "⏰",
}


@dataclass(frozen=True)
class Note:
    """A note for staff: ``body`` in plain words (it may quote a shopper with "> "), and
    its ``kind``, or None for a note that needs no sign."""

    body: str
    kind: NoteKind | None = None

    @property
    def text(self) -> str:
        """The note as plain text, its kind's sign in front: how it is shown outside
        Slack."""
        return f"{SIGNS[self.kind]} {self.body}" if self.kind is not None else self.body

    @classmethod
    def parse(cls, text: str) -> Note:
        """The note whose ``text`` is ``text``; a text without a sign is a note of no kind."""
        for kind, sign in SIGNS.items():
            if text.startswith(f"{sign} "):
                return cls(text[len(sign) + 1 :], kind)
        return cls(text)
