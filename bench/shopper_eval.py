"""Suggestions for realistic shoppers in 14 languages: the figures issue 15 asks for.

    python bench/shopper_eval.py              # the first set, tests/replies/shoppers/
    python bench/shopper_eval.py --set hard   # the second, tests/replies/shoppers_hard/

Runs the labelled messages of ``tests/replies/shoppers/`` (fresh, written the way
shoppers write, labelled before any run), or with ``--set hard`` those of the second,
harder set ``tests/replies/shoppers_hard/`` (written independently of the first, aimed
at heavy typos, romanized scripts, indirect phrasing, threats and follow-ups), through
the engine as the runtime builds it, with each message's language as the channel's
hint, and prints ``name=value`` lines:
overall ``n``, ``top1``, ``top3``, ``abstain_rate``, ``wrong_confident_rate`` (a wrong
suggestion at or above the threshold where staff are shown it as the reply to send),
``confident_correct_rate``, ``language_accuracy`` and ``auto_send_wrong_rate``; then the
same per language (``lang.es.top1``) and per kind of message (``kind.typo.top1``), and
the most frequent confusions (``confusion.<label>-><best-ranked>``, counts).
What each figure means is written in ``tests/replies/shopper_figures.py``, which
``tests/replies/test_shopper_eval.py`` shares to hold them to the issue's targets.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.replies.shopper_figures import (  # noqa: E402
    SHOPPERS,
    SHOPPERS_HARD,
    evaluate,
    load_shoppers,
    runtime_engine,
    shopper_figures,
)

SETS = {"first": SHOPPERS, "hard": SHOPPERS_HARD}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="first", dest="which")
    directory = SETS[parser.parse_args().which]
    start = time.perf_counter()
    engine = runtime_engine()
    print(f"load_seconds={time.perf_counter() - start:.2f}")
    print(f"threshold={engine.threshold}")
    shoppers = load_shoppers(directory, intents=engine.library)
    start = time.perf_counter()
    outcomes = evaluate(engine, shoppers)
    print(f"ms_per_message={(time.perf_counter() - start) / len(shoppers) * 1000:.2f}")
    for name, value in shopper_figures(outcomes).items():
        counted = name == "n" or name.endswith(".n") or name.startswith("confusion.")
        print(f"{name}={value:.0f}" if counted else f"{name}={value:.4f}")


if __name__ == "__main__":
    main()
