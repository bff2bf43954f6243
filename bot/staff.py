"""Who counts as staff, and who may approve what: decided here, once, for every workspace.

A staff workspace only answers platform questions (who clicked, which members a Slack user
group has); whether that person may act is this policy's answer, the same for Slack, the
local demo and any workspace to come. Two kinds of deed are asked about:

- ``Deed.ACT``: press a card's button, submit a dialog, reply to a shopper in a card
  thread, use ``/borderdesk``. Staff are the listed ``users`` and the members of
  ``group``; when neither is configured, anyone who can see the channels is.
- ``Deed.APPROVE``: send a flagged buyer's reply to a refund or return request. Only
  ``managers`` may; without managers, nobody can.

The wiring builds the policy from the settings (``BORDERDESK_STAFF_USERS``,
``BORDERDESK_STAFF_GROUP``, ``BORDERDESK_MANAGERS``) and hands it to the workspace; the
flows read it from their context::

    policy = StaffPolicy(users=frozenset({"U0123ABCD"}), group="S0123ABCD")
    if not await policy.may(user_id, Deed.ACT, members=slack_group_members):
        await tell(user_id, policy.refusal)

``members`` is the workspace's lookup of a group's members (Slack: ``usergroups.users.list``,
kept for a while); it answers None when it has never managed to read the group, and then
only the listed users count.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

# The members of a user group, as the workspace's platform knows them (None: never read).
GroupMembers = Callable[[str], Awaitable[frozenset[str] | None]]

NOT_STAFF = (
    "Only BorderDesk staff can do that here. Ask an admin to add you to "
    "BORDERDESK_STAFF_USERS (or the staff user group)."
)


class Deed(StrEnum):
    """What someone in the workspace wants to do, as far as permission goes."""

    ACT = "act"  # a button, a dialog, a reply in a card thread, /borderdesk
    APPROVE = "approve"  # send a flagged buyer's reply to a refund or return request


@dataclass(frozen=True)
class StaffPolicy:
    """Staff are ``users`` and the members of ``group`` (everyone when neither is set);
    ``managers`` approve what a flagged buyer's refund or return reply needs."""

    users: frozenset[str] = frozenset()
    group: str | None = None
    managers: frozenset[str] = frozenset()

    @property
    def anyone(self) -> bool:
        """Neither users nor a group is configured: anyone who can see the channels acts."""
        return not self.users and not self.group

    async def may(self, actor: str, deed: Deed, members: GroupMembers | None = None) -> bool:
        """May ``actor`` (a workspace user id) do ``deed``? ``members`` reads the staff
        group's members when the answer depends on them (never for the listed users)."""
        if deed is Deed.APPROVE:
            return actor in self.managers
        if self.anyone or actor in self.users:
            return True
        if self.group is None or members is None:
            return False
        found = await members(self.group)
        return found is not None and actor in found

    @property
    def refusal(self) -> str:
        """What someone who is not staff is told, privately, when they try to act."""
        return NOT_STAFF

    @property
    def approver(self) -> str:
        """Who may approve, in words for the note that says why a reply was not sent."""
        if self.managers:
            return "a manager (BORDERDESK_MANAGERS)"
        return "a manager, and none is configured (set BORDERDESK_MANAGERS)"
