"""A database file deleted or replaced under a running desk stops intake instead of
acknowledging into nowhere (issue 14, "Operator mistakes": every message acknowledged
after the deletion was lost, with no error logged).

The real python-telegram-bot polls the fake Telegram, which only forgets an update once
a getUpdates offset has moved past it; what the desk did not acknowledge stays there.
"""

from __future__ import annotations

import logging
import shutil
import socket
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.harness import free_port, post_raw, running_desk, wait_until
from tests.e2e.test_digests import DESK, TUESDAY_9_TOKYO, digests_posted
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.scheduler.test_digest import Shop, fill_logistics_week

WHERE = "Where is my order #A10293? I ordered two weeks ago."
DAMAGED = "My parcel arrived damaged, order #B20411"
LEARNED = [(WHERE, "track_order"), (DAMAGED, "damaged_item")]
FIRST_CHAT, LATER_CHAT = 4242, 5151
REFUSED_TRIES = 3  # polling asks again about every second: a few tries must all be refused


async def _asked_again(telegram: FakeTelegramAPI, update: dict[str, Any]) -> None:
    """Wait until polling has fetched ``update`` ``REFUSED_TRIES`` times without confirming
    it (a getUpdates whose offset is not past it): each is a try at storing it."""
    since = len(telegram.calls)

    def tries() -> int:
        return sum(
            method == "getUpdates" and params.get("offset", 0) <= update["update_id"]
            for method, params in telegram.calls[since:]
        )

    await wait_until(lambda: tries() >= REFUSED_TRIES, f"{REFUSED_TRIES} tries at storing it")


def _backup(db: Path, to: Path) -> None:
    """A consistent copy of a live database, as an operator's backup tool makes it."""
    with sqlite3.connect(db) as source, sqlite3.connect(to) as target:
        source.backup(target)
    source.close()
    target.close()


