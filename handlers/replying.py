"""Languages between staff and shoppers: what staff read, and what shoppers receive.

Translation is a nicety on top of answering: when it fails the card says so and the flow
goes on with the original text.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.context import Context
from bot.models import ChatType, InboundMessage
from handlers.facts import order_number
from handlers.order_links import order_variables


async def in_staff_language(
    ctx: Context, text: str, language: str
) -> tuple[str | None, str | None]:
    """(the text in the staff language, a note for the card); (None, None) when not needed."""
    if language in ("unknown", ctx.staff_language) or not text.strip() or _off(ctx):
        return None, None
    result = await ctx.translator.translate(text, source=language, target=ctx.staff_language)
    if result.ok:
        return result.text, None
    return None, f"Translation unavailable: {result.error}"


async def answer_in(
    ctx: Context, intent: str, language: str, variables: Mapping[str, str]
) -> tuple[str, str, str | None]:
    """The answer for ``intent`` in ``language``: (text, language of text, note for the card).

    A language without a written answer gets the English one machine-translated, and the
    card says so; if translation fails too, the English answer is offered as it is.
    """
    target = language if language != "unknown" else "en"
    template, used = ctx.engine.template(intent, target, variables)
    if used == target:
        return ctx.engine.fill(template, target, variables), target, None
    result = await ctx.translator.translate(template, source=used, target=target)
    if result.ok:
        note = f"Machine-translated: there is no written answer in '{target}'."
        return ctx.engine.fill(result.text, target, variables), target, note
    return (
        ctx.engine.fill(template, used, variables),
        used,
        f"No written answer in '{target}' and translation unavailable ({result.error}): "
        f"showing the '{used}' one.",
    )


async def answer_for_staff(
    ctx: Context, intent: str, reply: str, reply_language: str, variables: Mapping[str, str]
) -> str | None:
    """The suggested answer in the staff language, shown under the shopper-language one."""
    if reply_language == ctx.staff_language:
        return None
    text, used = ctx.engine.render(intent, ctx.staff_language, variables)
    if used == ctx.staff_language:
        return text
    result = await ctx.translator.translate(reply, source=reply_language, target=ctx.staff_language)
    return result.text if result.ok else None


async def staff_text_for_shopper(
    ctx: Context, text: str, shopper_language: str | None
) -> tuple[bool, str | None]:
    """Did staff write in their own language to a shopper of another? (needs confirmation,
    the translation or None when it failed)."""
    if not shopper_language or shopper_language in ("unknown", ctx.staff_language) or _off(ctx):
        return False, None
    written = ctx.engine.detect_language(text, hint=ctx.staff_language)
    if written != ctx.staff_language:
        return False, None
    result = await ctx.translator.translate(
        text, source=ctx.staff_language, target=shopper_language
    )
    return True, result.text if result.ok else None


async def note_for_shopper(
    ctx: Context, note: str, shopper_language: str
) -> tuple[str | None, str | None]:
    """A note staff wrote (a department's resolution) as the shopper reads it: (the text,
    None), or (None, why not) when it cannot be given in their language; (None, None) for
    an empty note.

    The note is taken as written when it is in the shopper's language already (a department
    may write in it); otherwise it is translated from the language it is written in, told
    with the staff language as hint, as ``staff_text_for_shopper`` does. When translation
    fails or is off nothing of the note is given: an English sentence inside a German
    update is worse than no sentence, and the caller tells staff why it is missing.

        text, why_not = await note_for_shopper(ctx, "The new cup left today.", "de")
    """
    note = note.strip()
    if not note:
        return None, None
    written = ctx.engine.detect_language(note, hint=ctx.staff_language)
    if written == "unknown":  # too short to tell: staff write in their own language
        written = ctx.staff_language
    if written == shopper_language:
        return note, None
    result = await ctx.translator.translate(note, source=written, target=shopper_language)
    if result.ok:
        return result.text, None
    return None, result.error or "the translator gave no text"


async def template_variables(
    ctx: Context, message: InboundMessage, language: str | None = None
) -> dict[str, str]:
    """Values for the {variables} of a reply: from the message itself, and from the
    shopper's own order (order number, items, carrier, tracking number and link, estimated
    delivery in ``language``) once it is linked to them — never from a number alone. The
    engine adds the store's name and hours itself, in the language it writes.

    A group chat gets none of the order values: everyone in the group would read the
    reply, and an order is one person's business.
    """
    variables = {
        "shopper_name": message.user_name.split()[0] if message.user_name.strip() else "",
    }
    if message.chat_type is ChatType.GROUP:
        return variables
    found = order_number(message.text)
    if found:
        variables["order_number"] = found
    customer = await ctx.store.customer_by_identity(message.channel, message.user_id)
    if customer is not None:
        shown = language if language and language != "unknown" else customer.language or "en"
        variables.update(await order_variables(ctx, customer, message.text, shown))
        if customer.phone:  # where the shopper is, when nothing better says it (never shown)
            variables["shopper_phone"] = customer.phone
    return variables


def _off(ctx: Context) -> bool:
    """Translation turned off (BORDERDESK_TRANSLATOR=none): nothing to say on every card."""
    return ctx.translator.provider == "none"
