"""The settlements' replies to the shopper, in their language
(``replies/notices/disputes.yaml``: one entry per settlement, one line per language).

The refund is written the way the shopper's language writes money and percents (Babel:
"12,00 €" in German, "€12.00" in English, "%20" in Turkish), never by hand::

    texts = settle_texts()
    text, used = texts.render("keep_refund", "de", shopper_name="Jonas", order_number="B77",
                              amount=Decimal("12"), currency="EUR")
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from babel.core import UnknownLocaleError
from babel.numbers import format_currency, format_percent

from replies.library import LibraryError
from replies.notices import NOTICES_DIR, line_for
from replies.render import render

TEXTS_FILE = NOTICES_DIR / "disputes.yaml"
SETTLEMENTS = ("keep_refund", "partial_refund", "reship", "return")
VARIABLES = frozenset({"shopper_name", "order_number", "amount", "percent"})


@dataclass(frozen=True)
class SettleTexts:
    texts: Mapping[str, Mapping[str, str]]  # settlement -> language -> template

    def render(
        self,
        settlement: str,
        language: str,
        *,
        shopper_name: str,
        order_number: str,
        amount: Decimal,
        currency: str,
        percent: int | None = None,
        country: str | None = None,
    ) -> tuple[str, str]:
        """(text, language used): English when the language has no version; its regional
        variant for a shopper in ``country`` (``replies.notices.line_for``: pt-PT in
        Portugal, "2,40 €" there), the language used still the base one."""
        versions = self.texts[settlement]
        used = language if language in versions else "en"
        line = line_for(versions, used, country)
        values = {
            "shopper_name": shopper_name,
            "order_number": order_number,
            "amount": _money(amount, currency, line),
            "percent": _percent(percent, line) if percent is not None else "",
        }
        return render(versions[line], used, values), used


@cache
def settle_texts(path: Path = TEXTS_FILE) -> SettleTexts:
    """The replies, read and checked once: every settlement, English included, and no
    variable but ``VARIABLES`` (a typo would reach shoppers as a gap)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LibraryError(path, f"cannot be read: {exc}") from exc
    if not isinstance(data, dict) or set(data) != set(SETTLEMENTS):
        raise LibraryError(path, f"expected exactly the settlements {', '.join(SETTLEMENTS)}")
    for settlement, versions in data.items():
        if not isinstance(versions, dict) or "en" not in versions:
            raise LibraryError(path, "expected one line per language, English included",
                               field=settlement)  # fmt: skip
        for language, text in versions.items():
            used = {f for _, f, _, _ in string.Formatter().parse(str(text)) if f is not None}
            if not used <= VARIABLES:
                raise LibraryError(
                    path,
                    f"uses {sorted(used - VARIABLES)}, expected at most {sorted(VARIABLES)}",
                    field=f"{settlement}.{language}",
                )
    return SettleTexts(
        {str(s): {str(k): str(v) for k, v in versions.items()} for s, versions in data.items()}
    )


def _money(amount: Decimal, currency: str, language: str) -> str:
    try:
        return format_currency(amount, currency, locale=language.replace("-", "_"))
    except UnknownLocaleError:
        return format_currency(amount, currency, locale="en")


def _percent(percent: int, language: str) -> str:
    try:
        return format_percent(Decimal(percent) / 100, locale=language.replace("-", "_"))
    except UnknownLocaleError:
        return format_percent(Decimal(percent) / 100, locale="en")