def _stored_texts(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT text FROM messages WHERE direction = 'in' ORDER BY id")
        texts = [text for (text,) in rows]
    conn.close()
    return texts


def _refused(port: int) -> bool:
    """Nobody listens on ``port`` (a shop's delivery fails, so it is sent again later)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return False
    except OSError:
        return True


def _lost(caplog: pytest.LogCaptureFixture, what: str) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.ERROR and what in r.getMessage() and r.name == "bot.runtime"
    ]


def _refused_click(caplog: pytest.LogCaptureFixture) -> bool:
    """The desk has handled a staff click by refusing it (its decision could not be stored)."""
    return any("not done: the database file is lost" in m for m in caplog.messages)


async def test_deleting_the_database_stops_intake_and_loses_nothing_acknowledged(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.ERROR)
    db, backup = tmp_path / "desk.sqlite3", tmp_path / "backup.sqlite3"
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED) as desk:
        telegram_api.push_update(telegram_api.text_update(FIRST_CHAT, WHERE, language_code="en"))
        card = await desk.wait_card()
        await wait_until(lambda: not telegram_api.pending_updates, "the first update confirmed")
        _backup(db, backup)

        for name in (db.name, f"{db.name}-wal", f"{db.name}-shm"):
            (tmp_path / name).unlink(missing_ok=True)  # an operator's clean-up
        later = telegram_api.push_update(
            telegram_api.text_update(LATER_CHAT, DAMAGED, language_code="en")
        )
        await _asked_again(telegram_api, later)
        assert telegram_api.pending_updates == [later], "acknowledged into a deleted file"
        assert len(desk.inbox_cards()) == 1
        await wait_until(lambda: _lost(caplog, "was deleted or moved"), "the loss said")
        status, answer = await desk.command("open")
        assert status == 200 and "cannot act now" in answer and "was deleted" in answer
        slack_calls = len(slack_api.calls)
        caplog.set_level(logging.WARNING, logger="bot.runtime")
        assert await desk.click(card, "bd_send") == 200
        await wait_until(lambda: _refused_click(caplog), "the click refused")
        assert slack_api.calls[slack_calls:] == [], "a card shown as decided, never recorded"
        assert telegram_api.sent_messages() == []
    [said] = _lost(caplog, "was deleted or moved")
    assert str(db) in said and "restart" in said

    shutil.copyfile(backup, db)  # the operator restores the backup and restarts
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED) as desk:
        await wait_until(lambda: not telegram_api.pending_updates, "the later update stored")
        await wait_until(lambda: len(desk.inbox_cards()) == 2, "its card posted")
    assert _stored_texts(db) == [WHERE, DAMAGED]


async def test_a_database_replaced_by_another_file_refuses_the_telegram_webhook(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The webhook answers 500, so Telegram delivers the update again later."""
    caplog.set_level(logging.ERROR)
    db, other = tmp_path / "desk.sqlite3", tmp_path / "other.sqlite3"
    secret, port, orders_port = "webhook-secret-1", free_port(), free_port()
    async with running_desk(
        db,
        telegram_api,
        slack_api,
        learned=LEARNED,
        telegram_webhook_url="https://desk.example.com/telegram",
        telegram_webhook_secret=secret,
        telegram_webhook_listen=("127.0.0.1", port),
        order_events_secret="order-events-secret-0123",
        webhook_listen=("127.0.0.1", orders_port),
    ) as desk:
        orders = f"http://127.0.0.1:{orders_port}/orders/events"
        assert await post_raw(orders, b"{}", {"Content-Type": "application/json"}) == 401
        url = f"http://127.0.0.1:{port}/telegram"
        first = telegram_api.text_update(FIRST_CHAT, WHERE, language_code="en")
        assert await telegram_api.post_webhook(url, first, secret) == 200
        await desk.wait_card()

        _backup(db, other)
        other.replace(db)  # another file now has the database's name
        later = telegram_api.text_update(LATER_CHAT, DAMAGED, language_code="en")
        assert await telegram_api.post_webhook(url, later, secret) == 500
        assert _lost(caplog, "was replaced by another file")
        # refused with a 500 before it was stored: no handling was started that could post
        assert len(desk.inbox_cards()) == 1
        await wait_until(lambda: _refused(orders_port), "the order webhooks closed", timeout=10)
    assert _stored_texts(db) == [WHERE]


async def test_a_backup_copied_over_the_database_stops_intake_and_loses_nothing_acknowledged(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """``cp backup.sqlite3 desk.sqlite3`` while the desk runs keeps the file's inode, and
    SQLite reads recent pages through its write-ahead log, so neither saw it: messages were
    acknowledged into a log belonging to a file that was no longer there."""
    caplog.set_level(logging.WARNING)
    db, earlier, right = (
        tmp_path / name for name in ("desk.sqlite3", "early.sqlite3", "right.sqlite3")
    )
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED) as desk:
        telegram_api.push_update(telegram_api.text_update(FIRST_CHAT, WHERE, language_code="en"))
        await desk.wait_card()
        await wait_until(lambda: not telegram_api.pending_updates, "the first update confirmed")
        _backup(db, earlier)
        telegram_api.push_update(telegram_api.text_update(LATER_CHAT, DAMAGED, language_code="en"))
        await desk.wait_card(2)
        await wait_until(lambda: not telegram_api.pending_updates, "the second update confirmed")
        _backup(db, right)  # what the operator will put back

        inode = db.stat().st_ino
        shutil.copyfile(earlier, db)  # the mistake: an earlier copy written over the file
        assert db.stat().st_ino == inode, "the test must overwrite in place"
        third = telegram_api.push_update(
            telegram_api.text_update(FIRST_CHAT, "Any news? #A10293", language_code="en")
        )
        await _asked_again(telegram_api, third)
        assert telegram_api.pending_updates == [third], "acknowledged into an overwritten file"
        assert len(desk.inbox_cards()) == 2
        status, answer = await desk.command("open")
        assert status == 200 and "cannot act now" in answer and "overwritten in place" in answer
    [said] = _lost(caplog, "was overwritten in place")
    assert str(db) in said and "restart" in said
    [aside] = tmp_path.glob("desk.sqlite3-wal.lost-*")
    assert any(str(aside) in r.getMessage() for r in caplog.records), "where the log went"

    shutil.copyfile(right, db)  # the operator puts the right file back and restarts
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED) as desk:
        await wait_until(lambda: not telegram_api.pending_updates, "the third update stored")
        # the first shopper's follow-up: a card of its own, or one in their card's thread
        await wait_until(
            lambda: any(
                m.get("blocks") and "Any news? #A10293" in m.get("text", "")
                for m in slack_api.messages()
            ),
            "its card posted",
        )
    assert _stored_texts(db) == [WHERE, DAMAGED, "Any news? #A10293"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


async def test_a_digest_due_while_the_database_is_overwritten_waits_for_the_right_file(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A report read from an earlier copy would be wrong (here: Monday's digest again, as
    the copy has not recorded it), and one claimed in it would be marked done in a file
    that is not the desk's. Nothing is posted, nothing logs a traceback, and the digest is
    caught up once the desk runs on the right file again."""
    caplog.set_level(logging.INFO)
    db, earlier, right = (tmp_path / n for n in ("desk.sqlite3", "early.sqlite3", "right.sqlite3"))
    async with Shop.opened(db) as shop:
        await fill_logistics_week(shop)
    _backup(db, earlier)
    now = [TUESDAY_9_TOKYO]
    async with running_desk(
        db, telegram_api, slack_api, desk=DESK, jobs=True, clock=lambda: now[0]
    ) as desk:
        await wait_until(lambda: len(digests_posted(slack_api)) == 1, "Monday's digest posted")
        _backup(db, right)
        shutil.copyfile(earlier, db)
        now[0] = TUESDAY_9_TOKYO + timedelta(days=1)  # Tuesday's digest falls due
        jobs = desk.runtime.jobs
        assert jobs is not None
        await jobs.run_digest("logistics")  # what the 08:00 cron job runs
        assert await jobs.check_spikes() == 0
        assert len(digests_posted(slack_api)) == 1, "a digest read from the earlier copy"
    assert len(_lost(caplog, "was overwritten in place")) == 1
    assert "digests and spike alerts are paused" in caplog.text
    assert [r.getMessage() for r in caplog.records if r.exc_info] == [], "a traceback logged"

    shutil.copyfile(right, db)
    async with running_desk(
        db, telegram_api, slack_api, desk=DESK, jobs=True, clock=lambda: now[0]
    ):
        await wait_until(lambda: len(digests_posted(slack_api)) == 2, "the digest caught up")
    texts = [str(m["text"]) for m in digests_posted(slack_api)]
    assert "Mon 2 Mar 2026" in texts[0] and "Tue 3 Mar 2026" in texts[1]
