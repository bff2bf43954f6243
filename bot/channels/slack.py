"""Slack staff workspace over slack-bolt (async): the only module importing ``slack_bolt``.

Socket Mode when an app-level token is given (no public URL needed), HTTP mode otherwise
(bolt checks every request's signature and timestamp and answers 401 to a bad one; our
server refuses bodies over 1 MB with 413 and unparseable ones with 400). One path serves
events, interactivity and slash commands.

Only configured staff (``staff_users``, or members of ``staff_group``) may press buttons,
reply in card threads or use ``/borderdesk``; anyone else gets a private refusal. Every
Web API call is paced (chat.postMessage about 1 per second per channel, chat.update
within Tier 3) and retried after ``ratelimited`` (honouring Retry-After), 5xx answers,
timeouts and dropped connections, with exponential backoff and jitter.

    workspace = SlackWorkspace(bot_token="xoxb-…", signing_secret="…", inbox_channel="C0123456789")
    await workspace.start(on_action)
    ref = await workspace.post_card(card)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels import slack_blocks as blocks
from bot.channels import slack_escalations as escalations
from bot.channels.base import ActionHandler, CommandHandler
from bot.channels.slack_connect import SocketConnection, auth_check
from bot.channels.slack_files import MAX_FETCH_BYTES, SlackFiles
from bot.channels.slack_messages import thread_message
from bot.channels.slack_reports import report_message
from bot.channels.slack_shapes import (
    object_at,
    shape_problem,
    signed,
    text_at,
)
from bot.channels.slack_staff import NOT_STAFF, StaffList
from bot.channels.slack_text import plain_text
from bot.channels.slack_web import SlackWeb
from bot.errors import ChannelError
from bot.models import (
    ActionKind,
    Card,
    CardRef,
    EscalationCard,
    IntentChoice,
    StaffAction,
    StaffFile,
)
from bot.pacing import Pacer
from bot.reports import Report
from bot.storage.records import positive_id

logger = logging.getLogger(__name__)

_BUTTONS = {
    "bd_send": ActionKind.SEND,
    "bd_edit": ActionKind.EDIT,
    "bd_other": ActionKind.OTHER,
    "bd_escalate": ActionKind.ESCALATE,
    "bd_escalate_quietly": ActionKind.ESCALATE_QUIETLY,
    "bd_ignore": ActionKind.IGNORE,
    "bd_tr_send": ActionKind.CONFIRM_TRANSLATED,
    "bd_tr_raw": ActionKind.CONFIRM_ORIGINAL,
    "bd_tr_cancel": ActionKind.CONFIRM_CANCEL,
    "bd_tr_retry": ActionKind.CONFIRM_RETRY,
    "bd_esc_ack": ActionKind.ACKNOWLEDGE,
    "bd_esc_info": ActionKind.NEED_INFO,
    "bd_esc_resolve": ActionKind.RESOLVE,
}
_ON_ESCALATIONS = {ActionKind.ACKNOWLEDGE, ActionKind.NEED_INFO, ActionKind.RESOLVE}
_CONFIRMS = {
    ActionKind.CONFIRM_TRANSLATED,
    ActionKind.CONFIRM_ORIGINAL,
    ActionKind.CONFIRM_CANCEL,
    ActionKind.CONFIRM_RETRY,
}
EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1024 * 1024
# clicks remembered until their dialog opens (Slack's trigger_id lives 3 seconds)
_OPENED_FROM_LIMIT = 256


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
        staff_users: frozenset[str] = frozenset(),
        staff_group: str | None = None,
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
        self.staff = StaffList(self.client, staff_users, staff_group)
        self._signing_secret = signing_secret.encode() if signing_secret else None
        self.app = AsyncApp(
            client=self.client,
            signing_secret=signing_secret,
            request_verification_enabled=signing_secret is not None,
            logger=_bolt_logger(),
        )
        self._on_action: ActionHandler | None = None
        self._on_command_text: CommandHandler | None = None
        self.workspace_url = workspace_url
        self._runner: web.AppRunner | None = None
        self._socket: SocketConnection | None = None
        self._names: dict[str, str] = {}
        self._opened_from: dict[str, CardRef] = {}  # trigger_id -> the card clicked
        self._register()

    # -- lifecycle -------------------------------------------------------------------

    async def check(self) -> str:
        """auth.test with the bot token, not retried (``run`` checks before it starts):
        the bot and its workspace, or ChannelRejected / ChannelUnavailable."""
        return await auth_check(self.client)

    async def start(
        self, on_action: ActionHandler, on_command: CommandHandler | None = None
    ) -> None:
        """Listen for staff: Socket Mode connected within ``connect_timeout`` seconds (else
        ChannelError, and nothing is left open), or our HTTP server."""
        self._on_action = on_action
        self._on_command_text = on_command
        if self.staff.anyone:
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
        server = web.Application(client_max_size=MAX_BODY_BYTES)
        server.router.add_post(EVENTS_PATH, self._http)
        self._runner = web.AppRunner(server, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.listen[0], self.listen[1]).start()
        logger.info("slack workspace listening on http://%s:%s%s", *self.listen, EVENTS_PATH)

    async def stop(self) -> None:
        if self._socket is not None:
            socket, self._socket = self._socket, None
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- staff workspace protocol ----------------------------------------------------

    async def post_card(self, card: Card) -> CardRef:
        return await self._post(
            self.inbox_channel,
            blocks.card_text(card),
            blocks.card_blocks(card),
            turn=f"conversation:{card.conversation_id}" if card.conversation_id else None,
        )

    async def post_card_in_thread(self, ref: CardRef, card: Card) -> CardRef:
        return await self._post(
            ref.channel, blocks.card_text(card), blocks.card_blocks(card), thread_ts=ref.ts
        )

    async def update_card(self, ref: CardRef, card: Card) -> None:
        await self._update(ref, blocks.card_text(card), blocks.card_blocks(card))

    async def post_in_thread(self, ref: CardRef, text: str) -> CardRef:
        # plain text from handlers may quote a shopper: keep "> " quotes, defuse mentions and
        # links, and post it verbatim so a bare URL a shopper wrote is not made clickable
        safe = blocks.defuse(text)
        return await self._post(ref.channel, safe, [blocks.plain_section(safe)], thread_ts=ref.ts)

    async def post_report(self, report: Report) -> CardRef | None:
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

    async def post_confirmation(
        self, ref: CardRef, outbox_id: int, original: str, translated: str | None
    ) -> CardRef:
        block_list = blocks.confirmation_blocks(outbox_id, original, translated)
        text = (
            f"Confirm the translation: {blocks.escape(translated)}"
            if translated
            else "Translation unavailable"
        )
        return await self._post(ref.channel, text, block_list, thread_ts=ref.ts)

    async def update_notice(self, ref: CardRef, text: str) -> None:
        safe = blocks.defuse(text)  # it may quote what was sent to the shopper
        await self._update(ref, safe, [blocks.plain_section(safe)])

    async def post_escalation(self, card: EscalationCard) -> CardRef | None:
        channel = self.department_channels.get(card.department)
        if channel is None:
            return None
        return await self._post(
            channel, escalations.escalation_text(card), escalations.escalation_blocks(card)
        )

    async def update_escalation(self, ref: CardRef, card: EscalationCard) -> None:
        await self._update(
            ref, escalations.escalation_text(card), escalations.escalation_blocks(card)
        )

    async def open_question(self, handle: str, escalation_id: int) -> None:
        view = escalations.question_modal(escalation_id, self._opened_from.pop(handle, None))
        await self.web.call("views_open", trigger_id=handle, view=view)

    async def open_resolution(self, handle: str, escalation_id: int) -> None:
        view = escalations.resolve_modal(escalation_id, self._opened_from.pop(handle, None))
        await self.web.call("views_open", trigger_id=handle, view=view)

    async def fetch_file(self, file: StaffFile) -> bytes:
        return await self.files.fetch(file)

    def link_to(self, ref: CardRef) -> str | None:
        """A permalink to a message, in Slack's documented archive form."""
        return f"{self.workspace_url}archives/{ref.channel}/p{ref.ts.replace('.', '')}"

    async def open_editor(self, handle: str, suggestion_id: int, draft: str) -> None:
        view = blocks.edit_modal(suggestion_id, draft, self._opened_from.pop(handle, None))
        await self.web.call("views_open", trigger_id=handle, view=view)

    async def open_picker(
        self, handle: str, suggestion_id: int, choices: Sequence[IntentChoice]
    ) -> None:
        view = blocks.picker_modal(suggestion_id, choices, self._opened_from.pop(handle, None))
        await self.web.call("views_open", trigger_id=handle, view=view)

    async def tell(self, user_id: str, ref: CardRef, text: str) -> None:
        try:
            await self.web.call("chat_postEphemeral", channel=ref.channel, user=user_id, text=text)
        except ChannelError as exc:
            logger.warning("could not tell %s privately (%s): %s", user_id, exc, text)

    # -- Slack calls -----------------------------------------------------------------

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

    # -- who may act -------------------------------------------------------------------

    async def _http(self, request: web.Request) -> web.StreamResponse:
        """Bolt behind our own aiohttp route: bounded bodies, clear 4xx for bad input."""
        try:
            await request.read()
        except web.HTTPRequestEntityTooLarge:
            logger.warning("slack request over %d bytes refused", MAX_BODY_BYTES)
            return web.Response(status=413, text="request body too large")
        if request.headers.get("X-Slack-Retry-Num"):
            logger.info(
                "slack retry %s (%s) of an event",
                request.headers["X-Slack-Retry-Num"],
                request.headers.get("X-Slack-Retry-Reason", "?"),
            )
        if self._signing_secret is not None and not signed(
            self._signing_secret, request, await request.read()
        ):
            logger.warning("slack request with a bad or old signature refused")
            return web.Response(status=401, text="invalid signature")
        try:
            bolt_request = await to_bolt_request(request)
            problem = shape_problem(bolt_request.body)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            problem = f"unparseable ({type(exc).__name__})"
        if problem is not None:
            logger.warning("slack request refused: %s", problem)
            return web.Response(status=400, text=f"request not understood: {problem}")
        try:
            response = await self.app.async_dispatch(bolt_request)
        except Exception:
            logger.warning("slack request could not be dispatched; refused", exc_info=True)
            return web.Response(status=400, text="request not understood")
        return await to_aiohttp_response(response)

    # -- listeners -------------------------------------------------------------------

    def _register(self) -> None:
        self.app.action(re.compile(r"^bd_[a-z_]+$"))(self._on_button)
        self.app.view(escalations.QUESTION_CALLBACK)(self._on_question_submit)
        self.app.view(escalations.RESOLVE_CALLBACK)(self._on_resolve_submit)
        self.app.command("/borderdesk")(self._on_command)
        self.app.view(blocks.EDIT_CALLBACK)(self._on_edit_submit)
        self.app.view(blocks.OTHER_CALLBACK)(self._on_other_submit)
        self.app.event("message")(self._on_message_event)

    async def _dispatch(self, action: StaffAction) -> None:
        if self._on_action is None:
            return
        try:
            await self._on_action(action)
        except ChannelError:
            logger.exception("staff action %s could not be completed", action.kind)

    async def _on_button(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        pressed = body["actions"][0]  # shape_problem() made sure there is one, with an id
        user = object_at(body, "user")
        user_id = text_at(user, "id")
        kind = _BUTTONS.get(pressed["action_id"])
        if kind is None:
            logger.warning("unknown button %s ignored", pressed["action_id"])
            return
        number = positive_id(pressed.get("value"))
        if number is None:
            logger.warning("button %s without a valid id ignored", pressed["action_id"])
            return
        clicked = CardRef(
            text_at(body, "container", "channel_id"), text_at(body, "container", "message_ts")
        )
        if not await self.staff.includes(user_id):
            await self.staff.refuse(user_id, clicked.channel, pressed["action_id"])
            return
        extra: dict[str, str] = {}
        if kind in _CONFIRMS:
            # a confirmation is posted in its card's thread: the root names the conversation
            thread = text_at(body, "container", "thread_ts") or text_at(
                body, "message", "thread_ts"
            )
            extra = {"outbox": str(number), **({"thread": thread} if thread else {})}
        elif kind in _ON_ESCALATIONS:
            extra = {"escalation": str(number)}
        trigger = text_at(body, "trigger_id")
        if trigger and clicked.channel and clicked.ts:
            # a dialog this click opens names this card (see blocks.dialog_metadata)
            self._opened_from[trigger] = clicked
            while len(self._opened_from) > _OPENED_FROM_LIMIT:
                del self._opened_from[next(iter(self._opened_from))]
        await self._dispatch(
            StaffAction(
                kind=kind,
                user_id=user_id,
                user_name=_user_name(user),
                at=datetime.now(UTC),
                suggestion_id=None if extra else number,
                handle=trigger or None,
                card=clicked,
                extra=extra,
            )
        )

    async def _on_edit_submit(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        text = text_at(body, "view", "state", "values", "reply", "text", "value")
        if not text.strip():
            await ack(response_action="errors", errors={"reply": "Write the reply to send."})
            return
        await ack()
        await self._submit(body, ActionKind.EDIT_SUBMIT, text=text)

    async def _on_other_submit(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        intent = text_at(
            body, "view", "state", "values", "answer", "intent", "selected_option", "value"
        )
        if not intent:
            logger.warning("Other answer submitted without a choice; ignored")
            return
        await self._submit(body, ActionKind.OTHER_SUBMIT, intent=intent)

    async def _on_question_submit(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        text = text_at(body, "view", "state", "values", "question", "text", "value")
        if not text.strip():
            await ack(response_action="errors", errors={"question": "Write your question."})
            return
        await ack()
        await self._submit(body, ActionKind.NEED_INFO_SUBMIT, escalation=True, text=text)

    async def _on_resolve_submit(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        values = object_at(body, "view", "state", "values")
        cause = text_at(values, "cause", "value", "selected_option", "value")
        note = text_at(values, "note", "text", "value")
        if not cause or not note.strip():
            errors = {"cause": "Choose the root cause."} if not cause else {}
            if not note.strip():
                errors["note"] = "Say what was done; the shopper's update is prepared from it."
            await ack(response_action="errors", errors=errors)
            return
        await ack()
        await self._submit(
            body, ActionKind.RESOLVE_SUBMIT, escalation=True, text=note, intent=cause
        )

    async def _on_command(self, ack: AsyncAck, command: dict[str, Any]) -> None:
        """/borderdesk open [department]: answered privately to the person who asked."""
        user_id = text_at(command, "user_id")
        if not await self.staff.includes(user_id):
            logger.warning("/borderdesk by %s refused: not on the staff list", user_id)
            await ack(NOT_STAFF)
            return
        if self._on_command_text is None:
            await ack("BorderDesk is starting; try again in a moment.")
            return
        who = f"{text_at(command, 'user_name') or user_id} ({user_id})"
        await ack(await self._on_command_text(text_at(command, "text"), who))

    async def _submit(
        self, body: dict[str, Any], kind: ActionKind, *, escalation: bool = False, **fields: Any
    ) -> None:
        """A dialog was submitted; its private metadata names the suggestion or the
        escalation, and the card the dialog was opened from (checked by the handlers)."""
        user = object_at(body, "user")
        written, card = blocks.read_metadata(text_at(body, "view", "private_metadata"))
        number = positive_id(written)
        if number is None:
            logger.warning("dialog %s without a valid id ignored", kind)
            return
        if not await self.staff.includes(text_at(user, "id")):
            await self.staff.refuse(text_at(user, "id"), None, f"dialog {kind}")
            return
        target: dict[str, Any] = (
            {"extra": {"escalation": str(number)}} if escalation else {"suggestion_id": number}
        )
        await self._dispatch(
            StaffAction(
                kind=kind,
                user_id=text_at(user, "id"),
                user_name=_user_name(user),
                at=datetime.now(UTC),
                card=card,
                **target,
                **fields,
            )
        )

    async def _on_message_event(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        """A person writing in a card thread of the inbox: a reply for the shopper, an edit
        or deletion of one, or something that cannot be sent (see ``slack_messages``)."""
        found = thread_message(event, self.inbox_channel)
        if found is None:
            return
        if not await self.staff.includes(found.user_id):
            if found.kind in (ActionKind.THREAD_REPLY, ActionKind.THREAD_REPLY_UNSENDABLE):
                await self.staff.refuse(
                    found.user_id, self.inbox_channel, "a reply in a card thread"
                )
            else:  # their reply was refused when written: there is nothing to change
                logger.info("%s by %s (not staff) ignored", found.kind, found.user_id)
            return
        await self._dispatch(
            StaffAction(
                kind=found.kind,
                user_id=found.user_id,
                user_name=await self._name_of(found.user_id),
                at=datetime.now(UTC),
                text=await plain_text(found.text, self._name_of),
                card=CardRef(self.inbox_channel, found.thread_ts),
                extra={"ts": found.ts, "event_id": text_at(body, "event_id"), **found.extra},
                files=found.files,
            )
        )

    async def _name_of(self, user_id: str) -> str:
        if user_id not in self._names:
            try:
                info = await self.client.users_info(user=user_id)
                profile = info["user"].get("profile", {})
                self._names[user_id] = (
                    profile.get("display_name")
                    or info["user"].get("real_name")
                    or info["user"].get("name")
                    or user_id
                )
            except (SlackApiError, OSError, TimeoutError, aiohttp.ClientError):
                logger.warning("users.info failed for %s; showing the id", user_id)
                return user_id
        return self._names[user_id]


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


def _user_name(user: Mapping[str, Any]) -> str:
    for key in ("name", "username", "id"):
        if value := text_at(user, key):
            return value
    return "someone"
