"""``/borderdesk …`` in Slack: the staff commands, answered privately to whoever asked.

/borderdesk open [department]   open escalations, oldest first
/borderdesk dead                messages the outbox gave up on, with their errors
/borderdesk retry ID… | all     send parked or waiting messages now
/borderdesk customer NAME | #ORDER | ID   a shopper's profile (id:N when a number is ambiguous)
/borderdesk customer join CHAT CHAT   two chats are one shopper (CHAT: telegram:123, id:N, …)
/borderdesk customer split CHAT       a joined chat is a shopper of its own again
/borderdesk block ID | #ORDER REASON [note…]
                                flag an abusive buyer: extortion, bad_faith_review, fraud, other
/borderdesk unblock ID | #ORDER [note…]   remove the flag
/borderdesk shop                shop webhooks waiting for their order, or of unused topics
/borderdesk held ID [page]      every message a flooding shopper sent (ID: conversation)
/borderdesk me                  your own day so far: cards handled, first responses, ratings,
                                what is still open with you
/borderdesk shifts              who is on shift now, and the next 24 hours' gaps per language

Answers are plain text, whatever they quote (a shopper's name, a kept shop event) as it
was written: the Slack adapter makes it inert as it answers (``slack_listeners``), and the
terminal prints it as is.
"""

from __future__ import annotations

from bot.context import Context
from bot.ids import positive_id
from handlers.agents.me import me_text
from handlers.approvals import REASONS
from handlers.assignment.shifts_text import shifts_text
from handlers.cards import card_for
from handlers.customer_joins import join_chats, split_chat
from handlers.customer_lookup import find_customers
from handlers.customers import load_profile, profile_text, summary_line
from handlers.escalation import open_escalations_text
from handlers.inbound import held_line
from handlers.shop_events import kept_events_text

USAGE = (
    "Usage: /borderdesk open [department] · /borderdesk dead · /borderdesk retry ID… | all · "
    "/borderdesk customer NAME | #ORDER | ID · /borderdesk customer join CHAT CHAT · "
    "/borderdesk customer split CHAT · /borderdesk block ID | #ORDER REASON [note…] · "
    "/borderdesk unblock ID | #ORDER [note…] · /borderdesk shop · /borderdesk held ID [page] · "
    "/borderdesk shifts · /borderdesk me"
)
HELD_PAGE = 50


async def staff_command(ctx: Context, text: str, *, actor: str = "staff (/borderdesk)") -> str:
    """Answer one command; ``actor`` (who typed it) is recorded on blocklist changes and
    on chats joined or split."""
    words = text.split()
    if not words:
        return USAGE
    if words[0] == "open":
        return await open_escalations_text(ctx, text, ctx.clock())
    if words[0] == "dead":
        return await dead_letters_text(ctx)
    if words[0] == "retry":
        return await retry_text(ctx, words[1:])
    if words[0] == "customer" and words[1:2] in (["join"], ["split"]):
        return await join_or_split_text(ctx, words[1], words[2:], actor)
    if words[0] == "customer":
        return await customer_text(ctx, " ".join(words[1:]))
    if words[0] in ("block", "unblock"):
        return await block_text(ctx, words[0] == "block", words[1:], actor)
    if words[0] == "shop":
        return kept_events_text(await ctx.store.shop_events(), ctx.clock())
    if words[0] == "held":
        return await held_text(ctx, words[1:])
    if words == ["me"]:
        return await me_text(ctx, actor)
    if words[0] == "shifts":
        return shifts_text(ctx.desk.agents, ctx.clock())
    return USAGE


async def held_text(ctx: Context, args: list[str]) -> str:
    """All of a flood, page by page: the thread post summarises it and names this."""
    numbers = [positive_id(a.lstrip("#")) for a in args[:2]]
    if not args or len(args) > 2 or None in numbers:
        return "Say which: /borderdesk held CONVERSATION [page], as the flood's summary names it."
    conversation_id, page = numbers[0] or 0, (numbers[1] if len(numbers) > 1 else 1) or 1
    total, held = await ctx.store.flood_messages(conversation_id, (page - 1) * HELD_PAGE, HELD_PAGE)
    if not total:
        return f"Conversation {conversation_id} has no messages held in a flood."
    if not held:
        return f"Conversation {conversation_id} has {total} held messages; page {page} is empty."
    first = (page - 1) * HELD_PAGE + 1
    lines = [
        f"Conversation {conversation_id}: messages {first}-{first + len(held) - 1} "
        f"of {total} sent in a flood"
    ]
    lines += [f"{first + n}. {held_line(h)}" for n, h in enumerate(held)]
    if first + len(held) - 1 < total:
        lines.append(f"Next: /borderdesk held {conversation_id} {page + 1}")
    return "\n".join(lines)


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
    """Undelivered and still-waiting messages go now: a wait set by a clock that was
    wrong (or a long backoff) is not something staff should have to sit out."""
    if not args:
        return "Say which: /borderdesk retry 12 15, or /borderdesk retry all"
    if args == ["all"]:
        ids = None
    elif all(positive_id(a.lstrip("#")) is not None for a in args):
        ids = [int(a.lstrip("#")) for a in args]
    else:
        return "Give message numbers (as /borderdesk dead lists them) or all."
    queued = await ctx.store.retry_dead(ctx.clock(), ids)
    ctx.wake_outbox()
    if not queued:
        return "Nothing to retry: no undelivered or waiting message has that number."
    missing = sorted(set(ids or []) - set(queued))
    note = (
        f" (not undelivered or waiting: {', '.join(f'#{i}' for i in missing)})" if missing else ""
    )
    return f"Queued again: {', '.join(f'#{i}' for i in queued)}{note}."


