"""``/borderdesk …`` in Slack: the staff commands, answered privately to whoever asked.

/borderdesk open [department]   open escalations, oldest first
/borderdesk dead                messages the outbox gave up on, with their errors
/borderdesk retry ID… | all     queue parked messages again
"""

from __future__ import annotations

from bot.context import Context
from handlers.escalation import open_escalations_text

USAGE = "Usage: /borderdesk open [department] · /borderdesk dead · /borderdesk retry ID… | all"


async def staff_command(ctx: Context, text: str) -> str:
    words = text.split()
    if not words:
        return USAGE
    if words[0] == "open":
        return await open_escalations_text(ctx, text, ctx.clock())
    if words[0] == "dead":
        return await dead_letters_text(ctx)
    if words[0] == "retry":
        return await retry_text(ctx, words[1:])
    return USAGE


async def dead_letters_text(ctx: Context) -> str:
    dead = await ctx.store.dead_letters()
    if not dead:
        return "No undelivered messages."
    lines = [f"Undelivered messages: {len(dead)} (resend with /borderdesk retry ID or all)"]
    for item in dead[:30]:
        text = item.text if len(item.text) <= 80 else item.text[:79] + "…"
        lines.append(
            f"• #{item.id} to {item.channel} {item.chat_id} after {item.attempts} attempt(s): "
            f"{item.error} — “{text}”"
        )
    if len(dead) > 30:
        lines.append(f"… and {len(dead) - 30} more (borderdesk outbox list shows all)")
    return "\n".join(lines)


async def retry_text(ctx: Context, args: list[str]) -> str:
    if not args:
        return "Say which: /borderdesk retry 12 15, or /borderdesk retry all"
    if args == ["all"]:
        ids = None
    elif all(a.lstrip("#").isdigit() for a in args):
        ids = [int(a.lstrip("#")) for a in args]
    else:
        return "Give message numbers (as /borderdesk dead lists them) or all."
    queued = await ctx.store.retry_dead(ctx.clock(), ids)
    ctx.wake_outbox()
    if not queued:
        return "Nothing to retry: no undelivered message has that number."
    missing = sorted(set(ids or []) - set(queued))
    note = f" (not undelivered: {', '.join(f'#{i}' for i in missing)})" if missing else ""
    return f"Queued again: {', '.join(f'#{i}' for i in queued)}{note}."
