"""Domain models shared by every part of BorderDesk.

They are frozen dataclasses on purpose: handlers, replies and scheduler only ever see
these, never an SDK object, so a new channel is an adapter and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from bot.notes import Note


class MessageKind(StrEnum):
    """What an inbound message carries; non-text kinds are shown to staff as placeholders."""

    TEXT = "text"
    COMMAND = "command"
    PHOTO = "photo"
    DOCUMENT = "document"
    VOICE = "voice"
    VIDEO = "video"
    STICKER = "sticker"
    LOCATION = "location"
    VENUE = "venue"  # a place: its title and address
    CONTACT = "contact"  # a shared contact card: name and phone
    AUDIO = "audio"
    VIDEO_NOTE = "video_note"
    ANIMATION = "animation"
    POLL = "poll"  # the question
    DICE = "dice"  # the emoji and the value thrown
    OTHER = "other"
    # Not written by the shopper but about their chat: they blocked or unblocked us.
    # Stored like messages (persist first, deduplicated), shown to staff as notes.
    CHAT_BLOCKED = "chat_blocked"
    CHAT_UNBLOCKED = "chat_unblocked"


class ChatType(StrEnum):
    """Who is on the other side of a chat: one shopper, or a group of people."""

    PRIVATE = "private"
    GROUP = "group"  # groups, supergroups and broadcast channels alike


@dataclass(frozen=True)
class DeliveryReport:
    """What a platform said became of a message the desk sent (WhatsApp's status
    webhooks): ``sent`` (on its servers), ``delivered`` (on the shopper's phone), ``read``,
    or ``failed`` (never delivered; ``reason`` gives the platform's words). The message is
    named by the id its send returned (the outbox row's ``platform_message_id``)."""

    channel: str
    platform_message_id: str
    state: str  # sent | delivered | read | failed (a state new to the desk: kept as given)
    at: datetime | None  # when the platform says it happened
    reason: str = ""  # failed: "131026 Message undeliverable (details)"


@dataclass(frozen=True)
class Notice:
    """A message the desk sends a shopper unprompted (``handlers.proactive``): its kind (a
    name of ``BORDERDESK_PROACTIVE``: shipped, delay, payment_reminder, review_request,
    rating) and the values its text was rendered from (``order_number``, ``carrier``,
    ``tracking_number``...). A channel that takes only pre-approved templates at times
    (WhatsApp after its 24-hour window) fills the store's template for the kind from them
    (``NoticeSending``); the others send the text."""

    kind: str
    values: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class InboundMessage:
    """One message from a shopper, as a channel adapter hands it over.

    ``platform_message_id`` must be unique within the channel (Telegram message ids are
    only unique per chat, so its adapter uses ``"<chat_id>:<message_id>"``).
    """

    channel: str
    chat_id: str
    platform_message_id: str
    user_id: str
    user_name: str
    text: str
    received_at: datetime
    kind: MessageKind = MessageKind.TEXT
    # an IETF tag ("pt-BR"): the language of the shopper's app as the platform gives it,
    # or (none given) the one language of the country of their vouched ``phone``
    language_hint: str | None = None
    attachment: str | None = None  # file name, sticker emoji, "lat,lon"...
    chat_type: ChatType = ChatType.PRIVATE
    # An edit of an earlier message: that message's ``platform_message_id``. The edit is
    # stored as a message of its own (its id says which edit), shown as a correction.
    edit_of: str | None = None
    # the platform's id of the delivery that brought it (Telegram's update_id), for the log
    # line of a message the intake turns away
    delivery_id: str | None = None
    # The sender's phone number, international ("+5511987654321"), only when the platform
    # vouches that the sender controls it (a WhatsApp id is the sender's number, verified
    # by Meta; a Telegram contact of the sender's own account is the number they registered).
    # Never a number someone typed: that proves nothing. The intake keeps it (in
    # E.164, when it is a full number) on the customer record, and the country, a language
    # hint and the orders placed with it follow from it.
    phone: str | None = None

    def display_text(self) -> str:
        """Text as staff see it: non-text messages become a labelled placeholder."""
        if self.kind in (MessageKind.TEXT, MessageKind.COMMAND):
            return self.text
        label = f"[{self.kind.value}" + (f": {self.attachment}" if self.attachment else "") + "]"
        return f"{label} {self.text}".strip()


@dataclass(frozen=True)
class Suggestion:
    """What the suggestion engine proposes for one shopper message.

    ``intent`` is ``"unknown"`` and ``reply`` is None when the engine abstains.
    ``top`` lists ``(intent, score)`` best first. ``asks_for`` names what the reply asks the
    shopper to send (``order_number``, ``checkout_contact``) when no order is linked.
    ``flags`` are for staff (``"threat"``: bad reviews, a chargeback, a lawyer...);
    ``also_asks`` lists other intents the same message confidently asks about.
    """

    language: str
    intent: str
    confidence: float
    top: tuple[tuple[str, float], ...] = ()
    department: str | None = None
    is_problem: bool = False
    reply: str | None = None
    reply_language: str | None = None
    machine_translated: bool = False
    auto_send: bool = False
    asks_for: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    also_asks: tuple[str, ...] = ()


@dataclass(frozen=True)
class IntentChoice:
    """An answer staff can pick with "Other answer"."""

    intent: str
    title: str


@dataclass(frozen=True)
class CardRef:
    """Where a card lives in the staff workspace (Slack: channel id and message ts)."""

    channel: str
    ts: str


@dataclass(frozen=True)
class SettleChoice:
    """One way to settle a dispute, as a button on its card: ``key`` comes back as a
    ``SETTLE`` action's ``extra["option"]`` ("keep_refund", "partial_refund_20", "reship",
    "return"); ``label`` is what staff read ("Refund, keep it (12.00 EUR)")."""

    key: str
    label: str
    recommended: bool = False  # the cheapest fair option: the one to click


@dataclass(frozen=True)
class DisputeOffer:
    """A return, refund or damage case's economics on its card (``handlers.disputes``):
    "Return costs about 18.00 EUR against an item of 12.00 EUR: offer a refund without
    return, or a replacement", and a one-click reply in the shopper's language for each
    choice."""

    summary: str
    choices: tuple[SettleChoice, ...] = ()


@dataclass(frozen=True)
class CardOwner:
    """The agent who owns a card's conversation (``handlers.assignment``): their staff id
    (Slack user id), name, since when, and whether they are on shift now."""

    user_id: str
    name: str
    since: datetime
    on_shift: bool = True


@dataclass(frozen=True)
class Card:
    """An inbox card: one shopper message that needs an answer, and what staff decided."""

    suggestion_id: int
    customer_name: str
    channel: str
    language: str
    original_text: str
    suggestion: Suggestion
    decision: str | None = None  # human-readable outcome line once decided
    translated_text: str | None = None  # the shopper's text in the staff language
    reply_in_staff_language: str | None = None
    notes: tuple[str, ...] = ()
    profile: str | None = None  # one line about the shopper: segment, orders, problems…
    warning: str | None = None  # a flagged buyer: the reason, and what that changes
    # A reply waits for staff to choose how it goes out (its translation, untranslated, or
    # not at all): who wrote it and when. The card shows this, and no buttons, meanwhile.
    waiting: str | None = None
    # The shopper's conversation: cards of different conversations take turns for the
    # inbox channel's posting pace, so one flooding shopper cannot hold up the others.
    conversation_id: int | None = None
    # A dispute that may cost less than a return: its economics and the settlements,
    # offered as buttons while the card is undecided
    dispute: DisputeOffer | None = None
    # The desk has agents (``agents:`` in the desk file): the card shows its owner (None:
    # nobody's yet) and, while undecided, Take it / Release / Reassign
    assignable: bool = False
    owner: CardOwner | None = None


class ActionKind(StrEnum):
    """Staff decisions on a card, independent of the workspace that produced them."""

    SEND = "send"
    EDIT = "edit"  # open the editor
    EDIT_SUBMIT = "edit_submit"
    OTHER = "other"  # open the answer picker
    OTHER_SUBMIT = "other_submit"
    ESCALATE = "escalate"  # and answer the shopper (the suggestion, or an acknowledgement)
    ESCALATE_QUIETLY = "escalate_quietly"  # escalate without replying to the shopper
    IGNORE = "ignore"
    # settle a dispute as ``extra["option"]`` says (a ``SettleChoice.key``): its reply in
    # the shopper's language goes out, and the decision and its cost are recorded
    SETTLE = "settle"
    # who owns the card's conversation (``handlers.assignment``): the clicker takes it,
    # gives it back to the inbox, or gives it to ``extra["owner"]`` (a staff id)
    TAKE = "take"
    RELEASE = "release"
    REASSIGN = "reassign"
    THREAD_REPLY = "thread_reply"
    # A staff message in a card thread changed or went away after it was written; or one
    # of a kind that cannot reach the shopper. Each gets a note in the thread, never silence.
    THREAD_REPLY_EDITED = "thread_reply_edited"
    THREAD_REPLY_DELETED = "thread_reply_deleted"
    THREAD_REPLY_UNSENDABLE = "thread_reply_unsendable"
    CONFIRM_TRANSLATED = "confirm_translated"  # send the translation of what staff wrote
    CONFIRM_ORIGINAL = "confirm_original"  # send what staff wrote, untranslated
    CONFIRM_CANCEL = "confirm_cancel"
    CONFIRM_RETRY = "confirm_retry"  # the translation failed: ask the translator again
    # On an escalation card in a department channel (``extra["escalation"]`` is its id):
    ACKNOWLEDGE = "acknowledge"
    NEED_INFO = "need_info"  # open the question dialog
    NEED_INFO_SUBMIT = "need_info_submit"
    RESOLVE = "resolve"  # open the resolution dialog
    RESOLVE_SUBMIT = "resolve_submit"


@dataclass(frozen=True)
class StaffFile:
    """A file staff attached to a reply, as the workspace describes it (not its bytes:
    ``StaffWorkspace.fetch_file`` gets those)."""

    name: str
    mimetype: str
    size: int
    url: str  # where the workspace serves it (Slack: url_private_download)
    file_id: str = ""


@dataclass(frozen=True)
class StaffAction:
    """One staff action, as the workspace adapter hands it over.

    ``suggestion_id`` identifies the card; for a thread reply the adapter gives the
    card it belongs to via ``card`` instead, and for a translation confirmation the
    clicked message via ``card`` and the held reply via ``extra["outbox"]``. ``handle``
    is opaque adapter data needed to open a dialog in answer to a click (Slack's
    trigger_id).
    """

    kind: ActionKind
    user_id: str
    user_name: str
    at: datetime
    suggestion_id: int | None = None
    text: str | None = None
    intent: str | None = None
    card: CardRef | None = None
    handle: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    files: tuple[StaffFile, ...] = ()  # attached to a thread reply


@dataclass(frozen=True)
class Limit:
    """At most ``count`` sends in any ``seconds``-long window (a platform rate limit)."""

    count: int
    seconds: float


@dataclass(frozen=True)
class ChannelCapabilities:
    """What a customer channel can render and how fast it may be sent to.

    Replies degrade to plain text without buttons or markdown. The limits are the
    platform's published ones with a safety margin; the outbox queues to stay under them.
    """

    max_text_length: int = 4096
    buttons: bool = False
    files: bool = False  # can deliver a file (``CustomerChannel.send_file``)
    max_file_bytes: int = 0  # the largest file it accepts
    # the file types it takes (MIME types) and the largest of each; None: any type up to
    # ``max_file_bytes`` (WhatsApp takes a fixed list: pictures up to 5 MB, PDFs...)
    file_limits: Mapping[str, int] | None = None
    markdown: bool = False
    per_chat: Limit | None = None  # one private chat
    per_group: Limit | None = None  # one group chat (its id starts with ``group_prefix``)
    overall: Limit | None = None  # everything the bot sends
    group_prefix: str | None = None
    # Free-form replies are taken only within this time of the shopper's last message
    # (WhatsApp's 24-hour customer-service window); later the channel sends an approved
    # template instead. The card shows when it closes. None: no such window.
    reply_window: timedelta | None = None
    # The proactive notice kinds (``Notice.kind``) it can still send after that window,
    # each as an approved template of its own (WhatsApp, as the store configured them).
    templated_notices: frozenset[str] = frozenset()
    # A user id is the user's phone number, which the platform verified (WhatsApp's
    # ``wa_id``: the shopper registered it with a code sent to that number). Such a phone
    # proves an order placed with it (``handlers.order_links``); a typed one never does.
    phone_ids: bool = False

    def limits_for(self, channel: str, chat_id: str) -> list[tuple[str, Limit]]:
        """The (pacing key, limit) pairs a send to ``chat_id`` counts against."""
        rules: list[tuple[str, Limit]] = []
        is_group = self.group_prefix is not None and chat_id.startswith(self.group_prefix)
        chat_limit = self.per_group if is_group else self.per_chat
        if chat_limit is not None:
            rules.append((f"{channel}:{chat_id}", chat_limit))
        if self.overall is not None:
            rules.append((channel, self.overall))
        return rules


ROOT_CAUSES: dict[str, str] = {
    "supplier_product": "Supplier / product",
    "packing": "Packing",
    "warehouse_picking": "Warehouse picking",
    "carrier": "Carrier",
    "customs": "Customs",
    "listing": "Listing / description",
    "customer": "Customer",
    "other": "Other",
}


@dataclass(frozen=True)
class EscalationCard:
    """What a department sees of an escalated problem."""

    escalation_id: int
    department: str
    intent: str
    customer_name: str
    channel: str
    language: str
    original_text: str
    translated_text: str | None
    facts: tuple[tuple[str, str], ...]  # ("Order", "A10293"), ("Carrier", "DHL")...
    link: str | None
    opened_by: str
    status_line: Note | None = None  # who acknowledged / resolved, and when
    resolved: bool = False
    # what the shopper was told when it was escalated, as a line for the department
    # ("Shopper not answered: ..." when staff chose not to reply); None when not known
    shopper_reply: str | None = None
