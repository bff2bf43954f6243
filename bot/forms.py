"""Forms staff fill in, as our own objects: what a click asks the workspace to open.

Some buttons do not decide at once but ask a question first: Edit opens the suggested reply
for staff to change, Other answer a list of the library's answers, and on an escalation
card Need information and Resolve ask what the department wants to know or what was done.
The desk says which form (and what it is prefilled with); the workspace draws it its way
(Slack: a modal) and hands the answer back as a ``*_SUBMIT`` action naming the same id::

    await workspace.open_form(action.handle, EditReply(record.id, record.suggestion.reply))
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.models import IntentChoice


@dataclass(frozen=True)
class EditReply:
    """Edit the reply to a card before it goes out, starting from ``draft``; sent back as
    ``EDIT_SUBMIT`` with the text staff wrote."""

    suggestion_id: int
    draft: str


@dataclass(frozen=True)
class PickAnswer:
    """Choose another answer from the library for a card ("Other answer"); sent back as
    ``OTHER_SUBMIT`` with the chosen intent."""

    suggestion_id: int
    choices: tuple[IntentChoice, ...]


@dataclass(frozen=True)
class AskQuestion:
    """A department asks the inbox for information about an escalation; sent back as
    ``NEED_INFO_SUBMIT`` with the question."""

    escalation_id: int


@dataclass(frozen=True)
class Resolve:
    """A department resolves an escalation: a root cause (one of ``ROOT_CAUSES``) and a
    note of what was done; sent back as ``RESOLVE_SUBMIT``."""

    escalation_id: int


Form = EditReply | PickAnswer | AskQuestion | Resolve
