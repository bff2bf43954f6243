"""Machine translation for staff and shoppers, over deep-translator.

translator.py   Translator, Translation, describe_translation: the policy (cache first,
                protected terms, circuit breaker, never raise)
providers.py    the deep-translator edge: provider settings, worker threads, timeouts,
                errors in plain words
protect.py      order numbers, links, names and {variables} kept out of translation
breaker.py      the circuit breaker
cache.py        the TranslationCache seam and an in-memory cache
"""

from .breaker import CircuitState
from .cache import MemoryTranslationCache, TranslationCache
from .providers import PROVIDERS
from .translator import DISABLED, PAUSED, Translation, Translator, describe_translation

__all__ = [
    "DISABLED",
    "PAUSED",
    "PROVIDERS",
    "CircuitState",
    "MemoryTranslationCache",
    "Translation",
    "TranslationCache",
    "Translator",
    "describe_translation",
]
