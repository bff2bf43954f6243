"""The value of an order a message names, in pounds sterling or euros, for the customs
schemes that only cover orders up to a limit.

A store that collects UK VAT at checkout (``customs.uk_vat``) does so only for orders up
to GBP 135; above that the import VAT is charged when the parcel arrives, as it is for an
EU order above EUR 150 under IOSS (``customs.ioss``). "If I order for about 200 pounds,
will I pay VAT on delivery?" must not be told that it was paid at checkout. This module
finds the amount and its currency in the shopper's words ("£200", "200 GBP", "za jakieś
200 funtów", "200 фунтов", "150 euro", "200ポンド", "200 يورو"); ``replies.facts.customs``
compares it with the scheme's limit. An amount in another currency, or none, is None:
the answer then says what the store's terms say.

    named_value("czy jak zamówię za jakieś 200 funtów, zapłacę VAT?")  # ("GBP", 200.0)
    named_value("will I pay customs to Canada?")                       # None
"""

from __future__ import annotations

import re

# Currency words and signs, before or after the number, in the fourteen reply languages.
_CURRENCIES = {
    "GBP": r"£|gbp|pounds?|sterling|funt(?:ów|ow|y|a)?|фунт(?:ов|а)?|sterlin|libras?|"
    r"livres?|pfund|sterlin[ae]|ポンド|파운드|英镑|جنيه(?: إسترليني)?",
    "EUR": r"€|eur|euros?|евро|avro|ユーロ|유로|欧元|يورو",
}
_NUMBER = r"(\d{1,3}(?:[ .,\u00a0]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)"
_PATTERNS = {
    currency: (
        re.compile(rf"(?<![a-z])(?:{words})\s?{_NUMBER}", re.IGNORECASE),
        re.compile(rf"{_NUMBER}\s?(?:{words})(?![a-zа-яё])", re.IGNORECASE),
    )
    for currency, words in _CURRENCIES.items()
}


def _amount(number: str) -> float:
    """ "1.250,50", "1,250.50", "1 250", "200" as a float."""
    digits = number.replace("\u00a0", "").replace(" ", "")
    if re.search(r"[.,]\d{1,2}$", digits):  # decimals after the last separator
        whole, cents = digits[:-3].replace(".", "").replace(",", ""), digits[-2:]
        if digits[-2] in ".,":
            whole, cents = digits[:-2].replace(".", "").replace(",", ""), digits[-1]
        return float(f"{whole}.{cents}")
    return float(digits.replace(".", "").replace(",", ""))


def named_value(text: str) -> tuple[str, float] | None:
    """The first amount in pounds or euros the message names, with its currency code."""
    found: list[tuple[int, str, float]] = []
    for currency, patterns in _PATTERNS.items():
        for pattern in patterns:
            match = pattern.search(text)
            if match:
                found.append((match.start(), currency, _amount(match.group(1))))
    if not found:
        return None
    _, currency, amount = min(found)
    return currency, amount
