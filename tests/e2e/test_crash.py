"""Crash test: SIGKILL ``borderdesk run`` at random points while messages flow.

Shoppers write on Telegram, staff approve cards in Slack (both fakes, in this test's
event loop), and a killer SIGKILLs the real process a few times and restarts it. When
everything has settled, every message Telegram handed out and the bot confirmed must be
stored once and answered (or parked as dead), and nothing may reach a shopper twice.

The one tolerated duplicate is the window ``bot/outbox.py`` documents: Telegram accepted a
message and the process died before recording it, so the next run sends it again once the
outbox lease has run out. The desk runs with a lease of a few seconds (``Timings``, through
``tests/e2e/crash_desk.py``) instead of the default minute, so that wait stays short, and
with quick pacing.
A duplicate only counts as that when the run that sent the first copy was killed, the
database read right after that kill had not recorded the copy, its outbox row was
attempted more than once and the recorded copy came later; any other duplicate fails the
test. Whether the copy was recorded is read, not guessed from how close to the kill it
came, so a slow machine (a second between Telegram's answer and the write) changes nothing.
Cards posted to Slack but not recorded get the same treatment. A card that keeps its
buttons after its decision (the kill came before the redraw) is reported, not failed: the
shopper got the answer once.

The random choices come from one seed (printed; set ``CRASH_SEED`` to replay another).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import shutil
import signal
import sqlite3
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from bot.channels.slack_blocks import EDIT_CALLBACK
from replies.library import DEFAULT_LIBRARY_DIR
from tests.e2e.harness import free_port
from tests.fakes import slack_client
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

ROOT = Path(__file__).resolve().parents[2]
SEED = int(os.environ.get("CRASH_SEED", "20261128"))
SIGNING_SECRET = "crash-test-signing-secret"
INBOX = "C0CRASHINBX"
STAFF_ID, STAFF_NAME = "U0CRASH0001", "noor"

# clicks or submissions per card that reached the bot: a card posted again after a kill
# gets its own, as clicks on the copy it replaces were refused (however long it took)
MAX_ACTIONS = 6


@dataclass(frozen=True)
class Timings:
    """How the crash test paces itself, and the outbox lease and pacing the desk runs with
    (``tests/e2e/crash_desk.py``).

    ``lease`` is the one wait a kill adds: a message the killed run had claimed is sent by
    the next run once its lease runs out. Far longer than a send takes on any machine (a
    send shorter than the lease never has two senders), far shorter than the product's
    minute. ``settle`` bounds the wait after the last restart: one lease, then the time to
    decide and send what is left on a busy machine; the test goes on as soon as everything
    is done, so the bound only decides how long a stuck run takes to fail. ``pace_speed``
    runs the desk's pacing clock that many times faster: the cards of the messages a kill
    left unhandled post in a few seconds, not at Slack's one a second.

    The killer waits ``serving`` (a random time between the two bounds) once a run polls
    Telegram, or now and then kills a run while it starts: after a random part of
    ``starting`` of the time the runs before took to start, so the kill lands inside the
    start on a fast machine and a slow one alike. ``pace`` spreads the forty shopper
    messages over about the time the kills take, so messages keep arriving between them.
    """

    lease: float = 3.0
    pace_speed: float = 20.0
    pace: float = 0.2  # between two shopper messages, all shoppers together
    serving: tuple[float, float] = (0.2, 1.5)  # seconds of serving before a kill
    starting: tuple[float, float] = (0.1, 0.9)  # of a start, for a kill while starting
    patience: float = 1.0  # staff click again when a card still shows its buttons after this
    startup: float = 60.0  # for a run to start polling Telegram
    after_lease: float = 120.0

    @property
    def settle(self) -> float:
        return self.lease + self.after_lease


# The answer library the desk runs with: the built-in intents the shoppers write about,
# with the phrasings of their own files and not the ~20,000 of ``examples/``. The model
# trains in half a second of CPU instead of ten (or reading an 80 MB cached model at each
# of the six starts), and still reads most messages (a card to send as it is) and
# leaves a few to staff (a card to edit): the flows a kill can interrupt are the same.
CRASH_INTENTS = (
    "track_order",
    "lost_package",
    "delivery_delay",
    "delivery_options",
    "customs_duties",
    "change_shipping_address",
    "damaged_item",
    "wrong_item",
    "return_item",
    "get_refund",
    "track_refund",
    "greeting",
    "thanks",  # sent without staff (auto_send)
)

DESK_YAML = """\
support:
  timezone: UTC
  hours:
    mon-sun: "00:00-24:00"
