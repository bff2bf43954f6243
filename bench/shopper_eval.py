"""Suggestions for realistic shoppers in 14 languages: the figures issue 15 asks for.

    python bench/shopper_eval.py              # the first set, tests/replies/shoppers/
    python bench/shopper_eval.py --set hard   # the second, tests/replies/shoppers_hard/
    python bench/shopper_eval.py --set fresh --misses   # the blind development set
    python bench/shopper_eval.py --set heldout          # the blind held-out set
    python bench/shopper_eval.py --set heldout2         # the second
    python bench/shopper_eval.py --set heldout3         # the third, written last

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

``--set fresh``, ``--set heldout``, ``--set heldout2`` and ``--set heldout3`` are the blind
sets (``tests/replies/shoppers_fresh``, ``shoppers_heldout``, ``shoppers_heldout2``,
``shoppers_heldout3``): written by people who saw neither the library's examples nor any
answer of the engine. Only the development set's misses may be studied (``--misses``
prints them); the held-out sets are for the figures alone, so that they stay honest.
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
    SHOPPERS_FRESH,
    SHOPPERS_HARD,
    SHOPPERS_HELDOUT,
    SHOPPERS_HELDOUT2,
    SHOPPERS_HELDOUT3,
    evaluate,
    load_shoppers,
    runtime_engine,
    shopper_figures,
)

SETS = {
    "first": SHOPPERS,
    "hard": SHOPPERS_HARD,
    "fresh": SHOPPERS_FRESH,
    "heldout": SHOPPERS_HELDOUT,
    "heldout2": SHOPPERS_HELDOUT2,
    "heldout3": SHOPPERS_HELDOUT3,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="first", dest="which")
    parser.add_argument(
        "--misses",
        action="store_true",
        help="also print each message whose best-ranked intent is wrong (development sets only)",
    )
    args = parser.parse_args()
    if args.misses and args.which.startswith("heldout"):
        parser.error("the held-out set's misses are not to be studied; use --set fresh")
    directory = SETS[args.which]
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
    if args.misses:
        for outcome in outcomes:
            if not outcome.top1 or outcome.wrong_confident:
                shopper, suggestion = outcome.shopper, outcome.suggestion
                print(
                    f"miss {shopper.lang} want={shopper.intent} got={suggestion.intent} "
                    f"top={[(i, round(c, 2)) for i, c in suggestion.top[:3]]} "
                    f"text={shopper.text!r}"
                    + (f" context={shopper.context!r}" if shopper.context else "")
                )


if __name__ == "__main__":
    main()
