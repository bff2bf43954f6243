"""Moved to ``replies.language``: detecting a shopper's language serves only the replies.

Language detection is used by the suggestion engine and its readers and by nothing else,
so it lives in the replies layer (see ``.importlinter``). This module keeps the old name
for the two importers that other work was changing when it moved, ``replies/engine.py``
and ``replies/model_cache.py``, and for the README; once they say ``replies.language``,
delete it. Import ``replies.language`` in new code.

Names are looked up on first use (PEP 562 ``__getattr__``) rather than imported at the
top: ``replies/__init__.py`` loads the engine, which imports this module back, so an
eager ``from replies.language import ...`` here would fail whenever this module is
imported before ``replies``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the old name offered, for type checkers (mypy follows this)
    from replies.language import (
        CJK,
        UNKNOWN,
        WORD,
        LanguageDetector,
        has_words,
        make_detector,
        normalize_code,
        strip_noise,
    )

__all__ = [
    "CJK",
    "UNKNOWN",
    "WORD",
    "LanguageDetector",
    "has_words",
    "make_detector",
    "normalize_code",
    "strip_noise",
]


def __getattr__(name: str) -> Any:
    from replies import language

    return getattr(language, name)
