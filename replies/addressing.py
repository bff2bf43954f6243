"""A reply written to the shopper as they wrote to us: their courtesies answered, their
register kept, their script used.

The library writes one wording per language; ``addressed`` fits it to the message it
answers, after it is filled (``replies.engine``):

- ``replies.register``: a formal message ("Szanowni Państwo", "Exmos. Senhores") is
  answered in the formal register;
- ``replies.courtesy``: the shopper's time-of-day greeting, "are you there?", Arabic
  blessing or season's wish is answered in kind;
- ``replies.receipt``: a receipt asked for is named a receipt, not an invoice;
- ``replies.safety``: an electrical item that sparks, smokes, overheats or leaks is not
  to be used until it is checked;
- ``replies.script``: a Chinese message written in traditional characters is answered in
  traditional characters (with Taiwan's or Hong Kong's wording).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from bot.calendar.countries import single_zone
from replies.courtesy import courteous
from replies.facts.fill import where_is_shopper
from replies.receipt import receipt_wording
from replies.register import in_register, writes_formally
from replies.safety import with_safety
from replies.script import in_shoppers_script

# The zone most of a country's people keep, for a greeting by the time of day in a country
# of several zones (``bot.calendar.countries.single_zone`` gives none for them).
_MOST_PEOPLES_ZONE = {"BR": "America/Sao_Paulo"}


def addressed(
    reply: str,
    language: str,
    text: str,
    values: Mapping[str, str] | None = None,
    *,
    country: str | None = None,
    language_code: str | None = None,
    now: datetime | None = None,
    intent: str | None = None,
) -> str:
    """``reply`` (in ``language``, the answer of ``intent``) fitted to the shopper's
    message ``text``."""
    if not reply:
        return reply
    where = where_is_shopper(text, values or {}, country=country, language_code=language_code)
    formal = writes_formally(text, language)
    code = where.code if where else None
    zone = single_zone(code) or _MOST_PEOPLES_ZONE.get(code or "")
    reply = in_register(reply, language, text, now=now, zone=zone)
    reply = receipt_wording(reply, language, text)
    reply = with_safety(reply, language, text, formal=formal, intent=intent)
    reply = courteous(reply, language, text, formal=formal)
    return in_shoppers_script(
        reply, language, text, values or {}, country=country, language_code=language_code
    )
