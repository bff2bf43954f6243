"""How long a desk takes to get its suggestion engine, with and without the model cache.

    python bench/startup.py

Loads the engine on the built-in library (all 14 languages) three times, each a full
``SuggestionEngine.load`` as ``borderdesk run`` does it (library, language detector,
classifier, country names): ``engine_load_cold_s`` with an empty cache folder (trains
and writes the model), ``engine_load_warm_s`` with the model just written (reads it),
and ``engine_load_nocache_s`` with the cache off. Wall and CPU seconds, the cache file's
size, and whether the cached model ranks a few messages exactly as the trained one.
Prints ``name=value`` lines. The cache folder is temporary: yours is not touched.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.config import DEFAULT_LANGUAGES  # noqa: E402
from replies.engine import SuggestionEngine  # noqa: E402

MESSAGES = [
    "where is my parcel?",
    "¿Dónde está mi pedido?",
    "Ich möchte meine Bestellung stornieren",
    "荷物はまだ届いていません",
    "je veux être remboursé",
]


def timed(name: str, load: Callable[[], SuggestionEngine]) -> SuggestionEngine:
    wall, cpu = time.perf_counter(), time.process_time()
    engine = load()
    print(f"{name}_s={time.perf_counter() - wall:.2f}")
    print(f"{name}_cpu_s={time.process_time() - cpu:.2f}")
    return engine


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)

        def load(model_cache: Path | None) -> Callable[[], SuggestionEngine]:
            return lambda: SuggestionEngine.load(
                languages=DEFAULT_LANGUAGES, model_cache=model_cache
            )

        cold = timed("engine_load_cold", load(cache))
        warm = timed("engine_load_warm", load(cache))
        timed("engine_load_nocache", load(None))
        size = sum(p.stat().st_size for p in cache.glob("*.npz"))
        print(f"model_cache_file_mb={size / 1e6:.1f}")
        same = all(cold.classifier.rank(text) == warm.classifier.rank(text) for text in MESSAGES)
        print(f"cached_ranks_equal_trained={same}")


if __name__ == "__main__":
    main()