async def customer_text(ctx: Context, query: str) -> str:
    """The full profile of one shopper, or a short list to choose from."""
    query = query.strip()
    if not query:
        return "Say who: /borderdesk customer Ana, … customer #1001 or … customer 12"
    found, problem = await find_customers(ctx.store, query)
    if problem:
        return problem
    if not found:
        return f"No customer matches “{query}” (try a name, #order number or id)."
    now = ctx.clock()
    if len(found) > 1:
        lines = [f"{len(found)} customers match; say which with /borderdesk customer id:N"]
        for customer in found[:10]:
            profile = await load_profile(ctx, customer.id, now)
            summary = summary_line(profile, now) if profile else ""
            lines.append(f"• id:{customer.id} {customer.name} ({customer.channel}) · {summary}")
        if len(found) > 10:
            lines.append(f"… and {len(found) - 10} more: add more of the name.")
        return "\n".join(lines)
    profile = await load_profile(ctx, found[0].id, now)
    return profile_text(profile, now) if profile else "That customer no longer exists."


async def join_or_split_text(ctx: Context, verb: str, chats: list[str], actor: str) -> str:
    """/borderdesk customer join CHAT CHAT · /borderdesk customer split CHAT"""
    if verb == "join" and len(chats) == 2:
        _, answer = await join_chats(ctx.store, *chats, actor=actor, at=ctx.clock())
    elif verb == "split" and len(chats) == 1:
        _, answer = await split_chat(ctx.store, chats[0], actor=actor, at=ctx.clock())
    else:
        what = "CHAT CHAT" if verb == "join" else "CHAT"
        return (
            f"Usage: /borderdesk customer {verb} {what} (a chat as telegram:123456, as "
            "profiles show it, or id:N)"
        )
    return answer


async def block_text(ctx: Context, block: bool, args: list[str], actor: str) -> str:
    """/borderdesk block ID | #ORDER REASON [note…] · /borderdesk unblock ID | #ORDER [note…]"""
    verb = "block" if block else "unblock"
    reasons = " | ".join(REASONS)
    if not args or (block and len(args) < 2):
        tail = f" {reasons} [note…]" if block else " [note…]"
        return f"Usage: /borderdesk {verb} CUSTOMER-ID | #ORDER{tail}"
    reason = args[1].lower().replace("-", "_") if block else None
    if block and reason not in REASONS:
        return f"Unknown reason “{args[1]}”: choose {reasons}."
    typed = " ".join(args[2:] if block else args[1:]).strip()
    if len(typed) >= 2 and (typed[0], typed[-1]) in (('"', '"'), ("'", "'"), ("“", "”")):
        typed = typed[1:-1].strip()  # "threatened a bad review", typed with quotes
    note = typed or None
    found, problem = await find_customers(ctx.store, args[0])
    if problem:
        return problem
    if len(found) != 1:
        if not found:
            return f"No customer is {args[0]} (a customer id, or #order number)."
        choices = ", ".join(f"id:{c.id} ({c.name})" for c in found)
        return f"“{args[0]}” is ambiguous: {choices}. Write id:N for a customer id."
    customer = found[0]
    person = await ctx.store.same_person(customer.id)
    if not block and not any(c.blocked_at for c in person):
        return f"Customer {customer.id} ({customer.name}) is not flagged."
    await ctx.store.set_customer_block(
        [c.id for c in person], reason=reason, note=note, by=actor, at=ctx.clock()
    )
    await _redraw_pending(ctx, [c.id for c in person])
    if block:
        return (
            f"Flagged customer {customer.id} ({customer.name}) for {reason}: their cards "
            "carry a warning, nothing is sent to them automatically, and refund or return "
            "replies need a manager."
        )
    return f"Removed the flag from customer {customer.id} ({customer.name})."


async def _redraw_pending(ctx: Context, customer_ids: list[int]) -> None:
    """Cards still waiting show the flag (or lose it) at once."""
    for conversation_id in await ctx.store.customer_conversations(customer_ids):
        for record in await ctx.store.pending_suggestions(conversation_id):
            if record.card is not None:
                await ctx.workspace.update(record.card, await card_for(ctx, record))
