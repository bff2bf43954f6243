"""``borderdesk chat`` in a real pseudo-terminal, as a person uses it (issue 13): a prompt,
no log lines on screen, :help, :new, a card decided or left open with a word about it,
wide lines that fit, a new shopper each session, and Ctrl-C that leaves at once."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.transcript import WIDTH, columns
from tests.bot.test_cli import ROOT, _clean_environment

pexpect = pytest.importorskip("pexpect", reason="pexpect drives the terminal (test extras)")

# A safety net for a hung process, not a speed target: the first prompt comes at once,
# but loading the language models may take a while on a busy machine.
PATIENCE = 120
SHOPPER = "shopper> "
STAFF = "staff> "


def spawn(db: Path) -> pexpect.spawn:
    env = {
        **_clean_environment(),
        "PYTHONPATH": str(ROOT),
        "BORDERDESK_TRANSLATOR": "none",
        "BORDERDESK_LOG_LEVEL": "DEBUG",  # would flood the screen if logs went there
        "COLUMNS": "120",
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "bot.cli", "chat", "--db", str(db)],
        cwd=str(db.parent),
        env=env,
        encoding="utf-8",
        timeout=PATIENCE,
        dimensions=(50, 120),
    )
    child.expect_exact(SHOPPER)
    return child


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[pexpect.spawn]:
    child = spawn(tmp_path / "chat.sqlite3")
    yield child
    child.close(force=True)


def screen_lines(text: str) -> list[str]:
    return [line for line in text.replace("\r", "").split("\n") if line.strip()]


def test_help_new_shopper_and_a_card_sent(chat: pexpect.spawn) -> None:
    chat.sendline(":help")
    chat.expect_exact(SHOPPER)
    assert ":new [NAME]" in chat.before and "l later" in chat.before
    chat.sendline(":new Ana García")
    chat.expect_exact(SHOPPER)
    assert "a new shopper: Ana García" in chat.before
    chat.sendline("Where is my order #A10293?")
    chat.expect_exact(STAFF)
    card = chat.before
    assert "card #1 · Ana García" in card  # the card shows the name :new gave
    chat.sendline("s")
    chat.expect_exact(SHOPPER)
    assert "-> Ana: " in chat.before  # delivered to the shopper
    for line in screen_lines(card + chat.before):
        assert " INFO " not in line and " DEBUG " not in line and "WARNING" not in line


def test_an_empty_staff_answer_says_the_card_stays_open(chat: pexpect.spawn) -> None:
    chat.sendline("Can I change the colour of my order?")
    chat.expect_exact(STAFF)
    chat.sendline("")
    chat.expect_exact(SHOPPER)
    assert "stays open in the inbox, nothing sent" in chat.before


def test_an_automatic_answer_hands_the_turn_back_to_the_shopper(chat: pexpect.spawn) -> None:
    chat.sendline("thank you so much!")
    chat.expect_exact(SHOPPER)
    assert "decided without staff" in chat.before
    chat.sendline("s")  # typed as the shopper now: a card, not a staff choice
    chat.expect(["card #2", pexpect.TIMEOUT])
    assert "card #2" in chat.after


def test_wide_japanese_lines_fit_the_transcript(chat: pexpect.spawn) -> None:
    chat.sendline(":lang ja")
    chat.expect_exact(SHOPPER)
    # a question read surely enough to be suggested (a close call shows no reply to wrap)
    typed = "注文番号10421の荷物を追跡したいです。" * 4
    chat.sendline(typed)
    chat.expect_exact(STAFF)
    shown = [line for line in screen_lines(chat.before) if line.strip() != typed]  # not the echo
    assert any("suggested (ja)" in line for line in shown)  # a Japanese reply, wrapped
    for line in shown:
        assert sum(columns(c) for c in line) <= WIDTH, line


def test_ctrl_c_leaves_at_once(chat: pexpect.spawn) -> None:
    chat.sendcontrol("c")
    chat.expect(pexpect.EOF)
    chat.close()
    assert chat.exitstatus == 130 or chat.signalstatus is not None


def test_each_session_is_a_new_shopper(tmp_path: Path) -> None:
    db = tmp_path / "chat.sqlite3"
    first = spawn(db)
    first.sendline("Where is my order?")
    first.expect_exact(STAFF)
    first.sendline("l")
    first.expect_exact(SHOPPER)
    first.sendline(":quit")
    first.expect(pexpect.EOF)
    second = spawn(db)
    second.sendline("Where is my order?")
    second.expect_exact(STAFF)
    assert "INBOX      card #2" in second.before  # a card of its own, not in the old thread
    assert "New customer" in second.before
    second.close(force=True)


def test_a_session_after_one_left_with_ctrl_c_carries_on(tmp_path: Path) -> None:
    """Regression: the second session crashed on a duplicate message id when it delivered
    what the first had left queued (local message ids restarted at 1 in every session)."""
    db = tmp_path / "chat.sqlite3"
    for _ in range(3):
        child = spawn(db)
        child.sendline("hello")
        child.expect_exact(SHOPPER)
        assert "Traceback" not in child.before
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
        assert "Traceback" not in child.before
        child.close()
