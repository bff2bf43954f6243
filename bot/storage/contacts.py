"""Where the matching rules for order numbers, e-mails and phones used to live.

They live in ``bot.orders.matching`` now (the domain layer, below storage, so the order
import can use them too). These names stay importable from here because migration 0006
imports ``normalize_order_number`` from this module, and a migration is never edited
once shipped; new code imports ``bot.orders.matching``.
"""

from __future__ import annotations

from bot.orders.matching import e164, normalize_email, phone_region, phones_match, same_phone
from bot.orders.matching import order_key as normalize_order_number

__all__ = [
    "e164",
    "normalize_email",
    "normalize_order_number",
    "phone_region",
    "phones_match",
    "same_phone",
]
