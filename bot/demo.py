"""``borderdesk demo``: a scripted multilingual day through the real pipeline, printed.

Local adapters stand in for Telegram and Slack; everything else — storage, language
detection, suggestions, handlers, outbox — is what ``borderdesk run`` uses.
"""

from __future__ import annotations

import itertools
import shlex
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.calendar.roster import parse_agents
from bot.channels.local import LocalChannel, LocalWhatsApp, LocalWorkspace
from bot.channels.whatsapp_window import Template
from bot.config import DEPARTMENTS, Config
from bot.demo_orders import (
    MANAGER,
    ORDERS,
    SCENES,
    Narrator,
    OrderTally,
    Scene,
    check_proactive,
    staff_types,
)
from bot.demo_phrasebook import demo_phrasebook
from bot.demo_script import AGENTS, DAY, DISPUTES, DOUBLE_CLICK_OF, DUPLICATE_OF, RESOLUTION, Step
from bot.desk import DisputePolicy, money
from bot.jobs import digest_schedules
from bot.models import ActionKind, Card, InboundMessage, StaffAction
from bot.reports import Report
from bot.runtime import Runtime, load_desk_for
from bot.storage.urls import beside_database, database_label
from bot.transcript import Printer, Transcript
from handlers.agents import post_work_logs
from scheduler.digest_jobs import compose_digest

DEMO_DATE = datetime(2026, 11, 24, tzinfo=UTC)
DEMO_HOURS = {"timezone": "Europe/Berlin", "hours": {"mon-fri": "09:00-18:00"}}


@dataclass
class SimClock:
    """The demo's clock: set by the script, so the transcript reads like a real day."""

    now: datetime = DEMO_DATE

    def __call__(self) -> datetime:
        return self.now

    def set(self, hhmm: str, plus_seconds: int = 0) -> None:
        hour, minute = (int(part) for part in hhmm.split(":"))
        self.now = datetime.combine(DEMO_DATE.date(), time(hour, minute), UTC) + timedelta(
            seconds=plus_seconds
        )


async def run_demo(config: Config, out: Printer) -> int:
    clock = SimClock()
    transcript = Transcript(out, clock)
    telegram = LocalChannel("telegram", transcript)
    # a user id is the shopper's verified number, and a reply more than 24 hours after
    # their last message goes as the store's approved template (the card says when)
    whatsapp = LocalWhatsApp(transcript, clock, Template("request_update", "pt_BR"))
    workspace = LocalWorkspace(transcript, DEPARTMENTS)
    message_ids = itertools.count(100)
    tally = OrderTally()
    # the demo's manager approves refunds for the flagged buyer
    config = replace(config, managers=config.managers | {_staff_id(MANAGER)})
    store = config.store_name or "the store"
    out(f"BorderDesk demo — a day at {store}, {DEMO_DATE:%A %d %B %Y} (times UTC)")
    out(f"Database: {database_label(config.database_url)}\n")

    async def resolution(runtime: Runtime, _: Narrator, __: OrderTally) -> None:
        await _department_follow_up(runtime, workspace, transcript)

    scenes: list[tuple[str, Scene]] = sorted(
        [(RESOLUTION[0], resolution), *SCENES], key=lambda scene: scene[0]
    )
    out(
        "Translation: an offline stand-in that knows only this script's sentences "
        "(bot/demo_phrasebook.py); a real desk uses BORDERDESK_TRANSLATOR.\n"
    )
    desk = load_desk_for(config)
    if not desk.agents:  # the demo's team, Lee in Berlin and Priya in Bangalore
        where = "the demo's agents"
        desk = replace(desk, agents=parse_agents(AGENTS, {}, DEMO_HOURS, where))
    out(
        "Agents: "
        + ", ".join(
            f"{a.name} ({', '.join(sorted(a.languages))}; {a.calendar.timezone})"
            for a in desk.agents
        )
        + ". Each card goes to the one on shift who reads the shopper's language.\n"
    )
    if desk.disputes.currency is None:  # the demo's return costs and settlements
        desk = replace(desk, disputes=DISPUTES)
    out(f"Disputes: {dispute_terms(desk.disputes)}.\n")
    async with Runtime(
        config,
        desk=desk,
        channels=[telegram, whatsapp],
        workspace=workspace,
        clock=clock,
        background=False,
        translation_backend=demo_phrasebook(),
    ) as runtime:

        async def scenes_until(time_: str) -> None:
            while scenes and scenes[0][0] < time_:
                at, scene = scenes.pop(0)
                clock.set(at)
                await scene(runtime, transcript, tally)
                await check_proactive(runtime, transcript, tally)
                out("")

        for number, step in enumerate(DAY):
            await scenes_until(step.time)
            clock.set(step.time)
            transcript.names[step.chat_id] = step.shopper.split()[0]
            message = _inbound(step, next(message_ids), clock.now)
            shown = message.display_text() or "(empty)"
            # a Telegram shopper's app language; a WhatsApp shopper's number
            said_by = step.language_code or f"{step.channel} +{step.chat_id}"
            if step.written_before:  # Meta delivers again what a desk that was down missed
                said_by += f", written {message.received_at:%a %H:%M}, delivered again by Meta"
            transcript.line("SHOPPER", f"{step.shopper} [{said_by}]: {shown}")
            if step.channel == whatsapp.name:
                whatsapp.windows.saw(step.chat_id, message.received_at)
            transcript.last_card = None
            await runtime.on_message(message)
            if number == DUPLICATE_OF:
                transcript.line("SHOPPER", f"{step.shopper}'s app delivers the same message again")
                await runtime.on_message(message)
                transcript.line("", "-> recognised as a duplicate: stored once, no second card")
            await runtime.outbox.drain()
            card = transcript.last_card
            if card is not None and not card.decision:
                clock.set(step.time, 60)
                await _act(runtime, workspace, transcript, step, card)
            await runtime.outbox.drain()
            if step.command:
                clock.set(step.time, 120)
                await staff_types(runtime, transcript, step.staff, step.command)
            await check_proactive(runtime, transcript, tally)
            if number == DOUBLE_CLICK_OF and card is not None:
                transcript.line("STAFF", f"Priya also clicks Send on card #{card.suggestion_id}")
                await runtime.on_action(_action(ActionKind.SEND, "Priya", clock.now, card))
                await runtime.outbox.drain()
                transcript.line("", "-> already decided: nothing is sent twice")
            out("")
        await scenes_until("24:00")
        await _next_morning(runtime, out, config)
        counts = await runtime.ctx.store.counts()
        outbox = await runtime.ctx.store.outbox_status()
        linked = [await runtime.ctx.store.order_by_number(o["order_number"]) for o in ORDERS]
    _summary(out, counts, outbox, workspace)
    out(
        f"  orders: {len(ORDERS)} imported, "
        f"{sum(1 for o in linked if o and o.customer_id)} linked by their shoppers · "
        f"proactive notices: {tally.notices}"
    )
    _follow_up(out, config.database_url)
    return 0


