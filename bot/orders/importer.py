"""Order files: CSV with a header row, or JSON lines (one object per line).

Every row is checked by ``parse_order``; good rows are kept, bad ones are reported by the
file's own line number (the CSV header is line 1; blank lines are skipped but counted; a
quoted cell spanning lines is reported at its first line)::

    result = read_orders(Path("orders.csv"))
    for line, message in result.bad:
        print(f"line {line}: {message}")

CSV columns are named like the ``OrderEvent`` fields ("Order Number" works too); items are
written "Blue mug x2; Tea towel x1" or as a JSON list. The format comes from the extension
(.csv; .jsonl, .ndjson, .json) or, for any other name, from the first non-blank line.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import BorderDeskError
from bot.orders.model import FIELDS, OrderDataError, OrderEvent, parse_order

CSV_SUFFIXES = (".csv",)
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


class OrderFileError(BorderDeskError):
    """The file cannot be read at all (missing, unreadable, not UTF-8)."""


@dataclass
class ImportResult:
    good: list[OrderEvent] = field(default_factory=list)
    bad: list[tuple[int, str]] = field(default_factory=list)  # (line number, message)


def read_orders(path: str | Path) -> ImportResult:
    """Read an order file; raises OrderFileError only when the file cannot be read."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise OrderFileError(
            f"{path}: not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        ) from exc
    except OSError as exc:
        raise OrderFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    lines = text.splitlines(keepends=True)
    rows = _jsonl_rows(lines) if _is_jsonl(path, lines) else _csv_rows(lines)
    result = ImportResult()
    for line, row in rows:
        if isinstance(row, str):
            result.bad.append((line, row))
            continue
        try:
            result.good.append(parse_order(row))
        except OrderDataError as exc:
            result.bad.append((line, str(exc)))
    return result


def _is_jsonl(path: Path, lines: list[str]) -> bool:
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES or suffix in JSONL_SUFFIXES:
        return suffix in JSONL_SUFFIXES
    first = next((line.strip() for line in lines if line.strip()), "")
    return first.startswith(("{", "["))


# Each reader yields (line number, row as a mapping) or (line number, why it is unusable).
Rows = Iterator[tuple[int, dict[str, Any] | str]]


def _jsonl_rows(lines: list[str]) -> Rows:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as exc:
            if number == 1 and line.lstrip().startswith("["):
                yield number, "a JSON array: write one JSON object per line (JSON lines)"
                return
            yield number, f"not valid JSON ({exc})"
            continue
        if not isinstance(value, dict):
            yield number, "not a JSON object; write one order per line as {...}"
            continue
        yield number, value


def _csv_rows(lines: list[str]) -> Rows:
    reader = csv.reader(lines, delimiter=_delimiter(lines))
    header: list[str] | None = None
    start = 1  # the line the next row begins on
    while True:
        number = start
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield number, f"not readable as CSV ({exc})"
            start = reader.line_num + 1
            continue
        start = reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [cell.strip().lower().replace(" ", "_") for cell in cells]
            problem = _header_problem(header)
            if problem:
                yield number, problem
            if "order_number" not in header or len(set(header)) < len(header):
                return
            continue
        if len(cells) > len(header):
            yield number, f"{len(cells)} values but the header names {len(header)} columns"
            continue
        yield (
            number,
            {column: cell for column, cell in zip(header, cells, strict=False) if column in FIELDS},
        )
    if header is None:
        yield 1, "the file is empty; the first line must name the columns"


def _delimiter(lines: list[str]) -> str:
    """Comma, or the semicolon or tab a spreadsheet used, judged by the header line."""
    first = next((line for line in lines if line.strip()), "")
    return max((",", ";", "\t"), key=first.count)


def _header_problem(header: list[str]) -> str | None:
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        return f"column {repeated[0]!r} appears twice in the header"
    if "order_number" not in header:
        return (
            "the header has no order_number column (the first line must name the "
            f"columns, e.g. order_number,email,status); found {', '.join(header)}"
        )
    unknown = [c for c in header if c not in FIELDS]
    if unknown:
        return (
            f"unknown column(s) {', '.join(unknown)} ignored; "
            f"the known columns are {', '.join(FIELDS)}"
        )
    return None
