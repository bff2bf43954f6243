"""Intent accuracy, learning, speed and memory of the suggestion engine's core.

    python bench/intent_bench.py

Measures on ../shared/data/bitext/dev.csv (read at run time, never copied):
top-1/top-3 using only the library's examples; the same after importing a stratified
half of the file as learned examples, measured on the other half; messages per second
of the classify core (language + intent) beside langdetect alone on the same messages;
the engine's load time (wall and CPU: it trains at every desk start and in tests), the
model's size and peak memory. Prints ``name=value`` lines. The file is English, so
confidences use the English calibration (``replies/calibration.json``).
"""

from __future__ import annotations

import csv
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import require  # noqa: E402

from replies.engine import SuggestionEngine  # noqa: E402

LANGUAGES = "en es fr de it pt nl pl ru tr ja ko zh ar".split()


def accuracy(engine: SuggestionEngine, rows: list[tuple[str, str]], prefix: str) -> None:
    top1 = top3 = 0
    confusions: Counter[tuple[str, str]] = Counter()
    buckets: dict[int, list[bool]] = defaultdict(list)
    for text, intent in rows:
        ranked = engine.classifier.rank(text, language="en")
        names = [name for name, _ in ranked[:3]]
        top1 += names[0] == intent
        top3 += intent in names
        buckets[min(int(ranked[0][1] * 10), 9)].append(names[0] == intent)
        if names[0] != intent:
            confusions[(intent, names[0])] += 1
    ece = sum(
        abs(sum(hits) / len(hits) - (b + 0.5) / 10) * len(hits) for b, hits in buckets.items()
    ) / len(rows)
    covered = [hit for b, hits in buckets.items() if b / 10 >= engine.threshold for hit in hits]
    print(f"{prefix}.top1={top1 / len(rows):.4f}")
    print(f"{prefix}.top3={top3 / len(rows):.4f}")
    print(f"{prefix}.ece={ece:.4f}")
    print(f"{prefix}.answered_above_threshold={len(covered) / len(rows):.4f}")
    print(f"{prefix}.precision_above_threshold={sum(covered) / max(len(covered), 1):.4f}")
    for (truth, guess), count in confusions.most_common(8):
        print(f"{prefix}.confusion.{truth}->{guess}={count}")


def main() -> None:
    with require("bitext/dev.csv").open(encoding="utf-8", newline="") as f:
        rows = [(r["text"], r["intent"]) for r in csv.DictReader(f)]
    print(f"bitext.messages={len(rows)}")

    start, cpu = time.perf_counter(), time.process_time()
    engine = SuggestionEngine.load(languages=LANGUAGES)
    print(f"load_seconds={time.perf_counter() - start:.2f}")
    print(f"load_cpu_seconds={time.process_time() - cpu:.2f}")
    model = engine.classifier
    print(f"features={len(model._vocab)}")
    print(f"model_mb={(model._weights.nbytes + model._sums.nbytes) / 2**20:.0f}")
    accuracy(engine, rows, "library_only")

    by_intent: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        by_intent[row[1]].append(row)
    imported: list[tuple[str, str]] = []
    held_out: list[tuple[str, str]] = []
    rng = random.Random(0)
    for intent in sorted(by_intent):
        group = by_intent[intent][:]
        rng.shuffle(group)
        imported += group[: len(group) // 2]
        held_out += group[len(group) // 2 :]
    start = time.perf_counter()
    learned = SuggestionEngine.load(languages=LANGUAGES, extra_examples=imported)
    print(f"load_with_imported_seconds={time.perf_counter() - start:.2f}")
    accuracy(learned, held_out, "imported_half")
    start = time.perf_counter()
    for text, intent in imported:
        engine.learn(text, intent)
    print(f"learn_ms_per_example={(time.perf_counter() - start) / len(imported) * 1000:.3f}")
    accuracy(engine, held_out, "learned_half")

    texts = [text for text, _ in rows]
    start = time.perf_counter()
    for text in texts:
        engine.detect_language(text)
        engine.classifier.rank(text, language="en")
    core = len(texts) / (time.perf_counter() - start)
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    start = time.perf_counter()
    for text in texts:
        try:
            detect(text)
        except LangDetectException:
            pass
    alone = len(texts) / (time.perf_counter() - start)
    print(f"classify_core.msg_per_s={core:.0f}")
    print(f"langdetect_alone.msg_per_s={alone:.0f}")
    print(f"speedup_vs_langdetect={core / alone:.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak_memory_mb={peak:.0f}")


if __name__ == "__main__":
    main()
