"""Slack staff workspace over slack-bolt (async): the ``StaffWorkspace`` staff use in Slack.

Socket Mode when an app-level token is given (no public URL needed), HTTP mode otherwise
(bolt checks every request's signature and timestamp and answers 401 to a bad one; our
server refuses bodies over 1 MB with 413 and unparseable ones with 400). One path serves
events, interactivity and slash commands.

Who may press buttons, reply in card threads or use ``/borderdesk`` is the ``staff``
policy's decision (``bot/staff.py``), handed over by the wiring; anyone else gets a
private refusal. Every Web API call is paced (chat.postMessage about 1 per second per
channel, chat.update within Tier 3) and retried after ``ratelimited`` (honouring
Retry-After), 5xx answers, timeouts and dropped connections, with exponential backoff
and jitter.

This module is what the desk calls (post and redraw cards, reports, dialogs); the rest of
the adapter is a module per idea, and only these ``slack*`` modules import ``slack_bolt``
or ``slack_sdk``:

- ``slack_listeners``: what staff do (buttons, dialogs, commands, thread replies) as our
  ``StaffAction``, for staff only;
- ``slack_http`` and ``slack_connect``: the two ways Slack reaches us (HTTP, Socket Mode);
- ``slack_shapes``: what a request must look like, and its signature;
- ``slack_staff``: the staff policy asked about Slack users (a user group's members);
  ``slack_web``: paced and retried Web API calls;
- ``slack_blocks``, ``slack_escalations``, ``slack_reports``: our cards, escalations and
  reports as Block Kit; ``slack_text``: Slack's markup back to plain text;
- ``slack_messages``: which message events are a reply to a shopper;
- ``slack_files``: files staff attach, fetched with the bot token.

    workspace = SlackWorkspace(bot_token="xoxb-…", signing_secret="…", inbox_channel="C0123456789")
    await workspace.start(on_action)
    ref = await workspace.post(card)
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, overload

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels import slack_blocks as blocks
from bot.channels import slack_escalations as escalations
from bot.channels.base import ActionHandler, CommandHandler
from bot.channels.slack_connect import SocketConnection, auth_check
from bot.channels.slack_files import MAX_FETCH_BYTES, SlackFiles
from bot.channels.slack_http import serve
from bot.channels.slack_listeners import SlackListeners
from bot.channels.slack_notes import slack_note
from bot.channels.slack_reports import report_message
from bot.channels.slack_staff import SlackStaff
from bot.channels.slack_web import SlackWeb
from bot.errors import ChannelError
from bot.forms import AskQuestion, EditReply, Form, PickAnswer, Resolve
from bot.models import Card, CardRef, EscalationCard, StaffFile
from bot.notes import Note
from bot.pacing import Pacer
from bot.reports import Report
from bot.staff import StaffPolicy
from bot.staff_items import Confirmation, DepartmentItem, InboxItem, Redrawable, StaffItem

logger = logging.getLogger(__name__)


class SlackWorkspace:
    """Staff work in a Slack inbox channel; departments in their own channels."""

    def __init__(
        self,
        *,
        bot_token: str,
        inbox_channel: str,
        signing_secret: str | None = None,
        app_token: str | None = None,
        api_url: str = "https://slack.com/api/",
        listen: tuple[str, int] = ("0.0.0.0", 3000),
        department_channels: Mapping[str, str] | None = None,
        workspace_url: str = "https://slack.com/",
        staff: StaffPolicy | None = None,
        pacer: Pacer | None = None,
        timeout: int = 15,
        max_file_bytes: int = MAX_FETCH_BYTES,
        connect_timeout: float = 30.0,
    ) -> None:
        self.inbox_channel = inbox_channel
        self.app_token = app_token
        self.connect_timeout = connect_timeout  # for Socket Mode's first connection
        self.listen = listen
        self.department_channels = dict(department_channels or {})
        self.client = AsyncWebClient(token=bot_token, base_url=api_url, timeout=timeout)
        self.web = SlackWeb(self.client, pacer or Pacer())
        self.files = SlackFiles(
            bot_token, api_url=api_url, pacer=self.web.pacer, max_bytes=max_file_bytes
        )
        self.staff = SlackStaff(self.client, staff or StaffPolicy())
        self._signing_secret = signing_secret.encode() if signing_secret else None
        self.app = AsyncApp(
            # named, bolt does not look up its caller's file name (inspect.stack(): 25 ms)
            name="borderdesk",
            client=self.client,
            signing_secret=signing_secret,
            request_verification_enabled=signing_secret is not None,
            logger=_bolt_logger(),
        )
        self.listeners = SlackListeners(self.app, self.client, self.staff, inbox_channel)
        self.workspace_url = workspace_url
        self._runner: web.AppRunner | None = None
        self._socket: SocketConnection | None = None
        self._direct: dict[str, str] = {}  # user id -> the app's DM conversation with them

    async def check(self) -> str:
        """auth.test with the bot token, not retried (``run`` checks before it starts):
        the bot and its workspace, or ChannelRejected / ChannelUnavailable."""
        return await auth_check(self.client)

    async def start(
        self, on_action: ActionHandler, on_command: CommandHandler | None = None
    ) -> None:
        """Listen for staff: Socket Mode connected within ``connect_timeout`` seconds (else
        ChannelError, and nothing is left open), or our HTTP server."""
        self.listeners.on_action = on_action
        self.listeners.on_command = on_command
        if self.client.session is None:
            # one HTTP session (its connections kept open) for every Web API call while
            # listening; without one the SDK opens and closes a connection per call
            timeout = aiohttp.ClientTimeout(total=self.client.timeout)
            self.client.session = aiohttp.ClientSession(timeout=timeout)
        if self.staff.policy.anyone:
            logger.warning(
                "no BORDERDESK_STAFF_USERS or BORDERDESK_STAFF_GROUP: anyone who can see the "
                "Slack channels may answer shoppers"
            )
        if self.app_token:
            self._socket = SocketConnection(self.app, self.app_token, timeout=self.connect_timeout)
            try:
                await self._socket.open()
            except BaseException:  # a failure or a signal: close the SDK's session and tasks
                await self.stop()
                raise
            logger.info("slack workspace connected (Socket Mode)")
            return
        self._runner = await serve(self.app, self._signing_secret, self.listen)

    async def stop(self) -> None:
        if self._socket is not None:
            socket, self._socket = self._socket, None
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self.client.session is not None:
            session, self.client.session = self.client.session, None
            await session.close()

    @overload
    async def post(self, item: InboxItem, *, thread: CardRef | None = None) -> CardRef: ...

    @overload
    async def post(self, item: DepartmentItem) -> CardRef | None: ...

    async def post(self, item: StaffItem, *, thread: CardRef | None = None) -> CardRef | None:
        """A card, a note or a confirmation in the inbox (in ``thread`` when given); a
        report or an escalation card in its department's channel (None without one), a
        report for one person (a work log) in the app's direct messages with them."""
        channel = thread.channel if thread is not None else self.inbox_channel
        ts = thread.ts if thread is not None else None
        match item:
            case Card():
                # cards of different conversations take turns for the inbox's pace
                turn = f"conversation:{item.conversation_id}" if item.conversation_id else None
                return await self._post(
                    channel,
                    blocks.card_text(item),
                    blocks.card_blocks(item),
                    thread_ts=ts,
                    turn=turn if thread is None else None,
                )
            case Note():
                text, block_list = _note_message(item)
                return await self._post(channel, text, block_list, thread_ts=ts)
            case Confirmation():
                return await self._post(channel, *blocks.confirmation_message(item), thread_ts=ts)
            case Report():
                return await self._post_report(item)
            case EscalationCard():
                department = self.department_channels.get(item.department)
                if department is None:
                    return None
                return await self._post(
                    department,
                    escalations.escalation_text(item),
                    escalations.escalation_blocks(item),
                )

    async def update(self, ref: CardRef, item: Redrawable) -> None:
        match item:
            case Card():
                await self._update(ref, blocks.card_text(item), blocks.card_blocks(item))
            case EscalationCard():
                await self._update(
                    ref, escalations.escalation_text(item), escalations.escalation_blocks(item)
                )
            case Note():
                await self._update(ref, *_note_message(item))

    async def open_form(self, handle: str, form: Form) -> None:
        """A modal, opened with the click's trigger_id; it names the card clicked."""
        clicked = self.listeners.card_clicked(handle)
        match form:
            case EditReply():
                view = blocks.edit_modal(form.suggestion_id, form.draft, clicked)
            case PickAnswer():
                view = blocks.picker_modal(form.suggestion_id, form.choices, clicked)
            case AskQuestion():
                view = escalations.question_modal(form.escalation_id, clicked)
            case Resolve():
                view = escalations.resolve_modal(form.escalation_id, clicked)
        await self.web.call("views_open", trigger_id=handle, view=view)

    async def fetch_file(self, file: StaffFile) -> bytes:
        return await self.files.fetch(file)

    def link_to(self, ref: CardRef) -> str | None:
        """A permalink to a message, in Slack's documented archive form."""
        return f"{self.workspace_url}archives/{ref.channel}/p{ref.ts.replace('.', '')}"

    async def tell(self, user_id: str, ref: CardRef, text: str) -> None:
        if not ref.channel or not user_id:  # a click without them (forged or malformed)
            logger.warning("could not tell %r privately (no channel for it): %s", user_id, text)
            return
        try:
            await self.web.call("chat_postEphemeral", channel=ref.channel, user=user_id, text=text)
        except ChannelError as exc:
            logger.warning("could not tell %s privately (%s): %s", user_id, exc, text)

    async def direct(self, user_id: str, text: str) -> bool:
        """A direct message from the app to ``user_id`` (``DirectMessages``), in the
        conversation a work log goes to (``_direct_channel``)."""
        try:
            channel = await self._direct_channel(user_id)
            await self.web.call("chat_postMessage", channel=channel, text=blocks.defuse(text))
        except (ChannelError, KeyError, TypeError) as exc:  # no channel in Slack's answer
            logger.warning("could not write to %s directly (%s): %s", user_id, exc, text)
            return False
        return True

    async def _post_report(self, report: Report) -> CardRef | None:
        if report.to_person is not None:
            channel: str | None = await self._direct_channel(report.to_person)
        else:
            channel = self.department_channels.get(report.department)
        if channel is None:
            return None
        text, block_list = report_message(report)
        ref = await self._post(channel, text, block_list)
        if report.chart is not None:
            await self.web.call(
                "files_upload_v2",
                channel=channel,
                content=report.chart,
                filename=report.chart_name,
                title=report.chart_name,
                thread_ts=ref.ts,
            )
        return ref

    async def _direct_channel(self, user_id: str) -> str:
        """The app's direct-message conversation with ``user_id`` (conversations.open,
        asked once per person: the id does not change). Raises ``ChannelError``."""
        if user_id not in self._direct:
            opened = await self.web.call("conversations_open", users=user_id)
            channel = opened["channel"]
            self._direct[user_id] = str(channel["id"] if isinstance(channel, dict) else channel)
        return self._direct[user_id]

    async def _post(
        self,
        channel: str,
        text: str,
        block_list: list[dict[str, Any]] | None,
        thread_ts: str | None = None,
        turn: str | None = None,
    ) -> CardRef:
        kwargs: dict[str, Any] = {"channel": channel, "text": blocks.clip(text, 3000)}
        if block_list is not None:
            kwargs["blocks"] = block_list
        if thread_ts is not None:
            kwargs["thread_ts"] = thread_ts
        response = await self.web.call("chat_postMessage", pacing_turn=turn, **kwargs)
        return CardRef(str(response["channel"]), str(response["ts"]))

    async def _update(self, ref: CardRef, text: str, block_list: list[dict[str, Any]]) -> None:
        await self.web.call(
            "chat_update", channel=ref.channel, ts=ref.ts, text=text, blocks=block_list
        )

    @property
    def pacer(self) -> Pacer:
        """Paces the Web API calls (shared with the outbox; a fast clock in benchmarks)."""
        return self.web.pacer

    @pacer.setter
    def pacer(self, pacer: Pacer) -> None:
        self.web.pacer = pacer
        self.files.pacer = pacer


def _note_message(note: Note) -> tuple[str, list[dict[str, Any]]]:
    """A note as Slack text and one plain section: its kind's emoji code in front, and
    whatever it quotes of a shopper inert (mentions and links defused, "> " quotes kept,
    shown verbatim so a bare URL a shopper wrote is not made clickable)."""
    safe = blocks.defuse(slack_note(note))
    return safe, [blocks.plain_section(safe)]


class _SameToken(logging.Filter):
    """bolt reads SLACK_BOT_TOKEN from the environment itself and, seeing it beside our
    client (built with that very token), warns that the token "will be unused" at every
    start. It is the same token: nothing is unused, so the line would only mislead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def _bolt_logger() -> logging.Logger:
    found = logging.getLogger("slack_bolt.AsyncApp")
    if not any(isinstance(f, _SameToken) for f in found.filters):
        found.addFilter(_SameToken())
    return found
