"""``borderdesk suggest [FILE] [--now ISO]``: what the desk would answer, as JSON lines.

Each input line is one shopper message, optionally with what is known about them::

    {"text": "¿dónde está mi pedido?", "lang_hint": "es", "country": "MX",
     "order": {"number": "A10293", "status": "shipped", "carrier": "DHL",
               "tracking_number": "JD0146", "tracking_url": "https://...",
               "estimated_delivery": "2026-12-11", "items": ["Lamp"], "country": "MX",
               "ordered_at": "2026-12-01"}}

and each output line is the suggestion, with the reply rendered in the shopper's language
exactly as the running desk would render it (same engine, same renderer, the store name
and desk file of the environment)::

    {"language": "es", "intent": "track_order", "confidence": 0.91,
     "top": [{"intent": "track_order", "confidence": 0.91}, ...],
     "reply": "Hola: tu pedido A10293 va en camino con DHL ...", "asks_for": []}

``reply`` is null when the engine abstains; ``asks_for`` names what the reply asks the
shopper to send (``order_number``, ``checkout_contact``) when no order is given. An
``order`` is taken as linked to the shopper, as an order proved with its e-mail or phone
is in the desk. A line that cannot be read gives ``{"line": N, "error": "..."}`` and the
next line is read: one bad line never loses the others. ``--now`` fixes the clock (the
week whose clock changes apply to the support hours), so output is reproducible.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from bot.config import Config
from bot.errors import UsageError
from replies.situations import LINKED_ORDER_MARKER
from replies.store import StoreDetails

if TYPE_CHECKING:  # loaded when the command runs, not for every other command
    from replies.engine import SuggestionEngine

logger = logging.getLogger(__name__)

ORDER_FIELDS = frozenset(
    {
        "number",
        "status",
        "carrier",
        "tracking_number",
        "tracking_url",
        "estimated_delivery",
        "items",
        "country",
        "ordered_at",  # YYYY-MM-DD: delivery_delay says how late the order is
    }
)
_MESSAGE_FIELDS = frozenset({"text", "lang_hint", "country", "order"})


class BadLine(ValueError):
    """An input line that is not a message this command understands; says why."""


def add_arguments(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``suggest`` on the ``borderdesk`` sub-command parsers."""
    suggest = subparsers.add_parser(
        "suggest",
        help="JSON lines {text, lang_hint, country?, order?} -> suggestion and rendered reply",
    )
    suggest.add_argument(
        "file", nargs="?", type=Path, help="JSON-lines file (default: standard input)"
    )
    suggest.add_argument(
        "--now",
        metavar="ISO",
        help="the current time, with its offset (e.g. 2026-12-07T10:00:00+00:00)",
    )


def run(config: Config, args: argparse.Namespace) -> int:
    """Answer every line; 0 even when some lines were bad (each got its error line)."""
    from bot.runtime import load_desk_for
    from replies.engine import SuggestionEngine

    clock = _fixed_clock(args.now) if args.now else _utc_now
    try:
        lines = args.file.open("rb") if args.file else sys.stdin.buffer
    except OSError as exc:
        raise UsageError(f"{args.file}: cannot read the file: {exc.strerror or exc}") from exc
    with lines:
        desk = load_desk_for(config)
        engine = SuggestionEngine.load(
            config.library_dir,
            languages=config.languages,
            detector=config.language_detector,
            store=StoreDetails(config.store_name, desk.calendar, clock, shipping=desk.shipping),
            model_cache=config.model_cache,
        )
        try:
            _answer_all(engine, lines, sys.stdout)
        except BrokenPipeError:
            # the reader went away (``| head``): stop quietly, as other filters do; stdout
            # goes to devnull so the interpreter's last flush does not fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _answer_all(engine: SuggestionEngine, lines: Iterable[bytes], out: IO[str]) -> None:
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        for result in _answer_line(engine, number, raw):
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            out.flush()


def _answer_line(engine: SuggestionEngine, number: int, raw: bytes) -> Iterator[dict[str, Any]]:
    try:
        message = _message(raw)
        yield suggestion(engine, message)
    except BadLine as exc:
        yield {"line": number, "error": str(exc)}
    except Exception:  # one message the engine fails on must not lose the next ones
        logger.exception("suggest: line %d could not be answered", number)
        yield {"line": number, "error": "could not be answered (an internal error, logged)"}


