"""WhatsApp's 24-hour customer-service window, and the template that goes out after it.

A business may send a shopper free-form messages only within 24 hours of the shopper's
last message; after that Meta refuses them (error 131047) and takes only a message
template the business had approved beforehand. So a reply staff approve on a card
written the day before must not go as free text: it goes as the store's "update"
template, whose body has one variable that carries the reply::

    Hello! We have an update on your request: {{1}}

(the template is the store's to word and have approved, in WhatsApp Manager > Message
templates, with a category of Utility; ``BORDERDESK_WHATSAPP_TEMPLATES`` names it and its
language, ``update=request_update:pt_BR``). Meta does not take line breaks, tabs or more
than four spaces in a row in a variable, and a body is at most 1,024 characters, so the
reply is put on one line and cut at ``PARAMETER_LIMIT`` characters (with "…"); a long
reply the outbox cut in pieces goes as one template per piece.

Proactive notices (a shipped notice, a payment reminder...) may each have an approved
template of their own (``shipped=order_shipped:pt_BR``), whose body's variables are
filled from the values the notice was rendered from, in the order the setting gives or
``bot.config.whatsapp.TEMPLATE_VARIABLES`` (shipped: shopper_name, order_number, carrier,
tracking_number)::

    Olá {{1}}! Seu pedido #{{2}} foi enviado com {{3}}. Código de rastreio: {{4}}

A notice kind without a template of its own goes as the update template, its text as the
reply; a value the notice lacks (no tracking link yet) goes as "-", since Meta refuses an
empty variable.

Where the decision lives: in the channel, which sees every message a shopper sends and so
knows when each chat's window closes (``ServiceWindows``, in memory). A chat it has not
heard from since it started (after a restart) is tried as free text, and Meta's 131047
turns that one send into the template: nothing outside the channel learns about windows,
and no reply is refused for a window the channel merely forgot. The card shows when the
window closes from the seam's ``ChannelCapabilities.reply_window``.

    windows = ServiceWindows()
    windows.saw("5511987654321", message.received_at)
    windows.is_open("5511987654321", now)            # True, False, or None: not known
    template = Template("request_update", "pt_BR")
    body = template.message("5511987654321", "Seu pedido saiu hoje.\\nCódigo: BR123")
    shipped = Template("order_shipped", "pt_BR", ("order_number", "carrier"))
    body = shipped.message("5511987654321", text, {"order_number": "10389", "carrier": "DHL"})
"""

from __future__ import annotations

import datetime as dt
import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SERVICE_WINDOW = dt.timedelta(hours=24)
PARAMETER_LIMIT = 900  # of the 1,024 characters a template's body may have, for the reply
MISSING = "-"  # a variable whose value the notice lacks: Meta refuses an empty one
MAX_CHATS = 10_000  # chats whose last message time is kept

JSON = dict[str, Any]


@dataclass(frozen=True)
class Template:
    """An approved message template: its name, the language it was approved in, and the
    values that fill its body's variables {{1}}, {{2}}... in order (``text``: the whole
    message on one line; any other name: that value of the notice, ``Notice.values``)."""

    name: str
    language: str  # Meta's code: en, en_US, pt_BR...
    variables: tuple[str, ...] = ("text",)

    def parameters(self, text: str, values: Mapping[str, str] | None = None) -> list[str]:
        """The body's variables, in order, each as Meta takes it; a value the notice does
        not have (a shipment without a tracking link) is ``MISSING``, as Meta refuses an
        empty variable. Each gets an equal share of the body's ``PARAMETER_LIMIT``."""
        found = values or {}
        limit = PARAMETER_LIMIT // max(1, len(self.variables))
        filled = [
            one_line(text if v == "text" else found.get(v, ""), limit) for v in self.variables
        ]
        return [value or MISSING for value in filled]

    def message(self, to: str, text: str, values: Mapping[str, str] | None = None) -> JSON:
        """The send body (``TemplateMessage`` in Meta's spec), its variables filled from
        ``text`` and the notice's ``values``."""
        parameters = [{"type": "text", "text": v} for v in self.parameters(text, values)]
        return {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to,
            "type": "template",
            "template": {
                "name": self.name,
                "language": {"policy": "deterministic", "code": self.language},
                "components": [{"type": "body", "parameters": parameters}],
            },
        }


def one_line(text: str, limit: int = PARAMETER_LIMIT) -> str:
    """``text`` as Meta takes it in a template variable: no line breaks or tabs, no run of
    more than four spaces (all become one space), at most ``limit`` characters."""
    flat = re.sub(r"\s+", " ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class ServiceWindows:
    """When each chat last wrote, so a send knows whether free text may go."""

    def __init__(self, window: dt.timedelta = SERVICE_WINDOW, max_chats: int = MAX_CHATS) -> None:
        self.window = window
        self.max_chats = max_chats
        self._last: OrderedDict[str, dt.datetime] = OrderedDict()

    def saw(self, chat_id: str, at: dt.datetime) -> None:
        """The shopper of ``chat_id`` wrote at ``at`` (an older message changes nothing:
        Meta may deliver them out of order)."""
        known = self._last.pop(chat_id, None)
        self._last[chat_id] = at if known is None else max(known, at)
        while len(self._last) > self.max_chats:
            self._last.popitem(last=False)

    def closed(self, chat_id: str) -> None:
        """Meta said the window is closed (131047): believe it until the shopper writes."""
        self._last[chat_id] = dt.datetime.min.replace(tzinfo=dt.UTC)

    def is_open(self, chat_id: str, now: dt.datetime) -> bool | None:
        """Whether free text may go to ``chat_id`` now; None when the chat has not written
        since this process started."""
        last = self._last.get(chat_id)
        return None if last is None else now < last + self.window