def _follow_up(out: Printer, database_url: str) -> None:
    """Commands to paste next, on this demo's database (not the default one)."""
    program = ".venv/bin/borderdesk" if Path(".venv/bin/borderdesk").exists() else "borderdesk"
    db = shlex.quote(database_label(database_url))
    day = DEMO_DATE.date().isoformat()
    out("\nLook around the demo's data (copy and paste):")
    for command, what in (
        (f"digest --department logistics --date {day} --dry-run --db {db}", "a digest + chart"),
        (f"customer export 'Carmen Ruiz' --db {db}", "everything stored about a shopper"),
        (f"outbox list --db {db}", "what was sent and what is queued"),
        (f"orders kept --db {db}", "shop webhooks kept unapplied"),
        ("chat", "play shopper and staff yourself"),
    ):
        out(f"  {program} {command}    # {what}")


def dispute_terms(policy: DisputePolicy) -> str:
    """ "returns cost 6.50 EUR from DE, …; a refund without return under 30.00 EUR"."""
    currency = policy.currency or ""
    costs = [f"{money(r.cost, currency)} from {r.name}" for r in policy.regions]
    if policy.default_cost is not None:
        costs.append(f"{money(policy.default_cost, currency)} from elsewhere")
    terms = "returns cost " + ", ".join(costs)
    if policy.keep_it_under is not None:
        terms += (
            f"; a refund without return for items under {money(policy.keep_it_under, currency)}"
        )
    return terms


def _inbound(step: Step, message_id: int, at: datetime) -> InboundMessage:
    whatsapp = step.channel == "whatsapp"
    return InboundMessage(
        channel=step.channel,
        chat_id=step.chat_id,
        platform_message_id=f"{step.chat_id}:{step.message_id or message_id}",
        user_id=step.chat_id,
        user_name=step.shopper,
        text=step.text,
        received_at=at - step.written_before,
        kind=step.kind,
        language_hint=step.language_code or None,
        attachment=step.attachment,
        phone=f"+{step.chat_id}" if whatsapp else None,  # what the WhatsApp adapter hands on
    )