"""

# (first name, Telegram language code, what they write, in order); 3-4 messages each.
SHOPPERS: list[tuple[str, str, list[str]]] = [
    (
        "Ana",
        "es",
        [
            "Hola, ¿dónde está mi pedido 48213? Lo pedí hace diez días.",
            "El seguimiento no se actualiza desde el lunes.",
            "Quiero devolver las zapatillas, me quedan pequeñas.",
        ],
    ),
    (
        "Jonas",
        "de",
        [
            "Mein Paket ist beschädigt angekommen, Bestellung 55120.",
            "Die Tasse ist zerbrochen, Fotos habe ich gemacht.",
            "Kann ich stattdessen mein Geld zurückbekommen?",
        ],
    ),
    (
        "Emma",
        "en",
        [
            "Where is my order 12345? It has been two weeks.",
            "The tracking page says delivered but nothing arrived.",
            "Can you send a replacement or refund me?",
            "Also, do you ship to Canada?",
        ],
    ),
    (
        "Chloé",
        "fr",
        [
            "Bonjour, ma commande 77310 n'est toujours pas arrivée.",
            "Est-ce que je dois payer des frais de douane ?",
            "Merci de me répondre rapidement.",
        ],
    ),
    (
        "Luca",
        "it",
        [
            "Ciao, ho ricevuto l'articolo sbagliato nell'ordine 90412.",
            "Ho ordinato una giacca blu ed è arrivata rossa.",
            "Come faccio a restituirla?",
            "Il rimborso arriva sulla carta?",
        ],
    ),
    (
        "Beatriz",
        "pt",
        [
            "Olá, quando chega a minha encomenda 33018?",
            "Posso mudar o endereço de entrega?",
            "A caixa chegou amassada e o copo partido.",
        ],
    ),
    (
        "Sanne",
        "nl",
        [
            "Mijn pakket is kwijt, bestelnummer 61522.",
            "De bezorger zegt dat het is afgeleverd, maar ik heb niets.",
            "Ik wil graag mijn geld terug.",
        ],
    ),
    (
        "Kasia",
        "pl",
        [
            "Dzień dobry, gdzie jest moje zamówienie 70931?",
            "Paczka przyszła uszkodzona.",
            "Chcę zwrócić ten produkt.",
            "Jak długo trwa zwrot pieniędzy?",
        ],
    ),
    (
        "Mehmet",
        "tr",
        [
            "Siparişim 28874 hâlâ gelmedi.",
            "Kargo takip numarası çalışmıyor.",
            "İade yapmak istiyorum.",
        ],
    ),
    (
        "Olga",
        "ru",
        [
            "Здравствуйте, где мой заказ 41107?",
            "Посылка пришла повреждённой, коробка мокрая.",
            "Хочу вернуть товар и получить деньги.",
        ],
    ),
    (
        "Yuki",
        "ja",
        [
            "注文番号52290の荷物はいつ届きますか？",
            "届いた商品が壊れていました。",
            "返品したいです。",
        ],
    ),
    (
        "Wei",
        "zh",
        [
            "我的订单66083什么时候发货？",
            "收到的商品颜色不对。",
            "我想退款。",
            "可以换货吗？",
        ],
    ),
]


def _report(text: str) -> None:
    """The test's findings go to stdout: run with ``-s`` to read them on success too."""
    print(text, flush=True)  # noqa: T201


@dataclass
class Seen:
    """Something a fake recorded, and when this test first saw it (seconds from the start)."""

    at: float
    data: dict[str, Any]
    suggestion_id: int | None = None


@dataclass
class Kill:
    """One SIGKILL: when it came, what the killed run had recorded by then (read from the
    database once the process was gone), and until when what reaches the fakes is judged
    with it: the next run seen polling (or the kill itself, when the next run was killed
    while starting)."""

    at: float
    sent: set[tuple[int, int]] = field(default_factory=set)  # (chat, Telegram message id)
    cards: set[str] = field(default_factory=set)  # Slack ts of the cards recorded
    until: float | None = None


