"""Would a store send these answers? Runs the sendability messages through ``borderdesk suggest``.

    python bench/sendability.py                      # --now 2026-12-07T12:00:00+00:00
    python bench/sendability.py --now 2026-12-24T09:00:00+00:00
    python bench/sendability.py --file other.jsonl
    BORDERDESK_DESK_FILE=desk.example.yaml BORDERDESK_STORE_NAME="Nordlicht" \\
        python bench/sendability.py                  # a store that set its desk file and name

The messages (``tests/replies/sendability/messages.jsonl``, see its README) are fresh
shopper messages in all 14 languages, some with a linked order (with and without
tracking), some without. They go through the ``borderdesk suggest`` command itself, in
this process, so the engine, the renderer, the store name and the desk file are exactly
those of the environment, as a new user trying the command would get them.

For each message it prints the number, the language hint, what order is linked (``T``
with tracking, ``N`` without, ``-`` none), the text, then the intent, confidence, what the
reply asks for and the reply itself; at the end ``messages=N answered=N abstained=N``
(and ``errors=N`` when a line could not be answered). Whether a reply would be sent is a
person's judgement, written to ``tests/replies/sendability/verdicts-<date>-<HHMM>.md``,
never computed here.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.cli import main as borderdesk  # noqa: E402

MESSAGES = Path(__file__).resolve().parents[1] / "tests/replies/sendability/messages.jsonl"
NOW = "2026-12-07T12:00:00+00:00"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=MESSAGES, help="JSON-lines messages")
    parser.add_argument("--now", default=NOW, help=f"the clock, with offset (default {NOW})")
    args = parser.parse_args()
    messages = [
        json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line
    ]
    answers = suggest(args.file, args.now)
    if len(answers) != len(messages):
        sys.exit(f"borderdesk suggest gave {len(answers)} lines for {len(messages)} messages")
    answered = abstained = errors = 0
    for number, (message, answer) in enumerate(zip(messages, answers, strict=True), 1):
        print(f"--- {number} [{message.get('lang_hint')}] order={situation(message)}")
        print(f"text: {message['text']}")
        if "error" in answer:
            errors += 1
            print(f"error: {answer['error']}")
            continue
        print(
            f"intent={answer['intent']} confidence={answer['confidence']:.2f} "
            f"language={answer['language']} asks_for={','.join(answer['asks_for']) or '-'}"
        )
        if answer["reply"] is None:
            abstained += 1
            top = ", ".join(f"{t['intent']} {t['confidence']:.2f}" for t in answer["top"])
            print(f"reply: (none; top {top})")
        else:
            answered += 1
            print(f"reply: {answer['reply']}")
    summary = f"messages={len(messages)} answered={answered} abstained={abstained}"
    print(summary + (f" errors={errors}" if errors else ""))


def suggest(path: Path, now: str) -> list[dict[str, Any]]:
    """The output lines of ``borderdesk suggest PATH --now NOW``, run in this process."""
    out = io.StringIO()
    with redirect_stdout(out):
        status = borderdesk(["suggest", str(path), "--now", now])
    if status != 0:
        sys.exit(f"borderdesk suggest exited with {status}")
    return [json.loads(line) for line in out.getvalue().splitlines() if line]


def situation(message: dict[str, Any]) -> str:
    """``T`` an order with tracking, ``N`` an order without, ``-`` no order linked."""
    order = message.get("order")
    if not order:
        return "-"
    return "T" if order.get("tracking_number") else "N"


if __name__ == "__main__":
    main()
