"""``/borderdesk me``: an agent's own day so far, from their local midnight to now.

The same work log the morning brings (``handlers.agents.work_log``), for today: what they
handled, their first responses, ratings, the suggested answers they rewrote and what is
still open with them. Who asks is the Slack member ID the command carries (the workspace
passes "Name (U0LENA0001)" as the actor); their day is cut in their own zone when the
desk file lists them under ``agents:``, else in support's::

    await me_text(ctx, "Lena (U0LENA0001)")
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from bot.context import Context
from handlers.agents.daily import compose_work_log

# "Lena (U0LENA0001)": the member ID at the end of the actor the Slack adapter passes
_MEMBER_ID = re.compile(r"\(([UW][A-Z0-9]{8,})\)\s*$")
NO_ID = (
    "/borderdesk me needs to know who you are: use it in Slack, where the command carries "
    "your member ID."
)


def member_id(actor: str) -> str | None:
    """The Slack member ID in "Lena (U0LENA0001)", None when there is none."""
    found = _MEMBER_ID.search(actor)
    return found.group(1) if found else None


async def me_text(ctx: Context, actor: str) -> str:
    """The asking agent's day so far, as plain text."""
    agent_id = member_id(actor)
    if agent_id is None:
        return NO_ID
    agents = {agent.user_id: agent for agent in ctx.desk.agents}
    listed = agents.get(agent_id)
    tz = ZoneInfo((listed.calendar if listed else ctx.desk.calendar).timezone)
    now = ctx.clock()
    report = await compose_work_log(
        ctx.store,
        agent_id,
        now.astimezone(tz).date(),
        tz,
        now,
        names={user_id: agent.name for user_id, agent in agents.items()},
        upto=now,
        what="Your day so far",
    )
    return report.text