def _staff_id(staff: str) -> str:
    """The demo's Slack user id for a staff member: "Lee" -> "ULEE000000"."""
    return f"U{staff.upper():0<9}"[:10]


def _action(kind: ActionKind, staff: str, at: datetime, card: Card, **extra: Any) -> StaffAction:
    return StaffAction(
        kind=kind,
        user_id=_staff_id(staff),
        user_name=staff,
        at=at,
        suggestion_id=card.suggestion_id,
        handle="demo-trigger",
        **extra,
    )  # type: ignore[arg-type]


async def _act(
    runtime: Runtime, workspace: LocalWorkspace, transcript: Transcript, step: Step, card: Card
) -> None:
    action = step.action
    if action == "send" and card.suggestion.reply is None:
        action = "other"  # nothing to send as is: staff pick the right answer
    if action == "other" and card.suggestion.intent == step.expected and card.suggestion.reply:
        action = "send"
    now = transcript.clock.now
    seen = len(workspace.confirmations)
    if action == "send":
        transcript.line("STAFF", f"{step.staff} clicks Send")
        await runtime.on_action(_action(ActionKind.SEND, step.staff, now, card))
    elif action == "edit":
        transcript.line("STAFF", f"{step.staff} clicks Edit, adds a line and sends")
        await runtime.on_action(_action(ActionKind.EDIT, step.staff, now, card))
        draft = str(workspace.dialogs[-1][2])
        await runtime.on_action(
            _action(
                ActionKind.EDIT_SUBMIT,
                step.staff,
                now,
                card,
                text=f"{draft}\n{step.staff_text or ''}".strip(),
            )
        )
    elif action == "other":
        transcript.line("STAFF", f"{step.staff} clicks Other answer and picks {step.expected}")
        await runtime.on_action(_action(ActionKind.OTHER, step.staff, now, card))
        await runtime.on_action(
            _action(ActionKind.OTHER_SUBMIT, step.staff, now, card, intent=step.expected)
        )
    elif action == "manager":
        transcript.line("STAFF", f"{step.staff} clicks Send")
        await runtime.on_action(_action(ActionKind.SEND, step.staff, now, card))
        await runtime.outbox.drain()
        transcript.line("STAFF", f"{MANAGER}, a manager, clicks Send")
        await runtime.on_action(_action(ActionKind.SEND, MANAGER, now, card))
    elif action == "escalate":
        transcript.line("STAFF", f"{step.staff} clicks Escalate")
        await runtime.on_action(_action(ActionKind.ESCALATE, step.staff, now, card))
    elif action == "take":  # the card becomes theirs; its answer waits for them
        transcript.line("STAFF", f"{step.staff} clicks Take it")
        await runtime.on_action(_action(ActionKind.TAKE, step.staff, now, card))
    elif action == "settle" and card.dispute is not None:  # the cheapest fair settlement
        choice = next((c for c in card.dispute.choices if c.recommended), card.dispute.choices[0])
        transcript.line("STAFF", f"{step.staff} clicks {choice.label}")
        extra = {"option": choice.key}
        await runtime.on_action(_action(ActionKind.SETTLE, step.staff, now, card, extra=extra))
    elif action == "ignore":
        transcript.line("STAFF", f"{step.staff} clicks Ignore")
        await runtime.on_action(_action(ActionKind.IGNORE, step.staff, now, card))
    elif action == "thread":
        transcript.line("STAFF", f"{step.staff} replies in the thread: {step.staff_text}")
        conversation = await runtime.ctx.store.conversation(
            (await runtime.ctx.store.suggestion(card.suggestion_id)).conversation_id  # type: ignore[union-attr]
        )
        assert conversation.card is not None
        await runtime.on_action(
            StaffAction(
                kind=ActionKind.THREAD_REPLY,
                user_id=_staff_id(step.staff),
                user_name=step.staff,
                at=now,
                text=step.staff_text,
                card=conversation.card,
                extra={"ts": now.isoformat()},
            )
        )
    await _choose_held(runtime, workspace, transcript, step.staff, seen)


async def _choose_held(
    runtime: Runtime, workspace: LocalWorkspace, transcript: Transcript, staff: str, seen: int
) -> None:
    """A reply the step left held (English to a shopper of another language) is never
    left waiting: staff choose in the thread, as in Slack — the translation when there is
    one, else what they wrote."""
    for held in workspace.confirmations[seen:]:
        if await runtime.ctx.store.held(held.outbox_id) is None:
            continue
        kind, label = (
            (ActionKind.CONFIRM_TRANSLATED, "Send translation")
            if held.translated
            else (ActionKind.CONFIRM_ORIGINAL, "Send untranslated")
        )
        transcript.line("STAFF", f"{staff} clicks {label}")
        await runtime.on_action(
            StaffAction(
                kind=kind,
                user_id=_staff_id(staff),
                user_name=staff,
                at=transcript.clock.now,
                card=held.ref,
                extra={"outbox": str(held.outbox_id)},
            )
        )