@dataclass
class Timeline:
    """When each Telegram message and Slack post appeared, and when the kills came.

    Every copy is judged with one kill: the one that ended the run it came from. That
    run reaches to when the next run polls Telegram (a request it had on the wire is
    recorded by the fake just after the kill, long before the next run has started), or
    to the next kill when the next run was killed while starting; what comes after the
    last kill's run is the run stopped cleanly at the end.
    """

    telegram: FakeTelegramAPI
    slack: FakeSlackAPI
    started: float = field(default_factory=time.monotonic)
    sends: list[Seen] = field(default_factory=list)
    posts: dict[str, Seen] = field(default_factory=dict)  # Slack ts -> first sight
    kills: list[Kill] = field(default_factory=list)
    _inbox: list[dict[str, Any]] = field(default_factory=list)
    _inbox_calls: int = -1

    def now(self) -> float:
        return time.monotonic() - self.started

    def inbox(self) -> list[dict[str, Any]]:
        """The inbox channel's messages as they are now. The fake copies every message
        each time it is asked (forty cards with their blocks: tens of ms), and this is
        asked every few ms; read again only after the fake recorded a new call. Nothing
        else changes a message, and the fake records a call in the same step (no await in
        between, without faults) as it handles it, so the copy is never behind."""
        if len(self.slack.calls) != self._inbox_calls:
            self._inbox_calls = len(self.slack.calls)
            self._inbox = self.slack.messages(INBOX)
        return self._inbox

    def look(self) -> None:
        """Note what is new. Called every few ms and right before each kill, so a copy that
        reached a fake before a kill is always stamped no later than that kill."""
        now = self.now()
        for sent in self.telegram.sent_messages()[len(self.sends) :]:
            self.sends.append(Seen(now, sent))
        for message in self.inbox():
            if message["ts"] not in self.posts:
                self.posts[message["ts"]] = Seen(now, message, _card_suggestion(message))

    async def watch(self) -> None:
        while True:
            self.look()
            await asyncio.sleep(0.01)

    def up(self) -> None:
        """A run polls: the run the last kill ended (and its requests on the wire) is over."""
        if self.kills and self.kills[-1].until is None:
            self.kills[-1].until = self.now()

    def kill(self) -> Kill:
        self.look()
        if self.kills and self.kills[-1].until is None:
            # killed while starting: what reached the fakes since the last kill (the end
            # of the run before, and whatever this one sent) is judged with this kill
            self.kills[-1].until = self.kills[-1].at
        self.kills.append(Kill(self.now()))
        return self.kills[-1]

    def kill_times(self) -> list[float]:
        return [round(kill.at, 2) for kill in self.kills]

    def ended_by(self, at: float) -> Kill | None:
        """The kill that ended the run a copy seen at ``at`` came from; None: the last run."""
        after = float("-inf")
        for kill in self.kills:
            if after < at <= (kill.until if kill.until is not None else float("inf")):
                return kill
            after = kill.until if kill.until is not None else after
        return None


def _card_suggestion(message: dict[str, Any]) -> int | None:
    """The suggestion id of a card that still shows its buttons (``bd_card_<id>``)."""
    for block in message.get("blocks") or []:
        block_id = str(block.get("block_id", ""))
        if block.get("type") == "actions" and block_id.startswith("bd_card_"):
            return int(block_id.removeprefix("bd_card_"))
    return None


def _button(message: dict[str, Any], action_id: str) -> str | None:
    for block in message.get("blocks") or []:
        for element in block.get("elements") or []:
            if element.get("action_id") == action_id:
                return str(element["value"])
    return None