def _message(raw: bytes) -> dict[str, Any]:
    """The line as a checked message object; BadLine says what is wrong."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BadLine(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise BadLine(f"not JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(data, dict):
        raise BadLine('expected a JSON object such as {"text": "where is my order?"}')
    unknown = sorted(set(data) - _MESSAGE_FIELDS)
    if unknown:
        raise BadLine(f"unknown field(s) {unknown}; expected " + ", ".join(sorted(_MESSAGE_FIELDS)))
    if not isinstance(data.get("text"), str):
        raise BadLine('"text" must be the message, as a string')
    for key in ("lang_hint", "country"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise BadLine(f'"{key}" must be a string or null')
    order = data.get("order")
    if order is not None:
        if not isinstance(order, dict):
            raise BadLine('"order" must be an object with ' + ", ".join(sorted(ORDER_FIELDS)))
        unknown = sorted(set(order) - ORDER_FIELDS)
        if unknown:
            raise BadLine(
                f"unknown order field(s) {unknown}; expected " + ", ".join(sorted(ORDER_FIELDS))
            )
    return data


def suggestion(engine: SuggestionEngine, message: Mapping[str, Any]) -> dict[str, Any]:
    """The output line for one checked message."""
    text, hint = message["text"], message.get("lang_hint")
    order = message.get("order") or {}
    country = message.get("country") or order.get("country")
    language = engine.detect_language(text, hint=hint)
    shown_in = language if language != "unknown" else (hint or "en")
    s = engine.suggest(
        text,
        lang_hint=hint,
        variables=(
            order_variables(order, shown_in, today=engine.store.today())
            if order
            else typed_number(text)
        ),
        country=country,
        language=language,
    )
    return {
        "language": s.language,
        "intent": s.intent,
        "confidence": round(s.confidence, 4),
        "top": [{"intent": intent, "confidence": round(score, 4)} for intent, score in s.top],
        "reply": s.reply,
        "asks_for": list(s.asks_for),
    }


def typed_number(text: str) -> dict[str, str]:
    """The order number the message names, as the desk passes it when no order is linked
    (``handlers.replying.template_variables``): the answer then asks only for the checkout
    e-mail or phone of that order, instead of asking for the number again."""
    from handlers.facts import order_number

    found = order_number(text)
    return {"order_number": found} if found else {}


def order_variables(
    order: Mapping[str, Any], language: str, *, today: date | None = None
) -> dict[str, str]:
    """Reply variables of an order given on a line, as the desk fills them from a linked
    order (``handlers.order_links.order_variables``); BadLine for a malformed field. An
    estimate before ``today`` (the ``--now`` day) reads as passed."""
    from handlers.order_links import format_day

    values = {
        "order_number": _text(order, "number").lstrip("#"),
        # the order is the shopper's: answers may speak of it, shipped or not
        LINKED_ORDER_MARKER: _text(order, "status") or "open",
        "carrier": _text(order, "carrier"),
        "tracking_number": _text(order, "tracking_number"),
        "tracking_link": _text(order, "tracking_url"),
        "items": ", ".join(_items(order.get("items"))),
    }
    estimate = _text(order, "estimated_delivery")
    if estimate:
        try:
            day = date.fromisoformat(estimate[:10])
        except ValueError as exc:
            raise BadLine(
                f'order "estimated_delivery" {estimate!r} is not a YYYY-MM-DD date'
            ) from exc
        values["delivery_estimate"] = format_day(day, language, today=today)
        values["estimated_on"] = day.isoformat()  # how late it is (replies.facts.delivery)
    ordered_at = _text(order, "ordered_at")
    if ordered_at:
        try:
            values["ordered_on"] = date.fromisoformat(ordered_at[:10]).isoformat()
        except ValueError as exc:
            raise BadLine(f'order "ordered_at" {ordered_at!r} is not a YYYY-MM-DD date') from exc
    return {key: value for key, value in values.items() if value}


def _text(order: Mapping[str, Any], key: str) -> str:
    value = order.get(key)
    if value is None:
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise BadLine(f'order "{key}" must be a string')
    return str(value).strip()


def _items(value: Any) -> list[str]:
    """``["Lamp", {"title": "Cable", "quantity": 2}]`` -> ["Lamp", "2 × Cable"]."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadLine('order "items" must be a list of names or {"title", "quantity"} objects')
    shown = []
    for item in value:
        if isinstance(item, str) and item.strip():
            shown.append(item.strip())
        elif isinstance(item, dict) and isinstance(item.get("title"), str):
            quantity = item.get("quantity", 1)
            shown.append(f"{quantity} × {item['title']}" if quantity != 1 else item["title"])
        else:
            raise BadLine(f'order "items": {item!r} is neither a name nor a {{"title"}} object')
    return shown


def _fixed_clock(text: str) -> Callable[[], datetime]:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise UsageError(f"--now {text!r} is not an ISO date and time") from exc
    if moment.tzinfo is None:
        raise UsageError(f"--now {text!r} has no time zone; add its offset, e.g. {text}+00:00")
    return lambda: moment


def _utc_now() -> datetime:
    return datetime.now(UTC)