async def _department_follow_up(
    runtime: Runtime, workspace: LocalWorkspace, transcript: Transcript
) -> None:
    """The warehouse acknowledges and resolves its first escalation; staff send the update."""
    _, person, cause, note = RESOLUTION
    found = [
        (ref, card) for ref, card in workspace.escalations.items() if card.department == "warehouse"
    ]
    if not found:
        return
    card = found[0][1]
    extra = {"escalation": str(card.escalation_id)}
    now = transcript.clock.now

    def act(kind: ActionKind, **fields: Any) -> StaffAction:
        return StaffAction(
            kind=kind,
            user_id="UMEI000001",
            user_name=person,
            at=now,
            handle="demo-trigger",
            extra=extra,
            **fields,
        )

    transcript.line("WAREHOUSE", f"{person} clicks Acknowledge")
    await runtime.on_action(act(ActionKind.ACKNOWLEDGE))
    transcript.line("WAREHOUSE", f'{person} clicks Resolve: root cause {cause}, "{note}"')
    await runtime.on_action(act(ActionKind.RESOLVE_SUBMIT, text=note, intent=cause))
    confirmations = [d for d in workspace.dialogs if d[0] == "confirm"]
    if confirmations:
        transcript.line("STAFF", "Lee clicks Send on the prepared update")
        await runtime.on_action(
            StaffAction(
                kind=ActionKind.CONFIRM_TRANSLATED,
                user_id=_staff_id("Lee"),
                user_name="Lee",
                at=now,
                extra={"outbox": str(confirmations[-1][1])},
            )
        )
        await runtime.outbox.drain()


async def _next_morning(runtime: Runtime, out: Printer, config: Config) -> None:
    """What the warehouse, logistics and management read the next morning at 08:00."""
    out("Next morning, 08:00 Berlin: the daily digests\n")
    schedules = digest_schedules(runtime.desk)
    for department in ("warehouse", "logistics", "management"):
        message = await compose_digest(
            runtime.ctx.store.engine, department, DEMO_DATE.date(), schedules[department]
        )
        out(message.text)
        if message.chart is not None:
            chart = beside_database(config.database_url, f"demo-{message.chart_name}")
            chart.write_bytes(message.chart)
            out(f"(chart: {chart})")
        out("")
    await _work_logs(runtime, out, schedules["management"].zone)


async def _work_logs(runtime: Runtime, out: Printer, zone: ZoneInfo) -> None:
    """Each agent's work log of the day, sent to them by direct message the next morning
    (``handlers.agents``): Lee's is printed."""
    logs: list[Report] = []

    async def keep(report: Report) -> None:
        logs.append(report)

    morning = datetime.combine(DEMO_DATE.date() + timedelta(days=1), time(8), zone)
    await post_work_logs(runtime.ctx.store, runtime.desk.agents, morning, keep, zone=zone)
    lee = next((r for r in logs if r.to_person == _staff_id("Lee")), None)
    if lee is None:
        return
    out("Lee's work log, a direct message from the app the same morning\n")
    out(lee.text)
    others = ", ".join(r.title.rsplit(": ", 1)[-1] for r in logs if r is not lee)
    out(f"\n(and one each to {others})\n" if others else "")


def _summary(
    out: Printer,
    counts: dict[str, dict[str, int]],
    outbox: dict[str, int],
    workspace: LocalWorkspace,
) -> None:
    messages = counts["messages"]
    out("Summary of the day")
    out(
        f"  shopper messages stored: {messages.get('in', 0)} · replies delivered: "
        f"{messages.get('out', 0)} · outbox: "
        + ", ".join(f"{k} {v}" for k, v in sorted(outbox.items()))
    )
    out("  languages: " + ", ".join(f"{k} {v}" for k, v in sorted(counts["languages"].items())))
    out("  decisions: " + ", ".join(f"{k} {v}" for k, v in sorted(counts["suggestions"].items())))
    out(
        "  escalations: "
        + (", ".join(f"{k} {v}" for k, v in sorted(counts["escalations"].items())) or "none")
    )
    resolved = sum(1 for card in workspace.escalations.values() if card.resolved)
    out(
        f"  inbox cards: {len(workspace.cards)}; escalation cards: {len(workspace.escalations)} "
        f"({resolved} resolved)"
    )
