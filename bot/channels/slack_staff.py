"""The staff policy asked about Slack users: the platform half of "who may act".

Whether someone may press a button, submit a dialog, reply in a card thread or use
``/borderdesk`` is the ``StaffPolicy``'s decision (``bot/staff.py``), handed over by the
wiring. This module only answers what the policy cannot know without Slack: the members
of a user group, read with ``usergroups.users.list`` and kept for five minutes; and it
tells a refused person so, privately.

    staff = SlackStaff(client, StaffPolicy(users=frozenset({"U0123ABCD"})))
    if not await staff.includes(user_id):
        await staff.refuse(user_id, channel, "Send")
"""

from __future__ import annotations

import logging
import time

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.staff import Deed, StaffPolicy

logger = logging.getLogger(__name__)

GROUP_CACHE_SECONDS = 300.0


class SlackStaff:
    """``policy`` asked about Slack user ids, with the staff group read from Slack."""

    def __init__(self, client: AsyncWebClient, policy: StaffPolicy) -> None:
        self.client = client
        self.policy = policy
        self._members: frozenset[str] | None = None
        self._checked = -GROUP_CACHE_SECONDS

    async def includes(self, user_id: str) -> bool:
        """May ``user_id`` act, by the policy (buttons, dialogs, thread replies, commands)."""
        return await self.policy.may(user_id, Deed.ACT, self.group_members)

    async def group_members(self, group: str) -> frozenset[str] | None:
        """The members of ``group``, read at most every five minutes. When it cannot be
        read (Slack down), the members read last time are the answer; before the first
        read, None."""
        now = time.monotonic()
        if self._members is None or now - self._checked > GROUP_CACHE_SECONDS:
            try:
                found = await self.client.usergroups_users_list(usergroup=group)
                self._members = frozenset(found.get("users") or ())
                self._checked = now
            except (SlackApiError, OSError, TimeoutError, aiohttp.ClientError) as exc:
                logger.warning("could not read staff group %s: %s", group, exc)
        return self._members

    async def refuse(self, user_id: str, channel: str | None, what: str) -> None:
        """Log the refusal and tell the person privately (when there is a channel to do it)."""
        logger.warning("%s by %s refused: not on the staff list", what, user_id)
        if not channel:
            return
        try:
            await self.client.chat_postEphemeral(
                channel=channel, user=user_id, text=self.policy.refusal
            )
        except (SlackApiError, OSError, TimeoutError, aiohttp.ClientError):
            logger.warning("could not tell %s privately that they are not staff", user_id)
