"""Order files: good rows kept, bad rows reported by the file's own line numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.orders.importer import OrderFileError, read_orders

CSV = """\
Order Number,email,country,status,total,currency,items,ordered_at
#1001,ana.garcia@example.es,ES,paid,59.90,EUR,Linen apron x1; Tea towel x2,2026-02-27T10:15:00+01:00

1002,k.tanaka@example.jp,Japan,created,4800,JPY,Linen apron x1,2026-02-27T18:00:00+09:00
"1003",pierre@example.fr,FR,shipped,"32,50",EUR,Mug x1,2026-02-28T09:00:00+01:00
1004,marta@example.pl,PL,delivered,120,PLN,"Blanket
(wool) x1",2026-02-20T12:00:00+01:00
1005,olu@example.ng,NG,paid,20,NGN,Mug x1,2026-02-28 09:00
1006,sam@example.com,US,paid,15,USD,Mug x1,2026-02-28T09:00:00-05:00,extra
1007,li@example.cn,CN,paid,88,CNY,Mug x2,2026-02-28T09:00:00+08:00
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_keeps_good_rows_and_names_bad_ones_by_line(tmp_path: Path) -> None:
    result = read_orders(write(tmp_path, "orders.csv", CSV))

    assert [e.order_number for e in result.good] == ["#1001", "1007"]
    assert [line for line, _ in result.bad] == [4, 5, 6, 8, 9]
    messages = dict(result.bad)
    assert messages[4].startswith("country: 'Japan'")
    assert messages[5].startswith("total: '32,50'") and "dot" in messages[5]
    assert messages[6].startswith("items:") and "control characters" in messages[6]
    assert messages[8].startswith("ordered_at:") and "no time zone" in messages[8]
    assert "9 values but the header names 8 columns" in messages[9]
    first = result.good[0]
    assert first.items == (("Linen apron", 1), ("Tea towel", 2))
    assert first.total == 59.9 and first.currency == "EUR" and first.status == "paid"
    assert result.good[1].items == (("Mug", 2),)


def test_jsonl_keeps_good_lines_and_names_bad_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"order_number": "#2001", "status": "paid", "email": "ana@example.es"}),
        "",
        '{"order_number": "#2002", "status": "paid",',  # cut short
        json.dumps(["#2003", "paid"]),
        json.dumps({"order_number": "#2004", "status": "lost"}),
        json.dumps({"order_number": "#2005", "items": [{"title": "Mug", "quantity": 2}]}),
        "   ",
        json.dumps({"order_number": "#2006", "trackingnumber": "EJ1"}),
    ]
    result = read_orders(write(tmp_path, "orders.jsonl", "\n".join(lines) + "\n"))

    assert [e.order_number for e in result.good] == ["#2001", "#2005"]
    assert result.good[1].items == (("Mug", 2),)
    bad = dict(result.bad)
    assert sorted(bad) == [3, 4, 5, 8]
    assert bad[3].startswith("not valid JSON")
    assert bad[4].startswith("not a JSON object")
    assert bad[5].startswith("status: 'lost' is not one of")
    assert bad[8].startswith("trackingnumber: unknown field")


def test_the_format_is_sniffed_when_the_extension_says_nothing(tmp_path: Path) -> None:
    jsonl = write(tmp_path, "export.txt", '\n{"order_number": "#3001"}\n')
    csv = write(tmp_path, "export.dat", "order_number;status\n#3002;paid\n")
    assert [e.order_number for e in read_orders(jsonl).good] == ["#3001"]
    assert [(e.order_number, e.status) for e in read_orders(csv).good] == [("#3002", "paid")]


def test_a_header_without_order_numbers_is_one_clear_problem(tmp_path: Path) -> None:
    result = read_orders(write(tmp_path, "o.csv", "number,email\n1001,a@example.com\n"))
    assert result.good == []
    assert len(result.bad) == 1
    line, message = result.bad[0]
    assert line == 1 and "no order_number column" in message


def test_unknown_columns_are_reported_once_and_the_rest_imported(tmp_path: Path) -> None:
    result = read_orders(write(tmp_path, "o.csv", "order_number,gift_wrap\n1001,yes\n1002,no\n"))
    assert [e.order_number for e in result.good] == ["1001", "1002"]
    assert result.bad == [(1, result.bad[0][1])]
    assert "unknown column(s) gift_wrap ignored" in result.bad[0][1]


def test_a_json_array_file_is_explained(tmp_path: Path) -> None:
    result = read_orders(write(tmp_path, "o.json", '[\n{"order_number": "1"}\n]\n'))
    assert result.good == []
    assert result.bad[0][0] == 1 and "one JSON object per line" in result.bad[0][1]


def test_a_spreadsheet_bom_does_not_hide_the_first_column(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufefforder_number,status\r\n1001,paid\r\n".encode())
    assert [e.order_number for e in read_orders(path).good] == ["1001"]


def test_an_unreadable_file_is_one_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(OrderFileError, match="cannot read .*missing.csv"):
        read_orders(tmp_path / "missing.csv")
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("order_number,name\n1001,Mu\xf1oz\n".encode("latin-1"))
    with pytest.raises(OrderFileError, match="not UTF-8"):
        read_orders(latin)


def test_a_row_with_several_mistakes_lists_every_one(tmp_path: Path) -> None:
    """Regression: only the first bad field of a row was reported, so fixing a row with
    five mistakes took five imports."""
    path = tmp_path / "orders.csv"
    path.write_text(
        "order_number,email,phone,country,total,ordered_at\n"
        "#1001,ana@,call me,Spain,59;90,2026-03-01 10:00\n",
        encoding="utf-8",
    )
    result = read_orders(path)
    assert result.good == []
    [(line, message)] = result.bad
    assert line == 2
    for field in ("email:", "phone:", "country:", "total:", "ordered_at:"):
        assert field in message, message
