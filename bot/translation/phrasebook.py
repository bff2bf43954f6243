"""A translator that knows a fixed set of sentences and nothing else: the demo's offline
stand-in for a real provider.

``borderdesk demo`` runs with no network, so no real translator can answer, and without
one an English-speaking owner cannot read the Japanese, Arabic or Korean cards. A
phrasebook gives the demo real translations of its own scripted sentences, clearly
labelled, while every other text gets the same "translation unavailable" a failing
provider gives. It is never a choice of ``BORDERDESK_TRANSLATOR``.

Entries are written with their order numbers, e-mails and links as they are; the
translator hands the phrasebook the text with those protected terms replaced by
placeholders, so the entries are masked the same way when the phrasebook is built::

    book = Phrasebook({("es", "en"): {"¿Dónde está mi pedido #A1?": "Where is my order #A1?"}})
    translator = Translator("demo", cache=cache, backend=book)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .protect import PLACEHOLDER, Protector
from .providers import Outcome

UNKNOWN_SENTENCE = "the demo's offline stand-in translator knows only the demo's own sentences"


class Phrasebook:
    """Looks translations up; never reaches a network and never fails the flow."""

    name = "demo"
    label = "the demo's offline phrasebook"

    def __init__(
        self, entries: Mapping[tuple[str, str], Mapping[str, str]], glossary: Iterable[str] = ()
    ) -> None:
        protector = Protector(glossary)
        self._known: dict[tuple[str, str, str], str] = {}
        for (source, target), sentences in entries.items():
            for original, translated in sentences.items():
                masked = protector.mask(original)
                for index, term in enumerate(masked.terms):
                    translated = translated.replace(term, PLACEHOLDER.format(index))
                self._known[(source, target, masked.text)] = translated

    async def translate(self, text: str, *, source: str, target: str, timeout: float) -> Outcome:
        """The entry for ``text`` (already masked), or an error that is not the provider's
        fault (so the circuit breaker never opens on an unknown sentence)."""
        found = self._known.get((source, target, text))
        return Outcome(text=found) if found is not None else Outcome(error=UNKNOWN_SENTENCE)