class BotProcess:
    """``borderdesk run`` as a child process, restarted after every kill; logs per run.

    Each run's process is started ahead, while the run before it works: it imports the
    desk and waits (``crash_desk --wait``) until ``start`` tells it to run. So a restart
    costs what the desk does when it starts (settings, platforms, database, answer
    library), not the two seconds of imports before that, which no kill can interrupt in
    an interesting place anyway.
    """

    def __init__(
        self, env: dict[str, str], cwd: Path, telegram: FakeTelegramAPI, timings: Timings
    ) -> None:
        self.env, self.cwd, self.telegram, self.timings = env, cwd, telegram, timings
        self.proc: asyncio.subprocess.Process | None = None
        self.logs: list[Path] = []
        self.startups: list[float] = []  # seconds from "go" to polling, per run up
        self._spare: asyncio.subprocess.Process | None = None
        self._calls_at_start = 0
        self._started_at = 0.0
        quick = ["--outbox-lease", str(timings.lease), "--pace-speed", str(timings.pace_speed)]
        self.command = [sys.executable, "-m", "tests.e2e.crash_desk", "--wait", *quick, "run"]

    async def _prepare(self) -> None:
        """Start the next run's process; it writes to the next run's log."""
        log = self.cwd / f"run-{len(self.logs) + 1}.log"
        with log.open("wb") as out:  # the child keeps its own copy of the descriptor
            self._spare = await asyncio.create_subprocess_exec(
                *self.command,
                cwd=self.cwd,
                env=self.env,
                stdin=asyncio.subprocess.PIPE,
                stdout=out,
                stderr=asyncio.subprocess.STDOUT,
            )

    async def start(self) -> None:
        """Let the prepared process run the desk, and prepare the one after it."""
        if self._spare is None:
            await self._prepare()
        proc, self._spare = self._spare, None
        assert proc is not None and proc.stdin is not None
        self.proc = proc
        self.logs.append(self.cwd / f"run-{len(self.logs) + 1}.log")
        self._calls_at_start = len(self.telegram.calls)
        self._started_at = time.monotonic()
        proc.stdin.write(b"go\n")
        proc.stdin.close()
        await self._prepare()

    def polling(self) -> bool:
        """Up: this run has asked Telegram for updates."""
        calls = self.telegram.calls[self._calls_at_start :]
        return any(method == "getUpdates" for method, _ in calls)

    async def wait_up(self) -> None:
        assert self.proc is not None
        startup = self.timings.startup
        deadline = time.monotonic() + startup
        while not self.polling():
            if self.proc.returncode is not None:
                raise AssertionError(
                    f"run {len(self.logs)} exited with {self.proc.returncode} while starting:\n"
                    + self.tail()
                )
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"run {len(self.logs)} did not poll Telegram within {startup}s:\n" + self.tail()
                )
            await asyncio.sleep(0.02)
        if len(self.startups) < len(self.logs):
            self.startups.append(time.monotonic() - self._started_at)

    def typical_start(self) -> float:
        """How long a run takes from "go" to polling: the median of the runs so far, but
        the first (it had no process started ahead, so it imported too) when others are up.
        """
        return statistics.median(self.startups[1:] or self.startups)

    async def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()

    async def terminate(self) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.proc.wait(), 30)

    async def ensure_stopped(self) -> None:
        for proc in (self.proc, self._spare):
            if proc is not None and proc.returncode is None:
                proc.send_signal(signal.SIGKILL)
                await proc.wait()

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.logs[-1].read_text(errors="replace").splitlines()[-lines:])

    def errors(self) -> Iterator[str]:
        """ERROR lines and tracebacks of every run, named by run."""
        for number, log in enumerate(self.logs, 1):
            for line in log.read_text(errors="replace").splitlines():
                if " ERROR " in line or line.startswith("Traceback"):
                    yield f"run {number}: {line}"


@dataclass
class CardWork:
    card: str = ""  # the Slack ts of the card the actions were on
    actions: int = 0
    next_try: float = 0.0
    edit_text: str | None = None


