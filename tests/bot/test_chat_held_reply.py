"""``borderdesk chat``: a reply the translator cannot take waits for the staff's choice
(issue 13: chat said "prepared for the shopper (awaiting a click)", then "Answered in the
thread", with nothing to click and nothing sent).

Driven through a pseudo-terminal, with a translator that cannot be reached (a port
nobody listens on): the card says it is waiting, the prompt offers Send untranslated /
Retry translation / Cancel, a retry that fails again asks again, and the shopper gets
exactly what staff chose.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bot.test_chat_terminal import PATIENCE, SHOPPER, STAFF
from tests.bot.test_cli import ROOT, _clean_environment

pexpect = pytest.importorskip("pexpect", reason="pexpect drives the terminal (test extras)")

CHOICE = "choice> [u]ntranslated [r]etry translation [c]ancel: "  # nothing to translate
REPLY = "Hello, your package shipped today"


def closed_port() -> int:
    """A local port nobody listens on: the translator is unreachable, and says so fast."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[pexpect.spawn]:
    env = {
        **_clean_environment(),
        "PYTHONPATH": str(ROOT),
        "NO_PROXY": "127.0.0.1,localhost",
        "BORDERDESK_TRANSLATOR": "libretranslate",
        "BORDERDESK_LIBRETRANSLATE_URL": f"http://127.0.0.1:{closed_port()}",
        "BORDERDESK_TRANSLATION_TIMEOUT": "2",
        "COLUMNS": "120",
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "bot.cli", "chat", "--db", str(tmp_path / "chat.sqlite3")],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=PATIENCE,
        dimensions=(50, 120),
    )
    child.expect_exact(SHOPPER)
    child.sendline(":lang de")
    child.expect_exact(SHOPPER)
    child.sendline("Hallo, wo ist meine Bestellung?")
    child.expect_exact(STAFF)
    child.sendline("r")
    child.expect_exact("reply in thread> ")
    child.sendline(REPLY)
    yield child
    child.close(force=True)


def test_a_held_reply_offers_untranslated_retry_and_cancel_and_sends_once(
    chat: pexpect.spawn,
) -> None:
    chat.expect_exact(CHOICE)
    shown = chat.before
    assert "translation unavailable, nothing sent yet" in shown
    assert "now shows: Waiting for a translation choice: reply by you" in shown
    assert "Answered" not in shown and "-> Sam" not in shown

    chat.sendline("r")  # the translator is still unreachable: asked again
    chat.expect_exact(CHOICE)
    assert "translation still unavailable" in chat.before
    assert "-> Sam" not in chat.before

    chat.sendline("u")
    chat.expect_exact(SHOPPER)
    after = chat.before
    assert f"-> Sam: {REPLY}" in after
    assert after.count("-> Sam") == 1
    assert "now shows: Answered in the thread by you" in after


def test_cancel_sends_nothing_and_the_card_stays_open(chat: pexpect.spawn) -> None:
    chat.expect_exact(CHOICE)
    chat.sendline("x")  # not a choice here: asked again, nothing sent
    chat.expect_exact(CHOICE)
    assert "nothing is sent yet" in chat.before
    chat.sendline("c")
    chat.expect_exact(SHOPPER)
    assert "Cancelled by you" in chat.before and "-> Sam" not in chat.before
