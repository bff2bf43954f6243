"""What staff do in Slack, as our own ``StaffAction``: buttons, dialogs, commands, replies.

Bolt calls a listener for each button press (``bd_*`` action ids), each submitted dialog
(Edit, Other answer, the question and resolution of an escalation), each ``/borderdesk``
command and each message event. The listener reads what it needs from the payload (with
``slack_shapes``' accessors, which never raise), asks the staff policy whether the person
may act (anyone else gets a private refusal and nothing happens), and hands one ``StaffAction`` to
the desk's action handler. It decides nothing else: what a click means for a suggestion
or an escalation is the handlers' business.

A dialog opened from a click must name the card it was opened from (so a dialog from a
card of an earlier database cannot act on the new row with that id): the click's
``trigger_id`` is remembered with its card until the dialog opens (``card_clicked``)::

    listeners = SlackListeners(app, client, staff, inbox_channel="C0123456789")
    listeners.on_action = on_action
    view = blocks.edit_modal(suggestion_id, draft, listeners.card_clicked(handle))
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels import slack_blocks as blocks
from bot.channels import slack_escalations as escalations
from bot.channels.base import ActionHandler, CommandHandler
from bot.channels.slack_messages import thread_message
from bot.channels.slack_notes import slack_note
from bot.channels.slack_shapes import object_at, text_at
from bot.channels.slack_staff import SlackStaff
from bot.channels.slack_text import plain_text
from bot.errors import ChannelError
from bot.ids import positive_id
from bot.models import ActionKind, CardRef, StaffAction
from bot.notes import Note

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
    blocks.TAKE: ActionKind.TAKE,
    blocks.RELEASE: ActionKind.RELEASE,
    blocks.REASSIGN: ActionKind.REASSIGN,
}
_ON_ESCALATIONS = {ActionKind.ACKNOWLEDGE, ActionKind.NEED_INFO, ActionKind.RESOLVE}
_CONFIRMS = {
    ActionKind.CONFIRM_TRANSLATED,
    ActionKind.CONFIRM_ORIGINAL,
    ActionKind.CONFIRM_CANCEL,
    ActionKind.CONFIRM_RETRY,
}
# clicks remembered until their dialog opens (Slack's trigger_id lives 3 seconds)
_OPENED_FROM_LIMIT = 256


class SlackListeners:
    """Bolt's listeners for staff input; ``on_action`` and ``on_command`` are set at start."""

    def __init__(
        self, app: AsyncApp, client: AsyncWebClient, staff: SlackStaff, inbox_channel: str
    ) -> None:
        self.client = client
        self.staff = staff
        self.inbox_channel = inbox_channel
        self.on_action: ActionHandler | None = None
        self.on_command: CommandHandler | None = None
        self._names: dict[str, str] = {}
        self._opened_from: dict[str, CardRef] = {}  # trigger_id -> the card clicked
        app.action(re.compile(r"^bd_[a-z0-9_]+$"))(self._on_button)
        app.view(escalations.QUESTION_CALLBACK)(self._on_question_submit)
        app.view(escalations.RESOLVE_CALLBACK)(self._on_resolve_submit)
        app.command("/borderdesk")(self._on_command)
        app.view(blocks.EDIT_CALLBACK)(self._on_edit_submit)
        app.view(blocks.OTHER_CALLBACK)(self._on_other_submit)
        app.event("message")(self._on_message_event)

    def card_clicked(self, handle: str) -> CardRef | None:
        """The card whose button gave ``handle`` (a trigger_id), for the dialog it opens."""
        return self._opened_from.pop(handle, None)

    async def _dispatch(self, action: StaffAction) -> None:
        if self.on_action is None:
            return
        try:
            await self.on_action(action)
        except ChannelError:
            logger.exception("staff action %s could not be completed", action.kind)

    async def _on_button(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        pressed = body["actions"][0]  # shape_problem() made sure there is one, with an id
        user = object_at(body, "user")
        user_id = text_at(user, "id")
        kind = _BUTTONS.get(pressed["action_id"])
        settlement = pressed["action_id"].removeprefix(blocks.SETTLE_PREFIX)
        if kind is None and settlement != pressed["action_id"]:
            kind = ActionKind.SETTLE  # a dispute's settlement: which one is in its id
        if kind is None:
            logger.warning("unknown button %s ignored", pressed["action_id"])
            return
        raw = pressed.get("value")
        if kind is ActionKind.REASSIGN:  # a people menu: the card's id is in its block's
            raw = str(pressed.get("block_id") or "").removeprefix(blocks.ASSIGN_BLOCK)
        number = positive_id(raw)
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
        on_card = not extra  # a confirmation or an escalation names its own target
        if kind is ActionKind.REASSIGN:
            extra = {"owner": text_at(pressed, "selected_user")}
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
                suggestion_id=number if on_card else None,
                handle=trigger or None,
                card=clicked,
                extra=extra or ({"option": settlement} if kind is ActionKind.SETTLE else {}),
            )
        )

    async def _on_edit_submit(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        text = await _written(ack, body, "reply", "Write the reply to send.")
        if text is not None:
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
        text = await _written(ack, body, "question", "Write your question.")
        if text is not None:
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
            await ack(self.staff.policy.refusal)
            return
        if self.on_command is None:
            await ack("BorderDesk is starting; try again in a moment.")
            return
        who = f"{text_at(command, 'user_name') or user_id} ({user_id})"
        # the answer is plain text (a note's sign in front when it is one): Slack's emoji
        # code for the sign, and whatever it quotes (a shopper's name, a kept event) inert
        answer = Note.parse(await self.on_command(text_at(command, "text"), who))
        await ack(blocks.defuse(slack_note(answer)))

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


async def _written(ack: AsyncAck, body: dict[str, Any], field: str, missing: str) -> str | None:
    """The text typed in a dialog's ``field``, the submission acknowledged; None, with
    ``missing`` shown under the empty field (the dialog stays open), when nothing was."""
    text = text_at(body, "view", "state", "values", field, "text", "value")
    if not text.strip():
        await ack(response_action="errors", errors={field: missing})
        return None
    await ack()
    return text


def _user_name(user: Mapping[str, Any]) -> str:
    for key in ("name", "username", "id"):
        if value := text_at(user, key):
            return value
    return "someone"