class Staff:
    """Approves every card in the inbox through signed requests to the bot's Slack endpoint.

    Send when the card has a suggestion, otherwise Edit and submit an answer of our own. A
    card that still shows its buttons a while after a click is clicked again, as a person
    would; a request that cannot connect (the process is down) is retried shortly.
    """

    def __init__(self, slack: FakeSlackAPI, timeline: Timeline, url: str, patience: float) -> None:
        self.slack, self.timeline, self.url, self.patience = slack, timeline, url, patience
        self.work: dict[int, CardWork] = {}
        self.refused = 0  # requests that found the process down

    async def run(self) -> None:
        while True:
            self.timeline.look()
            # a card posted again after a crash (the one window left) makes the earlier
            # one stale: the desk refuses clicks there, so staff use the newest
            newest: dict[int, dict[str, Any]] = {}
            for card in self.timeline.inbox():
                suggestion_id = _card_suggestion(card)
                if suggestion_id is not None:
                    newest[suggestion_id] = card
            for suggestion_id, card in newest.items():
                await self._act(card, suggestion_id)
            await asyncio.sleep(0.05)

    async def _act(self, card: dict[str, Any], suggestion_id: int) -> None:
        work = self.work.setdefault(suggestion_id, CardWork())
        if work.card != card["ts"]:
            work.card, work.actions = card["ts"], 0
        if work.actions >= MAX_ACTIONS or time.monotonic() < work.next_try:
            return
        if _button(card, "bd_send") is not None:
            ok, wait = await self._click(card, "bd_send"), self.patience
        elif (view := self._editor(suggestion_id)) is not None:
            work.edit_text = (
                "Thank you for your patience: a colleague is checking this now and will "
                f"write to you today (case {suggestion_id})."
            )
            ok, wait = await self._submit(view, work.edit_text), self.patience
        else:
            ok, wait = await self._click(card, "bd_edit"), 0.5  # submit once the dialog is open
        if ok:
            work.actions += 1
            work.next_try = time.monotonic() + wait
        else:
            work.next_try = time.monotonic() + 0.3

    def _editor(self, suggestion_id: int) -> dict[str, Any] | None:
        """The Edit dialog the bot opened for this card (it stays open across restarts)."""
        opened = (v for v in self.slack.views.values() if v.get("callback_id") == EDIT_CALLBACK)
        # its metadata is "<suggestion id> <card channel> <card ts>" (slack_blocks)
        return next(
            (v for v in opened if v["private_metadata"].split()[0] == str(suggestion_id)), None
        )

    async def _click(self, card: dict[str, Any], action_id: str) -> bool:
        payload = slack_client.block_action(
            action_id,
            _button(card, action_id) or "",
            user_id=STAFF_ID,
            user_name=STAFF_NAME,
            channel=INBOX,
            message_ts=card["ts"],
            message=card,
        )
        return await self._post(payload)

    async def _submit(self, view: dict[str, Any], text: str) -> bool:
        payload = slack_client.view_submission(
            EDIT_CALLBACK,
            {"reply": {"text": text}},
            view["private_metadata"],
            user_id=STAFF_ID,
            user_name=STAFF_NAME,
            view_id=view["id"],
        )
        return await self._post(payload)

    async def _post(self, payload: dict[str, Any]) -> bool:
        try:
            async with asyncio.timeout(10):
                status, _ = await slack_client.post_interaction(self.url, SIGNING_SECRET, payload)
        except (aiohttp.ClientError, OSError, TimeoutError):
            self.refused += 1
            return False
        return status == 200


async def shoppers(
    telegram: FakeTelegramAPI, rng: random.Random, pace: float
) -> list[dict[str, Any]]:
    """Every shopper's messages, in each shopper's order, interleaved at a steady pace."""
    queues = [
        (700_100_000 + 37 * number, name, language, list(texts))
        for number, (name, language, texts) in enumerate(SHOPPERS)
    ]
    pushed: list[dict[str, Any]] = []
    while any(texts for *_, texts in queues):
        chat_id, name, language, texts = rng.choice([q for q in queues if q[3]])
        update = telegram.text_update(
            chat_id, texts.pop(0), first_name=name, language_code=language
        )
        pushed.append(telegram.push_update(update))
        await asyncio.sleep(pace)
    return pushed


async def killer(
    bot: BotProcess,
    timeline: Timeline,
    db: Path,
    rng: random.Random,
    kills: int,
    timings: Timings,
) -> None:
    """SIGKILL at random moments; now and then during start-up rather than while serving."""
    for _ in range(kills):
        if rng.random() < 0.2:
            # the first run was waited for, so there is always a start to measure by
            await asyncio.sleep(rng.uniform(*timings.starting) * bot.typical_start())
        else:
            await bot.wait_up()
            timeline.up()
            await asyncio.sleep(rng.uniform(*timings.serving))
        state = "serving" if bot.polling() else "starting"
        kill = timeline.kill()
        await bot.kill()
        kill.sent, kill.cards = _recorded(db)
        _report(f"  SIGKILL at {kill.at:6.2f}s while {state}; run {len(bot.logs) + 1}")
        await bot.start()
    await bot.wait_up()
    timeline.up()


def _query(db: Path, sql: str, *args: Any) -> list[sqlite3.Row]:
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql, args).fetchall()


def _recorded(db: Path) -> tuple[set[tuple[int, int]], set[str]]:
    """The Telegram messages and Slack cards the database says were delivered."""
    sent = _query(
        db,
        "select chat_id, platform_message_id from outbox "
        "where channel = 'telegram' and status = 'sent'",
    )
    cards = _query(db, "select card_ts from suggestions where card_ts is not null")
    return (
        {(int(o["chat_id"]), int(o["platform_message_id"])) for o in sent},
        {c["card_ts"] for c in cards},
    )


