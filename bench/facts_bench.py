"""Speed of the fact sentences: loading the country names, and the work per message.

    python bench/facts_bench.py

The country names of 14 languages come from Babel at startup (``replies.facts.fill.
prepare``); every suggestion whose answer states a fact then looks for a country in the
message and writes the sentences. Prints ``name=value`` lines.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from replies.facts.fill import fact_variables, prepare  # noqa: E402
from replies.facts.terms import parse_shipping  # noqa: E402

MESSAGES = [
    "I'm in Toronto, will this hair dryer work there? It says 110 V on the box",
    "¿Cuánto tarda el envío a Ciudad de México? Necesito el vestido en talla M",
    "DHL will 30 CHF Zoll von mir, ist das richtig? Ich wohne in Zürich",
    "普段は26.5cmの靴を履いています。東京まで何日かかりますか",
    "هل يعمل مجفف الشعر في الرياض؟",
    "where is my order? it has been two weeks",
]
TEMPLATE = "{plug_advice} {size_advice} {delivery_time} {delivery_lateness} {customs_advice}"
TERMS = parse_shipping(
    {
        "ships_from": "DE",
        "delivery_days": {"EU": "2-5", "US": "5-8", "default": "7-14"},
        "customs": {"ioss": True},
    }
)


def main() -> None:
    started = time.perf_counter()
    prepare()
    print(f"country_names_load_s={time.perf_counter() - started:.2f}")
    rounds = 300
    started = time.perf_counter()
    for _ in range(rounds):
        for text in MESSAGES:
            fact_variables(
                text, TEMPLATE, "en", {"ordered_on": "2026-11-20"}, terms=TERMS,
                today=date(2026, 12, 7),
            )  # fmt: skip
    per_message = (time.perf_counter() - started) / (rounds * len(MESSAGES))
    print(f"all_five_facts_per_message_ms={per_message * 1000:.2f}")


if __name__ == "__main__":
    main()
