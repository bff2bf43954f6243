"""Wiring: open resources, connect the handlers to the adapters, and close it all on shutdown.

    async with Runtime(config, channels=[telegram], workspace=slack) as runtime:
        await stop_event.wait()

Start order: database (migrated), suggestion engine, workspace, order webhooks, /healthz
and /metrics (``bot.health``, when BORDERDESK_HEALTH_LISTEN is set, so a probe sees the
channels connecting), outbox worker, channels, then messages left unprocessed by an
earlier run. Stop order is the reverse, so no new input arrives while the last replies go
out. ``stop`` also closes what a start that failed or was cancelled half-way had opened
(``borderdesk run`` stops on a signal at any moment, see ``bot.startup``).

A SQLite database is this process's alone while it runs (``bot.storage.file_guard``), and
watched: once its file is deleted, moved, replaced or overwritten (a backup copied over
it), intake, staff actions, the outbox, the timed jobs (``bot.jobs``) and the order
webhooks stop, so nothing is acknowledged into, or reported from, a file that is not the
desk's; the platforms deliver it again once the desk is restarted on the right file. The
desk also checkpoints that file itself, every few seconds (see ``bot.storage.sqlite``), so
that any other write to it shows.

Of several processes on one PostgreSQL database, only the elected one polls Telegram
(``bot.storage.leader``; ``_elect_poller``): the others send, and take over within
BORDERDESK_TELEGRAM_TAKEOVER seconds when it dies.

All timed work runs on the one scheduler of ``bot.jobs.Jobs``: the periodic jobs, the
digests and spike alerts, and the watch of the database file; nothing here sleeps in a
loop but the retries of a channel that cannot connect yet.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING

from bot.channels.base import BatchReceiving, CustomerChannel, DeliveryReporting, StaffWorkspace
from bot.channels.notes import StaffNotes
from bot.config import Config
from bot.context import Context, staff_policy, utc_now
from bot.desk import Desk, load_desk, missing_desk_file
from bot.errors import ChannelError, ConfigError
from bot.health import HealthServer
from bot.jobs import PROACTIVE, Intervals, Jobs
from bot.listening import listen_failed
from bot.metrics import DeskMetrics
from bot.models import DeliveryReport, InboundMessage, StaffAction
from bot.notes import Note, NoteKind
from bot.orders.server import OrderWebhooks
from bot.outbox import OutboxWorker
from bot.pacing import Pacer
from bot.storage import OutboxItem, Store
from bot.storage.delivery_statuses import Recorded
from bot.storage.examples import IMPORTED
from bot.storage.file_guard import DatabaseGuard, DatabaseLost
from bot.storage.leader import LeaderOnly, Leadership
from bot.storage.outbox import STAFF_NOTES
from bot.storage.pace_slots import shared_pacing
from bot.storage.urls import database_label
from bot.translation import TranslationCache, Translator
from bot.translation.translator import Backend
from handlers.commands import staff_command
from handlers.deliveries import delivery_recorded, record_deliveries
from handlers.inbound import process_message, resume_unprocessed
from handlers.intake import accept_inbound_batch
from handlers.notes import note_for_staff
from handlers.staff import handle_action
from replies.engine import SuggestionEngine
from replies.library import LibraryError, load_intents
from replies.notices import Notices
from replies.store import StoreDetails

if TYPE_CHECKING:  # the SDK adapters load only when the platforms are used (not in chat)
    from bot.channels.slack import SlackWorkspace
    from bot.channels.telegram import TelegramChannel
    from bot.channels.whatsapp import WhatsAppChannel

logger = logging.getLogger(__name__)

CONNECT_RETRY_MAX_SECONDS = 60.0
DATABASE_WATCH = "database watch"


class Runtime:
    """One BorderDesk process: owns the store, the engine, the adapters and the outbox worker."""

    def __init__(
        self,
        config: Config,
        *,
        channels: Sequence[CustomerChannel],
        workspace: StaffWorkspace,
        clock: Callable[[], datetime] = utc_now,
        outbox_idle_seconds: float = 1.0,
        background: bool = True,
        desk: Desk | None = None,
        jobs: bool = True,
        pacer: Pacer | None = None,
        outbox_retry_base: float = 2.0,
        translation_backend: Backend | None = None,
        intervals: Intervals | None = None,
    ) -> None:
        self.pacer = pacer or Pacer()
        # stands in for the configured translation provider (the demo's phrasebook)
        self.translation_backend = translation_backend
        self.outbox_retry_base = outbox_retry_base
        self.config = config
        self.desk = desk or load_desk_for(config)
        self.channels = {channel.name: channel for channel in channels}
        for channel in channels:  # Telegram's polling: each getUpdates batch stored at once
            if isinstance(channel, BatchReceiving):
                channel.receive_batches(self.on_messages)
            if isinstance(channel, DeliveryReporting):  # WhatsApp's status webhooks
                channel.report_deliveries(self.on_deliveries)
        self.workspace = workspace
        self.clock = clock
        self.outbox_idle_seconds = outbox_idle_seconds
        self.background = background  # False: the caller drains the outbox itself (demo, chat)
        self.with_jobs = jobs and background  # digests and spike alerts
        # how often each timed job runs
        self.intervals = intervals or Intervals(
            resume=config.resume_interval, examples=config.examples_interval
        )
        self._tasks: list[asyncio.Task[None]] = []
        self._processing: set[asyncio.Task[bool]] = set()
        # staff clicks, dialogs and thread replies being handled now (see ``actions_in_flight``)
        self._actions_in_flight = 0
        self._connected: set[str] = set()
        self.ready = asyncio.Event()  # set once every channel is connected
        self._ctx: Context | None = None
        self._store: Store | None = None
        self._started = False  # start was called: stop has something to close
        self._outbox: OutboxWorker | None = None
        self._jobs: Jobs | None = None
        self._webhooks: OrderWebhooks | None = None
        self._guard: DatabaseGuard | None = None  # one desk per SQLite file, still there
        self._database_lost = False
        self._checkpointed_at = 0.0  # the event loop's time of the desk's last checkpoint
        # this process's counters, on a registry of its own (see bot.metrics)
        self.metrics = DeskMetrics()
        self._health: HealthServer | None = None
        # which process polls Telegram, of several on one database (bot.storage.leader)
        self._leadership: Leadership | None = None
        self._pollers: tuple[str, ...] = ()  # the channels it switches

    @property
    def ctx(self) -> Context:
        if self._ctx is None:
            raise RuntimeError("the runtime is not started")
        return self._ctx

    @property
    def jobs(self) -> Jobs | None:
        """The scheduler of every timed job, when this runtime runs in the background."""
        return self._jobs

    @property
    def health(self) -> HealthServer | None:
        """The /healthz and /metrics server, when BORDERDESK_HEALTH_LISTEN names an address."""
        return self._health

    def channel_states(self) -> dict[str, bool]:
        """Whether each customer channel is connected, by name (for /healthz)."""
        return {name: name in self._connected for name in self.channels}

    @property
    def outbox(self) -> OutboxWorker:
        if self._outbox is None:
            raise RuntimeError("the runtime is not started")
        return self._outbox

    async def __aenter__(self) -> Runtime:
        try:
            await self.start()
        except BaseException:
            await self.stop()
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def start(self) -> None:
        """Open everything; on an error or a cancellation part-way, ``stop`` closes what
        was opened (the caller calls it, as ``async with`` does)."""
        self._started = True
        notices = Notices.load(self.config.notices_dir)
        self._guard = DatabaseGuard.take(self.config.database_url)
        if self._guard is not None:
            self._guard.when_lost(self._database_gone)
        self._store = store = await _finished(
            Store.open(self.config.database_url, guard=self._guard), _close
        )
        if self._guard is not None:  # a SQLite file is this desk's alone: a conversation
            await store.forget_claims()  # claimed in it was claimed by a run now dead
        # on a database several processes share, the platforms' limits are the desk's:
        # every pacer of this process (the outbox's, Slack's own) counts the others' sends
        # (a pacer handed over with a backend of its own keeps it: a bench's, on its time)
        if (shared := shared_pacing(store.engine)) is not None:
            for pacer in self._pacers():
                pacer.shared = pacer.shared or shared
        # Staff decisions are learned again on the cached library model, as the desk
        # learned them: no training at a restart. A store's imported history is trained
        # with the library instead (better learned so: top-1 0.996 against 0.963 on the
        # held-out half in bench/intent_bench.py), and is part of the model cache's key.
        # ... and those decided in other processes from now on, by the ``examples`` job
        learned, examples_feed = await store.staff_example_feed()
        imported = await store.examples(IMPORTED)
        engine = await asyncio.to_thread(
            SuggestionEngine.load,
            self.config.library_dir,
            languages=self.config.languages,
            detector=self.config.language_detector,
            extra_examples=imported,
            learned_examples=learned,
            store=StoreDetails(
                self.config.store_name, self.desk.calendar, self.clock, shipping=self.desk.shipping
            ),
            model_cache=self.config.model_cache,
        )
        self._outbox = OutboxWorker(
            store,
            self.channels,
            notes=StaffNotes(self.workspace),
            pacer=self.pacer,
            retry_base=self.outbox_retry_base,
            clock=self.clock,
            max_attempts=self.config.outbox_max_attempts,
            on_failed=self._delivery_failed,
            on_delivery=self._delivery_found,
            idle_seconds=self.outbox_idle_seconds,
        )
        self._ctx = Context(
            store=store,
            engine=engine,
            workspace=self.workspace,
            channels=self.channels,
            translator=build_translator(
                self.config, store, self.translation_backend, metrics=self.metrics
            ),
            desk=self.desk,
            notices=notices,
            products=self.config.glossary,
            staff_language=self.config.staff_language,
            clock=self.clock,
            wake_outbox=self._outbox.wake,
            flood_limit=self.config.shopper_flood_limit,
            claim_lease=timedelta(seconds=self.config.claim_lease),
            config=self.config,
            metrics=self.metrics,
        )
        try:
            await self.workspace.start(self.on_action, self.on_command)
        except OSError as exc:  # our HTTP server for Slack: the port is taken
            raise listen_failed("BORDERDESK_SLACK_LISTEN", self.config.slack_listen, exc) from exc
        if self.background:
            self._webhooks = OrderWebhooks(
                store, self.config, self.clock, on_change=self._order_changed
            )
            try:
                await self._webhooks.start(self.config.webhook_listen)
            except OSError as exc:
                raise listen_failed(
                    "BORDERDESK_WEBHOOK_LISTEN", self.config.webhook_listen, exc
                ) from exc
            if self.config.health_listen is not None:
                await self._serve_health(store, self.config.health_listen)
            self._tasks = [asyncio.create_task(self._outbox.run(), name="outbox")]
            self._jobs = Jobs(
                self._ctx,
                self.clock,
                intervals=self.intervals,
                reports=self.with_jobs,
                examples=examples_feed,
            )
            if self._guard is not None:  # only a SQLite file can be lost under the desk
                self._checkpointed_at = asyncio.get_running_loop().time()
                self._jobs.every(
                    DATABASE_WATCH,
                    self.intervals.database_check,
                    self._watch_database,
                    failed="watching the database file failed",
                    keep_running=True,
                )
            await self._jobs.start()
            await self._elect_poller()
            self._tasks += [
                asyncio.create_task(self._connect(channel), name=f"connect {name}")
                for name, channel in self.channels.items()
            ]
        else:
            for channel in self.channels.values():
                await channel.start(self.on_message)
                self._connected.add(channel.name)
            self.ready.set()
            await resume_unprocessed(self._ctx)
        logger.info(
            "BorderDesk started on %s: channels %s",
            database_label(self.config.database_url),
            ", ".join(self.channels) or "none",
        )

    async def on_message(self, message: InboundMessage) -> None:
        """A message from a channel that delivers one at a time: a batch of one."""
        await self.on_messages([message])

    async def on_messages(self, messages: Sequence[InboundMessage]) -> None:
        """Store the messages, a platform's whole batch in one transaction (the adapter
        acknowledges them to the platform only after this returns), then handle each one
        not held nor a duplicate: in the background when serving, so a slow step (Slack
        pacing, a translation) never holds up intake, and a flood still being stored
        holds up no card. Once the SQLite file is gone or replaced, it raises instead:
        the platform keeps what was not acknowledged."""
        self._check_database()
        accepted = await accept_inbound_batch(self.ctx, messages)
        self._check_database()  # stored in the file that is still there: only then acknowledged
        for stored in accepted:
            if not self.background:
                await process_message(self.ctx, *stored)
                continue
            task = asyncio.create_task(process_message(self.ctx, *stored))
            self._processing.add(task)
            task.add_done_callback(self._processing.discard)

    async def on_deliveries(self, reports: Sequence[DeliveryReport]) -> None:
        """What a platform reported of sent replies: recorded (the channel answers its
        platform only after this returns), cards redrawn, failures told as dead letters."""
        self._check_database()
        await record_deliveries(self.ctx, reports, self._delivery_failed)

    async def on_action(self, action: StaffAction) -> None:
        """A staff click or dialog; refused (logged) once the database file is lost, as its
        decision could not be recorded."""
        try:
            self._check_database()
        except DatabaseLost:
            logger.warning("staff action %s not done: the database file is lost", action.kind)
            return
        self._actions_in_flight += 1
        try:
            await handle_action(self.ctx, action)
        finally:
            self._actions_in_flight -= 1

    @property
    def actions_in_flight(self) -> int:
        """Staff actions handed to this runtime and not finished: a reply under a card that
        is not recorded yet may wait seconds for it (``handlers.thread_replies``). A caller
        that must know every action it sent was dealt with (a test asserting that something
        did *not* happen) waits for this to reach 0 instead of sleeping."""
        return self._actions_in_flight

    async def on_command(self, text: str, actor: str = "staff (/borderdesk)") -> str:
        try:
            self._check_database()
        except DatabaseLost as exc:
            return Note(f"BorderDesk cannot act now: {exc}", NoteKind.WARNING).text
        return await staff_command(self.ctx, text, actor=actor)

    async def stop(self) -> None:
        """Close in reverse order what ``start`` opened, all of it or (after a failed or
        cancelled start) part of it; a second call does nothing."""
        if not self._started:
            return
        self._started = False
        if self._jobs is not None:
            await self._jobs.stop()
            self._jobs = None
        if self._leadership is not None:  # polling stops before the lock is released
            await self._leadership.stop()
            self._leadership = None
        for task in self._tasks:
            if task.get_name() != "outbox":
                task.cancel()  # a channel still trying to connect
        for channel in self.channels.values():
            await _quietly(channel.stop(), f"stopping {channel.name}")
        if self._webhooks is not None:
            await _quietly(self._webhooks.stop(), "stopping the order webhooks")
            self._webhooks = None
        if self._health is not None:
            await _quietly(self._health.stop(), "stopping /healthz and /metrics")
            self._health = None
        if self._processing:  # stored already; what does not finish is resumed next start
            _, late = await asyncio.wait(list(self._processing), timeout=10)
            for unfinished in late:
                unfinished.cancel()
        await _quietly(self.workspace.stop(), "stopping the staff workspace")
        if self._outbox is not None:
            self._outbox.stop()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        for pacer in self._pacers():  # a "retry after" the other processes must still hear
            await pacer.settled()
        if self._store is not None:
            await self._store.close()
        if self._guard is not None:
            self._guard.release()
            self._guard = None
        self._ctx, self._store, self._outbox = None, None, None
        logger.info("BorderDesk stopped")

    def _pacers(self) -> list[Pacer]:
        """This process's pacers: the outbox's, and the workspace's own when it paces its
        calls itself (Slack's, ``SlackWorkspace.pacer``)."""
        own = getattr(self.workspace, "pacer", None)
        return [self.pacer] + ([own] if isinstance(own, Pacer) and own is not self.pacer else [])

    async def _serve_health(self, store: Store, listen: tuple[str, int]) -> None:
        """Start /healthz and /metrics (before the channels connect, so a probe sees them
        connecting); a taken port stops the start, naming the setting."""
        self._health = HealthServer(
            store,
            self.metrics,
            channels=self.channel_states,
            clock=self.clock,
            polling=self.polling_states,
        )
        try:
            await self._health.start(listen)
        except OSError as exc:
            self._health = None
            raise listen_failed("BORDERDESK_HEALTH_LISTEN", listen, exc) from exc

    def polling_states(self) -> dict[str, bool]:
        """Whether this process polls each channel only one process may poll (Telegram by
        long polling), by name: True for the elected poller (for /healthz)."""
        leading = self._leadership is not None and self._leadership.leading
        return {name: leading for name in self._pollers}

    async def _elect_poller(self) -> None:
        """Channels only one process may poll poll only while this process leads
        (``bot.storage.leader``): of several processes on PostgreSQL, the one holding the
        poller lock; on SQLite, the desk's one process, at once."""
        exclusive = {
            name: channel
            for name, channel in self.channels.items()
            if isinstance(channel, LeaderOnly) and channel.exclusive
        }
        self._pollers = tuple(exclusive)
        if not exclusive:
            return

        async def lead(leading: bool) -> None:
            for name, channel in exclusive.items():
                await channel.lead(leading)
                self.metrics.polling(name, leading)

        await lead(False)  # connect and send, but poll only once elected
        self._leadership = Leadership(
            self.config.database_url, on_change=lead, retry=self.config.telegram_takeover
        )
        await self._leadership.start()

    async def _connect(self, channel: CustomerChannel) -> None:
        """Start a channel, retrying while its platform is unreachable: the process stays up
        (staff actions and the outbox keep working) and connects as soon as it can."""
        delay = 1.0
        while True:
            try:
                await channel.start(self.on_message)
                self._connected.add(channel.name)
                if self._connected >= set(self.channels):
                    self.ready.set()
                return
            except ChannelError as exc:
                logger.warning("%s not reachable (%s); retrying in %.0fs", channel.name, exc, delay)
            except OSError as exc:  # its webhook server: the port is taken
                error = listen_failed(*self._listen_setting(channel.name), exc)
                logger.error("%s not started: %s; retrying in %.0fs", channel.name, error, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, CONNECT_RETRY_MAX_SECONDS)

    def _listen_setting(self, channel: str) -> tuple[str, tuple[str, int]]:
        """The setting (and address) where a channel's own webhook server listens."""
        if channel == "whatsapp":
            return "BORDERDESK_WHATSAPP_LISTEN", self.config.whatsapp_listen
        return "BORDERDESK_TELEGRAM_WEBHOOK_LISTEN", self.config.telegram_webhook_listen

    def _check_database(self) -> None:
        """DatabaseLost once the SQLite file was deleted, moved, replaced or overwritten
        (every transaction checks too; ``_database_gone`` says it and stops the rest)."""
        if self._guard is not None:
            self._guard.check()

    def _database_gone(self, lost: DatabaseLost) -> None:
        """The guard found the file lost (once): said in one line, and the outbox and the
        timed jobs stop too (what they sent could not be recorded, so it would be sent
        again from the right file, and what they report would be read from a file that is
        not the desk's)."""
        self._database_lost = True
        logger.error("%s", lost)
        if self._outbox is not None:
            self._outbox.stop()
        if self._jobs is not None:
            self._jobs.pause()

    async def _watch_database(self) -> None:
        """A timed job: look at the SQLite file, so a lost file is noticed (and reported)
        even while nobody writes, and checkpoint it when it was written to; once it is
        lost, close the order webhooks, whose senders retry what is not answered, and
        stop watching."""
        loop = asyncio.get_running_loop()
        if not self._database_lost:
            try:
                self._check_database()
                if loop.time() - self._checkpointed_at >= self.intervals.checkpoint:
                    self._checkpointed_at = loop.time()
                    await self._checkpoint()
                return
            except DatabaseLost:
                pass  # said once by _database_gone
        if self._jobs is not None:
            self._jobs.stop_job(DATABASE_WATCH)
        if self._webhooks is not None:  # closed: the shop and the order feed deliver again
            await _quietly(self._webhooks.stop(), "stopping the order webhooks")

    async def _checkpoint(self) -> None:
        """The desk's own checkpoint (SQLite's automatic ones are off), when the log has
        anything in it; a failure (a full disk) is only logged: the next one tries again."""
        guard = self._guard
        if guard is None or not guard.wal.exists() or guard.wal.stat().st_size == 0:
            return
        try:
            await self.ctx.store.checkpoint_wal()
        except DatabaseLost:
            raise
        except Exception as exc:
            logger.warning("checkpointing the database failed (%s); will try again", exc)

    async def _order_changed(self, order_number: str) -> None:
        """An order event arrived: proactive notices are checked at once, not in a minute."""
        if self._jobs is not None:
            self._jobs.run_now(PROACTIVE)

    async def _delivery_found(self, found: Recorded) -> None:
        """A delivery reported before its send was recorded, applied as that one is."""
        await delivery_recorded(self.ctx, found, self._delivery_failed)

    async def _delivery_failed(self, item: OutboxItem, reason: str) -> None:
        """Tell staff under the card; a note that itself failed is only logged (and listed
        by ``/borderdesk dead``), or one outage would feed on itself."""
        if item.channel == STAFF_NOTES:
            return
        conversation = await self.ctx.store.conversation(item.conversation_id)
        if conversation.card is not None:
            await note_for_staff(
                self.ctx,
                item.conversation_id,
                conversation.card,
                f"Message #{item.id} could not be delivered ({reason}). It is kept; "
                f"`/borderdesk retry {item.id}` sends it again.\n> {item.text}",
                NoteKind.WARNING,
                key=f"undelivered:{item.id}:{item.attempts}",
            )


async def _finished[T](step: Awaitable[T], undo: Callable[[T], Awaitable[None]]) -> T:
    """Await a step that must not be cut in half (opening and migrating the database):
    when cancelled meanwhile, the step still ends, ``undo`` closes what it made, and the
    cancellation goes on."""
    task = asyncio.ensure_future(step)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        with contextlib.suppress(Exception):
            await undo(await task)
        raise


async def _close(store: Store) -> None:
    await store.close()


async def _quietly(awaitable: object, what: str) -> None:
    try:
        await awaitable  # type: ignore[misc]
    except (ChannelError, OSError):
        logger.exception("error while %s", what)


def load_desk_for(config: Config) -> Desk:
    """The desk file named by the settings, with channels from the environment on top.
    A file named in BORDERDESK_DESK_FILE but missing is an error (only the default
    ``desk.yaml`` may be absent), and ``owns:`` may name only the library's intents."""
    if config.desk_file != Config.desk_file and not config.desk_file.is_file():
        raise ConfigError(missing_desk_file(config.desk_file))
    try:
        intents = load_intents(config.library_dir)
    except LibraryError as exc:
        raise ConfigError(str(exc)) from exc
    return load_desk(config.desk_file, channels=config.department_channels, intents=intents)


def build_translator(
    config: Config,
    cache: TranslationCache,
    backend: Backend | None = None,
    *,
    metrics: DeskMetrics | None = None,
) -> Translator:
    """The configured translator (settings were validated by ``load_config``), or one over
    ``backend`` instead of the configured provider; ``metrics`` counts its failures."""
    try:
        return Translator(
            config.translator,
            cache=cache,
            glossary=config.glossary,
            timeout=config.translation_timeout,
            api_key=config.translator_api_key,
            url=config.libretranslate_url,
            backend=backend,
            metrics=metrics,
        )
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc


def platform_adapters(
    config: Config, desk: Desk | None = None, pacer: Pacer | None = None
) -> tuple[list[CustomerChannel], StaffWorkspace]:
    """The real Telegram channel (and WhatsApp's, when its token is set) and Slack
    workspace, as configured."""
    channels: list[CustomerChannel] = [telegram_channel(config)]
    if config.whatsapp_enabled:
        channels.append(whatsapp_channel(config))
    return channels, slack_workspace(config, desk, pacer)


def whatsapp_channel(config: Config) -> WhatsAppChannel:
    """The WhatsApp channel as configured (``load_config`` checked that its number, app
    secret and verify token come with the token)."""
    from bot.channels.whatsapp import WhatsAppChannel
    from bot.channels.whatsapp_window import Template

    assert config.whatsapp_access_token and config.whatsapp_phone_number_id
    assert config.whatsapp_app_secret and config.whatsapp_verify_token
    # sent after the 24-hour window: ``update`` in place of a reply, the others in place of
    # the notice of their kind
    templates = {
        purpose: Template(t.name, t.language, t.variables)
        for purpose, t in config.whatsapp_templates.items()
    }
    update = templates.pop("update", None)
    return WhatsAppChannel(
        config.whatsapp_access_token,
        config.whatsapp_phone_number_id,
        app_secret=config.whatsapp_app_secret,
        verify_token=config.whatsapp_verify_token,
        listen=config.whatsapp_listen,
        base_url=config.whatsapp_api_url,
        api_version=config.whatsapp_api_version,
        update_template=update,
        notice_templates=templates,
        timeout=config.connect_timeout,
    )


def telegram_channel(config: Config) -> TelegramChannel:
    """The Telegram channel as configured (``run`` checks its token before starting)."""
    from bot.channels.telegram import TelegramChannel

    assert config.telegram_token
    return TelegramChannel(
        config.telegram_token,
        base_url=config.telegram_api_url,
        webhook_url=config.telegram_webhook_url,
        webhook_secret=config.telegram_webhook_secret,
        listen=config.telegram_webhook_listen,
    )


def slack_workspace(
    config: Config, desk: Desk | None = None, pacer: Pacer | None = None
) -> SlackWorkspace:
    """The Slack workspace as configured, its departments' channels from the desk file."""
    from bot.channels.slack import SlackWorkspace

    assert config.slack_bot_token and config.slack_inbox_channel
    return SlackWorkspace(
        bot_token=config.slack_bot_token,
        inbox_channel=config.slack_inbox_channel,
        signing_secret=config.slack_signing_secret,
        app_token=config.slack_app_token,
        api_url=config.slack_api_url,
        listen=config.slack_listen,
        staff=staff_policy(config),
        pacer=pacer,
        connect_timeout=config.connect_timeout,
        department_channels={
            name: department.channel
            for name, department in (desk or load_desk_for(config)).departments.items()
            if department.channel
        },
    )
