"""Who may act in Slack: configured member ids, or members of a user group.

Buttons, dialogs, replies in card threads and ``/borderdesk`` are for staff only when a
list or a group is configured; anyone else gets a private refusal. A group's members are
read with ``usergroups.users.list`` and kept for five minutes.

    staff = StaffList(client, frozenset({"U0123ABCD"}), None)
    if not await staff.includes(user_id):
        await staff.refuse(user_id, channel, "Send")
"""

from __future__ import annotations

import logging
import time

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

logger = logging.getLogger(__name__)

GROUP_CACHE_SECONDS = 300.0
NOT_STAFF = (
    "Only BorderDesk staff can do that here. Ask an admin to add you to "
    "BORDERDESK_STAFF_USERS (or the staff user group)."
)


class StaffList:
    """The people allowed to act; everyone when neither ids nor a group are configured."""

    def __init__(self, client: AsyncWebClient, users: frozenset[str], group: str | None) -> None:
        self.client = client
        self.users = users
        self.group = group
        self._members: frozenset[str] | None = None
        self._checked = -GROUP_CACHE_SECONDS

    @property
    def anyone(self) -> bool:
        return not self.users and not self.group

    async def includes(self, user_id: str) -> bool:
        """True for configured staff; everyone when neither users nor a group is configured.
        When the group cannot be read (Slack down), the members read last time still count;
        before the first read, only the listed users do."""
        if self.anyone or user_id in self.users:
            return True
        if self.group is None:
            return False
        now = time.monotonic()
        if self._members is None or now - self._checked > GROUP_CACHE_SECONDS:
            try:
                found = await self.client.usergroups_users_list(usergroup=self.group)
                self._members = frozenset(found.get("users") or ())
                self._checked = now
            except (SlackApiError, OSError, TimeoutError, aiohttp.ClientError) as exc:
                logger.warning("could not read staff group %s: %s", self.group, exc)
        return self._members is not None and user_id in self._members

    async def refuse(self, user_id: str, channel: str | None, what: str) -> None:
        """Log the refusal and tell the person privately (when there is a channel to do it)."""
        logger.warning("%s by %s refused: not on the staff list", what, user_id)
        if not channel:
            return
        try:
            await self.client.chat_postEphemeral(channel=channel, user=user_id, text=NOT_STAFF)
        except (SlackApiError, OSError, TimeoutError, aiohttp.ClientError):
            logger.warning("could not tell %s privately that they are not staff", user_id)