def outstanding(db: Path, telegram: FakeTelegramAPI) -> list[str]:
    """What is still under way; [] once everything accepted is answered or parked."""
    if not db.exists():
        return ["no database yet"]
    try:
        counts = _query(
            db,
            """select
                 (select count(*) from messages where direction = 'in' and processed_at is null),
                 (select count(*) from suggestions where status = 'pending'),
                 (select count(*) from outbox where status not in ('sent', 'dead'))""",
        )[0]
    except sqlite3.OperationalError as exc:  # not migrated yet, or busy for a moment
        return [f"database not readable: {exc}"]
    left = [
        f"{counts[0]} message(s) unprocessed",
        f"{counts[1]} card(s) undecided",
        f"{counts[2]} outbox item(s) queued",
        f"{len(telegram.pending_updates)} update(s) unconfirmed",
    ]
    return [item for item in left if not item.startswith("0 ")]


def _environment(
    tmp_path: Path, telegram: FakeTelegramAPI, slack: FakeSlackAPI, port: int
) -> dict[str, str]:
    """``borderdesk run`` pointed at the fakes, open around the clock, no translation, on a
    part of the answer library (``CRASH_INTENTS``)."""
    desk_file = tmp_path / "desk.yaml"
    desk_file.write_text(DESK_YAML, encoding="utf-8")
    library = tmp_path / "library"
    library.mkdir()
    for intent in CRASH_INTENTS:
        shutil.copy(DEFAULT_LIBRARY_DIR / f"{intent}.yaml", library)
    inherited = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BORDERDESK_", "TELEGRAM_", "SLACK_"))
    }
    return inherited | {
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": telegram.token,
        "BORDERDESK_TELEGRAM_API_URL": telegram.base_url,
        "SLACK_BOT_TOKEN": slack.token,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "BORDERDESK_SLACK_API_URL": slack.base_url,
        "BORDERDESK_SLACK_LISTEN": f"127.0.0.1:{port}",
        "BORDERDESK_SLACK_INBOX_CHANNEL": INBOX,
        "BORDERDESK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bd.sqlite3'}",
        "BORDERDESK_TRANSLATOR": "none",
        "BORDERDESK_DESK_FILE": str(desk_file),
        "BORDERDESK_LIBRARY_DIR": str(library),
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }


async def settle(
    db: Path,
    telegram: FakeTelegramAPI,
    bot: BotProcess,
    helpers: list[asyncio.Task[None]],
    within: float,
) -> None:
    """Wait until nothing is under way (however long each step takes, up to ``within``
    seconds)."""
    deadline = time.monotonic() + within
    while left := outstanding(db, telegram):
        for task in helpers:
            if task.done():
                task.result()  # a helper of this test failed: show why
        if time.monotonic() > deadline:
            raise AssertionError(
                f"not settled {within}s after the last restart: {', '.join(left)}\n"
                + "\n".join(bot.errors())
                + f"\nlast run's log:\n{bot.tail()}"
            )
        await asyncio.sleep(0.1)


