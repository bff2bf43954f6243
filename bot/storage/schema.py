"""Tables, as SQLAlchemy Core metadata. Alembic migrations in ``bot/migrations`` create them.

Timestamps are stored as UTC and always read back timezone-aware (``UTCDateTime``),
because SQLite keeps no zone and naive datetimes are bugs in a cross-border product.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC; refuses naive ones."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; pass an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


metadata = MetaData()

customers = Table(
    "customers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(32), nullable=False),
    Column("platform_user_id", String(128), nullable=False),
    Column("name", String(256), nullable=False),
    Column("language", String(8)),
    Column("country", String(2)),
    Column("created_at", UTCDateTime, nullable=False),
    # contact details, from a linked order or given by the shopper; used to link orders
    Column("email", String(256)),
    Column("phone", String(32)),
    Column("timezone", String(64)),  # IANA name; else derived from the country
    # blocklist: staff flagged the buyer (extortion, bad_faith_review, fraud, other)
    Column("blocked_at", UTCDateTime),
    Column("block_reason", String(32)),
    Column("block_note", Text),
    Column("blocked_by", String(256)),
    Column("opted_out_at", UTCDateTime),  # said "stop": no proactive messages
    # blocked the bot on the platform (Telegram my_chat_member "kicked"): nothing proactive
    Column("channel_blocked_at", UTCDateTime),
    Column("forgotten_at", UTCDateTime),  # personal data erased on request
    # identities proven to be one person (a code typed in the other chat, or staff joined
    # them) share it: the lowest customer id among them; NULL: this identity alone
    Column("person_id", Integer, index=True),
    UniqueConstraint("channel", "platform_user_id", name="uq_customers_platform"),
)

join_codes = Table(
    "join_codes",
    metadata,
    # A one-time code sent to the chat an order is linked to, when another chat proves the
    # same order: typed in the asking chat, it joins the two (handlers/customer_joins.py).
    # Only a salted hash of the code is kept; a copy of the database hands out no code.
    Column("id", Integer, primary_key=True),
    Column("asking_customer_id", ForeignKey("customers.id"), nullable=False, index=True),
    Column("owner_customer_id", ForeignKey("customers.id"), nullable=False, index=True),
    Column("order_id", ForeignKey("orders.id"), nullable=False),
    # the asking shopper's message that proved the order: one code per message
    Column("message_id", ForeignKey("messages.id"), nullable=False, unique=True),
    Column("code_salt", String(32), nullable=False),
    Column("code_hash", String(64), nullable=False),
    Column("wrong_tries", Integer, nullable=False, default=0),
    Column("status", String(16), nullable=False),  # pending | joined | locked | expired
    # the shopper's latest try: a message handled again after a crash counts once
    Column("last_message_id", Integer),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime),
    # one pending code per asking chat: a new one expires the earlier (issue 17)
    Index(
        "uq_join_codes_pending",
        "asking_customer_id",
        unique=True,
        sqlite_where=text("status = 'pending'"),
        postgresql_where=text("status = 'pending'"),
    ),
)

orders = Table(
    "orders",
    metadata,
    # An order from the shop (import, generic event or Shopify webhook), linked to the
    # customer who wrote to us once they proved it is theirs (order number + e-mail/phone).
    Column("id", Integer, primary_key=True),
    Column("order_number", String(64), nullable=False, unique=True),
    Column("source", String(16), nullable=False),  # import | event | shopify
    Column("external_id", String(64)),
    Column("customer_id", ForeignKey("customers.id"), index=True),
    Column("name", String(256)),
    Column("email", String(256), index=True),
    Column("phone", String(32)),
    Column("country", String(2)),
    Column("language", String(8)),
    Column("currency", String(3)),
    Column("total", Float),
    Column("items", JSON, nullable=False, default=list),  # [{"title": …, "quantity": n}]
    Column("status", String(16), nullable=False),  # created|paid|shipped|delivered|cancelled
    Column("ordered_at", UTCDateTime, nullable=False),
    Column("paid_at", UTCDateTime),
    Column("shipped_at", UTCDateTime),
    Column("carrier", String(64)),
    Column("tracking_number", String(64)),
    Column("tracking_url", String(512)),
    Column("estimated_delivery", Date),
    Column("delivered_at", UTCDateTime),
    Column("evaluation", String(8)),  # good | bad: the review the buyer left, if any
    Column("updated_at", UTCDateTime, nullable=False),
    # what the shopper saw at checkout when it differs from the shop's currency (Shopify)
    Column("presentment_currency", String(3)),
    Column("presentment_total", Float),
    # refunds made, by the shop's refund id: {"890088186": 20.0}, in ``currency``
    Column("refunds", JSON),
    # the shop's own "last changed" of the newest event applied: older ones change nothing
    Column("shop_updated_at", UTCDateTime),
)

shipments = Table(
    "shipments",
    metadata,
    # One row per parcel: a split shipment, or a fulfillment with several tracking numbers,
    # is several rows. The order's own carrier/tracking columns hold the latest parcel.
    Column("id", Integer, primary_key=True),
    Column("order_id", ForeignKey("orders.id"), nullable=False, index=True),
    # "shopify:<fulfillment id>:<n>" (n-th tracking number), or "tracking:<number>"
    Column("parcel_key", String(160), nullable=False),
    Column("fulfillment_id", String(64)),
    # the shop's fulfillment status: pending | open | success | cancelled | error | failure
    Column("status", String(16), nullable=False),
    # the carrier's latest word: in_transit, out_for_delivery, attempted_delivery,
    # failure, delivered, ... (Shopify fulfillment events)
    Column("shipment_status", String(32)),
    Column("shipment_status_at", UTCDateTime),
    Column("carrier", String(64)),
    Column("tracking_number", String(64)),
    Column("tracking_url", String(512)),
    Column("shipped_at", UTCDateTime),
    Column("delivered_at", UTCDateTime),
    Column("estimated_delivery", Date),
    Column("updated_at", UTCDateTime, nullable=False),
    # the shop's "last changed" of its fulfillment: an older description changes nothing
    Column("shop_updated_at", UTCDateTime),
    UniqueConstraint("order_id", "parcel_key", name="uq_shipments_parcel"),
)

shop_events = Table(
    "shop_events",
    metadata,
    # Shop webhooks accepted but not applied: "waiting" for an order we do not know yet
    # (applied when it arrives), "unknown" for a topic BorderDesk does not use. Kept so
    # nothing the shop sent is lost, and listed for staff.
    Column("id", Integer, primary_key=True),
    Column("source", String(16), nullable=False),
    Column("topic", String(64), nullable=False),
    Column("event_id", String(128)),
    Column("order_external_id", String(64), index=True),
    Column("order_number", String(64)),
    Column("status", String(16), nullable=False),  # waiting | unknown | applied | stale
    Column("payload", JSON, nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("applied_at", UTCDateTime),
)

audit = Table(
    "audit",
    metadata,
    # Who did what to a customer's record: blocklist flags, approvals, exports, erasure.
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime, nullable=False, index=True),
    Column("actor", String(256), nullable=False),
    Column("action", String(32), nullable=False),
    Column("customer_id", Integer, index=True),  # no foreign key: survives erasure
    Column("detail", JSON, nullable=False, default=dict),
)

webhook_events = Table(
    "webhook_events",
    metadata,
    # Order events already applied (Shopify's X-Shopify-Webhook-Id, a generic event id),
    # so a redelivered webhook changes nothing.
    Column("id", Integer, primary_key=True),
    Column("source", String(16), nullable=False),
    Column("event_id", String(128), nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    UniqueConstraint("source", "event_id", name="uq_webhook_events"),
)

conversations = Table(
    "conversations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", ForeignKey("customers.id"), nullable=False),
    Column("channel", String(32), nullable=False),
    Column("chat_id", String(128), nullable=False),
    Column("language", String(8)),
    Column("card_channel", String(32)),
    Column("card_ts", String(32)),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # "private" (one shopper) or "group"; NULL in rows older than the column: private
    Column("chat_type", String(16)),
    UniqueConstraint("channel", "chat_id", name="uq_conversations_chat"),
    UniqueConstraint("card_channel", "card_ts", name="uq_conversations_card"),
)

conversation_claims = Table(
    "conversation_claims",
    metadata,
    # The process handling a conversation's messages now (``bot.storage.claims``): one at
    # a time across every process on the database, so a card is posted once and a
    # conversation's messages are handled in the order they came. No row: nobody.
    Column("conversation_id", ForeignKey("conversations.id"), primary_key=True),
    Column("owner", String(64), nullable=False),  # a token naming the process and the claim
    Column("claimed_until", UTCDateTime, nullable=False),  # after this, anyone may take it
)

messages = Table(
    "messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", ForeignKey("conversations.id"), nullable=False, index=True),
    Column("direction", String(3), nullable=False),  # "in" | "out"
    Column("channel", String(32), nullable=False),
    Column("platform_message_id", String(128)),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("attachment", String(512)),
    Column("language", String(8)),
    Column("language_hint", String(16)),  # what the platform said about the user's app
    Column("author", String(256)),  # staff member for outbound messages
    Column("created_at", UTCDateTime, nullable=False, index=True),
    Column("processed_at", UTCDateTime),
    # why an unprocessed message waits (e.g. "flood": shown to staff together, later)
    Column("hold_reason", String(16)),
    Column("purged_at", UTCDateTime),  # text erased (retention period over, or forgotten)
    # an edit of an earlier message (the shopper corrected it): that message's row
    Column("edit_of", Integer),
    UniqueConstraint("channel", "platform_message_id", name="uq_messages_platform"),
)

suggestions = Table(
    "suggestions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("message_id", ForeignKey("messages.id"), nullable=False, unique=True),
    Column("conversation_id", ForeignKey("conversations.id"), nullable=False, index=True),
    Column("language", String(8), nullable=False),
    Column("intent", String(64), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("top", JSON, nullable=False),
    Column("department", String(32)),
    Column("is_problem", Boolean, nullable=False, default=False),
    Column("reply_text", Text),
    Column("reply_language", String(8)),
    # What the card shows besides the suggestion: the shopper's text in the staff language,
    # the reply in the staff language, and notes such as "translation unavailable".
    Column("display", JSON, nullable=False, default=dict),
    Column("status", String(16), nullable=False, default="pending"),
    Column("decided_by", String(64)),
    Column("decided_by_name", String(256)),
    Column("decided_at", UTCDateTime),
    Column("final_text", Text),
    Column("final_intent", String(64)),
    Column("card_channel", String(32)),
    Column("card_ts", String(32)),
    Column("created_at", UTCDateTime, nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("idempotency_key", String(128), nullable=False, unique=True),
    Column("conversation_id", ForeignKey("conversations.id"), nullable=False),
    Column("channel", String(32), nullable=False),
    Column("chat_id", String(128), nullable=False),
    Column("text", Text, nullable=False),
    Column("original_text", Text),  # what staff wrote, when ``text`` is its translation
    Column("author", String(256)),
    # pending -> sending -> sent | dead; held: waits for staff to confirm a translation;
    # dead: gave up (or refused), kept with its error until staff retry it
    Column("status", String(16), nullable=False, default="pending", index=True),
    Column("attempts", Integer, nullable=False, default=0),
    # pieces of a long text already delivered, so a retry never repeats them
    Column("parts_sent", Integer, nullable=False, default=0, server_default="0"),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("last_error", Text),
    Column("platform_message_id", String(128)),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    # a file staff attached to the reply, sent before its text
    Column("attachment_id", Integer),
    # what is kept of ``text`` once sent, when the text itself must not be (a one-time
    # code); NULL keeps the text
    Column("kept_text", Text),
    # a note for staff (channel "staff"): its ``NoteKind`` value, ``text`` being its plain
    # words; NULL for a note of no kind and for every reply to a shopper
    Column("note_kind", String(32)),
    # who claimed it for sending (a token per claim, ``OutboxWorker``); while ``sending``,
    # ``next_attempt_at`` is when that claim runs out and another worker may take it over
    Column("claimed_by", String(64)),
    # a proactive notice (``Notice``): its kind (shipped, delay...) and the values its text
    # was rendered from, so a channel can send the store's template for that kind instead
    # (WhatsApp after the 24-hour window); NULL for everything else
    Column("notice_kind", String(32)),
    Column("notice_values", JSON),
)

attachments = Table(
    "attachments",
    metadata,
    # Files staff attach to replies, fetched from the workspace when the reply is written
    # (stored first, like everything that leaves), so a send never depends on Slack.
    Column("id", Integer, primary_key=True),
    Column("name", String(256), nullable=False),
    Column("mimetype", String(128), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

examples = Table(
    "examples",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("intent", String(64), nullable=False),
    Column("source", String(16), nullable=False),  # "staff" | "import"
    Column("created_at", UTCDateTime, nullable=False),
    # the running desk's Store whose staff decision taught it (``bot.storage.examples``):
    # the other processes learn it from the table, that one has learned it already
    Column("origin", String(36)),
    UniqueConstraint("text", "intent", name="uq_examples_text_intent"),
)

problems = Table(
    "problems",
    metadata,
    # One problem per cause (damaged, late, lost... about one order or, without an order, one
    # conversation), recorded against the department that owns it; what could be read from
    # its reports is kept for the daily digest. Its reports are in ``problem_reports``;
    # ``bot/storage/problem_causes.py`` decides which problem a report belongs to.
    Column("id", Integer, primary_key=True),
    Column("conversation_id", ForeignKey("conversations.id"), nullable=False),  # first report's
    Column("order_id", ForeignKey("orders.id")),
    # "shopper" when a shopper reported it, "order" when only BorderDesk noticed it (late order)
    Column("source", String(16), nullable=False, default="shopper", server_default="shopper"),
    Column("department", String(32), nullable=False),
    Column("intent", String(64), nullable=False),
    Column("channel", String(32), nullable=False),
    Column("language", String(8)),
    Column("country", String(2)),
    Column("order_number", String(64)),
    # the order number as compared ("#A-1001" and "a1001" alike), erased with it
    Column("order_key", String(64), index=True),
    Column("product", String(128)),
    Column("carrier", String(64)),
    Column("tracking_number", String(64)),
    Column("created_at", UTCDateTime, nullable=False),  # its first report's
    Index("ix_problems_department_created", "department", "created_at"),
)

problem_reports = Table(
    "problem_reports",
    metadata,
    # Each time a problem was reported: a shopper's message classified (or corrected) as a
    # problem, or BorderDesk noticing a late order. Ids and dates only, nothing personal.
    Column("id", Integer, primary_key=True),
    Column("problem_id", ForeignKey("problems.id"), nullable=False, index=True),
    # the shopper's card; NULL for what BorderDesk noticed itself
    Column("suggestion_id", ForeignKey("suggestions.id"), unique=True),
    Column("conversation_id", ForeignKey("conversations.id"), nullable=False, index=True),
    Column("order_id", ForeignKey("orders.id")),  # the order BorderDesk found late
    Column("source", String(16), nullable=False),  # "shopper" | "order"
    Column("created_at", UTCDateTime, nullable=False, index=True),
    # what BorderDesk noticed itself ("delivery_delay"); NULL on a shopper's report. Once
    # per order: the unique key, not a check, keeps a second process's report out
    Column("noticed_intent", String(64)),
    Index("uq_problem_reports_noticed", "order_id", "noticed_intent", unique=True),
)

problem_filings = Table(
    "problem_filings",
    metadata,
    # A row per cause (an order, a conversation) while a report of it is being filed,
    # deleted before the filing commits: a second process filing the same cause waits at
    # the primary key until the first has committed, then finds its problem
    # (bot/storage/problem_causes.py). Empty whenever nothing is being filed.
    Column("cause", String(255), primary_key=True),
)

escalations = Table(
    "escalations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("suggestion_id", ForeignKey("suggestions.id"), nullable=False, unique=True),
    Column("conversation_id", ForeignKey("conversations.id"), nullable=False),
    Column("department", String(32), nullable=False, index=True),
    Column("intent", String(64), nullable=False),
    # open -> acknowledged -> resolved (need_info keeps it open and asks the inbox)
    Column("status", String(16), nullable=False, default="open"),
    Column("opened_by", String(256), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("acknowledged_at", UTCDateTime),
    Column("acknowledged_by", String(256)),
    Column("resolved_at", UTCDateTime),
    Column("resolved_by", String(256)),
    Column("root_cause", String(32)),  # see bot.models.ROOT_CAUSES
    Column("resolution_note", Text),
    Column("card_channel", String(32)),
    Column("card_ts", String(32)),
)

reminders = Table(
    "reminders",
    metadata,
    # One row per reminder sent, so a restart never repeats one.
    Column("id", Integer, primary_key=True),
    Column("subject", String(64), nullable=False),  # "escalation:12:acknowledge", ...
    Column("kind", String(16), nullable=False),  # due_soon | missed
    Column("sent_at", UTCDateTime, nullable=False),
    UniqueConstraint("subject", "kind", name="uq_reminders_subject_kind"),
)

job_runs = Table(
    "job_runs",
    metadata,
    # A timed job's run, claimed before it does anything (``bot.storage.job_runs``): a run
    # (a department's digest of a day, an hour's retention purge) happens once, whatever
    # restarts, double fires or second processes happen.
    Column("id", Integer, primary_key=True),
    Column("job", String(64), nullable=False),  # "digest:logistics", "retention", ...
    Column("slot", String(32), nullable=False),  # which run: "2026-03-02", "2026-03-02T10:00Z"
    Column("status", String(16), nullable=False),  # claimed | done
    Column("claimed_at", UTCDateTime, nullable=False),
    Column("done_at", UTCDateTime),
    UniqueConstraint("job", "slot", name="uq_job_runs_job_slot"),
)

# Sends paced for the desk as a whole (``bot.storage.pace_slots``): every process sending
# under a key (a chat, a channel, a platform) counts the sends of all of them. Times are
# seconds of the wall clock the processes share (``time.time()``).
pace_keys = Table(
    "pace_keys",
    metadata,
    # one row per key, locked while a send is counted against it; ``held_until``: nothing
    # goes under the key before then (a platform said "retry after")
    Column("key", String(200), primary_key=True),
    Column("held_until", Float, nullable=False),
)

pace_sends = Table(
    "pace_sends",
    metadata,
    # a send under a key: in flight (``done`` false, ``at`` its start) or made (``at``: when
    # its request finished); kept while it still counts for the key's limit
    Column("id", Integer, primary_key=True),
    Column("key", String(200), ForeignKey("pace_keys.key"), nullable=False, index=True),
    Column("at", Float, nullable=False),
    Column("done", Boolean, nullable=False),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(160), nullable=False, unique=True),  # department:intent:scope:window
    Column("department", String(32), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

translations = Table(
    "translations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False, unique=True),  # sha256 of provider, pair, text
    Column("provider", String(32), nullable=False),
    Column("source", String(8), nullable=False),
    Column("target", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("translated", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

dispute_decisions = Table(
    "dispute_decisions",
    metadata,
    # How staff settled a return, refund, wrong-item, damaged or defect case on its card
    # (``handlers.disputes``), with what it cost, so the management digest can say what
    # was kept by not having items shipped back. One per card: a second click finds it.
    Column("id", Integer, primary_key=True),
    Column("suggestion_id", ForeignKey("suggestions.id"), nullable=False, unique=True),
    Column("conversation_id", ForeignKey("conversations.id"), nullable=False, index=True),
    Column("order_id", ForeignKey("orders.id")),
    Column("option", String(16), nullable=False),  # keep_refund|partial_refund|reship|return
    Column("percent", Integer),  # a partial refund's share of the item value
    Column("currency", String(3), nullable=False),  # the order's: item value and refund
    Column("item_value", Float, nullable=False),
    Column("refund", Float, nullable=False),  # money given back (0 for a reship)
    # the estimated return shipping for the shopper's country, in the desk file's currency;
    # NULL when the desk file names no cost for it
    Column("return_cost", Float),
    Column("return_currency", String(3)),
    Column("return_avoided", Float, nullable=False),  # return_cost unless shipped back
    Column("decided_by", String(64), nullable=False),
    Column("decided_by_name", String(256), nullable=False),
    Column("decided_at", UTCDateTime, nullable=False, index=True),
)

# A status webhook names the message by the id the platform gave at send time
# (``bot.storage.delivery_statuses`` finds the outbox row by it).
Index("ix_outbox_platform_message_id", outbox.c.platform_message_id)

delivery_statuses = Table(
    "delivery_statuses",
    metadata,
    # What a platform reported about a reply the outbox sent (WhatsApp's status webhooks):
    # the furthest state reached (sent < delivered < read; failed ends it), when it was
    # delivered and read, and for a failure the platform's reason. One row per outbox row.
    Column("outbox_id", ForeignKey("outbox.id"), primary_key=True),
    Column("state", String(16), nullable=False),  # sent | delivered | read | failed
    Column("delivered_at", UTCDateTime),
    Column("read_at", UTCDateTime),
    Column("reason", Text),  # failed: "131026 Message undeliverable (details)"
    Column("updated_at", UTCDateTime, nullable=False),
)

sent_pieces = Table(
    "sent_pieces",
    metadata,
    # Each message a reply went out in (a long text's pieces, an attached file), by the id
    # its platform gave it (``bot.storage.sent_pieces``), and what the platform reported of
    # that piece; ``delivery_statuses`` holds the reply's sum of them (delivered when every
    # piece is, failed when any is). A report that came before its send was recorded waits
    # here with no ``outbox_id`` until it is.
    Column("id", Integer, primary_key=True),
    Column("channel", String(32), nullable=False),
    Column("platform_message_id", String(128), nullable=False),
    Column("outbox_id", ForeignKey("outbox.id"), index=True),
    Column("piece", Integer),  # 0 for the first; NULL while its send is not recorded
    Column("state", String(16)),  # sent | delivered | read | failed; NULL: none reported
    Column("delivered_at", UTCDateTime),
    Column("read_at", UTCDateTime),
    Column("reason", Text),  # failed: the platform's words
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint("channel", "platform_message_id"),
)

ratings = Table(
    "ratings",
    metadata,
    # The one rating question a conversation gets once it is resolved (``handlers.ratings``)
    # and the shopper's answer: 1-5 and what they wrote with it. At most one per
    # conversation: the unique key, not a check, keeps a second process's question out.
    Column("id", Integer, primary_key=True),
    Column("conversation_id", ForeignKey("conversations.id"), nullable=False, unique=True),
    Column("asked_at", UTCDateTime, nullable=False),
    # the card whose reply resolved the conversation, and who sent that reply (staff id
    # and name, "borderdesk" for an automatic one), so a rating can be put to an agent
    Column("suggestion_id", ForeignKey("suggestions.id")),
    Column("agent_id", String(64)),
    Column("agent_name", String(256)),
    Column("score", Integer),  # 1-5; NULL while unanswered
    Column("comment", Text),  # what the shopper wrote beside the number, if anything
    Column("answered_at", UTCDateTime, index=True),
    Column("message_id", ForeignKey("messages.id")),  # the shopper's answer
)

conversation_owners = Table(
    "conversation_owners",
    metadata,
    # The agent who owns a conversation now (a Slack user id of the desk file's ``agents:``)
    # and since when (``handlers.assignment``); no row: it belongs to the inbox.
    Column("conversation_id", ForeignKey("conversations.id"), primary_key=True),
    Column("owner_id", String(64), nullable=False, index=True),
    Column("since", UTCDateTime, nullable=False),
)

assignments = Table(
    "assignments",
    metadata,
    # Every change of a conversation's owner, oldest first: the card that caused it, the new
    # owner (NULL: released to the inbox), what happened (auto | take | reassign | release),
    # who did it ("borderdesk" for the round robin) and when. Agent figures count from here.
    Column("id", Integer, primary_key=True),
    Column("conversation_id", ForeignKey("conversations.id"), nullable=False, index=True),
    Column("suggestion_id", ForeignKey("suggestions.id")),
    Column("owner_id", String(64)),
    Column("action", String(16), nullable=False),
    Column("by_id", String(64), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_assignments_owner_at", "owner_id", "at"),
)
