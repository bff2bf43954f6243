"""How long a desk takes to get its suggestion engine, with and without the model cache.

    python bench/startup.py

Loads the engine on the built-in library (all 14 languages), each time a full
``SuggestionEngine.load`` as ``borderdesk run`` does it (library, language detector,
classifier, country names): ``engine_load_cold_s`` with an empty cache folder (trains
and writes the model), ``engine_load_warm_s`` with the model just written (reads it),
``engine_load_learned_s`` with the same cache and ``LEARNED`` staff-learned examples in
the database (a restart after a day of staff decisions), and ``engine_load_nocache_s``
with the cache off. Wall and CPU seconds, the cache file's size, what ``learn`` costs an
example while the desk runs (``learn_ms_per_example``), whether the cached model ranks a
few messages exactly as the trained one, and whether the restarted desk ranks them (and
the learned examples) exactly as the desk that learned them while running.
Prints ``name=value`` lines. The cache folder is temporary: yours is not touched.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.config import DEFAULT_LANGUAGES  # noqa: E402
from replies.engine import SuggestionEngine  # noqa: E402
from replies.library import load_library  # noqa: E402

MESSAGES = [
    "where is my parcel?",
    "¿Dónde está mi pedido?",
    "Ich möchte meine Bestellung stornieren",
    "荷物はまだ届いていません",
    "je veux être remboursé",
]
LEARNED = 100  # staff decisions stored before the restart


def staff_decisions(count: int) -> list[tuple[str, str]]:
    """``count`` labelled examples as staff Sends leave them: shopper wording close to the
    library's (a library phrasing with an order number and a sign-off), spread over every
    intent and language, each with a few features the model has never seen."""
    phrasings = sorted(
        (text, spec.intent)
        for spec in load_library().values()
        for texts in spec.examples.values()
        for text in texts
    )
    step = len(phrasings) // count
    return [
        (f"{text} order BD-{4000 + n} cheers mate", intent)
        for n, (text, intent) in enumerate(phrasings[::step][:count])
    ]


def timed(name: str, load: Callable[[], SuggestionEngine]) -> SuggestionEngine:
    wall, cpu = time.perf_counter(), time.process_time()
    engine = load()
    print(f"{name}_s={time.perf_counter() - wall:.2f}")
    print(f"{name}_cpu_s={time.process_time() - cpu:.2f}")
    return engine


def main() -> None:
    learned = staff_decisions(LEARNED)
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)

        def load(
            model_cache: Path | None, examples: Sequence[tuple[str, str]] = ()
        ) -> Callable[[], SuggestionEngine]:
            return lambda: SuggestionEngine.load(
                languages=DEFAULT_LANGUAGES, model_cache=model_cache, learned_examples=examples
            )

        cold = timed("engine_load_cold", load(cache))
        warm = timed("engine_load_warm", load(cache))
        restarted = timed("engine_load_learned", load(cache, learned))
        timed("engine_load_nocache", load(None))
        size = sum(p.stat().st_size for p in cache.glob("*.npz"))
        print(f"model_cache_file_mb={size / 1e6:.1f}")
        print(f"model_cache_files={len(list(cache.glob('*.npz')))}")
        same = all(cold.classifier.rank(text) == warm.classifier.rank(text) for text in MESSAGES)
        print(f"cached_ranks_equal_trained={same}")
        # the desk that was running: the library model, taught each decision as staff sent it
        start = time.perf_counter()
        for text, intent in learned:
            warm.learn(text, intent)
        print(f"learn_ms_per_example={(time.perf_counter() - start) / LEARNED * 1000:.3f}")
        texts = [*MESSAGES, *(text for text, _ in learned)]
        same = all(warm.classifier.rank(t) == restarted.classifier.rank(t) for t in texts)
        print(f"restart_ranks_equal_running={same}")
        same = all(
            warm.classifier.rank(t)[0][0] == restarted.classifier.rank(t)[0][0] for t in texts
        )
        print(f"restart_top_intent_equal_running={same}")


if __name__ == "__main__":
    main()
