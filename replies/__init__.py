"""The answer library (``replies/library/*.yaml``) and the suggestion engine.

from replies import SuggestionEngine
engine = SuggestionEngine.load(languages=["en", "fr"])
engine.suggest("Où est mon colis ?").intent
"""

from replies.engine import SuggestionEngine
from replies.library import IntentSpec, LibraryError

__all__ = ["IntentSpec", "LibraryError", "SuggestionEngine"]
