"""``borderdesk suggest`` as a tool would run it: JSON lines in, one answer line each."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.bot.test_cli import ROOT, _clean_environment, cli

DESK_FILE = """\
support:
  timezone: Asia/Tokyo
  hours:
    mon-fri: "10:00-19:00"
"""
NOW = "2026-12-07T10:00:00+00:00"


def test_suggest_renders_each_order_situation_in_the_shoppers_language(tmp_path: Path) -> None:
    (tmp_path / "desk.yaml").write_text(DESK_FILE, encoding="utf-8")
    tracked = {
        "number": "#A10293",
        "status": "shipped",
        "carrier": "DHL",
        "tracking_number": "JD0146",
        "estimated_delivery": "2026-12-11",
        "items": ["Lamp", {"title": "Cable", "quantity": 2}],
    }
    late = {**tracked, "estimated_delivery": "2026-11-30"}  # before --now
    lines = [
        {"text": "¿Dónde está mi paquete?", "lang_hint": "es"},
        {"text": "where is my parcel??", "lang_hint": "en", "order": tracked},
        {"text": "Wo ist mein Paket?", "order": {"number": "1001", "status": "paid"}},
        {"text": "Quiero hablar con una persona, por favor", "lang_hint": "es"},
        {"text": "Quiero hablar con una persona, por favor", "lang_hint": "es", "country": "ES"},
        {"text": "Quiero hablar con una persona, por favor", "lang_hint": "es", "country": "MX"},
        {"text": "where is my parcel??", "lang_hint": "en", "order": late},
        "not json",
        "",
        {"text": "hi", "order": {"estimated_delivery": "soon"}},
        ["a", "list"],
    ]
    stdin = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    result = cli(
        "suggest",
        "--now",
        NOW,
        cwd=tmp_path,
        env={"BORDERDESK_STORE_NAME": "Vorlo"},
        stdin=stdin + "\n",
    )
    assert result.returncode == 0, result.stderr
    # CLDR puts thin spaces around the dash of a range ("lunes – viernes")
    plain = result.stdout.replace("\u2009", " ")
    answers = [json.loads(line) for line in plain.splitlines()]
    assert len(answers) == 10  # the empty line is skipped, every other line answered
    unlinked, tracked_en, untracked_de, hours_store, hours_shopper, hours_mexico, *rest = answers
    passed, *bad = rest

    # no linked order: no shipment invented, the reply asks for what links the order
    assert unlinked["language"] == "es" and unlinked["intent"] == "track_order"
    assert unlinked["asks_for"] == ["order_number", "checkout_contact"]
    assert "correo electrónico o el teléfono" in unlinked["reply"]
    assert "seguimiento es" not in unlinked["reply"]
    assert len(unlinked["top"]) == 3 and unlinked["top"][0]["intent"] == "track_order"

    # a linked order with tracking: its facts, in the shopper's language
    assert tracked_en["intent"] == "track_order" and tracked_en["asks_for"] == []
    for fact in ("A10293", "DHL", "JD0146", "Friday 11 December"):
        assert fact in tracked_en["reply"]

    # linked, not shipped yet: no tracking number, and none invented
    assert untracked_de["language"] == "de" and untracked_de["asks_for"] == []
    assert "1001" in untracked_de["reply"] and "noch keine Sendungsnummer" in untracked_de["reply"]

    # the support hours come from the desk file, in Spanish, in the store's zone named as
    # such, or in the shopper's zone once their country is known and keeps one time
    assert hours_store["intent"] == "contact_human_agent"
    assert "lunes" in hours_store["reply"] and "10:00–19:00" in hours_store["reply"]
    assert "hora de Japón" in hours_store["reply"] and "Monday" not in hours_store["reply"]
    assert "lunes – viernes 2:00–11:00, hora de Europa central" in hours_shopper["reply"]
    # Mexico keeps several times: "hora central" would be wrong in Tijuana or Cancún
    assert "10:00–19:00" in hours_mexico["reply"] and "hora de Japón" in hours_mexico["reply"]

    # an estimate already gone by is not promised as the day to come
    assert "Monday 30 November (that date has passed)" in passed["reply"]

    not_json, bad_date, not_object = bad
    assert not_json["line"] == 8 and "not JSON" in not_json["error"]
    assert bad_date["line"] == 10 and "estimated_delivery" in bad_date["error"]
    assert not_object["line"] == 11 and "JSON object" in not_object["error"]


def test_suggest_refuses_a_clock_without_a_zone_and_a_missing_file(tmp_path: Path) -> None:
    naive = cli("suggest", "--now", "2026-12-07T10:00", cwd=tmp_path, stdin="")
    assert naive.returncode == 2 and "has no time zone" in naive.stderr
    missing = cli("suggest", str(tmp_path / "nope.jsonl"), cwd=tmp_path)
    assert missing.returncode == 2 and "nope.jsonl: cannot read the file" in missing.stderr


def test_suggest_stops_quietly_when_its_reader_goes_away(tmp_path: Path) -> None:
    """``borderdesk suggest < messages.jsonl | head -1``: the reader closes the pipe after
    one line; suggest stops without a BrokenPipeError traceback, as other filters do. (600
    answers are more than a pipe buffers, so the pipe does break.)"""
    lines = "".join(
        json.dumps({"text": text, "lang_hint": "en"}) + "\n"
        for text in ("where is my parcel?", "can I pay with paypal?", "thanks!") * 200
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "suggest", "--now", NOW],
        cwd=tmp_path,
        env={**_clean_environment(), "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(lines.encode())
    process.stdin.close()
    first = process.stdout.readline()
    process.stdout.close()  # what head does after its line
    stderr = process.stderr.read().decode() if process.stderr else ""
    assert process.wait(timeout=120) == 0, stderr
    assert json.loads(first)["intent"] == "track_order"
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
