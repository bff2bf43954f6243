"""Secrets never appear in logs, even inside URLs that httpx logs."""

from __future__ import annotations

import logging

from bot.logs import RedactingFormatter


def test_secrets_and_token_shapes_are_masked() -> None:
    formatter = RedactingFormatter(["my-signing-secret"], "%(message)s")
    record = logging.LogRecord(
        "httpx",
        logging.INFO,
        __file__,
        1,
        "POST https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getUpdates "
        "secret=my-signing-secret slack=xoxb-123-456-abcdef app=xapp-1-A1-xyz",
        None,
        None,
    )
    text = formatter.format(record)
    assert "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" not in text
    assert "my-signing-secret" not in text
    assert "xoxb-123" not in text and "xapp-1" not in text
    assert text.count("***") == 4
