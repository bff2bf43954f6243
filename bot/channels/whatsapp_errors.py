"""What the Graph API's error answers mean for the outbox: wait, retry, or give up.

The Cloud API answers a refused call with an HTTP error status and a JSON body
``{"error": {"code": 131026, "message": ..., "error_data": {"details": ...}, ...}}``
(``GraphAPIError`` in the spec). The code says what happened; this module turns it into
the desk's own error tree (``bot/errors.py``), so the outbox decides without knowing
WhatsApp:

    ===========  =====================================  ==================================
    code         what Meta means                        what the outbox does
    ===========  =====================================  ==================================
    130429       the number's throughput (80 msg/s)     waits ``THROUGHPUT_WAIT`` and goes
    4, 80007     too many API calls                     on (ChannelRateLimited: no attempt
                                                        used up, every chat of the number
                                                        paused, as they share the limit)
    131056       too many messages to one shopper in    retries that chat with backoff
                 a short time (the pair rate)           (ChannelUnavailable: the pause is
                                                        the shopper's alone, not the whole
                                                        number's)
    131047       more than 24 hours since the           parks it, saying so
                 shopper's last message                 (OutsideServiceWindow): only an
                                                        approved template may go now
    131026       undeliverable (no WhatsApp on that     parks it with Meta's reason
                 number, an old app, terms not          (ChannelRejected)
                 accepted...)
    131049       not delivered "to maintain healthy     parks it with Meta's reason
                 ecosystem engagement" (Meta's choice)  (ChannelRejected)
    132001,      the update template: not approved in   parks it with Meta's reason
    132000,      that language, or its variables not    (ChannelRejected): the store fixes
    132018       what the approved one has              the template or the setting
    1, 2, 131000 Meta's trouble (unknown, service,      retries with backoff
    131016,      temporarily unavailable), a 5xx, or    (ChannelUnavailable)
    131048, ...  ``is_transient``
    anything     a bad token (190), a missing           parks it (ChannelRejected): the
    else         permission (10, 200), a bad            same request would be refused again
                 parameter (100, 131008, 131009)...
    ===========  =====================================  ==================================

    error = graph_error(400, {"error": {"code": 131026, "message": "Message undeliverable"}})
    raise error  # ChannelRejected("whatsapp refused the message: 131026 Message undeliverable")
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.errors import ChannelError, ChannelRateLimited, ChannelRejected, ChannelUnavailable

# No Retry-After comes with a throughput error; Meta's advice is to back off briefly.
THROUGHPUT_WAIT = 2.0
THROUGHPUT = frozenset({130429, 4, 80007})
PAIR_RATE = 131056
OUTSIDE_WINDOW = 131047
# Meta's own trouble, or limits that lift by themselves within minutes (131048: the
# number's spam rate limit), so the same call may go through later.
TRANSIENT = frozenset({1, 2, 131000, 131016, 131048, 133004})


class OutsideServiceWindow(ChannelRejected):
    """131047: more than 24 hours passed since the shopper last wrote, so WhatsApp takes
    no free-form message, only an approved template. Retrying the same text cannot help;
    a template can: the channel catches it and sends the update template instead
    (``whatsapp_window``).

    It reaches the outbox only when no update template is set: a ChannelRejected, so the
    reply is parked with this message. Nothing outside this adapter tells it apart, so it
    stays here rather than in ``bot/errors.py``."""


@dataclass(frozen=True)
class GraphError:
    """An error answer of the Graph API, as its body gives it."""

    status: int  # the HTTP status
    code: int | None
    message: str
    details: str = ""  # error_data.details: Meta's longer explanation
    transient: bool = False  # is_transient
    trace: str = ""  # fbtrace_id, for Meta's support

    @classmethod
    def read(cls, status: int, body: Any) -> GraphError:
        """The error in a response body, whatever shape it came in (a proxy's HTML page
        has none: the status alone then)."""
        error = body.get("error") if isinstance(body, dict) else None
        if not isinstance(error, dict):
            return cls(status, None, f"HTTP {status}")
        code = error.get("code")
        data = error.get("error_data")
        details = data.get("details") if isinstance(data, dict) else None
        return cls(
            status=status,
            code=code if isinstance(code, int) and not isinstance(code, bool) else None,
            message=_text(error.get("message")) or f"HTTP {status}",
            details=_text(details),
            transient=error.get("is_transient") is True,
            trace=_text(error.get("fbtrace_id")),
        )

    def reason(self) -> str:
        """One line for the log and for staff: "131026 Message undeliverable (details)"."""
        said = f"{self.code} {self.message}" if self.code is not None else self.message
        if self.details and self.details not in said:
            said = f"{said} ({self.details})"
        return said + (f" [fbtrace {self.trace}]" if self.trace else "")


def graph_error(status: int, body: Any) -> ChannelError:
    """The ChannelError an error answer stands for (see the table above)."""
    error = GraphError.read(status, body)
    reason = error.reason()
    if error.code in THROUGHPUT or (error.code is None and status == 429):
        return ChannelRateLimited(
            THROUGHPUT_WAIT, f"whatsapp throughput limit: {reason}; again in {THROUGHPUT_WAIT:g}s"
        )
    if error.code == PAIR_RATE:
        return ChannelUnavailable(f"whatsapp: too many messages to this shopper just now: {reason}")
    if error.code == OUTSIDE_WINDOW:
        return OutsideServiceWindow(
            "whatsapp takes only a template now: the shopper last wrote more than 24 hours "
            f"ago ({reason})"
        )
    if error.code in TRANSIENT or error.transient or status >= 500:
        return ChannelUnavailable(f"whatsapp trouble: {reason}")
    return ChannelRejected(f"whatsapp refused the message: {reason}")


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""
