"""Language-identification accuracy per category on ../shared/data/langid/.

    python bench/langid_bench.py

Prints ``name=value`` lines: accuracy of each detector (restricted to the 20 languages
of the data) on single words, word pairs and sentences, and its speed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import require  # noqa: E402

from replies.language import make_detector  # noqa: E402

CATEGORIES = ("single-words", "word-pairs", "sentences")


def main() -> None:
    root = require("langid")
    languages = sorted(p.name for p in root.iterdir() if p.is_dir())
    samples = {
        cat: [
            (lang, line.strip())
            for lang in languages
            for line in (root / lang / f"{cat}.txt").read_text("utf-8").splitlines()
            if line.strip()
        ]
        for cat in CATEGORIES
    }
    print(f"languages={','.join(languages)}")
    for name in ("lingua", "langdetect"):
        detector = make_detector(name, languages)
        for cat, items in samples.items():
            start = time.perf_counter()
            correct = sum(detector.detect(text) == lang for lang, text in items)
            elapsed = time.perf_counter() - start
            print(f"langid.{name}.{cat}.accuracy={correct / len(items):.4f}")
            print(f"langid.{name}.{cat}.msg_per_s={len(items) / elapsed:.0f}")


if __name__ == "__main__":
    main()
