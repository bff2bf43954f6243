"""How long message text is kept: ``BORDERDESK_RETENTION_DAYS`` (0 keeps it).

The runtime calls ``purge_expired`` once a day; counts stay, so digests do not change::

    purged = await purge_expired(ctx, ctx.clock())
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.context import Context


async def purge_expired(ctx: Context, now: datetime) -> int:
    """Erase message text older than the retention setting (``BORDERDESK_RETENTION_DAYS``;
    0 keeps it); returns how many messages were purged. Run once a day."""
    days = ctx.config.retention_days
    if days <= 0:
        return 0
    return await ctx.store.purge_message_texts(now - timedelta(days=days), now)