async def test_sigkill_at_random_points_loses_nothing_and_answers_once(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    timings = Timings()
    # one generator each, so the shoppers' and the killer's choices replay whatever the timing
    shopper_rng, killer_rng = random.Random(f"{SEED}:shoppers"), random.Random(f"{SEED}:killer")
    kills = killer_rng.randint(4, 6)
    _report(f"\ncrash test: seed {SEED} (CRASH_SEED={SEED} replays it), {kills} kills")
    db = tmp_path / "bd.sqlite3"
    port = free_port()
    slack_api.add_user(STAFF_ID, STAFF_NAME, "Noor Staff")
    timeline = Timeline(telegram_api, slack_api)
    environment = _environment(tmp_path, telegram_api, slack_api, port)
    bot = BotProcess(environment, tmp_path, telegram_api, timings)
    staff = Staff(slack_api, timeline, f"http://127.0.0.1:{port}/slack/events", timings.patience)
    helpers: list[asyncio.Task[None]] = []
    try:
        await bot.start()
        await bot.wait_up()
        helpers = [asyncio.create_task(timeline.watch()), asyncio.create_task(staff.run())]
        async with asyncio.TaskGroup() as flow:
            shopping = flow.create_task(shoppers(telegram_api, shopper_rng, timings.pace))
            flow.create_task(killer(bot, timeline, db, killer_rng, kills, timings))
        await settle(db, telegram_api, bot, helpers, timings.settle)
        # a clean stop finishes what is in flight: anything late (a redraw) has reached
        # the fakes once the process is gone
        returncode = await bot.terminate()
        timeline.look()
    finally:
        for task in helpers:
            task.cancel()
        await bot.ensure_stopped()
    _report(f"  settled and stopped at {timeline.now():.1f}s after {len(bot.logs)} runs")
    assert returncode == 0, bot.tail()
    assert "BorderDesk stopped" in bot.logs[-1].read_text(errors="replace")

    problems = _check_intake(db, telegram_api, shopping.result())
    problems += _check_replies(db, timeline, staff)
    problems += _check_cards(db, timeline)
    errors = list(bot.errors())
    _report(f"  ERROR lines in the logs: {len(errors)}" + "".join(f"\n    {e}" for e in errors))
    assert not problems, "\n".join(problems)


def _check_intake(db: Path, telegram: FakeTelegramAPI, pushed: list[dict[str, Any]]) -> list[str]:
    """Accepted = handed out and confirmed by a later getUpdates offset; each stored once."""
    offsets = [p.get("offset", 0) for m, p in telegram.calls if m == "getUpdates"]
    confirmed_below = max(offsets, default=0)
    accepted = [u for u in pushed if u["update_id"] < confirmed_below]
    problems = []
    if telegram.pending_updates or len(accepted) != len(pushed):
        problems.append(
            f"{len(pushed) - len(accepted)} update(s) never confirmed: "
            f"{[u['update_id'] for u in telegram.pending_updates]}"
        )
    stored: dict[str, int] = {
        row["platform_message_id"]: row["n"]
        for row in _query(
            db,
            "select platform_message_id, count(*) as n from messages where direction = 'in' "
            "group by platform_message_id",
        )
    }
    for update in accepted:
        message = update["message"]
        key = f"{message['chat']['id']}:{message['message_id']}"
        if stored.get(key) != 1:
            problems.append(f"accepted message {key} {message['text']!r} stored {stored.get(key)}x")
    if len(stored) != len(accepted):
        problems.append(f"{len(stored)} inbound rows for {len(accepted)} accepted messages")
    _report(f"  {len(pushed)} messages pushed, {len(accepted)} accepted, {len(stored)} stored")
    return problems


def _check_replies(db: Path, timeline: Timeline, staff: Staff) -> list[str]:
    """Every message answered (one delivery of the card's text) or parked; no resends
    except the documented crash window."""
    problems: list[str] = []
    outbox = _query(db, "select * from outbox where channel = 'telegram' order by id")
    delivered = {
        (int(o["chat_id"]), int(o["platform_message_id"])): o
        for o in outbox
        if o["status"] == "sent"
    }
    recorded_sends = {
        delivered[key]["id"]: seen
        for seen in timeline.sends
        if (key := (seen.data["chat_id"], seen.data["message_id"])) in delivered
    }
    rows = _query(
        db,
        """select m.platform_message_id, s.id as suggestion_id, s.status, s.reply_text,
                  o.id as outbox_id, o.chat_id, o.text, o.status as delivery, o.last_error
           from messages m
           left join suggestions s on s.message_id = m.id
           left join outbox o on o.idempotency_key = 'suggestion:' || s.id
           where m.direction = 'in' order by m.id""",
    )
    for row in rows:
        what = f"message {row['platform_message_id']} (card {row['suggestion_id']})"
        if row["suggestion_id"] is None or row["status"] == "pending":
            problems.append(f"{what}: never decided (status {row['status']})")
            continue
        if row["outbox_id"] is None:
            problems.append(f"{what}: decided {row['status']} but no reply was queued")
            continue
        if row["status"] in ("sent", "auto_sent"):
            expected = row["reply_text"]
        else:
            expected = staff.work.get(row["suggestion_id"], CardWork()).edit_text
        if row["text"] != expected:
            problems.append(f"{what}: queued {row['text']!r}, the card said {expected!r}")
        if row["platform_message_id"].split(":")[0] != row["chat_id"]:
            problems.append(f"{what}: reply queued for another chat, {row['chat_id']}")
        if row["delivery"] == "dead":
            _report(f"  parked: {what}: {row['last_error']}")
            if not row["last_error"]:
                problems.append(f"{what}: parked without an error")
        elif row["delivery"] != "sent":
            problems.append(f"{what}: reply still {row['delivery']}")
        elif row["outbox_id"] not in recorded_sends:
            problems.append(f"{what}: recorded as sent, but Telegram never got that message")
        elif recorded_sends[row["outbox_id"]].data["text"] != row["text"]:
            problems.append(f"{what}: Telegram got {recorded_sends[row['outbox_id']].data}")
    # A message Telegram accepted that no outbox row recorded is a second copy. Allowed only
    # in the crash window: the run that sent it was killed before recording it, and its row
    # was claimed again by a later run (attempts >= 2) and recorded with the resend.
    window: list[str] = []
    for seen in timeline.sends:
        chat, message_id, text = seen.data["chat_id"], seen.data["message_id"], seen.data["text"]
        if (chat, message_id) in delivered:
            continue
        same = [o for o in outbox if int(o["chat_id"]) == chat and o["text"] == text]
        retried = [
            o
            for o in same
            if o["status"] == "sent"
            and o["attempts"] >= 2
            and o["id"] in recorded_sends
            and recorded_sends[o["id"]].at > seen.at
        ]
        kill = timeline.ended_by(seen.at)
        if kill is None or (chat, message_id) in kill.sent or not retried:
            problems.append(
                f"DUPLICATE to chat {chat} at {seen.at:.2f}s, outside the crash window "
                f"(kills at {timeline.kill_times()}; outbox rows {[dict(o) for o in same]}): "
                f"{text!r}"
            )
        else:
            window.append(
                f"    chat {chat}: copy at {seen.at:.2f}s, SIGKILL at {kill.at:.2f}s, "
                f"outbox #{retried[0]['id']} attempts {retried[0]['attempts']}: {text[:50]!r}"
            )
    _report(
        f"  {len(timeline.sends)} sendMessage calls, {len(delivered)} recorded deliveries, "
        f"{sum(o['status'] == 'dead' for o in outbox)} parked; "
        f"{staff.refused} staff request(s) found the process down and were repeated"
    )
    _report(f"  resends attributed to the documented crash window: {len(window)}")
    for line in window:
        _report(line)
    return problems


def _check_cards(db: Path, timeline: Timeline) -> list[str]:
    """A card is posted once per message. A second one is allowed only when the run that
    posted the first was killed before recording it."""
    problems: list[str] = []
    suggestions = _query(db, "select id, conversation_id, status, card_ts from suggestions")
    card_of = {s["id"]: s["card_ts"] for s in suggestions}
    status_of = {s["id"]: s["status"] for s in suggestions}
    conversation_of = {s["id"]: s["conversation_id"] for s in suggestions}
    by_ts = {s["card_ts"]: s["id"] for s in suggestions if s["card_ts"]}
    cards: dict[int, list[str]] = {}  # suggestion id -> Slack ts of its cards, in order
    top_level: dict[int, list[str]] = {}  # conversation id -> its top-level cards
    for ts, seen in timeline.posts.items():
        suggestion = by_ts.get(ts, seen.suggestion_id)
        if suggestion is None:
            continue  # not a card: a notice or a confirmation in a thread
        cards.setdefault(suggestion, []).append(ts)
        if seen.data.get("thread_ts") in (None, ts):
            top_level.setdefault(conversation_of[suggestion], []).append(ts)
    for suggestion, posted in cards.items():
        for ts in posted:
            if ts == card_of[suggestion]:
                continue
            at = timeline.posts[ts].at
            kill = timeline.ended_by(at)
            if kill is None or ts in kill.cards:
                problems.append(
                    f"DUPLICATE card {ts} for suggestion {suggestion} at {at:.2f}s, not one "
                    f"a killed run left unrecorded (kills at {timeline.kill_times()})"
                )
            else:
                _report(
                    f"    suggestion {suggestion}: card {ts} at {at:.2f}s, SIGKILL at "
                    f"{kill.at:.2f}s, not recorded, so posted again as {card_of[suggestion]}"
                )
    for conversation, posted in top_level.items():
        if len(posted) > 1:
            _report(f"  conversation {conversation} has {len(posted)} top-level cards: {posted}")
    stale = [
        f"{m['ts']} (suggestion {sid}, "
        f"{'its recorded card' if card_of.get(sid) == m['ts'] else 'an unrecorded copy'})"
        for m in timeline.slack.messages(INBOX)
        if (sid := _card_suggestion(m)) is not None and status_of.get(sid) != "pending"
    ]
    _report(f"  {len(timeline.posts)} Slack posts, {sum(map(len, cards.values()))} of them cards")
    _report(f"  cards still showing buttons although decided: {', '.join(stale) or 'none'}")
    return problems
