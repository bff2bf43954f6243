"""What a staff member wrote in Slack, as the shopper should read it.

Slack hands message text over in its own markup: ``&``, ``<`` and ``>`` arrive as
``&amp;``, ``&lt;`` and ``&gt;``; links as ``<https://…|label>``; mentions as ``<@U0…>``,
``<#C0…|name>`` and ``<!here>``. Sent on as they are, a shopper would read "Q&amp;A" and
"<https://shop.example/returns|our returns page>". This turns that markup into plain
text, the way a person reading the Slack message sees it::

    await plain_text("See <https://shop.example/r|our returns page> &amp; reply", name_of)
    # 'See our returns page (https://shop.example/r) & reply'

Formatting marks (``*bold*``, ``_italic_``) are left as typed: chat apps show them as
the characters they are, and they read naturally.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

NameOf = Callable[[str], Awaitable[str]]  # a Slack user id -> the name people see

_ANGLED = re.compile(r"<([^<>]*)>")
_SPECIAL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


async def plain_text(text: str, name_of: NameOf) -> str:
    """``text`` without Slack's markup; user mentions become ``@name`` via ``name_of``."""
    parts: list[str] = []
    position = 0
    for match in _ANGLED.finditer(text):
        parts.append(_unescape(text[position : match.start()]))
        parts.append(await _angled(match.group(1), name_of))
        position = match.end()
    parts.append(_unescape(text[position:]))
    return "".join(parts)


async def _angled(inside: str, name_of: NameOf) -> str:
    target, _, label = inside.partition("|")
    label = _unescape(label)
    if target.startswith("@"):
        return f"@{label or await name_of(target[1:])}"
    if target.startswith("#"):
        return f"#{label}" if label else "#channel"
    if target.startswith("!"):
        command = target[1:].split("^")[0]
        return label or _SPECIAL.get(command, f"@{command}")
    address = _unescape(target)
    if address.startswith("mailto:"):
        return label or address.removeprefix("mailto:")
    if not label or label in (address, address.split("://", 1)[-1]):
        return address
    return f"{label} ({address})"


def _unescape(text: str) -> str:
    # Slack escapes exactly these three; "&amp;lt;" is a typed "&lt;", so "&amp;" goes last
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
