"""Protected terms: what machine translation must never touch, and how we keep it whole.

A shopper who reads "your order #A10293 ships with DHL" must see the same order number,
carrier and link in their language. Engines happily "translate" them ("Pedido Express"
becomes "Order Express", ``{shopper_name}`` becomes ``{nombre_comprador}``), so every
protected term is swapped for a numbered placeholder before the call and put back after.

The placeholder is ``⟦0⟧`` (U+27E6/U+27E7, mathematical white square brackets around an
index): it is no word in any language, is not markup an engine would parse (``<x/>``,
``{0}``, ``%s`` all are), and punctuation-like symbols are copied through as they are.
Engines do sometimes pad it with spaces ("⟦ 0 ⟧"), so restoring tolerates whitespace inside
the brackets. When a placeholder comes back lost, doubled or invented, ``restore`` returns
None and the caller shows the original text instead of a message missing its order number.

    protector = Protector(["DHL Express"])
    masked = protector.mask("Tu pedido #A10293 va con DHL Express")
    masked.text                       # 'Tu pedido ⟦0⟧ va con ⟦1⟧'
    masked.restore("Your order ⟦0⟧ ships with ⟦1⟧")
    # 'Your order #A10293 ships with DHL Express'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

PLACEHOLDER = "⟦{}⟧"
_RETURNED_PLACEHOLDER = re.compile(r"⟦\s*(\d+)\s*⟧")

# Tried in this order at each position: a URL wins over the order number inside it.
_BEFORE_GLOSSARY = (
    r"⟦\s*\d+\s*⟧",  # a placeholder-shaped text already in the message stays as it is
    r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]}'»]",  # URLs, minus trailing punctuation
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
    r"\{\w+\}",  # reply template variables such as {shopper_name}
)
_AFTER_GLOSSARY = (
    r"#[A-Za-z0-9][\w-]*",  # order numbers: #A10293, #1001
    # tracking numbers: letters and digits mixed, 10+ long (1Z999AA10123456784, LX123456789CN)
    r"(?i:\b(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{10,}\b)",
    r"\b\d{6,}\b",  # long bare numbers: order, tracking and phone numbers
)


@dataclass(frozen=True)
class Masked:
    """A text with its protected terms replaced by placeholders, and the terms to put back."""

    text: str
    terms: tuple[str, ...]

    def restore(self, translated: str) -> str | None:
        """Put the terms back; None unless every placeholder came back exactly once."""
        seen: list[int] = []

        def term(match: re.Match[str]) -> str:
            index = int(match.group(1))
            seen.append(index)
            return self.terms[index] if index < len(self.terms) else match.group(0)

        restored = _RETURNED_PLACEHOLDER.sub(term, translated)
        return restored if sorted(seen) == list(range(len(self.terms))) else None


class Protector:
    """Finds protected terms: the glossary (brand, product and carrier names) plus shapes.

    Glossary terms match case-insensitively as whole words, longest first, and the text keeps
    the spelling the writer used.
    """

    def __init__(self, glossary: Iterable[str] = ()) -> None:
        terms = sorted({t.strip() for t in glossary if t.strip()}, key=len, reverse=True)
        glossary_patterns = [rf"(?i:(?<!\w){re.escape(t)}(?!\w))" for t in terms]
        patterns = (*_BEFORE_GLOSSARY, *glossary_patterns, *_AFTER_GLOSSARY)
        self._pattern = re.compile("|".join(patterns))

    def mask(self, text: str) -> Masked:
        terms: list[str] = []

        def placeholder(match: re.Match[str]) -> str:
            terms.append(match.group(0))
            return PLACEHOLDER.format(len(terms) - 1)

        return Masked(self._pattern.sub(placeholder, text), tuple(terms))
