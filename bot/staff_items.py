"""What the desk posts for staff, as our own objects: one union a workspace draws.

Staff see five kinds of thing, and the desk hands every one of them to the workspace's
one ``post`` (and a redraw to its one ``update``); the workspace decides how each looks on
its platform (Slack: Block Kit, mrkdwn and emoji codes, in ``bot/channels/slack*``)::

    ref = await workspace.post(card)                                # a new card in the inbox
    await workspace.post(Note("Order #B77 is late", NoteKind.LATE), thread=ref)
    await workspace.post(Confirmation(42, "Thanks!", "Danke!"), thread=ref)
    await workspace.update(ref, replace(card, decision="Sent by Lee at 10:02"))
    await workspace.post(report)                      # None: the department has no channel

Where an item goes follows from what it is. Inbox items (a card, a note, a confirmation)
go to the inbox, or under the inbox message ``thread`` names; department items (a report,
an escalation card) go to their department's channel, which a desk may not have.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.models import Card, EscalationCard
from bot.notes import Note
from bot.reports import Report


@dataclass(frozen=True)
class Confirmation:
    """A reply staff wrote, held until they choose how it goes out: its translation
    ("Send"), what they wrote ("Send untranslated"), or nothing ("Cancel").

    ``translated`` is None when the translator could not be reached: then staff see that
    nothing was sent, and may send what they wrote, retry the translation or cancel. A
    choice comes back as a ``CONFIRM_*`` action naming ``outbox_id``.
    """

    outbox_id: int
    original: str
    translated: str | None


# Posted in the inbox, or in the thread of an inbox message; the workspace always has room.
InboxItem = Card | Note | Confirmation
# Posted in a department's channel; ``post`` answers None when the department has none.
DepartmentItem = Report | EscalationCard
StaffItem = InboxItem | DepartmentItem
# What can be redrawn in place: a card after a decision, an escalation card as it moves
# on, and a message that becomes a note (a confirmation once answered: "Sent by Lee…").
Redrawable = Card | EscalationCard | Note
